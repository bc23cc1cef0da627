"""Small seeded populations of young people's records held by two agencies, with known answers."""

from __future__ import annotations

import random
from datetime import date, timedelta

import polars as pl

GIVEN = {
    "m": ["William", "Thomas", "Samuel", "Joseph", "Daniel", "Mohammed", "Oliver", "Jacob", "Kwame",
          "Luca", "Ibrahim", "Tyler", "Reece", "Callum", "Kai", "Jayden", "Harvey", "Emre", "Dylan", "Aaron"],
    "f": ["Olivia", "Amelia", "Jessica", "Rebecca", "Chloe", "Aisha", "Zara", "Grace", "Precious", "Mia",
          "Leah", "Maya", "Ella", "Fatima", "Keisha", "Holly", "Ruby", "Nadia", "Esme", "Sophie"],
}
NICK = {"William": "Bill", "Thomas": "Tom", "Samuel": "Sam", "Joseph": "Joe", "Daniel": "Danny",
        "Oliver": "Ollie", "Jessica": "Jess", "Rebecca": "Becky", "Amelia": "Millie", "Mohammed": "Mo"}
FAMILY = ["Smith", "Jones", "Ahmed", "Okafor", "Brown", "Khan", "Taylor", "Williams", "Mensah", "Yilmaz",
          "Patel", "Clarke", "Wright", "Hussain", "Campbell", "Murphy", "Ali", "Begum", "Osei", "Walker",
          "Evans", "Robinson", "Hughes", "Edwards", "Green", "Kowalski", "Nowak", "Silva", "Costa", "Adeyemi"]
STREETS = ["Camden Road", "Agar Grove", "York Way", "Royal College Street", "Kentish Town Road",
           "Malden Road", "Queens Crescent", "Prince of Wales Road", "Highgate Road", "Leighton Road"]
SCHOOLS = ["Acland Burghley", "Haverstock", "Regent High", "Camden School for Girls", "Parliament Hill",
           "William Ellis", "La Sainte Union", "UCL Academy"]
POSTCODES = ["NW1 9", "NW5 2", "NW5 3", "NW5 4", "N7 0", "N19 5", "NW1 0", "NW3 2"]


def _person(rng: random.Random, pid: int) -> dict:
    sex = rng.choice("mf")
    born = date(2005, 1, 1) + timedelta(days=rng.randrange(0, 365 * 8))
    return {
        "person": f"p{pid}", "given_name": rng.choice(GIVEN[sex]), "family_name": rng.choice(FAMILY),
        "date_of_birth": born, "sex": "Male" if sex == "m" else "Female",
        "address": f"{rng.randrange(1, 200)} {rng.choice(STREETS)}",
        "postcode": rng.choice(POSTCODES) + rng.choice("ABDEFGHJ") + rng.choice("ABDEFGHJLNPQRSTUWXYZ"),
        "school": rng.choice(SCHOOLS),
    }


def _typo(rng: random.Random, text: str) -> str:
    i = rng.randrange(1, len(text))
    return text[:i] + text[i + 1:] if rng.random() < 0.5 else text[:i] + rng.choice("aeilnorst") + text[i:]


def _noisy(rng: random.Random, p: dict) -> dict:
    r = dict(p)
    roll = rng.random()
    if roll < 0.15 and p["given_name"] in NICK:
        r["given_name"] = NICK[p["given_name"]]
    elif roll < 0.25:
        r["given_name"] = _typo(rng, p["given_name"])
    elif roll < 0.30:
        r["family_name"] = _typo(rng, p["family_name"])
    dob = p["date_of_birth"]
    if rng.random() < 0.05 and dob.day <= 12 and dob.day != dob.month:
        r["date_of_birth"] = date(dob.year, dob.day, dob.month)
    if rng.random() < 0.1:
        r["postcode"] = None
    if rng.random() < 0.2:
        r["school"] = None
    return r


def population(n: int = 400, overlap: float = 0.5, seed: int = 3) -> pl.DataFrame:
    """Two sources (``social_care``, ``police``); a share ``overlap`` of people is in both, with noise."""
    rng = random.Random(seed)
    people = [_person(rng, i) for i in range(n)]
    rows = []
    for i, p in enumerate(people):
        in_care = i % 2 == 0 or rng.random() < overlap
        in_police = not in_care or rng.random() < overlap
        if in_care:
            rows.append({**_noisy(rng, p), "source": "social_care", "record_id": f"SC{i:05d}"})
        if in_police:
            rows.append({**_noisy(rng, p), "source": "police", "record_id": f"PN{i:05d}"})
    return pl.DataFrame(rows).with_columns(pl.col("date_of_birth").cast(pl.Date))
