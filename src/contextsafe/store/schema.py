"""The canonical store: DuckDB tables every stage reads and writes.

Every row keeps its ``source`` (and the ingest that brought it), so nothing in the store is
separated from the legal basis and purposes under which it was shared. Roles live on
``participants`` — per event — never on a person. Intelligence grades (3x5x2) travel with the event.
"""

from __future__ import annotations

# Table name -> (DDL, natural key used for idempotent re-ingest).
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "sources": ("""
        source VARCHAR PRIMARY KEY,
        agency VARCHAR NOT NULL,
        description VARCHAR,
        legal_basis VARCHAR NOT NULL,
        information_sharing_agreement VARCHAR NOT NULL,
        permitted_purposes VARCHAR[] NOT NULL,
        retention VARCHAR NOT NULL,
        retention_days INTEGER NOT NULL,
        mapping_sha256 VARCHAR NOT NULL,
        mapping_yaml VARCHAR NOT NULL,
        registered_at TIMESTAMP NOT NULL""", ("source",)),
    "ingests": ("""
        ingest_id VARCHAR PRIMARY KEY,
        source VARCHAR NOT NULL,
        file_name VARCHAR NOT NULL,
        file_sha256 VARCHAR NOT NULL,
        mapping_sha256 VARCHAR NOT NULL,
        rows_in BIGINT NOT NULL,
        accepted BIGINT NOT NULL,
        quarantined BIGINT NOT NULL,
        blank_rows BIGINT NOT NULL,
        quarantine_file VARCHAR,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP NOT NULL""", ("ingest_id",)),
    "records": ("""
        source VARCHAR NOT NULL,
        record_id VARCHAR NOT NULL,
        ingest_id VARCHAR NOT NULL,
        row_number BIGINT NOT NULL,
        given_name VARCHAR,
        family_name VARCHAR,
        other_names VARCHAR,
        date_of_birth DATE,
        age_band VARCHAR,
        sex VARCHAR,
        ethnicity VARCHAR,
        postcode VARCHAR,
        address VARCHAR,
        school VARCHAR,
        latitude DOUBLE,
        longitude DOUBLE,
        lsoa VARCHAR,
        ward VARCHAR,
        recorded_on DATE""", ("source", "record_id")),
    "events": ("""
        source VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        ingest_id VARCHAR NOT NULL,
        row_number BIGINT NOT NULL,
        event_type VARCHAR NOT NULL,
        category VARCHAR,
        occurred_on TIMESTAMP,
        place_name VARCHAR,
        postcode VARCHAR,
        latitude DOUBLE,
        longitude DOUBLE,
        lsoa VARCHAR,
        ward VARCHAR,
        outcome VARCHAR,
        description VARCHAR,
        subject_age_band VARCHAR,
        subject_sex VARCHAR,
        subject_ethnicity VARCHAR,
        source_evaluation VARCHAR,
        intelligence_assessment VARCHAR,
        handling_code VARCHAR""", ("source", "event_id")),
    "participants": ("""
        source VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        record_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL,
        influence VARCHAR,
        relation VARCHAR""", ("source", "event_id", "record_id")),
    "concern_flags": ("""
        source VARCHAR NOT NULL,
        record_id VARCHAR,
        event_id VARCHAR,
        concern VARCHAR NOT NULL,
        source_code VARCHAR NOT NULL""", ("source", "record_id", "event_id")),
    "associations": ("""
        source VARCHAR NOT NULL,
        record_id VARCHAR NOT NULL,
        context_kind VARCHAR NOT NULL,
        context_ref VARCHAR NOT NULL,
        association_type VARCHAR NOT NULL,
        observed_on DATE,
        context_id VARCHAR""", ("source", "record_id")),
    "contexts": ("""
        context_id VARCHAR PRIMARY KEY,
        kind VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        ref VARCHAR,
        latitude DOUBLE,
        longitude DOUBLE,
        source VARCHAR NOT NULL""", ("context_id",)),
    "person_records": ("""
        source VARCHAR NOT NULL,
        record_id VARCHAR NOT NULL,
        person_id VARCHAR NOT NULL,
        match_probability DOUBLE""", ("source", "record_id")),
}

# Tables an ingest writes, in the order it writes them.
INGESTED = ("records", "events", "participants", "concern_flags", "associations")


def create_statements() -> list[str]:
    """DDL creating every canonical table if it is missing."""
    return [f"CREATE TABLE IF NOT EXISTS {name} ({ddl}\n)" for name, (ddl, _) in TABLES.items()]


def columns(table: str) -> list[str]:
    """Column names of a canonical table, in order."""
    ddl = TABLES[table][0]
    return [line.strip().split()[0] for line in ddl.strip().splitlines() if line.strip()]


def natural_key(table: str) -> tuple[str, ...]:
    """The columns that identify a row for idempotent re-ingest."""
    return TABLES[table][1]
