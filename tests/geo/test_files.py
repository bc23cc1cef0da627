"""Finding the open data folder and checking it has not changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from contextsafe.errors import ContextsafeError
from contextsafe.geo import BOROUGHS, open_data_dir, verify_open_data


def test_the_shared_open_data_is_found_and_intact() -> None:
    folder = open_data_dir()
    assert (folder / "SHA256SUMS").is_file()
    assert verify_open_data() == []


def test_borough_codes() -> None:
    assert BOROUGHS == {"camden": "E09000007", "hackney": "E09000012", "islington": "E09000019"}


def test_a_tampered_file_is_reported_by_name(open_data_copy: Path) -> None:
    target = open_data_copy / "postcodes_camden.csv"
    target.write_bytes(target.read_bytes().replace(b",51.", b",52.", 1))  # one latitude moved
    (open_data_copy / "bus_stops_hackney.csv").unlink()
    problems = verify_open_data(open_data_copy)
    assert len(problems) == 2
    assert any(p.startswith("postcodes_camden.csv: SHA-256 does not match") for p in problems)
    assert any(p.startswith("bus_stops_hackney.csv: listed in SHA256SUMS but missing") for p in problems)


def test_a_malformed_checksum_line_is_reported(open_data_copy: Path) -> None:
    sums = open_data_copy / "SHA256SUMS"
    sums.write_text(sums.read_text() + "not a checksum line\n")
    problems = verify_open_data(open_data_copy)
    assert len(problems) == 1 and problems[0].endswith("is not '<sha256>  <file>'")


def test_the_environment_variable_wins(open_data_copy: Path) -> None:
    assert open_data_dir() == open_data_copy.resolve()


def test_a_wrong_environment_variable_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTEXTSAFE_OPEN_DATA", str(tmp_path))
    with pytest.raises(ContextsafeError, match="CONTEXTSAFE_OPEN_DATA"):
        open_data_dir()


def test_found_beside_a_clone_from_the_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "X" / "shared" / "data"
    data.mkdir(parents=True)
    (data / "SHA256SUMS").write_text("")
    deep = tmp_path / "X" / "ci" / "src" / "somewhere"
    deep.mkdir(parents=True)
    monkeypatch.delenv("CONTEXTSAFE_OPEN_DATA", raising=False)
    monkeypatch.chdir(deep)
    assert open_data_dir() == data.resolve()


def test_found_from_the_package_when_the_current_directory_has_none(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONTEXTSAFE_OPEN_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    assert (open_data_dir() / "SHA256SUMS").is_file()
