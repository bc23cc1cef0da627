"""The stored report laid out for the pages: the silo map (documents × silos), findings by document,
cross-references and answers."""

from __future__ import annotations

from collections import Counter

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
ANSWER_TAGS = {"yes": "govuk-tag--green", "partly": "govuk-tag--yellow", "no": "govuk-tag--red",
               "not addressed": "govuk-tag--grey"}


def present(report: dict) -> dict:
    """Everything a page needs from a stored report (see ``contextsafe.doccheck.Report.to_dict``)."""
    silos = report.get("silos", {})
    documents = report.get("documents", [])
    findings = sorted(report.get("findings", []), key=lambda f: (SEVERITY_ORDER.get(f["severity"], 9), f["rule"]))
    return {
        "silos": [{"key": k, "label": v, "short": report.get("silo_short", {}).get(k, v)} for k, v in silos.items()],
        "silo_rows": [_silo_row(d, silos) for d in documents],
        "documents": [_document(d, silos, findings) for d in documents],
        "set_findings": [f for f in findings if len(f["documents"]) > 1],
        "findings": findings,
        "counts": Counter(f["severity"] for f in findings),
        "rules_version": report.get("rules_version"),
    }


def _silo_row(document: dict, silos: dict) -> dict:
    cells = []
    for key in silos:
        quotes = document["mentions"].get(key, [])
        if key in document["main_silos"]:
            state, text = "main", "Main subject"
        elif quotes:
            state, text = "mentioned", f"Mentioned ({len(quotes)})"
        elif key in document["missing"]:
            state, text = "missing", "Not mentioned"
        else:
            state, text = "none", "—"
        cells.append({"key": key, "state": state, "text": text, "quote": quotes[0] if quotes else None})
    return {"name": document["name"], "title": document["title"], "cells": cells}


def _document(document: dict, silos: dict, findings: list[dict]) -> dict:
    answers = [{**a, "tag": ANSWER_TAGS.get(a["answer"], "")} for a in document["answers"]]
    return {**document, "answers": answers,
            "findings": [f for f in findings if f["documents"] == [document["name"]]],
            "main_labels": [silos.get(k, k) for k in document["main_silos"]],
            "missing_labels": [silos.get(k, k) for k in document["missing"]],
            "references": [{**x, "label": silos.get(x["silo"], x["silo"])} for x in document["cross_references"]]}
