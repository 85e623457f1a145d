"""deploy/: the nginx files rendered for N replicas under a base path, checked by nginx itself
(``nginx -t``), and the systemd units an operator copies. The proxy's browser test is
tests/e2e/test_proxy.py."""

from __future__ import annotations

import html
import re
import subprocess
import tomllib
from pathlib import Path

import pytest

from deploy import team as dt
from qn_model.core.langs import LANGS
from qn_model.i18n.formats import t

ROOT = Path(__file__).resolve().parents[1]
SYSTEMD = ROOT / "deploy" / "systemd"


def app_upload_limit_mb() -> int:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    return int(config["server"]["maxUploadSize"])


def upstreams(text: str) -> dict[str, list[str]]:
    """Each upstream block's ``server`` lines (address and flags), by name."""
    blocks = re.findall(r"^upstream (\S+) \{\n(.*?)^\}", text, flags=re.M | re.S)
    return {
        name: [
            address + flag
            for address, flag in re.findall(
                r"^\s*server (\S+) max_fails=1 fail_timeout=10s( backup)?;$", body, flags=re.M
            )
        ]
        for name, body in blocks
    }


@pytest.mark.parametrize("n", [1, 3])
def test_one_upstream_per_replica_with_the_others_as_backups(n):
    ports = list(range(8601, 8601 + n))
    addresses = [f"127.0.0.1:{p}" for p in ports]
    text = dt.render_http(ports, "/ktso")
    groups = upstreams(text)
    # The pool, for a first request (round robin), then one upstream per replica: it first, the
    # others behind it as backups.
    assert groups.pop("qn_planner") == addresses
    assert len(groups) == n
    for i, address in enumerate(addresses, start=1):
        others = [f"{a} backup" for a in addresses if a != address]
        assert groups[f"qn_planner_{i}"] == [address, *others]
        # The cookie that names a replica routes to its upstream.
        assert f'    "{address}" qn_planner_{i};' in text
    assert "    default qn_planner;" in text  # no cookie, or a replica no longer listed
    assert "hash " not in text
    assert "@" not in text.replace("$", "")


def test_a_request_no_replica_takes_gets_a_page_that_tries_again():
    """nginx's own 502 (every replica failed within its fail_timeout) becomes a page in the app's
    languages that loads the link again by itself; the page is a valid nginx string."""
    text = dt.render_locations("/ktso")
    (main,) = re.findall(r"location /ktso/ \{(.*?)\n\}", text, flags=re.S)
    assert "error_page 502 504 = @qn_planner_retry;" in main
    (retry,) = re.findall(r"location @qn_planner_retry \{(.*?)\n\}", text, flags=re.S)
    (page,) = re.findall(r"return 503 '(.*)';", retry)
    assert page == dt.retry_page()
    assert f'<meta http-equiv="refresh" content="{dt.RETRY_S}">' in page
    for lang in LANGS:
        assert html.escape(t("conn_retry", lang, s=dt.RETRY_S)) in page
    assert f'add_header Retry-After "{dt.RETRY_S}" always;' in retry
    for name, _ in dt.SECURITY_HEADERS:
        assert f"add_header {name} " in retry


def test_the_cookie_and_the_header_name_the_replica_that_answered():
    text = dt.render_http([8601, 8602], "/ktso")
    # The last address of $upstream_addr ("A, B" when nginx tried A first).
    (regex,) = re.findall(r'map \$upstream_addr \$qn_replica \{\n\s*"~(\S+)" \$qn_served;', text)
    last = re.compile(regex.replace("?<qn_served>", "?P<qn_served>"))
    for addr, served in [
        ("127.0.0.1:8601", "127.0.0.1:8601"),
        ("127.0.0.1:8601, 127.0.0.1:8602", "127.0.0.1:8602"),
    ]:
        assert last.search(addr)["qn_served"] == served
    assert last.search("") is None
    assert "map $cookie_qn_route $qn_upstream {" in text
    assert 'default "qn_route=$qn_replica; Path=/ktso/; HttpOnly; SameSite=Lax";' in text
    for block in re.findall(r"location [^{]*\{(.*?)\n\}", dt.render_locations("/ktso"), flags=re.S):
        if "proxy_pass" in block:
            assert "add_header Set-Cookie $qn_route_cookie always;" in block
            assert "add_header X-Qn-Replica $qn_replica_header always;" in block
    # Without the cookie (a browser that refuses it), no header where the pool is a round robin.
    assert 'map $cookie_qn_route $qn_replica_header {\n    ""      "";' in text
    assert 'map $cookie_qn_route $qn_replica_header {\n    ""      $qn_replica;' in dt.render_http(
        [8601], "/ktso", affinity="ip"
    )


def test_affinity_by_client_address_is_the_documented_fallback():
    text = dt.render_http([8601, 8602], "/ktso", affinity="ip")
    (pool,) = re.findall(r"^upstream qn_planner \{\n(.*?)^\}", text, flags=re.M | re.S)
    assert "hash $binary_remote_addr consistent;" in pool
    assert text.count("hash ") == 1  # the pool only: backups do not mix with hash
    with pytest.raises(ValueError):
        dt.render_http([8601], "/ktso", affinity="sticky")
    with pytest.raises(ValueError):
        dt.render_http([], "/ktso")


@pytest.mark.parametrize("base", ["/ktso", "ktso/", "/so/ktso"])
def test_locations_serve_the_base_path(base):
    norm = "/" + base.strip("/")
    text = dt.render_locations(base)
    assert f"location {norm}/ {{" in text
    assert f"location = {norm} {{\n    return 301 {norm}/$is_args$args;" in text  # query kept
    assert f"location = {norm}/_stcore/health {{" in text
    # No URI part after the upstream: the path reaches Streamlit as the browser sent it.
    assert set(re.findall(r"proxy_pass (\S+);", text)) == {"http://$qn_upstream"}
    assert "proxy_set_header Upgrade $http_upgrade;" in text
    assert "proxy_set_header Connection $qn_connection;" in text
    assert "proxy_set_header Host $http_host;" in text  # with the port: Streamlit's Origin check
    assert not re.findall(r"@[A-Z_]+@", text)  # every placeholder filled


def test_upload_limit_is_at_least_the_apps():
    (size,) = re.findall(r"client_max_body_size (\d+)m;", dt.render_locations("/ktso"))
    assert int(size) >= app_upload_limit_mb()


def test_every_location_sends_the_security_headers():
    text = dt.render_locations("/ktso")
    # add_header in a location replaces the server's: each of ours must carry all of them.
    blocks = re.findall(r"location [^{]*\{(.*?)\n\}", text, flags=re.S)
    proxied = [b for b in blocks if "proxy_pass" in b]
    assert len(proxied) == 2
    for block in proxied:
        for name, _ in dt.SECURITY_HEADERS:
            assert f"add_header {name} " in block


def test_root_base_path():
    text = dt.render_locations("")
    assert "location / {" in text and "location = /_stcore/health {" in text
    assert "return 301" not in text
    assert "Path=/;" in dt.render_http([8601], "")


@pytest.mark.parametrize("base", ["/ktso", ""])
def test_nginx_accepts_the_trial_config(tmp_path, base):
    nginx = dt.find_nginx()
    assert nginx, "nginx is not installed: `make nginx` (Debian's package)"
    dt.write_configs(tmp_path, [8601, 8602, 8603], base)
    conf = tmp_path / "nginx.conf"
    conf.write_text(dt.render_trial(tmp_path, 18080, base), encoding="utf-8")
    run = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "err.log")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "listen 127.0.0.1:18080;" in conf.read_text()  # loopback only


def test_render_command_writes_the_operator_files(tmp_path, capsys):
    assert dt.main(["render", "--replicas", "2", "--first-port", "9001", "--out", str(tmp_path)]) == 0
    http = (tmp_path / "qn-planner-http.conf").read_text()
    assert "127.0.0.1:9001" in http and "127.0.0.1:9002" in http and "9003" not in http
    assert "location /ktso/ {" in (tmp_path / "qn-planner-locations.conf").read_text()


def test_check_command_fails_on_a_port_nobody_serves(capsys):
    assert dt.main(["check", "--port", str(dt.free_port()), "--base-path", "/ktso", "--timeout", "1"]) == 1
    assert "/ktso/_stcore/health: NOT healthy" in capsys.readouterr().out


def test_systemd_units():
    replica = (SYSTEMD / "qn-planner@.service").read_text(encoding="utf-8")
    assert "-m qn_ui.serve" in replica
    assert "--server.address 127.0.0.1 --server.port %i" in replica
    assert "EnvironmentFile=/etc/qn-planner/env" in replica and "Restart=always" in replica
    env = (SYSTEMD / "env.example").read_text(encoding="utf-8")
    assert re.search(r"^STREAMLIT_SERVER_BASE_URL_PATH=ktso$", env, flags=re.M)
    assert re.search(r"^STREAMLIT_SERVER_COOKIE_SECRET=", env, flags=re.M)
    health = (SYSTEMD / "qn-planner-health@.service").read_text(encoding="utf-8")
    assert "-m deploy.team check --port %i" in health
    assert (SYSTEMD / "qn-planner-health@.timer").is_file() and (SYSTEMD / "qn-planner.target").is_file()
