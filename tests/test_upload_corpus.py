"""The upload corpus through the app's own upload path: bad files are refused with located
messages and leave the loaded data exactly as it was; good files are accepted."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from qn_model.data.dataset import load_dataset
from qn_model.i18n import render
from qn_model.views.session.keys import USER_DATASET
from qn_model.views.session.mydata import process_upload

UPLOADS = Path(__file__).parent / "fixtures" / "uploads"
with (UPLOADS / "manifest.csv").open(encoding="utf-8") as fh:
    MANIFEST = list(csv.DictReader(fh))
BAD = [r for r in MANIFEST if r["code"]]
GOOD = [r for r in MANIFEST if not r["code"]]


def test_corpus_is_big_enough():
    assert len(BAD) >= 30
    assert len(GOOD) >= 5


def session_with_earlier_upload() -> dict:
    """A session where the planner already loaded one figure of their own."""
    earlier = pd.DataFrame({"indicator_id": ["de_share"], "geo": ["QN"], "year": [2023], "value": [6.5]})
    return {USER_DATASET: load_dataset().with_rows(earlier)}


@pytest.mark.parametrize("row", BAD, ids=[r["file"] for r in BAD])
def test_bad_file_is_refused_and_nothing_is_lost(row):
    session = session_with_earlier_upload()
    before = session[USER_DATASET]
    outcome = process_upload((UPLOADS / row["file"]).read_bytes(), row["file"], session)
    assert not outcome.ok
    assert session[USER_DATASET] is before  # the earlier upload is kept, untouched
    codes = {p.code for p in outcome.problems}
    assert row["code"] in codes
    for problem in outcome.problems:
        vi, en = render(problem, "vi"), render(problem, "en")
        assert vi and en and vi != en
        assert problem.file  # located: which file, and row/column where they apply


@pytest.mark.parametrize("row", GOOD, ids=[r["file"] for r in GOOD])
def test_good_file_is_accepted_on_top_of_earlier_data(row):
    session = session_with_earlier_upload()
    outcome = process_upload((UPLOADS / row["file"]).read_bytes(), row["file"], session)
    assert outcome.ok, [render(p, "en") for p in outcome.problems]
    ds = session[USER_DATASET]
    assert ds.value("de_share", "QN", 2023) == 6.5  # earlier user value still there
    kinds = set(ds.indicators.loc[ds.indicators["source_id"] == "user", "kind"])
    assert kinds == {"user"}


def test_file_over_the_limit_is_refused_before_parsing():
    session = session_with_earlier_upload()
    before = session[USER_DATASET]
    big = b"indicator_id,geo,year,value\n" + b"de_share,QN,2023,6.5\n" * 300_000
    assert len(big) > 5 * 1024 * 1024
    outcome = process_upload(big, "big.csv", session)
    assert not outcome.ok
    assert {p.code for p in outcome.problems} == {"file_too_large"}
    assert session[USER_DATASET] is before
