"""A deterministic corpus of tampered links (shared by the AppTest and browser tests).

Categories: non-numbers, NaN, infinities, huge and negative values, very long values, markup and
script text, repeated keys, unknown keys, wrong language codes, broken encodings and mixtures.
"""

from __future__ import annotations

import random
from urllib.parse import quote

NUMBER_KEYS = ("base", "s0", "gy1", "gd1", "gy2", "gd2", "t1", "t2", "sy", "sd")
BAD_VALUES = (
    "abc",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "Infinity",
    "1e309",
    "-1e309",
    "9" * 400,
    "-999999",
    "1e6",
    "-21",
    "0x1A",
    "1,5",
    "½",
    "١٢",
    "",
    " ",
    "None",
    "true",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "**bold** [link](http://evil)",
    ":material/warning: $x^2$",
    "'; DROP TABLE x;--",
    '=HYPERLINK("http://evil")',
    "%00",
    "%ZZ",
    "\u202e1.0",
    "A" * 5000,
)
BAD_LANGS = ("fr", "EN", "vi-VN", "", "<b>vi</b>", "en&lang=vi", "ví", "zh")
UNKNOWN_KEYS = ("zzz", "GY1", "gy3", "__proto__", "<script>", "present2", "lang ", "a" * 300)


def tampered_links(n: int = 210, seed: int = 5) -> list[str]:
    """``n`` query strings, each with at least one bad part; the first ones cover every
    category once, the rest are random mixtures."""
    links: list[str] = []
    for i, value in enumerate(BAD_VALUES):
        key = NUMBER_KEYS[i % len(NUMBER_KEYS)]
        links.append(f"{key}={quote(value, safe='')}")
    links += [f"lang={quote(v, safe='')}" for v in BAD_LANGS]
    links += [f"{quote(k, safe='')}=1" for k in UNKNOWN_KEYS]
    links += [f"{k}=5&{k}=6" for k in NUMBER_KEYS]
    links += [
        "present=2",
        "present=<b>1</b>",
        "dv=%3Cscript%3E",
        "dv=" + "f" * 40,
        "dv=0123456789ab",  # well formed, but data this server does not know
        "cmp=" + quote("bold,<script>alert(1)</script>", safe=""),
        "cmp=" + quote("?gy2=abc,?gd2=1e309&zzz=1", safe=""),
        "cmp=" + quote("current,current,plan,plan,trend,cautious,ambitious", safe=""),
        "cmp=" + "A" * 3000,
        "cmp=1&cmp=2",
        "%%%",
        "&&&=&=",
        "?a=1?b=2",
    ]
    rng = random.Random(seed)
    while len(links) < n:
        parts = []
        for _ in range(rng.randint(2, 6)):
            roll = rng.random()
            if roll < 0.55:
                parts.append(f"{rng.choice(NUMBER_KEYS)}={quote(rng.choice(BAD_VALUES), safe='')}")
            elif roll < 0.7:
                parts.append(f"lang={quote(rng.choice(BAD_LANGS), safe='')}")
            elif roll < 0.85:
                parts.append(f"{quote(rng.choice(UNKNOWN_KEYS), safe='')}={rng.randint(0, 9)}")
            else:  # a valid part mixed in: the rest of the link must still count
                parts.append(f"{rng.choice(('gd2', 'gy2', 't2'))}={rng.randint(1, 40)}")
        links.append("&".join(parts))
    return links[:n]


def parses_as_number(text: str) -> bool:
    """Whether Python reads ``text`` as a number ("nan" and "1e309" included): such text is a
    value, not a label, to the tests that look for hostile labels."""
    try:
        float(text)
    except ValueError:
        return False
    return True
