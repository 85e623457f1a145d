"""Command line: the same answers as the app, for scripts and for checking a link.

python -m qn_model evaluate "<link or query string>" [--json]
python -m qn_model validate FILE [--lang vi|en]
python -m qn_model brief "<link>" --out brief.html|brief.pdf [--lang vi|en] [--base-url URL]
python -m qn_model deck "<link>" --out deck.pptx [--lang vi|en] [--base-url URL]
python -m qn_model report "<link>" --out report.docx [--lang vi|en] [--base-url URL]
python -m qn_model peers [--json] [--lang vi|en]
python -m qn_model data-version [--append --summary-en TEXT --summary-vi TEXT [--date YYYY-MM-DD]]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from qn_model.core import langs
from qn_model.core.langs import DEFAULT_LANG
from qn_model.core.targets import TargetVerdict
from qn_model.i18n.formats import (
    fmt_money,
    fmt_num,
    fmt_pct,
    fmt_pp,
    fmt_prob,
    fmt_year,
    norm_lang,
    render,
    t,
)

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2
DEFAULT_BASE_URL = "http://127.0.0.1:8501/scenario"  # the same as qn_model.outputs.pack's


def _verdict_word(v: TargetVerdict, lang: str) -> str:
    if v.met is None:
        return t("verdict_unknown", lang)
    return t("verdict_met" if v.met else "verdict_not_met", lang)


def summary(ev, lang: str, ds=None) -> str:  # ev: engine.Evaluation, ds: data.Dataset (lazy imports)
    """A readable summary of an evaluation in ``lang`` (with ``ds``, its data version)."""
    from qn_model.views.narrative import required_text

    s = ev.scenario
    lines = [t("app_title", lang)]
    if ds is not None:
        lines.append(data_version_line(ds, lang))
    lines += ["", t("cli_scenario", lang)]
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
                    req=required_text(v, lang),
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
        lines += [f"  - {render(n, lang)}" for n in ev.notices]
    return "\n".join(lines)


def data_version_line(ds, lang: str) -> str:
    """``Data version: b1aa8607c740 (2026-11-01)``; a planner's own data has no date."""
    from qn_model.data.versions import version_date

    date = version_date(ds) or t("dv_own_data", lang)
    return t("brief_data_version_dated", lang, version=ds.version, date=date)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from qn_model.data.dataset import load_dataset
    from qn_model.data.versions import version_date
    from qn_model.engine.evaluate import evaluate_parsed, parse_link
    from qn_model.engine.money import level_notices, money_basis

    ds = load_dataset()
    parsed = parse_link(args.link, ds)
    ev, lang = evaluate_parsed(parsed, ds), norm_lang(parsed.lang)
    if args.json:
        # The data the numbers were computed on: a link made on another version says so in
        # "warnings" (code data_version_changed / data_version_unknown). The path's money is at
        # base-year prices ("money_basis"); an observed level far from it is a warning too.
        doc = {
            **ev.to_json(lambda n: render(n, lang)),
            "data_version": ds.version,
            "data_date": version_date(ds),
        }
        doc["money_basis"] = money_basis(ev.scenario.base_year)
        doc["warnings"] = [
            *doc["warnings"],
            *({"code": n.code, "message": render(n, lang)} for n in level_notices(ev.projection, ds)),
        ]
        print(json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(summary(ev, lang, ds))
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from qn_model.data.dataset import load_dataset
    from qn_model.data.validate import validate_path

    report = validate_path(args.file, known_indicators=set(load_dataset().codebook["indicator_id"]))
    lang = norm_lang(args.lang)
    if report.ok:
        n = 0 if report.frame is None else len(report.frame)
        print(t("cli_valid_rows", lang, n=n))
        return EXIT_OK
    for problem in report.problems:
        print(f"[{problem.code}] {render(problem, lang)}")
    return EXIT_INVALID


def _out_ok(out) -> bool:  # out: pathlib.Path
    if not out.parent.is_dir():  # say so before the work, not after
        print(f"error: the folder {out.parent} does not exist", file=sys.stderr)
        return False
    return True


def _pack(args: argparse.Namespace):  # -> qn_model.outputs.pack.Pack
    from qn_model.data.dataset import load_dataset
    from qn_model.outputs.pack import resolve

    # --lang wins over the link's own; the link's own address over the default one.
    return resolve(args.link, load_dataset(), args.lang, base_url=args.base_url or _base(args.link))


def _base(link: str) -> str:
    """A link copied from the app names its own address, base path included (…/ktso/scenario)."""
    from qn_model.core.urls import page_address

    return page_address(link) or DEFAULT_BASE_URL


def _cmd_brief(args: argparse.Namespace) -> int:
    from pathlib import Path

    out = Path(args.out)
    if not _out_ok(out):
        return EXIT_ERROR
    if out.suffix.lower() == ".pdf":
        from qn_model.outputs.files import render

        pack = _pack(args)
        out.write_bytes(render(pack, "pdf"))
        print(t("cli_file_written", pack.lang, path=str(out)))
        return EXIT_OK

    from qn_model.data.dataset import load_dataset
    from qn_model.engine.evaluate import evaluate_parsed, parse_link
    from qn_model.outputs.brief import build_brief
    from qn_model.outputs.pack import canonical_link

    ds = load_dataset()
    parsed = parse_link(args.link, ds)
    lang = norm_lang(args.lang or parsed.lang)  # --lang wins over the link's own language
    ev = evaluate_parsed(parsed, ds)
    link = canonical_link(parsed, ds, lang, args.base_url or _base(args.link))
    out.write_text(build_brief(ev, ds, lang, link), encoding="utf-8")
    print(t("cli_brief_written", lang, path=str(out)))
    return EXIT_OK


def _cmd_office(args: argparse.Namespace) -> int:
    """``deck`` and ``report``: the pack's file of that kind."""
    from pathlib import Path

    out = Path(args.out)
    if not _out_ok(out):
        return EXIT_ERROR
    from qn_model.outputs.files import render

    pack = _pack(args)
    out.write_bytes(render(pack, "pptx" if args.command == "deck" else "docx"))
    print(t("cli_file_written", pack.lang, path=str(out)))
    return EXIT_OK


def _cmd_peers(args: argparse.Namespace) -> int:
    from qn_model.data.dataset import load_dataset
    from qn_model.data.peers import peer_values
    from qn_model.views.peer_text import table_text

    values = peer_values(load_dataset())
    lang = norm_lang(args.lang)
    if args.json:
        print(json.dumps([v.to_json(lang) for v in values], ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(table_text(values, lang))
    return EXIT_OK


def _cmd_data_version(args: argparse.Namespace) -> int:
    """Print the data's version and its changelog entry; ``--append`` records it as the newest."""
    from datetime import UTC, datetime

    from qn_model.data.dataset import load_dataset
    from qn_model.data.versions import append_entry, version_entry

    ds = load_dataset(args.data_dir)
    entry = version_entry(ds.version, args.data_dir)
    if not args.append:
        print(ds.version)
        if entry is None:
            print(
                "not in data/versions.csv: append it with "
                "`python -m qn_model data-version --append --summary-en ... --summary-vi ...`",
                file=sys.stderr,
            )
            return EXIT_INVALID
        print(f"{entry.date}: {entry.summary_en}")
        return EXIT_OK
    if entry is not None:
        print(f"{ds.version} is already recorded ({entry.date}); nothing written")
        return EXIT_OK
    if not (args.summary_en and args.summary_vi):
        print("error: --append needs --summary-en and --summary-vi (what changed)", file=sys.stderr)
        return EXIT_ERROR
    date = args.date or datetime.now(UTC).strftime("%Y-%m-%d")
    append_entry(ds, date, args.summary_vi, args.summary_en, args.data_dir)
    print(f"{ds.version} recorded as of {date}")
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
    va.add_argument("--lang", default=DEFAULT_LANG, choices=list(langs.LANGS))
    va.set_defaults(func=_cmd_validate)
    for name, helptext, default, func in (
        (
            "brief",
            "write the scenario's brief: one self-contained HTML file, or an A4 PDF (--out F.pdf)",
            "brief.html",
            _cmd_brief,
        ),
        (
            "deck",
            "write the meeting deck: a PowerPoint file, one slide per scenario",
            "deck.pptx",
            _cmd_office,
        ),
        ("report", "write the scenario's report: a Word document", "report.docx", _cmd_office),
    ):
        br = sub.add_parser(name, help=helptext)
        br.add_argument("link", help="a link, a path with a query, or a query string")
        br.add_argument("--out", default=default, help=f"the file to write (default: {default})")
        br.add_argument(
            "--lang",
            default=None,
            choices=list(langs.LANGS),
            help="language of the file (default: the link's)",
        )
        br.add_argument(
            "--base-url",
            default=None,
            help="the app's scenario page, for the link and QR code (default: the link's own address "
            f"when it is a full http(s) link, base path included; else {DEFAULT_BASE_URL})",
        )
        br.set_defaults(func=func)
    pe = sub.add_parser("peers", help="Quảng Ninh beside other provinces: every peer value with its method")
    pe.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list of {geo, name, year, value_pct, kind, method, basis, note, source_url}",
    )
    pe.add_argument(
        "--lang", default=DEFAULT_LANG, choices=list(langs.LANGS), help="language of the names and the table"
    )
    pe.set_defaults(func=_cmd_peers)
    dv = sub.add_parser(
        "data-version",
        help="print the data version (exit 1 when data/versions.csv lacks it); --append records it",
    )
    dv.add_argument("--append", action="store_true", help="record the data as the newest version")
    dv.add_argument("--date", default=None, help="the entry's date, YYYY-MM-DD (default: today, UTC)")
    dv.add_argument("--summary-en", default=None, help="what changed, in English")
    dv.add_argument("--summary-vi", default=None, help="what changed, in Vietnamese")
    dv.add_argument("--data-dir", default=None, help=argparse.SUPPRESS)  # tests: a copy of data/
    dv.set_defaults(func=_cmd_data_version)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except Exception as exc:  # a command line never prints a traceback at its user
        from qn_model.core.messages import MessageError

        text = render(exc.message, "en") if isinstance(exc, MessageError) else str(exc)
        print(f"error: {type(exc).__name__}: {text}", file=sys.stderr)
        return EXIT_ERROR
