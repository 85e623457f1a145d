"""Issue 24 on the peers: basis and note on every JSON object, the article's own method, and each
area's distance to its own target."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from qn_model.core.langs import LANGS
from qn_model.data import peers
from qn_model.data.dataset import load_dataset
from qn_model.i18n.formats import fmt_pct, t
from qn_model.views import peer_text


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture(scope="module")
def json_docs():
    docs = {}
    for lang in LANGS:
        run = subprocess.run(
            [sys.executable, "-m", "qn_model", "peers", "--json", "--lang", lang],
            capture_output=True,
            text=True,
            check=True,
        )
        docs[lang] = json.loads(run.stdout)
    return docs


@pytest.mark.parametrize("lang", LANGS)
def test_every_peers_object_has_basis_and_note(json_docs, ds, lang):
    doc = json_docs[lang]
    assert len(doc) == len(peers.peer_values(ds))
    for obj in doc:
        assert obj["basis"] in peers.BASES
        assert (obj["basis"] == "year") == isinstance(obj["year"], int)
        assert isinstance(obj["note"], str) and obj["note"].strip()
        assert obj["note_lang"] in ("vi", "en")
    # The peers file's notes come in the language asked.
    from_file = [o for o in doc if o["geo"] == "BG"]
    assert from_file and all(o["note_lang"] == lang for o in from_file)
    if lang == "vi":
        assert "Sáp nhập vào Bắc Ninh" in from_file[0]["note"]
    else:
        assert "Merged into Bắc Ninh" in from_file[0]["note"]


def test_the_nations_2021_2025_figure_is_a_period_average(json_docs):
    (vn,) = [o for o in json_docs["en"] if o["geo"] == "VN" and o["year"] == "2021-2025"]
    assert vn["basis"] == "period_average" and vn["value_pct"] == 13.2
    provinces = [o for o in json_docs["en"] if o["year"] == "2021-2025" and o["geo"] != "VN"]
    assert provinces and {o["basis"] for o in provinces} == {"unclear"}


def test_the_articles_35_is_an_article_target(json_docs, ds):
    qn_targets = {
        (o["year"], o["value_pct"]): o["method"]
        for o in json_docs["en"]
        if o["kind"] == "target" and o["geo"] == "QN"
    }
    assert qn_targets[(2030, 35.0)] == "article_target"
    assert qn_targets[(2030, 30.0)] == "own_target" and qn_targets[(2025, 20.0)] == "own_target"


def test_a_basis_that_does_not_fit_the_year_is_refused(ds):
    frame = ds.peers
    frame.loc[0, "basis"] = "period_average"  # a single year called a period's average
    frame.loc[1, "basis"] = "sometimes"
    errors = peers.peer_problems(frame, set(ds.sources["source_id"]))
    assert any("row 2: basis 'period_average'" in e for e in errors)
    assert any("row 3: basis 'sometimes'" in e for e in errors)


def test_distances_use_each_areas_own_targets_and_figures(ds):
    found = peers.target_distances(ds)
    assert found
    for d in found:
        assert d.figure.geo == d.target.geo != "VN"
        assert d.target.method == "own_target" and d.figure.kind == "de_share"
        assert d.figure.basis != "period_average"
        start = int(str(d.figure.year)[-4:])
        assert d.years == int(d.target.year) - start > 0
        assert d.figure.value_pct * (1 + d.rate_pct / 100) ** d.years == pytest.approx(d.target.value_pct)
        assert d.met == (d.figure.value_pct >= d.target.value_pct)
    qn = [d for d in found if d.figure.geo == "QN"]
    assert {(d.target.year, d.target.value_pct) for d in qn} == {
        (2025, 20.0),
        (2030, 30.0),
    }  # not the article's 35
    # one row per figure and target: Hồ Chí Minh City's figures of four methods stay apart
    hcm = {d.figure.method for d in found if d.figure.geo == "HCM"}
    assert hcm == {"gso", "mic_annual_report_2022", "mic_assessment", "gso_reported_2021_2025"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_distance_table_names_method_and_basis_and_ranks_nothing(ds, lang):
    table = peer_text.distance_table(ds, lang)
    found = peers.target_distances(ds)
    assert len(table) == len(found)
    methods = table[t("peers_col_method", lang)].tolist()
    assert methods == [t(f"peers_method_name_{d.figure.method}", lang) for d in found]
    assert set(table[t("peers_col_basis", lang)]) >= {
        t("peers_basis_year", lang),
        t("peers_basis_unclear", lang),
    }
    # rows follow the areas and figures, not the rates
    rates = [d.rate_pct for d in found]
    assert rates != sorted(rates) and rates != sorted(rates, reverse=True)
    qn_2030 = next(d for d in found if d.figure.geo == "QN" and d.target.year == 2030)
    assert fmt_pct(qn_2030.rate_pct, lang) in table.iloc[found.index(qn_2030)].tolist()[-1]
    from qn_model.engine.realism import realism_reference

    # the fastest rise on record, from the data
    assert fmt_pct(realism_reference(ds).rate_pct, lang) in peer_text.distance_note(ds, lang)
