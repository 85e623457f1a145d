"""The meeting pack's input: one link resolved into the scenarios a deck, a report and a PDF show.

:func:`resolve` parses a link (never raising: a bad link's notices travel with it), writes the
canonical link the files print and encode in their QR code, and evaluates the scenarios in the
meeting view's order (:mod:`qn_model.views.slides`): the link's own scenario, then, when the link
carries a compare selection (``cmp``), the compared presets and pasted scenarios.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from qn_model.core import compare_link
from qn_model.core.links import COMPARE_KEY, DATA_VERSION_KEY, LANG_KEY, PRESENT_KEY, ParsedLink, serialize
from qn_model.core.scenario import Scenario
from qn_model.core.urls import page_address
from qn_model.data.dataset import Dataset
from qn_model.engine.evaluate import Evaluation, link_notices, parse_link
from qn_model.engine.presets import PRESETS, link_context, preset
from qn_model.i18n.formats import norm_lang, t
from qn_model.views.file_names import slug
from qn_model.views.present import rates_line  # the meeting view's own line, on the slides
from qn_model.views.slides import Slide, deck_specs, evaluate_slide

__all__ = [
    "DEFAULT_BASE_URL",
    "DOCX_MIME",
    "PDF_MIME",
    "PPTX_MIME",
    "Pack",
    "canonical_link",
    "file_name",
    "pack_file_name",
    "preset_named",
    "rates_line",
    "resolve",
]

DEFAULT_BASE_URL = "http://127.0.0.1:8501/scenario"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@dataclass(frozen=True)
class Pack:
    """What every file of the meeting pack is made from, in one language."""

    ds: Dataset
    lang: str
    link: str  # the full link printed and encoded in the QR code
    slides: tuple[Slide, ...]  # the link's scenario first
    generated: datetime

    @property
    def evaluation(self) -> Evaluation:
        """The link's own scenario, evaluated (its notices are the link's)."""
        return self.slides[0].evaluation


def canonical_link(
    parsed: ParsedLink, ds: Dataset, lang: str, base: str, *, with_compare: bool = False
) -> str:
    """``base?query``: the query that reopens the parsed scenario on this data, in ``lang``
    (and with its compare selection when ``with_compare``)."""
    ctx = link_context(ds)
    compare = None
    if with_compare and parsed.compare is not None:
        compare = compare_link.encode(parsed.compare)
    query = serialize(
        parsed.scenario,
        ctx.defaults,
        lang,
        parsed.present,
        ds.version,  # the files' numbers are this data's
        ctx.observed_share,
        parsed.target_set,
        compare,
    )
    base = base.split("?", 1)[0].split("#", 1)[0]
    return f"{base}?{query}" if query else base


def resolve(
    text: str,
    ds: Dataset,
    lang: str | None = None,
    *,
    base_url: str | None = None,
    generated: datetime | None = None,
    compare: compare_link.CompareSelection | None = None,
) -> Pack:
    """The pack of a link.

    Parameters
    ----------
    text : str
        A link, a path with a query or a query string; anything (a bad value is a notice).
    ds : Dataset
        The data the scenarios are evaluated on.
    lang : str, optional
        ``"vi"`` or ``"en"``; None: the link's own language.
    base_url : str, optional
        The app's page for the printed link; None: the link's own address when it has one, else
        :data:`DEFAULT_BASE_URL`.
    generated : datetime, optional
        The date the files carry; now when None.
    compare : CompareSelection, optional
        The compared scenarios when the caller knows them (the compare page's selection, which
        its link leaves out when it is the default one); None: the link's ``cmp``, if any.
    """
    parsed = parse_link(text, ds)
    if compare is not None:
        parsed = replace(parsed, compare=compare)
    lang = norm_lang(lang or parsed.lang)
    base = base_url or page_address(text) or DEFAULT_BASE_URL
    # Without present=1: a colleague opening the link gets the app, not the projector's view.
    link = canonical_link(replace(parsed, present=False), ds, lang, base, with_compare=True)
    sel = parsed.compare
    links, presets = (sel.links, sel.presets) if sel is not None else ((), ())
    specs = list(deck_specs(ds, parsed.scenario, links, None, parsed.target_set, presets))
    # Named after the preset it equals, as the meeting view names it when it shows the presets.
    same = specs[0].name or next(
        (n for n in PRESETS if preset(n, ds, parsed.scenario) == parsed.scenario), ""
    )
    specs[0] = replace(specs[0], name=same, notices=link_notices(parsed, ds))
    slides = tuple(evaluate_slide(spec, ds, lang) for spec in specs)
    return Pack(ds, lang, link, slides, generated or datetime.now())


def preset_named(scn: Scenario, ds: Dataset) -> str:
    """The first preset (applied to ``scn``) that equals ``scn``, or ``""``."""
    return next((name for name in PRESETS if preset(name, ds, scn) == scn), "")


def file_name(scn: Scenario, ds: Dataset, lang: str, link: str, ext: str, when: datetime) -> str:
    """``kich-ban-2030-xu-huong-2026-12-06.pptx`` (``scenario-2030-trend-….pptx`` in English): the
    pack's file stem, the scenario (the preset it equals, else its link's values) and the date. Cheap: the app names
    its download buttons with it before anything is built."""
    name = preset_named(scn, ds)
    if name:
        text = t(f"preset_{name}", lang)
    else:
        query = link.split("?", 1)[1] if "?" in link else ""
        meeting = tuple(f"{k}=" for k in (LANG_KEY, DATA_VERSION_KEY, COMPARE_KEY, PRESENT_KEY))
        text = "&".join(p for p in query.split("&") if not p.startswith(meeting))
    part = slug(text, 40).lower() or slug(t("present_slide_opened", lang), 40).lower()
    return f"{t('pack_file_stem', lang)}-{part}-{when:%Y-%m-%d}.{ext}"


def pack_file_name(pack: Pack, ext: str) -> str:
    """:func:`file_name` of the pack's first scenario."""
    return file_name(pack.slides[0].scenario, pack.ds, pack.lang, pack.link, ext, pack.generated)
