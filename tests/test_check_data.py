"""scripts/check_data.py: the shipped CSVs checked against the research, which it only reads."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from qn_model.data.dataset import DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
INDICATOR_HEADER = (
    "indicator_id,indicator_name_vi,indicator_name_en,year,value,unit,kind,source_url,source_date,note\n"
)
PEER_HEADER = "geo,name_vi,name_en,year,value_pct,kind,method,url,published,quote_or_note,checked\n"


@pytest.fixture(scope="module")
def checker():
    spec = importlib.util.spec_from_file_location("check_data", ROOT / "scripts" / "check_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _data(tmp_path: Path, peer_value: str = "56.83") -> Path:
    """A data folder with one indicator row, one article target and one peer row."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "sources.csv").write_text(
        "source_id,title,publisher,url,published,accessed\n"
        "s1,T,P,https://example.org/a,2024,\n"
        "article_mission,T,P,https://example.org/article,2024,\n"
        "p1,T,P,https://example.org/p,2023,\n",
        encoding="utf-8",
    )
    (data / "indicators.csv").write_text(
        "indicator_id,geo,year,value,kind,source_id,note\ngrdp_growth,QN,2024,8.42,estimate,s1,n\n",
        encoding="utf-8",
    )
    (data / "targets.csv").write_text(
        "indicator_id,geo,year,value,target_set,source_id,note\nde_share,QN,2030,35,article,article_mission,n\n",
        encoding="utf-8",
    )
    (data / "peers.csv").write_text(
        "geo,name_vi,name_en,year,basis,value,kind,method,source_id,note,note_vi\n"
        f"BN,Bắc Ninh,Bắc Ninh,2022,year,{peer_value},de_share,mic_annual_report_2022,p1,n,n\n",
        encoding="utf-8",
    )
    return data


def _research(tmp_path: Path, value: str = "8.42", checked: str = "excerpt read") -> Path:
    research = tmp_path / "research"
    research.mkdir()
    (research / "quangninh_indicators.csv").write_text(
        INDICATOR_HEADER + f"grdp_growth,x,x,2024,{value},%,estimate,https://example.org/a,2025,n\n",
        encoding="utf-8",
    )
    (research / "research_notes.md").write_text("- nothing here\n", encoding="utf-8")
    (research / "peers_research.csv").write_text(
        PEER_HEADER + f"BN,x,x,2022,56.83,de_share,m,https://example.org/p,2023,q,{checked}\n",
        encoding="utf-8",
    )
    return research


def test_matching_data_has_no_difference(checker, tmp_path):
    assert checker.check(_data(tmp_path), _research(tmp_path)) == []
    assert checker.main([str(tmp_path / "research"), "--data", str(tmp_path / "data")]) == 0


def test_a_value_the_research_does_not_have_is_reported(checker, tmp_path, capsys):
    data, research = _data(tmp_path, peer_value="57"), _research(tmp_path, value="8.4")
    errors = checker.check(data, research)
    assert len(errors) == 2
    assert "grdp_growth QN 2024 = 8.42" in errors[0] and "BN de_share 2022 = 57" in errors[1]
    assert checker.main([str(research), "--data", str(data)]) == 1
    assert capsys.readouterr().out.count("\n") == 2


def test_a_row_the_research_asks_to_recheck_is_reported(checker, tmp_path):
    errors = checker.check(_data(tmp_path), _research(tmp_path, checked="recheck before shipping"))
    assert errors == [errors[0]] and "recheck" in errors[0]


def test_without_the_research_the_checker_says_so(checker, tmp_path, capsys):
    assert checker.main([str(tmp_path / "nowhere")]) == 2
    assert "pass the research folder" in capsys.readouterr().err


def test_the_checker_holds_no_machine_path_and_no_data():
    text = (ROOT / "scripts" / "check_data.py").read_text(encoding="utf-8")
    assert "/work/" not in text and "/home/" not in text
    assert len(text.splitlines()) < 200  # a checker, not a second copy of the data


def test_shipped_data_matches_the_research_where_it_is_at_hand(checker, tmp_path):
    """On a machine with the team's research beside the repository, the shipped data matches it."""
    if not (checker.RESEARCH / "quangninh_indicators.csv").is_file():
        pytest.skip("the team's research folder is not beside this repository")
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    assert checker.check(copy, checker.RESEARCH) == []
