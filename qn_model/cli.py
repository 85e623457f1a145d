"""Command line: the same answers as the app, for scripts and for checking a link.

python -m qn_model evaluate "<link or query string>" [--json]
python -m qn_model validate FILE [--lang vi|en]
python -m qn_model brief "<link>" --out brief.html [--lang vi|en] [--base-url URL]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from qn_model.i18n import fmt_money, fmt_num, fmt_pct, fmt_pp, fmt_prob, fmt_year, norm_lang, t
from qn_model.targets import TargetVerdict

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2


def _verdict_word(v: TargetVerdict, lang: str) -> str:
    if v.met is None:
        return t("verdict_unknown", lang)
    return t("verdict_met" if v.met else "verdict_not_met", lang)


def summary(ev) -> str:  # ev: engine.Evaluation (imported lazily to keep --help fast)
    """A readable summary of an evaluation in its language."""
    lang = ev.lang
    s = ev.scenario
    lines = [t("app_title", lang), "", t("cli_scenario", lang)]
    lines.append(
        "  " + t("cli_base", lang, year=fmt_year(s.base_year), share=fmt_pct(s.base_share_pct, lang))
    )
    per_year = t("unit_pct_per_year", lang)
    for period, gy, gd in (("period_1", s.gy1, s.gd1), ("period_2", s.gy2, s.gd2)):
        lines.append(
            "  "
            + t(
                "cli_rates",
                lang,
                period=t(period, lang),
                gy=f"{fmt_num(gy, lang)}{per_year}",
                gd=f"{fmt_num(gd, lang)}{per_year}",
            )
        )
    if s.projects:
        items = "; ".join(
            t("project_item", lang, year=p.year, value=fmt_money(p.value_vnd_trn, lang)) for p in s.projects
        )
        lines.append("  " + t("cli_projects", lang, items=items))
    lines.append("")
    for v in ev.verdicts:
        lines.append(
            t(
                "cli_verdict",
                lang,
                year=fmt_year(v.year),
                target=fmt_pct(v.target_pct, lang),
                verdict=_verdict_word(v, lang),
                value=fmt_pct(v.value_pct, lang),
                margin=fmt_pp(v.margin_pp, lang),
                basis=t(f"basis_{v.basis}", lang),
            )
        )
        if v.required_de_growth_pct is not None:
            lines.append(
                t(
                    "cli_required",
                    lang,
                    req=fmt_pct(v.required_de_growth_pct, lang),
                    prob=fmt_prob(v.probability, lang),
                )
            )
        if v.gap_vnd_trn is not None:
            lines.append(t("cli_gap", lang, gap=fmt_money(v.gap_vnd_trn, lang)))
    lines += ["", t("cli_path", lang)]
    for row in ev.projection.records():
        lines.append(f"  {row['year']}: {fmt_pct(row['share_pct'], lang, digits=2)}")
    if ev.notices:
        lines += ["", t("cli_warnings", lang)]
        lines += [f"  - {n.message(lang)}" for n in ev.notices]
    return "\n".join(lines)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from qn_model.data import load_dataset
    from qn_model.engine import evaluate_link

    ev = evaluate_link(args.link, load_dataset())
    if args.json:
        print(json.dumps(ev.to_json(), ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(summary(ev))
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from qn_model.data import load_dataset
    from qn_model.validate import validate_path

    report = validate_path(args.file, known_indicators=set(load_dataset().codebook["indicator_id"]))
    lang = norm_lang(args.lang)
    if report.ok:
        n = 0 if report.frame is None else len(report.frame)
        print({"vi": f"Hợp lệ: {n} dòng dữ liệu.", "en": f"Valid: {n} data rows."}[lang])
        return EXIT_OK
    for problem in report.problems:
        print(f"[{problem.code}] {problem.message(lang)}")
    return EXIT_INVALID


DEFAULT_BASE_URL = "http://127.0.0.1:8501/scenario"


def _cmd_brief(args: argparse.Namespace) -> int:
    from pathlib import Path

    from qn_model.brief import build_brief
    from qn_model.data import load_dataset
    from qn_model.engine import evaluate_scenario, parse_link
    from qn_model.links import serialize
    from qn_model.messages import Notice
    from qn_model.presets import link_context

    out = Path(args.out)
    if not out.parent.is_dir():  # say so before a minute of work, not after
        print(f"error: the folder {out.parent} does not exist", file=sys.stderr)
        return EXIT_ERROR
    ds = load_dataset()
    parsed = parse_link(args.link, ds)
    lang = norm_lang(args.lang or parsed.lang)  # --lang wins over the link's own language
    notices = parsed.notices
    if parsed.data_version is not None and parsed.data_version != ds.version:
        notices += (
            Notice(
                "foreign_data_version",
                t("brief_foreign_data", "vi", version=parsed.data_version),
                t("brief_foreign_data", "en", version=parsed.data_version),
            ),
        )
    ev = evaluate_scenario(parsed.scenario, ds, lang, notices, parsed.target_set)
    ctx = link_context(ds)
    query = serialize(
        parsed.scenario,
        ctx.defaults,
        lang,
        parsed.present,
        parsed.data_version,
        ctx.observed_share,
        parsed.target_set,
    )
    base = args.base_url.split("?", 1)[0].split("#", 1)[0]
    link = f"{base}?{query}" if query else base
    out.write_text(build_brief(ev, ds, lang, link), encoding="utf-8")
    print(t("cli_brief_written", lang, path=str(out)))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m qn_model", description="Quảng Ninh digital-economy planner"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("evaluate", help="evaluate a scenario link")
    ev.add_argument("link", help="a link, a path with a query, or a query string (e.g. 'gd2=40&t2=30')")
    ev.add_argument("--json", action="store_true", help="print the JSON document")
    ev.set_defaults(func=_cmd_evaluate)
    va = sub.add_parser("validate", help="check a data file (CSV or XLSX)")
    va.add_argument("file")
    va.add_argument("--lang", default="vi", choices=["vi", "en"])
    va.set_defaults(func=_cmd_validate)
    br = sub.add_parser("brief", help="write the scenario's brief: one self-contained HTML file")
    br.add_argument("link", help="a link, a path with a query, or a query string")
    br.add_argument("--out", default="brief.html", help="the HTML file to write (default: brief.html)")
    br.add_argument(
        "--lang", default=None, choices=["vi", "en"], help="language of the brief (default: the link's)"
    )
    br.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        help=f"the app's scenario page, for the link and QR code (default: {DEFAULT_BASE_URL})",
    )
    br.set_defaults(func=_cmd_brief)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except Exception as exc:  # a command line never prints a traceback at its user
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR
