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
