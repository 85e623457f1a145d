"""The method page's content: numbers come from the engine, every source is listed with what
it backs, and every text exists in both languages."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from qn_model.core.targets import required_de_growth_pct
from qn_model.engine.presets import default_scenario
from qn_model.i18n.formats import fmt_pct, t
from qn_model.views import method as meth

LANGS = ("vi", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_sections_render_in_both_languages(ds, lang):
    sections = meth.sections(ds, lang)
    assert len(sections) >= 9
    kinds = {"text", "caption", "latex", "bullets", "table", "static"}
    for section in sections:
        assert section.title.strip()
        for block in section.blocks:
            assert block.kind in kinds
            if block.kind in ("table", "static"):
                assert isinstance(block.content, pd.DataFrame) and len(block.content)
            elif block.kind == "bullets":
                assert block.content and all(line.strip() for line in block.content)
            else:
                assert str(block.content).strip()
    latex = [b.content for s in sections for b in s.blocks if b.kind == "latex"]
    assert meth.PROJECTION_LATEX in latex and meth.REQUIRED_LATEX in latex


def test_titles_differ_between_languages(ds):
    vi = [s.title for s in meth.sections(ds, "vi")]
    en = [s.title for s in meth.sections(ds, "en")]
    assert len(vi) == len(en) and all(a != b for a, b in zip(vi, en, strict=True))


def test_caveat_numbers_come_from_the_engine(ds):
    scn = default_scenario(ds)
    n = meth.caveat_numbers(ds)
    assert n.base_year == 2024 and n.base_share == 7.1
    assert n.required_2025 == required_de_growth_pct(scn, 2025, scn.t1)
    assert n.required_2025 > 200  # 20 % from 7.1 % in one year: out of reach
    article, resolution = n.required_2030["article"], n.required_2030["resolution09"]
    assert article[0] == 35.0 and resolution[0] == 30.0
    assert article[1] == required_de_growth_pct(scn, 2030, 35.0)
    assert article[1] > 45 and resolution[1] > 40 and article[1] > resolution[1]


@pytest.mark.parametrize("lang", LANGS)
def test_caveats_quote_the_computed_numbers(ds, lang):
    n = meth.caveat_numbers(ds)
    text = "\n".join(meth.caveats(ds, lang))
    assert fmt_pct(n.required_2025, lang, 0) in text
    for target, req in n.required_2030.values():
        assert fmt_pct(req, lang, 0) in text and fmt_pct(target, lang, 0) in text
    assert fmt_pct(7.1, lang) in text
    assert "09-NQ/TU" in text
    assert t("meth_cav_past", lang) in text


def test_an_observed_2025_share_is_judged_on_the_data(ds):
    mine = ds.with_rows(
        pd.DataFrame({"indicator_id": ["de_share"], "geo": ["QN"], "year": [2025], "value": [9.0]})
    )
    n = meth.caveat_numbers(mine)
    assert n.required_2025 is None and n.observed_2025 == 9.0
    text = "\n".join(meth.caveats(mine, "en"))
    assert "2025 has data: 9.0%" in text and t("verdict_not_met", "en") in text
    assert "out of reach" not in text
    assert "2 values" in text  # no longer "ONE observed share"


def test_sources_table_lists_every_source_with_what_it_backs(ds):
    table = meth.sources_table(ds, "en")
    assert len(table) == len(ds.sources)
    assert list(table.columns) == [t(c, "en") for c in meth.SOURCE_COLUMNS]
    by_id = table.set_index(t("meth_col_id", "en"))
    for r in ds.sources.itertuples():
        link = by_id.loc[r.source_id, "Link"]
        assert link == (r.url.strip() if r.url.strip().startswith("http") else "")
        assert by_id.loc[r.source_id, "Published"] and by_id.loc[r.source_id, "Accessed"]
    used = set(ds.indicators["source_id"]) | set(ds.targets["source_id"])
    for sid in used:
        assert by_id.loc[sid, "Backs"] != t("meth_backs_nothing", "en"), sid
    assert "Digital economy share (Quảng Ninh 2024)" in by_id.loc["baomoi_2025_qn_dx", "Backs"]
    assert "target: Digital economy share 2025" in by_id.loc["honggai_nq09", "Backs"]
    assert "target: Digital economy share 2030" in by_id.loc["dantri_2025_congress", "Backs"]
    assert by_id.loc["article_mission", "Published"] == "c. 2024-11"
    assert set(by_id["Accessed"]) == {"not recorded"}  # never a made-up access date
    assert "Peers – DE share 2022: Bắc Ninh" in by_id.loc["baomoi_2023_mic_provinces", "Backs"]


def test_target_sources_show_35_and_30_with_sources(ds):
    table = meth.target_sources_table(ds, "vi")
    qn_2030 = table[(table["Năm"] == "2030") & (table["Địa bàn"] == "Quảng Ninh")]
    assert set(qn_2030[t("target", "vi")]) == {"35%", "30%"}
    res = qn_2030[qn_2030[t("meth_col_set", "vi")] == t("target_set_resolution09", "vi")]
    assert res[t("hist_col_link", "vi")].iloc[0].startswith("http")
    art = qn_2030[qn_2030[t("meth_col_set", "vi")] == t("target_set_article", "vi")]
    assert "tracuuquyhoach.com" in art[t("hist_col_link", "vi")].iloc[0]  # the article's dated copy


@pytest.mark.parametrize("lang", LANGS)
def test_model_and_preset_tables(ds, lang):
    models = meth.trend_models_table(lang)
    assert len(models) == 5 and list(models[t("meth_col_min_obs", lang)]) == ["3", "3", "3", "5", "8"]
    presets = meth.presets_table(ds, lang)
    assert len(presets) == 4
    trend = presets.iloc[0]
    scn = default_scenario(ds)
    assert trend[t("meth_col_gy1", lang)] == fmt_pct(scn.gy1, lang)
    assert trend[t("meth_col_gd2", lang)] == fmt_pct(scn.gd2, lang)


def test_changelog_is_read_from_the_readme(tmp_path: Path):
    items = meth.readme_changelog()
    assert items and items[0].startswith("2026-12-06") and items[-1].startswith("2026-11-28")
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Data\n\n## Changelog\n\n- 2027-01-01: second\n  wrapped line.\n- first\n\n## Next\n- no\n"
    )
    assert meth.readme_changelog(readme) == ("2027-01-01: second wrapped line.", "first")
    readme.write_text("# Data without a changelog\n")
    assert meth.readme_changelog(readme) == ()
    assert meth.readme_changelog(tmp_path / "missing.md") == ()


def test_version_is_shown(ds):
    texts = [b.content for s in meth.sections(ds, "en") for b in s.blocks if b.kind == "text"]
    assert any(ds.version in str(x) for x in texts)
