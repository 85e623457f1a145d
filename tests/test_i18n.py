import pytest

from qn_model.i18n.formats import DASH, fmt_num, fmt_pct, fmt_pp, fmt_prob, norm_lang, t
from qn_model.i18n.glossary import GLOSSARY


def test_every_glossary_entry_has_both_languages():
    for key, entry in GLOSSARY.items():
        assert set(entry) == {"vi", "en"}, key
        assert entry["vi"].strip() and entry["en"].strip(), key


def test_placeholders_match_between_languages():
    import string

    for key, entry in GLOSSARY.items():
        names = [{f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in ("vi", "en")]
        assert names[0] == names[1], key


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
    assert norm_lang("fr") == "vi"
    with pytest.raises(KeyError):
        t("no_such_key")
