import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qn_model.core.links import (
    ALL_KEYS,
    MAX_NOTICES,
    NUMBER_KEYS,
    LinkContext,
    parse,
    query_items,
    serialize,
    serialize_parsed,
    split_query,
)
from qn_model.core.scenario import Scenario
from qn_model.i18n import render


def codes(parsed):
    return [n.code for n in parsed.notices]


def test_empty_link_is_the_default_scenario(ctx):
    parsed = parse("", ctx)
    assert parsed.scenario == ctx.defaults
    assert parsed.lang == "vi" and parsed.notices == () and not parsed.present


@pytest.mark.parametrize(
    "text",
    [
        "gd2=40&t2=30&lang=en",
        "?gd2=40&t2=30&lang=en",
        "http://127.0.0.1:8501/scenario?gd2=40&t2=30&lang=en",
        "/overview?gd2=40&t2=30&lang=en#top",
    ],
)
def test_link_forms(ctx, text):
    parsed = parse(text, ctx)
    assert parsed.scenario.gd2 == 40.0 and parsed.scenario.t2 == 30.0 and parsed.lang == "en"
    assert parsed.explicit == {"gd2", "t2", "lang"}


def test_mapping_input_like_st_query_params(ctx):
    parsed = parse({"gy1": "9.5", "lang": "en"}, ctx)
    assert parsed.scenario.gy1 == 9.5 and parsed.lang == "en"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("gy1=abc", "not_a_number"),
        ("gy1=nan", "not_finite"),
        ("gy1=inf", "not_finite"),
        ("gy1=-inf", "not_finite"),
        ("gy1=251", "out_of_range"),
        ("gy1=-20.01", "out_of_range"),
        ("t1=0", "out_of_range"),
        ("t2=100.5", "out_of_range"),
        ("base=2014", "out_of_range"),
        ("base=2030", "out_of_range"),
        ("gy1=", "empty_value"),
        ("gy1=1&gy1=2", "repeated_key"),
        ("lang=xx", "unknown_language"),  # xx: no language (fr may be added one day)
        ("lang=EN", "unknown_language"),
        ("present=yes", "not_a_flag"),
        ("dv=<script>", "bad_data_version"),
        ("zzz=1", "unknown_key"),
        ("gy1=" + "9" * 100, "not_a_number"),
    ],
)
def test_bad_values_fall_back_with_a_notice(ctx, text, code):
    parsed = parse(text, ctx)
    assert parsed.scenario == ctx.defaults
    assert parsed.lang == "vi"
    assert codes(parsed) == [code]
    notice = parsed.notices[0]
    assert render(notice, "vi") != render(notice, "en")
    assert "mặc định" in render(notice, "vi") or notice.code == "unknown_key"


def test_boundaries_are_accepted(ctx):
    parsed = parse("gy1=-20&gd1=250&t1=0.1&t2=100&base=2015&s0=100&sy=0&sd=50", ctx)
    assert parsed.notices == ()
    s = parsed.scenario
    assert (s.gy1, s.gd1, s.t1, s.t2, s.base_year, s.base_share_pct, s.sy, s.sd) == (
        -20,
        250,
        0.1,
        100,
        2015,
        100,
        0,
        50,
    )


def test_base_year_truncates_like_an_integer_slider(ctx):
    assert parse("base=2020.7&s0=5", ctx).scenario.base_year == 2020


def test_base_share_defaults_to_the_observed_value(ctx):
    parsed = parse("base=2024", ctx)
    assert parsed.scenario.base_share_pct == 7.1 and parsed.notices == ()


def test_base_year_without_observation_assumes_the_default_share(ctx):
    parsed = parse("base=2020", ctx)
    assert parsed.scenario.base_year == 2020
    assert parsed.scenario.base_share_pct == ctx.defaults.base_share_pct
    assert codes(parsed) == ["base_share_assumed"]


def test_streamlit_keys_are_ignored_silently(ctx):
    assert parse("embed=true&embed_options=dark_theme", ctx).notices == ()


def test_markup_is_kept_as_plain_text_in_notices(ctx):
    parsed = parse("gy1=<b>x</b>", ctx)
    assert "<b>x</b>" in render(parsed.notices[0], "en")


def test_many_unknown_keys_are_summarised(ctx):
    text = "&".join(f"k{i}=1" for i in range(50)) + "&" + "&".join(f"gy1={i}" for i in range(2))
    parsed = parse(text, ctx)
    assert len(parsed.notices) <= MAX_NOTICES + 1


def test_many_bad_values_get_a_summary_line(ctx):
    keys = [k.key for k in NUMBER_KEYS]
    text = (
        "&".join(f"{k}=x&{k}=y" for k in keys) + "&" + "&".join(f"{k}=abc" for k in ("lang", "present", "dv"))
    )
    parsed = parse(text + "&" + "&".join(f"{k}=q" for k in keys), ctx)
    assert len(parsed.notices) <= MAX_NOTICES + 1


def test_serialize_leaves_out_defaults(ctx):
    s = ctx.defaults.with_(gd2=40.0)
    assert serialize(s, ctx.defaults, observed_share=ctx.observed_share) == "gd2=40"
    assert serialize(ctx.defaults, ctx.defaults, lang="en", observed_share=ctx.observed_share) == "lang=en"


def test_serialize_without_defaults_is_complete(ctx):
    items = dict(query_items(ctx.defaults))
    assert set(items) == {k.key for k in NUMBER_KEYS} | {"lang"}
    assert items["base"] == "2024" and items["s0"] == "7.1"


def test_serialize_keeps_meeting_keys(ctx):
    parsed = parse("present=1&dv=abc123&lang=en", ctx)
    assert parsed.present and parsed.data_version == "abc123"
    assert serialize_parsed(parsed, ctx) == "lang=en&present=1&dv=abc123"


SETS = {"article": (20.0, 35.0), "resolution09": (20.0, 30.0), "national": (20.0, 30.0)}


@pytest.fixture
def set_ctx(ctx):
    return LinkContext(ctx.defaults, ctx.observed_share, SETS)


def test_target_set_is_read_when_it_holds_the_links_targets(set_ctx):
    parsed = parse("t2=30&ts=national", set_ctx)
    assert parsed.notices == () and parsed.target_set == "national"
    assert "ts" in parsed.explicit
    assert serialize_parsed(parsed, set_ctx) == "t2=30&ts=national"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ts=nowhere", "unknown_target_set"),
        ("ts=<script>alert(1)</script>", "unknown_target_set"),
        ("ts=", "unknown_target_set"),
        ("t2=30&ts=article", "target_set_mismatch"),
        ("t1=20&t2=35&ts=national", "target_set_mismatch"),
        ("t2=30&ts=national&ts=article", "repeated_key"),
    ],
)
def test_a_target_set_that_does_not_fit_is_dropped_with_a_notice(set_ctx, text, code):
    parsed = parse(text, set_ctx)
    assert parsed.target_set is None and "ts" not in parsed.explicit
    assert codes(parsed) == [code]
    assert "ts=" not in serialize_parsed(parsed, set_ctx)


def test_a_set_named_without_targets_brings_its_targets(set_ctx):
    parsed = parse("ts=national", set_ctx)
    assert parsed.notices == () and parsed.target_set == "national"
    assert (parsed.scenario.t1, parsed.scenario.t2) == (20.0, 30.0)
    assert serialize_parsed(parsed, set_ctx) == "t2=30&ts=national"
    # Only t2 given: t1 comes from the set.
    assert parse("t2=30&ts=national", set_ctx).scenario.t1 == 20.0


@pytest.mark.parametrize("text", ["t2=30&ts=resolution09", "ts=article", "ts=resolution09"])
def test_a_set_the_targets_read_as_anyway_is_left_out(set_ctx, text):
    """20 % / 30 % read as the resolution (the first set holding them): naming it adds nothing,
    and the link written back leaves it out."""
    parsed = parse(text, set_ctx)
    assert parsed.notices == () and parsed.target_set is None
    assert "ts=" not in serialize_parsed(parsed, set_ctx)


def test_without_target_sets_in_the_context_no_name_is_accepted(ctx):
    assert codes(parse("ts=national", ctx)) == ["unknown_target_set"]


def test_query_items_write_the_target_set_only_when_given(ctx):
    assert "ts" not in dict(query_items(ctx.defaults, ctx.defaults))
    assert query_items(ctx.defaults, ctx.defaults, target_set="national") == [("ts", "national")]


def test_split_query_survives_broken_urls():
    assert split_query("http://[::1/?a=1") in ([("a", "1")], [])


finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


@st.composite
def scenarios(draw):
    return Scenario(
        base_year=draw(st.integers(2015, 2029)),
        base_share_pct=draw(st.floats(0.1, 100)),
        gy1=draw(st.floats(-20, 250)),
        gd1=draw(st.floats(-20, 250)),
        gy2=draw(st.floats(-20, 250)),
        gd2=draw(st.floats(-20, 250)),
        t1=draw(st.floats(0.1, 100)),
        t2=draw(st.floats(0.1, 100)),
        sy=draw(st.floats(0, 50)),
        sd=draw(st.floats(0, 50)),
    )


@settings(max_examples=300)
@given(scenarios(), st.sampled_from(["vi", "en"]), st.booleans())
def test_parse_serialize_round_trips(ctx, s, lang, present):
    for defaults in (None, ctx.defaults):
        text = serialize(s, defaults, lang=lang, present=present, observed_share=ctx.observed_share)
        parsed = parse(text, ctx)
        assert parsed.notices == ()
        assert parsed.scenario == s and parsed.lang == lang and parsed.present == present
        assert serialize_parsed(parsed, ctx if defaults else None) == text


@settings(max_examples=500)
@given(st.text())
def test_parse_never_raises_on_any_text(ctx, text):
    parsed = parse(text, ctx)
    assert isinstance(parsed.scenario, Scenario)
    for f in ("gy1", "gd1", "gy2", "gd2", "t1", "t2", "base_share_pct"):
        assert math.isfinite(getattr(parsed.scenario, f))


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from([*ALL_KEYS, "x", "embed"]), st.text(max_size=80), max_size=12))
def test_parse_never_raises_on_any_key_values(ctx, mapping):
    parsed = parse("&".join(f"{k}={v}" for k, v in mapping.items()), ctx)
    assert 2015 <= parsed.scenario.base_year <= 2029
    assert parsed.lang in ("vi", "en")


@settings(max_examples=200)
@given(st.dictionaries(st.text(max_size=10), st.lists(st.text(max_size=20), max_size=3), max_size=8))
def test_parse_never_raises_on_any_mapping(ctx, mapping):
    assert isinstance(parse(mapping, ctx).scenario, Scenario)


def test_parse_never_raises_on_garbage_context_input():
    bad_ctx = LinkContext(defaults=None)  # type: ignore[arg-type]
    assert parse("gy1=5", bad_ctx).notices[0].code == "unreadable_link"
