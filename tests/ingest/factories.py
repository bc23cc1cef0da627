"""Small builders for hand-made exports and mappings (each test states its own data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from contextsafe.sources import LoadedMapping, load_mapping

HEADER = ["Ref", "Forename", "Surname", "DOB", "Gender", "Postcode", "Referral date", "Reason", "School"]
ROWS = [
    ["A1", "Jo", "Smith", "01/02/2004", "F", "nw1 8nn", "03/03/2018", "CSE;MFH", "Acland Burghley School"],
    ["A2", "Mo", "Khan", "12/11/2003", "M", "NW5 1TL", "04/03/2018", "GANG", ""],
    ["A3", "Zoë", "Adeyemi", "30/06/2005", "F", "N7 9QJ", "05/03/2018", "", "Camden School for Girls"],
]


def mapping_dict(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "source": "csc_referrals",
        "agency": "Camden Children's Social Care",
        "legal_basis": "Children Act 1989 s.17/s.47; UK GDPR Art 6(1)(e), 9(2)(g); DPA 2018 Sch 1 para 18",
        "information_sharing_agreement": "ISA-CAM-2018-01",
        "permitted_purposes": ["assessment", "profiling"],
        "retention": "25 years",
        "format": {"type": "csv"},
        "date_formats": ["%d/%m/%Y"],
        "record": {"id": "Ref", "given_name": "Forename", "family_name": "Surname", "date_of_birth": "DOB",
                   "sex": "Gender", "postcode": "Postcode", "school": "School"},
        "event": {"id": {"derive": ["Ref", "Referral date"]}, "type": {"value": "referral"},
                  "occurred_on": "Referral date"},
        "concerns": {"columns": ["Reason"], "separator": ";",
                     "codes": {"CSE": "cse", "MFH": "missing_from_home", "GANG": "gang_association", "NFA": None}},
        "contexts": [{"kind": "school", "column": "School", "type": "attends"}],
        "values": {"sex": {"F": "female", "M": "male", "U": "unknown"}},
    }
    base.update(overrides)
    return base


def write_mapping(folder: Path, name: str = "mapping.yaml", **overrides: Any) -> LoadedMapping:
    path = folder / name
    path.write_text(yaml.safe_dump(mapping_dict(**overrides), allow_unicode=True), encoding="utf-8")
    return load_mapping(path)


def csv_text(rows: list[list[str]] | None = None, header: list[str] | None = None, before: str = "") -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header or HEADER)
    writer.writerows(ROWS if rows is None else rows)
    return before + out.getvalue()


def write_export(folder: Path, text: str | None = None, name: str = "export.csv", encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes((csv_text() if text is None else text).encode(encoding))
    return path
