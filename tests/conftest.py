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


# Browser test modules whose tests share one module fixture too costly to build twice (a team of
# three replicas behind nginx): run whole on one worker, like the unit modules.
WHOLE_MODULES = ("tests/e2e/test_proxy.py",)


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook; runs with -p no:xdist have none
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """``make test`` runs everything in one pytest with ``-n 2 --dist loadscope``: each module of
    unit and AppTest tests goes whole to one worker (its module fixtures, such as the CLI's runs,
    are built once, not once per worker), each browser test alone to whichever worker is free
    (every worker has its own server and Chromium), biggest modules first. pytest-xdist's own
    ``loadgroup`` marks do nothing under pytest 9 (xdist 3.8 renames ``item._nodeid``, which
    pytest 9 no longer reads), hence this scheduler."""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ModulesWholeBrowserTestsAlone(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            if module.startswith("tests/e2e/") and module not in WHOLE_MODULES:
                return nodeid
            return module

    return ModulesWholeBrowserTestsAlone(config, log)
