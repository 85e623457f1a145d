"""Shared fixtures. Browser fixtures live in tests/e2e/conftest.py."""

from __future__ import annotations

import pytest

from qn_model.core.links import LinkContext
from qn_model.core.scenario import Scenario
from qn_model.data.dataset import Dataset, load_dataset
from qn_model.engine.presets import default_scenario


@pytest.fixture(scope="session")
def scn() -> Scenario:
    """A fixed scenario, independent of the shipped data (immutable, so shared)."""
    return Scenario(
        base_year=2024,
        base_share_pct=7.1,
        gy1=11.9,
        gd1=13.5,
        gy2=10.0,
        gd2=12.0,
        t1=20.0,
        t2=35.0,
        sy=1.1,
        sd=3.0,
    )


@pytest.fixture(scope="session")
def ctx(scn: Scenario) -> LinkContext:
    return LinkContext(defaults=scn, observed_share={2024: 7.1})


@pytest.fixture(scope="module")
def ds() -> Dataset:
    """The shipped data, loaded afresh for each test module that asks for it."""
    return load_dataset()


@pytest.fixture(scope="module")
def warm_engine(ds: Dataset) -> None:
    """Fit the default scenario's trends once, outside AppTest's per-run timeout (seconds cold,
    far more on a loaded machine); the app shares the same in-process cache. AppTest modules
    use it for all their tests (``pytestmark = pytest.mark.usefixtures("warm_engine")``)."""
    default_scenario(ds)
