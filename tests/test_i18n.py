import ast
import shutil
import string
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from qn_model.core import langs
from qn_model.core.links import parse
from qn_model.core.messages import Join, Local, Notice, Problem, Term
from qn_model.i18n import catalog, render
from qn_model.i18n.formats import DASH, fmt_num, fmt_pct, fmt_pp, fmt_prob, norm_lang, t

ROOT = Path(__file__).resolve().parent.parent
# Texts whose Vietnamese leaves out a technical detail the English names (an exception's class).
LANGUAGE_MAY_OMIT = {
    ("problem_unreadable__csv_error", "vi", "detail"),
    ("problem_unreadable__internal", "vi", "detail"),
}


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def _scripts_module(name: str):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        return __import__(name)
    finally:
        sys.path.remove(str(ROOT / "scripts"))


# --- the catalogs ----------------------------------------------------------------------------
def test_every_key_in_every_language():
    with (catalog.LOCALE_DIR / "messages.pot").open("rb") as f:
        template = {m.id for m in read_po(f) if m.id}
    for lang in langs.LANGS:
        assert set(catalog.texts(lang)) == template, lang
        assert all(text.strip() for text in catalog.texts(lang).values()), lang


def test_placeholders_match_between_languages():
    first = langs.LANGS[0]
    for key, text in catalog.texts(first).items():
        for lang in langs.LANGS[1:]:
            a, b = _fields(text), _fields(catalog.texts(lang)[key])
            a |= {f for k, lg, f in LANGUAGE_MAY_OMIT if k == key and lg == first}
            b |= {f for k, lg, f in LANGUAGE_MAY_OMIT if k == key and lg == lang}
            assert a == b, (key, lang)


@pytest.mark.parametrize("lang", langs.LANGS)
def test_catalog_parses_and_passes_babels_checks(lang):
    with catalog.po_path(lang).open("rb") as f:
        cat = read_po(f, locale=lang)
    assert str(cat.locale) == lang
    assert cat.num_plurals >= 1
    assert [(m.id, errors) for m, errors in cat.check()] == []
    assert not [m.id for m in cat if m.id and m.fuzzy]


def test_t_missing_key_raises_in_every_language():
    for lang in langs.LANGS:
        with pytest.raises(KeyError):
            t("no_such_key", lang)


# --- messages --------------------------------------------------------------------------------
def test_number_placeholders_follow_the_language():
    n = Notice.of("share_over_100", peak=123.25)
    assert "(123,2%)" in render(n, "vi") or "(123,3%)" in render(n, "vi")
    assert "(123.2%)" in render(n, "en") or "(123.3%)" in render(n, "en")
    assert t("dv_value_pct2", "vi", value=7.25) == "7,25%"
    assert t("dv_value_vnd_trn", "en", value=1234.5, unit="x") == "1,234.5 x"


def test_messages_are_language_neutral_values():
    a = Notice.of("unknown_key", key="zz", raw="1")
    b = Notice.of("unknown_key", key="zz", raw="1")
    assert a == b and hash(a) == hash(b)
    nested = Notice.of("x", "cmp_item_notice", label=Notice.text("cmp_link_label", n=2), message=a)
    assert render(nested, "vi").startswith("Tham số 'cmp', Đường dẫn 2: Tham số 'zz'")
    assert render(nested, "en").startswith("Parameter 'cmp', Link 2: Parameter 'zz'")
    assert render(Join((Term("period_1"), "x"), " / "), "en") == "to 2025 / x"
    assert render(Local.of(vi="Một", en="One"), "en") == "One"


def test_problem_location_and_language_tags():
    p = Problem.of("missing_value", "a.csv", 3, "value")
    assert render(p, "en-US").startswith("a.csv, row 3, column value: ")
    assert render(p, "vi").startswith("a.csv, dòng 3, cột value: ")


# --- the keys the code uses are the catalogs' keys (scripts/texts.py, `make texts`) ------------
@pytest.fixture(scope="module")
def texts_tool():
    return _scripts_module("texts")


@pytest.fixture(scope="module")
def code_keys(texts_tool):
    return set(texts_tool.code_keys())


def _template_keys() -> set[str]:
    with (catalog.LOCALE_DIR / "messages.pot").open("rb") as f:
        return {m.id for m in read_po(f) if m.id}


def test_the_extraction_finds_the_messages(code_keys):
    assert {"notice_unknown_key", "notice_bad_param", "problem_missing_value", "cmp_too_many"} <= code_keys
    assert "problem_unreadable__xlsx_broken" in code_keys and "dv_older" in code_keys
    assert {"problem_not_numeric", "problem_not_finite", "cmp_bad_item"} <= code_keys  # codes of Notice.of
    assert {"basis_observed", "trend_model_arima_text", "detail_projects"} <= code_keys  # f-string families
    assert {"target_set_national", "source_resolution09"} <= code_keys  # the data's target sets
    assert {"hist_col_year", "page_trends"} <= code_keys  # N_ in tables
    assert len(code_keys) > 600


def test_every_key_the_code_uses_is_in_the_catalogs_and_no_other(code_keys):
    template = _template_keys()
    missing, unused = sorted(code_keys - template), sorted(template - code_keys)
    assert not missing, f"keys used in the code, not in messages.pot: run `make texts`: {missing}"
    assert not unused, f"keys in messages.pot that no code uses: run `make texts`: {unused}"


def test_the_check_sees_a_new_key_and_a_dropped_one(texts_tool, code_keys):
    from qn_model.views.text_keys import families

    source = "t('brand_new_key', lang)\nNotice.of('odd_code')\nt(f'basis_{b}', lang)\nN_('x_y')\n"
    found = {key for _, key in texts_tool.keys_in(ast.parse(source), families())}
    assert found == {"brand_new_key", "notice_odd_code", "x_y"} | {
        f"basis_{b}" for b in families()["basis_{}"]
    }
    assert found - _template_keys() == {"brand_new_key", "notice_odd_code", "x_y"}
    assert "projects_count" not in code_keys  # dropped with its last use


def _fstring_patterns(texts_tool) -> set[str]:
    found = set()
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "qn_ui").rglob("*.py")]:
        found |= _patterns_in(texts_tool, path)
    for path in (ROOT / "qn_model").rglob("*.py"):
        found |= _patterns_in(texts_tool, path)
    return found


def _patterns_in(texts_tool, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {prefix + p for _, prefix, node in texts_tool.key_nodes(tree) if (p := texts_tool.pattern(node))}


def test_every_fstring_key_has_its_family_and_every_family_a_use(texts_tool):
    # An f-string key's values are listed in qn_model/views/text_keys.py, so they are extracted;
    # a list no code uses any more goes.
    from qn_model.views.text_keys import families

    patterns = _fstring_patterns(texts_tool)
    assert sorted(patterns - set(families())) == [], "add the family to qn_model/views/text_keys.py"
    assert sorted(set(families()) - patterns) == [], "no code builds these keys any more"
    assert all(families().values())


def test_the_families_follow_the_domain_lists():
    from qn_model.data.dataset import load_dataset
    from qn_model.engine.presets import PRESETS, target_sets
    from qn_model.trends.models import MODEL_KINDS
    from qn_model.views.text_keys import families

    fam = families()
    assert fam["preset_{}"] == PRESETS and fam["trend_model_{}"] == MODEL_KINDS
    assert set(target_sets(load_dataset())) < set(fam["target_set_{}"])


@pytest.mark.parametrize("lang", langs.LANGS)
def test_every_emitted_message_renders(lang, code_keys):
    # Every key the code uses exists in every language, and every text of the catalog renders.
    texts = catalog.texts(lang)
    assert sorted(code_keys - set(texts)) == []
    assert {"problem_not_numeric", "problem_not_finite"} <= set(texts)
    for key, template in texts.items():
        values = {}
        for _, field, spec, _ in string.Formatter().parse(template):
            if field:
                values[field.split(".")[0].split("[")[0]] = 12.5 if spec else "x"
        text = t(key, lang, **values) if values else t(key, lang)
        assert text.strip() and "{" not in text.replace("{{", ""), key


# --- a third language: one catalog file plus one entry in the list --------------------------
# The trial language: French, or the next of these Babel knows once French ships.
THIRD = next(code for code in ("fr", "de", "ja") if code not in langs.LANGS)


@pytest.fixture
def french(tmp_path, monkeypatch):
    locales = tmp_path / "locales"
    shutil.copytree(catalog.LOCALE_DIR, locales)
    with catalog.po_path("en").open("rb") as f:
        english = read_po(f, locale="en")
    # The how-to: the template copied as the new language's catalog, then translated.
    path = locales / THIRD / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    shutil.copy(locales / "messages.pot", path)
    with path.open("rb") as f:
        template = read_po(f, locale=THIRD)
    texts = {m.id: f"[{THIRD}] {english[m.id].string}" for m in template if m.id}
    _scripts_module("texts").write_catalog(path, THIRD, texts)
    monkeypatch.setattr(catalog, "LOCALE_DIR", locales)
    monkeypatch.setattr(langs, "LANGS", [*langs.LANGS, THIRD])
    catalog.texts.cache_clear()
    yield THIRD
    catalog.texts.cache_clear()


def test_a_third_language_works_through_the_one_list(french, ctx):
    tag = f"[{french}] "
    assert t("app_title", french).startswith(tag)
    assert norm_lang(french) == french
    # Babel's format of that language, from the code alone (French: "1\u202f234,5")
    assert fmt_num(1234.5, french) == format_decimal(1234.5, "#,##0.0", locale=french)
    parsed = parse(f"lang={french}&gd2=999", ctx)
    assert parsed.lang == french
    (notice,) = parsed.notices
    assert render(notice, french).startswith(f"{tag}Parameter 'gd2' = '999': {tag}outside")
    (unknown,) = parse("lang=zz", ctx).notices
    names = ", ".join(langs.LANGS[:-1]) + " or " + langs.LANGS[-1]
    assert render(unknown, "en").endswith(f"language must be {names}. The default was used.")

    from qn_model.data.dataset import load_dataset

    ds = load_dataset()  # the data names its indicators in vi and en; a third shows the default's
    assert ds.name("de_share", french) == ds.name("de_share", "vi")

    from qn_model.cli import build_parser

    assert build_parser().parse_args(["validate", "x.csv", "--lang", french]).lang == french


def test_a_third_languages_charts_take_babels_marks(french, ds):
    """Plotly's separators come from Babel's locale data, the marks the texts' numbers use: vi
    and en as before, a third language its own (French: a decimal comma and a narrow no-break
    space, one character each as plotly reads them), in the figures and the live chart's table."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    from qn_model.engine.evaluate import evaluate_link
    from qn_model.i18n.formats import plotly_separators
    from qn_model.views.figures import headline_figure, sensitivity_for

    assert (plotly_separators("vi"), plotly_separators("en")) == (",.", ".,")
    marks = get_decimal_symbol(french) + get_group_symbol(french)
    assert plotly_separators(french) == marks and len(marks) == 2
    assert fmt_num(1234.5, french) == f"1{marks[1]}234{marks[0]}5"
    assert {lang: plotly_separators(lang) for lang in langs.LANGS} == {"vi": ",.", "en": ".,", french: marks}
    assert plotly_separators("zz") == ",."  # not a language of the app: the default one's
    ev = evaluate_link(f"lang={french}", ds)
    assert headline_figure(ev, ds, french).layout.separators == marks
    assert sensitivity_for(ev, 2030, french).layout.separators == marks


def test_a_third_languages_report_is_tagged_with_its_own_language(french, ds):
    """The Word report marks its text (Word's and LibreOffice's spelling language) with the
    language's tag, its region from Babel: fr-FR, not the English report's en-GB."""
    from io import BytesIO

    from docx import Document

    from qn_model.i18n.formats import lang_tag
    from qn_model.outputs.pack import resolve
    from qn_model.outputs.report import build_report
    from tests.test_meeting_pack import TINY_PNG, report_lang_tag

    expected = {"fr": "fr-FR", "de": "de-DE", "ja": "ja-JP"}[french]
    assert (lang_tag("vi"), lang_tag("en"), lang_tag(french)) == ("vi-VN", "en-GB", expected)
    doc = Document(BytesIO(build_report(resolve("gd2=30", ds, french), chart_png=TINY_PNG)))
    assert report_lang_tag(doc) == expected


# --- numbers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [(14.3, "vi", "14,3%"), (14.3, "en", "14.3%"), (1234.5, "vi", "1.234,5%"), (1234.5, "en", "1,234.5%")],
)
def test_percent_formats(value, lang, expected):
    assert fmt_pct(value, lang) == expected


def test_numbers_and_dashes():
    assert fmt_num(347.5, "vi") == "347,5"
    assert fmt_num(None) == DASH
    assert fmt_num(float("nan")) == DASH
    assert fmt_pct(float("inf")) == DASH


def test_signed_and_points():
    assert fmt_pp(-12.345, "vi") == "-12,3 điểm %"
    assert fmt_pp(1.25, "en") == "+1.2 pp" or fmt_pp(1.25, "en") == "+1.3 pp"
    assert fmt_pp(-0.01, "en") == "+0.0 pp"


def test_probabilities_never_claim_certainty_falsely():
    assert fmt_prob(0.0) == "0%"
    assert fmt_prob(0.004) == "<1%"
    assert fmt_prob(0.996) == ">99%"
    assert fmt_prob(1.0) == "100%"
    assert fmt_prob(0.5, "en") == "50%"
    assert fmt_prob(None) == DASH


def test_t_and_lang():
    assert t("target_in_year", "en", year=2030, target="35%") == "2030 target: 35%"
    assert norm_lang("xx") == "vi"  # no language of the app
    with pytest.raises(KeyError):
        t("no_such_key")


# --- layering --------------------------------------------------------------------------------
@pytest.mark.parametrize("layer", ["core", "data", "trends", "engine"])
def test_lower_layers_import_neither_texts_nor_plotly(layer):
    for path in (ROOT / "qn_model" / layer).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(("qn_model.i18n", "qn_model.views", "plotly")), (
                    f"{path.name}: {name}"
                )


def test_a_message_reads_the_same_whatever_the_engine_imported_first():
    # No renderer is registered anywhere: a lower layer's describe() is language-neutral whether
    # or not i18n was imported, and the package does not import i18n behind the engine's back.
    import subprocess
    import sys

    msg = "Notice.of('too_many_projects', key='pj', max=6, dropped=2)"
    code = "from qn_model.core.messages import Notice, describe\nprint(describe({msg}))\n"
    first = "import qn_model.i18n\n"
    check = "import sys\nassert 'qn_model.i18n' not in sys.modules\n"
    run = [
        subprocess.run([sys.executable, "-c", c], capture_output=True, text=True, check=True).stdout
        for c in (check + code.format(msg=msg), first + code.format(msg=msg))
    ]
    assert run[0] == run[1] == "[too_many_projects] key='pj', max=6, dropped=2\n"
    assert render(Notice.of("too_many_projects", key="pj", max=6, dropped=2), "en") != run[0].strip()


def test_a_broken_shipped_data_error_is_rendered_where_shown(tmp_path):
    import shutil

    from qn_model.cli import main
    from qn_model.core.messages import MessageError
    from qn_model.data.dataset import DATA_DIR, load_dataset

    shutil.copytree(DATA_DIR, tmp_path / "data")
    path = tmp_path / "data" / "indicators.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("de_share,QN,2024,7.1,", "de_share,QN,2024,abc,")
    )
    with pytest.raises(MessageError) as raised:
        load_dataset(tmp_path / "data")
    assert "[shipped_data_broken]" in str(raised.value) and "[not_numeric]" in str(raised.value)
    for lang in langs.LANGS:
        text = render(raised.value.message, lang)
        assert str(tmp_path) in text and "[" not in text.split(":", 1)[0], text
    assert "is broken (1 problem(s))" in render(raised.value.message, "en")
    assert "not a number" in render(raised.value.message, "en")
    assert main(["data-version", "--data-dir", str(tmp_path / "data")]) == 2
