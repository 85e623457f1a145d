"""benchmarks/load.py's count of browsers per replica, read from nginx's access log as
deploy/nginx/trial.conf.in writes it (log_format qn). The qn_route cookie names the replica that
answered, not the browser: browsers are told apart by their user agents' tokens."""

from __future__ import annotations

from pathlib import Path

from benchmarks.load import UA_TOKEN, spread

UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0 Safari/537.36"
A, B = "127.0.0.1:8601", "127.0.0.1:8602"


def line(up: str, route: str, replica: str, ua: str, status: int = 200) -> str:
    # The shape of log_format qn in deploy/nginx/trial.conf.in.
    return (
        f'127.0.0.1 [06/Dec/2026:09:30:00 +0700] "GET /ktso/scenario HTTP/1.1" {status} 512 '
        f'upstream={up} route={route} replica={replica} rt=0.012 "{ua}"'
    )


def browser(n: int) -> str:
    return f"{UA} {UA_TOKEN.format(n=n)}"


def test_the_log_format_is_the_one_read():
    conf = (Path(__file__).resolve().parents[1] / "deploy" / "nginx" / "trial.conf.in").read_text()
    assert "upstream=$upstream_addr route=$cookie_qn_route replica=$qn_replica" in conf
    assert 'rt=$request_time "$http_user_agent"\'' in conf


def test_browsers_per_replica_are_counted_by_user_agent(tmp_path):
    log = tmp_path / "nginx-access.log"
    lines = [
        # Three browsers' first requests (no cookie yet), then their cookie names the replica.
        line(A, "-", A, browser(1)),
        line(B, "-", B, browser(2)),
        line(A, "-", A, browser(3)),
        *(line(A, A, A, browser(n)) for n in (1, 3, 1, 3)),
        line(B, B, B, browser(2)),
        # Browser 2's replica died: nginx tried B, then A answered; it now counts under both.
        line(f"{B}, {A}", B, A, browser(2)),
        line(A, A, A, browser(2)),
        # Not a session's browser (the team's health checks), and a request nginx answered.
        line(A, "-", A, "Python-urllib/3.11"),
        line("-", A, "-", browser(4), status=403),
    ]
    log.write_text("\n".join(lines) + "\n")
    assert spread(log) == f"{A}: 3, {B}: 1"
    assert spread(tmp_path / "missing.log") == ""
