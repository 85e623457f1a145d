"""Copies of data/ with a value revised: the shipped data as a later release would change it."""

from __future__ import annotations

import shutil
from pathlib import Path

from qn_model.data.dataset import DATA_DIR

SHIPPED_2024_ROW = "de_share,QN,2024,7.1,"


def data_with_2024_share(tmp_path: Path, share: str = "7.3") -> Path:
    """A copy of data/ under ``tmp_path`` in which the 2024 provincial share reads ``share``."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "indicators.csv"
    text = path.read_text(encoding="utf-8")
    assert SHIPPED_2024_ROW in text
    path.write_text(text.replace(SHIPPED_2024_ROW, f"de_share,QN,2024,{share},"), encoding="utf-8")
    return data


NEW_INDICATOR = "egov_procedures_online"
NEW_CODEBOOK_ROW = (
    f"{NEW_INDICATOR},Tỷ lệ dịch vụ công số hóa toàn trình,Public services fully digitised,% thủ tục,"
    "% of procedures,Phần trăm dịch vụ công được số hóa toàn trình.,"
    "Percentage of public services digitised end to end.,true"
)


def data_with_new_indicator(tmp_path: Path, values: tuple[str, ...] = ("41.5", "63")) -> Path:
    """A copy of data/ with one more indicator: a codebook row and its rows for 2023, 2024, …
    (QN), citing a shipped source. Nothing else changes."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    with (data / "codebook.csv").open("a", encoding="utf-8") as fh:
        fh.write(NEW_CODEBOOK_ROW + "\n")
    with (data / "indicators.csv").open("a", encoding="utf-8") as fh:
        for year, value in enumerate(values, start=2023):
            fh.write(f"{NEW_INDICATOR},QN,{year},{value},official,vov_2024_qn_cashless,A test row.\n")
    return data


def data_with_target_set(tmp_path: Path, set_id: str, geo: str, t1: str, t2: str) -> Path:
    """A copy of data/ with one more target set: its 2025 and 2030 share targets for ``geo``,
    citing a shipped source (the how-to's "Add a target set", step 1). Nothing else changes."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    with (data / "targets.csv").open("a", encoding="utf-8") as fh:
        for year, value in ((2025, t1), (2030, t2)):
            fh.write(f"de_share,{geo},{year},{value},{set_id},thanhnien_2022_qd411,A test row.\n")
    return data
