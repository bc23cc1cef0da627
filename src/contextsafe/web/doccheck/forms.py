"""Upload a set of documents (size and kind checked by content) and edit the rules (validated as a whole)."""

from __future__ import annotations

from django import forms
from django.conf import settings

from contextsafe.doccheck import RulesError, load_rules, sniff
from contextsafe.doccheck.reading import MAX_UNPACKED_BYTES, too_large_unpacked, unpacked_size

ALLOWED = {"docx": "Word document (.docx)", "pdf": "PDF", "txt": "plain text (.txt)"}
MAX_FILES = 12


def max_bytes() -> int:
    return int(getattr(settings, "UPLOAD_MAX_BYTES", 2 * 1024 * 1024))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("widget", MultipleFileInput(attrs={
            "class": "govuk-file-upload", "accept": ".docx,.pdf,.txt", "data-max-bytes": max_bytes()}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):  # noqa: ANN001, ANN201
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else single(data, initial)


class UploadForm(forms.Form):
    name = forms.CharField(label="Name of this set of documents", max_length=200,
                           help_text="For example: Northfield adolescent safeguarding documents, March 2026",
                           widget=forms.TextInput(attrs={"class": "govuk-input"}))
    files = MultipleFileField(label="Strategies, protocols and guidance to check together",
                              help_text="Word (.docx), PDF or plain text (.txt); up to 2 MB in all (20 MB once "
                                        "unpacked), 12 files.")

    def clean_files(self) -> list[tuple[str, bytes]]:
        uploads = self.cleaned_data["files"]
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(f"Choose at most {MAX_FILES} files at a time")
        total = sum(u.size for u in uploads)
        if total > max_bytes():
            raise forms.ValidationError(f"The selected files must be smaller than {max_bytes() // (1024 * 1024)} MB "
                                        f"in all (they are {total / (1024 * 1024):.1f} MB)")
        read, names, problems, unpacked = [], set(), [], 0
        for upload in uploads:
            data = upload.read()
            problem = _kind_problem(upload.name, data)
            size = unpacked_size(data)  # a Word document's parts, counted before any is unpacked
            unpacked += size or len(data)
            if not problem and (too_large := too_large_unpacked(size)):
                problem = f"{upload.name} cannot be checked: {too_large}"
            if upload.name in names:
                problem = f"{upload.name} is chosen twice"
            names.add(upload.name)
            if problem:
                problems.append(problem)
            read.append((upload.name, data))
        if not problems and unpacked > MAX_UNPACKED_BYTES:
            problems.append(f"The selected files unpack to {unpacked / (1024 * 1024):.1f} MB in all, more than "
                            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB: check fewer at a time")
        if problems:
            raise forms.ValidationError(problems)
        return read


def _kind_problem(name: str, data: bytes) -> str:
    """Why a file is refused, or ''. Its content decides its kind; the name must agree with it."""
    kind = sniff(data)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if kind is None:
        return f"{name} must be a Word document (.docx), PDF or plain text file (its content is none of these)"
    if extension != kind:
        return f"{name} is named .{extension or '(nothing)'} but its content is a {ALLOWED[kind]}: rename it"
    return ""


class RulesForm(forms.Form):
    text = forms.CharField(label="Rules (YAML)", widget=forms.Textarea(attrs={
        "class": "govuk-textarea app-code", "rows": 30, "spellcheck": "false"}),
        help_text="Each rule needs an id, title, silo, scope, severity, rationale and its patterns.")
    note = forms.CharField(label="What did you change and why?", min_length=5, max_length=500,
                           widget=forms.TextInput(attrs={"class": "govuk-input"}))

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        try:
            load_rules(text)
        except RulesError as error:
            raise forms.ValidationError(error.problems) from error
        return text
