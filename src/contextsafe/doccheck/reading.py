"""Reading strategies, protocols and guidance (DOCX, PDF, plain text) into numbered passages under headings.

The kind of a file is decided by its content, never by its name: a DOCX is a ZIP holding
``word/document.xml``, a PDF starts with ``%PDF-``, plain text is UTF-8 (or Windows-1252) with no NUL bytes.

Reading is bounded whatever the packed size: a Word document whose parts unpack to more than
:data:`MAX_UNPACKED_BYTES` is refused before any part is read (a small ZIP can unpack to gigabytes), and a
document of more than :data:`MAX_PARAGRAPHS` paragraphs (or a PDF of more than :data:`MAX_PAGES` pages or
:data:`MAX_TEXT_CHARACTERS` characters) is refused rather than read for hours.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from contextsafe.errors import ContextsafeError

KINDS = ("docx", "pdf", "txt")
MAX_UNPACKED_BYTES = 20 * 1024 * 1024  # what the parts of one Word document (or of one upload) may unpack to
MAX_PARAGRAPHS = 50_000  # paragraphs and table rows read from one document (a 300-page strategy has ~5,000)
MAX_PAGES = 1_000  # pages read from one PDF
MAX_TEXT_CHARACTERS = 10_000_000  # characters of text taken from one PDF
_NUMBERED_HEADING = re.compile(r"^(\d+(\.\d+)*\.?|[A-Z]\.|Section \d+|Part \d+|Appendix [A-Z0-9]+)\s+\S")


class DocumentError(ContextsafeError):
    """An uploaded document cannot be read (not DOCX, PDF or plain text, or damaged)."""

    def __init__(self, name: str, message: str):
        self.name = name
        super().__init__(f"{name}: {message}")


@dataclass(frozen=True)
class Passage:
    """A paragraph of a document, with where it is: its number, page (PDF) and the heading above it."""

    number: int
    text: str
    heading: str = ""
    page: int | None = None
    is_heading: bool = False

    @property
    def where(self) -> str:
        """'page 3, paragraph 12' — how a reader finds the passage in the original."""
        return (f"page {self.page}, " if self.page else "") + f"paragraph {self.number}"


@dataclass(frozen=True)
class Document:
    """A document read into passages; ``title`` is its first heading (or its file name)."""

    name: str
    kind: str
    title: str
    passages: tuple[Passage, ...] = field(default=())

    @property
    def headings(self) -> list[Passage]:
        return [p for p in self.passages if p.is_heading]


def sniff(data: bytes) -> str | None:
    """The kind of a file from its content: 'docx', 'pdf', 'txt', or None for anything else.

    >>> sniff(b"%PDF-1.7 ..."), sniff(b"Plain words."), sniff(b"\\x00\\x01binary")
    ('pdf', 'txt', None)
    """
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return "docx" if "word/document.xml" in archive.namelist() else None
        except zipfile.BadZipFile:
            return None
    if not data or b"\x00" in data:
        return None
    return "txt" if _decode(data) is not None else None


def unpacked_size(data: bytes) -> int:
    """What a ZIP (a Word document) unpacks to: the sum of its entries' declared sizes, read from its directory
    without unpacking anything (0 for anything that is not a ZIP). ``zipfile`` never yields more than an entry
    declares, so this bounds what reading the document can unpack.

    >>> unpacked_size(b"Plain words.")
    0
    """
    if not data.startswith(b"PK\x03\x04"):
        return 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(entry.file_size for entry in archive.infolist())
    except zipfile.BadZipFile:
        return 0


def too_large_unpacked(size: int) -> str:
    """Why a document unpacking to ``size`` bytes is refused, or ''."""
    if size <= MAX_UNPACKED_BYTES:
        return ""
    return (f"it unpacks to {size / (1024 * 1024):.1f} MB, more than the {MAX_UNPACKED_BYTES // (1024 * 1024)} MB "
            "a Word document may hold (it may be damaged or built to exhaust the server): save it again from Word, "
            "or split it")


def _too_many(what: str, limit: int) -> DocumentError:
    return DocumentError("document", f"it has more than {limit:,} {what}: split it into smaller documents")


def _decode(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
        return text if printable >= 0.97 * max(len(text), 1) else None
    return None


def read(name: str, data: bytes) -> Document:
    """Read one uploaded file (kind decided by content) into a :class:`Document`."""
    kind = sniff(data)
    if kind is None:
        raise DocumentError(name, "not a Word document (.docx), PDF or plain text file")
    if kind == "docx" and (problem := too_large_unpacked(unpacked_size(data))):
        raise DocumentError(name, problem)
    try:
        blocks = {"docx": _docx_blocks, "pdf": _pdf_blocks, "txt": _text_blocks}[kind](data)
    except DocumentError as error:
        if error.name != name:  # raised by a reader that does not know the file's name
            raise DocumentError(name, str(error).split(": ", 1)[-1]) from error
        raise
    except Exception as error:  # noqa: BLE001 - any parser failure is a damaged upload
        raise DocumentError(name, f"the {kind.upper()} file could not be read ({type(error).__name__})") from error
    return _document(name, kind, blocks)


def from_text(name: str, text: str) -> Document:
    """A document from plain text already in memory (tests, the labelled set, the demo)."""
    return _document(name, "txt", _text_blocks(text.encode("utf-8")))


# A block is (text, is_heading, page).
Block = tuple[str, bool, int | None]


def _document(name: str, kind: str, blocks: list[Block]) -> Document:
    passages, heading, number = [], "", 0
    for text, is_heading, page in blocks:
        text = " ".join(text.split())
        if not text:
            continue
        number += 1
        if is_heading:
            heading = text
        passages.append(Passage(number, text, heading, page, is_heading))
    if not passages:
        raise DocumentError(name, "no text found (a scanned PDF needs its text recognised first)")
    title = next((p.text for p in passages if p.is_heading), "") or passages[0].text[:120]
    return Document(name, kind, title, tuple(passages))


def _docx_blocks(data: bytes) -> list[Block]:
    """Paragraphs (a Heading or Title style, or a heading's look, makes a heading) then table rows. Style names
    are looked up in a table made once: python-docx's ``paragraph.style`` searches every style of the document
    for each paragraph (about 1 ms a paragraph)."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document(io.BytesIO(data))
    names, default = {}, ""
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            names[style.style_id] = style.name or ""
            if style.element.default:
                default = style.name or ""
    paragraphs = document.paragraphs
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise _too_many("paragraphs", MAX_PARAGRAPHS)
    blocks: list[Block] = []
    for paragraph in paragraphs:
        element = paragraph._p  # noqa: SLF001 - read directly: python-docx's properties search per call
        style = names.get(element.style, default) if element.style else default
        text = _docx_text(element)
        heading = style.lower().startswith(("heading", "title"))
        blocks.append((text, heading or _looks_like_heading(text), None))
    for table in document.tables:
        for row in table.rows:
            if len(blocks) >= MAX_PARAGRAPHS:
                raise _too_many("paragraphs and table rows", MAX_PARAGRAPHS)
            cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
            blocks.append((" | ".join(cells), False, None))
    return blocks


def _docx_text(paragraph) -> str:  # noqa: ANN001 - an lxml element (w:p)
    """The text of a paragraph (its runs, hyperlinks included; tabs and breaks as spaces), in one pass."""
    from docx.oxml.ns import qn

    text, tab, brk, cr = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
    return "".join((node.text or "") if node.tag == text else " " for node in paragraph.iter(text, tab, brk, cr))


def _pdf_blocks(data: bytes) -> list[Block]:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    if len(reader.pages) > MAX_PAGES:
        raise _too_many("pages", MAX_PAGES)
    blocks: list[Block] = []
    characters = 0
    for page_number, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        characters += len(text)
        if characters > MAX_TEXT_CHARACTERS:
            raise _too_many("characters of text", MAX_TEXT_CHARACTERS)
        blocks += [(text, heading, page_number) for text, heading, _ in _paragraphs(text)]
        if len(blocks) > MAX_PARAGRAPHS:
            raise _too_many("paragraphs", MAX_PARAGRAPHS)
    return blocks


def _text_blocks(data: bytes) -> list[Block]:
    text = _decode(data)
    if text is None:
        raise DocumentError("text", "not readable as text")
    blocks = _paragraphs(text)
    if len(blocks) > MAX_PARAGRAPHS:
        raise _too_many("paragraphs", MAX_PARAGRAPHS)
    return blocks


def _paragraphs(text: str) -> list[Block]:
    """Split text into paragraphs: a blank line ends one; a heading line stands alone; a line ending a
    sentence followed by a new capitalised line starts a new paragraph (PDF text has no blank lines)."""
    blocks: list[Block] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append((" ".join(current), False, None))
            current.clear()

    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("#") or _looks_like_heading(line):
            flush()
            blocks.append((line.lstrip("#").strip(), True, None))
        else:
            if current and current[-1].endswith((".", ":", ";", "?", "!")) and line[:1].isupper():
                flush()
            current.append(line.lstrip("•-*· ").strip() if line[:1] in "•-*·" else line)
    flush()
    return blocks


def _looks_like_heading(line: str) -> bool:
    """A short line with no closing full stop: numbered ('3. Referral'), or in capitals, or Title Case."""
    line = line.strip()
    if not line or len(line) > 90 or line.endswith((".", ",", ";", ":")) or line[:1] in "•-*·":
        return False
    words = line.split()
    if len(words) > 12:
        return False
    if _NUMBERED_HEADING.match(line):
        return True
    letters = [w for w in words if w[:1].isalpha()]
    if letters and line.isupper() and len(line) > 3:
        return True
    minor = {"and", "or", "of", "the", "to", "for", "in", "on", "a", "an", "with", "by", "at", "from"}
    return len(letters) >= 2 and all(w[:1].isupper() or w.lower() in minor for w in letters)
