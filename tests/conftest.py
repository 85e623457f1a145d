"""Shared fixtures. Browser fixtures live in tests/e2e/conftest.py."""

from __future__ import annotations

import functools

import pytest

from qn_model.core.links import LinkContext
from qn_model.core.scenario import Scenario
from qn_model.data.dataset import Dataset, load_dataset
from qn_model.engine.presets import default_scenario


def _scan_component_manifests_once() -> None:
    """Every AppTest's first run scans the metadata of every installed distribution for
    components v2 manifests (``BidiComponentManager.discover_and_register_components``): 0.1 s of
    CPU on a quiet machine, 0.2 s under load, and the suite makes ~2,000 AppTests (1,680 of them
    the hostile links'): a third of those tests' time (cProfile). The installed packages do not
    change during a session: the scan runs once per process and its answer (none here: the app's
    components are declared inline) is reused. Nothing else changes; without the private module
    (another Streamlit) AppTest scans as before."""
    try:
        from streamlit.components.v2 import manifest_scanner
    except ImportError:
        return
    scan = manifest_scanner.scan_component_manifests
    if getattr(scan, "scanned_once", False):
        return
    cached = functools.cache(lambda: tuple(scan()))

    @functools.wraps(scan)
    def once(max_workers: int | None = None) -> list:
        return list(cached())

    once.scanned_once = True  # type: ignore[attr-defined]
    manifest_scanner.scan_component_manifests = once


_scan_component_manifests_once()


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


# Modules whose tests share a module fixture too costly to build on both workers: each runs
# whole on one worker. The CLI's 19 runs (each imports the stack and fits the trends) and the
# proxy's team (three replicas behind nginx). Every other test goes alone to whichever worker is
# free: a module of many slow tests (test_hostile_links.py's 56 AppTest renders) is shared out.
WHOLE_MODULES = ("tests/test_cli.py", "tests/e2e/test_proxy.py")


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook; runs with -p no:xdist have none
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """``make test`` runs everything in one pytest with ``-n 2 --dist loadscope``: the modules of
    ``WHOLE_MODULES`` go whole to one worker, first (the biggest scopes start first), every other
    test alone to whichever worker is free (each worker has its own server and Chromium for the
    browser tests, from the session fixtures). pytest-xdist's own ``loadgroup`` marks do nothing
    under pytest 9 (xdist 3.8 renames ``item._nodeid``, which pytest 9 no longer reads), hence
    this scheduler."""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class WholeModulesOtherwiseAlone(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if module in WHOLE_MODULES else nodeid

    return WholeModulesOtherwiseAlone(config, log)
