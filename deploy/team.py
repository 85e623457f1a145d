"""Serve the planner to a team: N replicas of the app behind nginx, under a base path.

Three commands::

    python -m deploy.team serve --replicas 3 --base-path /ktso --port 8080
    python -m deploy.team render --replicas 2 --first-port 8601 --base-path /ktso --out /tmp/qn-nginx
    python -m deploy.team check --port 8601 --base-path /ktso    # exit 0 when healthy

``serve`` is a trial on one machine (``make serve-team REPLICAS=3 BASE_PATH=/ktso``): each replica
is ``python -m qn_ui.serve`` (the launcher ``make run`` uses) on a loopback port with
``server.baseUrlPath`` set, nginx (Debian's package, run as an ordinary process from a
directory of its own) is the only listener, on 127.0.0.1, and Ctrl-C stops everything. A replica
that exits is started again. ``render`` writes the two nginx files an operator copies to a real
machine (README, "Serving a team"): ``qn-planner-http.conf`` (upstream and maps, http context)
and ``qn-planner-locations.conf`` (the locations, inside the portal's server block). ``check`` is
the active health check the systemd timer runs (``deploy/systemd``).

The browser test through the proxy (``tests/e2e/test_proxy.py``) and ``benchmarks/load.py`` start
the same team with :func:`team`.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = Path(__file__).resolve().parent / "nginx"
LOOPBACK = "127.0.0.1"
NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx")
SECURITY_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "SAMEORIGIN"),  # the portal may frame it from its own origin, nobody else
    ("Content-Security-Policy", "frame-ancestors 'self'"),
    ("Referrer-Policy", "same-origin"),  # a scenario's link is not sent to the sources' sites
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Strict-Transport-Security", "$qn_hsts"),  # empty (not sent) over plain HTTP
)
AFFINITY = {
    # How the pool spreads first requests (later ones follow the qn_route cookie).
    "cookie": "    # round robin (nginx's default)",
    # For clients that refuse cookies: each address always to the same replica. Useless when every
    # client comes through one address (another proxy, NAT, a test on one machine).
    "ip": "    hash $binary_remote_addr consistent;",
}
# X-Qn-Replica on a request without the cookie: none where the pool is a round robin.
UNROUTED_REPLICA = {"cookie": '""', "ip": "$qn_replica"}
MAX_FAILS, FAIL_TIMEOUT_S = 1, 10
RETRY_S = 3  # how often a tab that no replica took tries its link again


def norm_base_path(value: str | None) -> str:
    """``/ktso`` or ``""`` (the same rule as ``qn_model.core.urls.norm_base_path``)."""
    from qn_model.core.urls import norm_base_path as norm

    return norm(value)


def find_nginx() -> str | None:
    """nginx's binary: on PATH, else where Debian puts it (/usr/sbin is not on a user's PATH)."""
    found = shutil.which("nginx")
    if found:
        return found
    return next((p for p in NGINX_CANDIDATES if os.access(p, os.X_OK)), None)


def _fill(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace(f"@{key}@", value)
    return template


def _server(port: int, backup: bool = False) -> str:
    flag = " backup" if backup else ""
    return f"    server {LOOPBACK}:{port} max_fails={MAX_FAILS} fail_timeout={FAIL_TIMEOUT_S}s{flag};"


def render_http(ports: Sequence[int], base_path: str, affinity: str = "cookie") -> str:
    """The http-context file: the pool of ``ports`` on loopback, one upstream per replica (the
    others its backups), the maps that route by the ``qn_route`` cookie and name the replica."""
    if affinity not in AFFINITY:
        raise ValueError(f"affinity must be one of {sorted(AFFINITY)}")
    if not ports:
        raise ValueError("at least one replica")
    base = norm_base_path(base_path)
    upstreams = "".join(
        f"\nupstream qn_planner_{i} {{\n"
        + "\n".join(_server(q, backup=q != p) for q in [p, *(q for q in ports if q != p)])
        + "\n    keepalive 16;\n}\n"
        for i, p in enumerate(ports, start=1)
    )
    routes = "\n".join(f'    "{LOOPBACK}:{p}" qn_planner_{i};' for i, p in enumerate(ports, start=1))
    text = (TEMPLATES / "qn-planner-http.conf.in").read_text(encoding="utf-8")
    return _fill(
        text,
        {
            "AFFINITY": AFFINITY[affinity],
            "SERVERS": "\n".join(_server(p) for p in ports),
            "REPLICA_UPSTREAMS": upstreams,
            "ROUTES": routes,
            "UNROUTED_REPLICA": UNROUTED_REPLICA[affinity],
            "COOKIE_PATH": f"{base}/",
        },
    )


def _headers(indent: str = "    ") -> str:
    return "\n".join(f'{indent}add_header {name} "{value}" always;' for name, value in SECURITY_HEADERS)


def retry_page() -> str:
    """The page nginx answers while no replica can take a request: the app's text in each of its
    languages (the first is the document's), reloading itself every :data:`RETRY_S` seconds. An
    nginx string: no ``'`` or ``$`` may reach it from a catalog."""
    from qn_model.core.langs import LANGS
    from qn_model.i18n.formats import t

    texts = [(lang, t("conn_retry", lang, s=RETRY_S)) for lang in LANGS]
    body = "".join(f'<p lang="{lang}">{html.escape(text)}</p>' for lang, text in texts)
    page = (
        f'<!doctype html><html lang="{LANGS[0]}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta http-equiv="refresh" content="{RETRY_S}"><title>{html.escape(texts[0][1])}</title></head>'
        f'<body style="font:20px/1.5 sans-serif;margin:2em;max-width:40em">{body}</body></html>'
    )
    if "'" in page or "$" in page:
        raise ValueError("the retry page would break nginx's string (a ' or $ in a text)")
    return page


def render_locations(base_path: str) -> str:
    """The server-context file: the app's locations under ``base_path``."""
    base = norm_base_path(base_path)
    redirect = (
        # /ktso without its slash: to the app, query kept (the app lives at /ktso/).
        f"location = {base} {{\n    return 301 {base}/$is_args$args;\n}}\n" if base else ""
    )
    text = (TEMPLATES / "qn-planner-locations.conf.in").read_text(encoding="utf-8")
    return _fill(
        text,
        {
            "REDIRECT": redirect,
            "BASE_PATH_SLASH": f"{base}/",
            "BASE_PATH_OPTION": f'"{base.lstrip("/")}"' if base else '"" (the root)',
            "BASE_PATH": base,
            "SECURITY_HEADERS": _headers(),
            "RETRY_S": str(RETRY_S),
            "RETRY_PAGE": retry_page(),
        },
    )


def render_trial(run_dir: Path, listen_port: int, base_path: str) -> str:
    """The whole nginx.conf of a trial: its files in ``run_dir``, listening on loopback."""
    base = norm_base_path(base_path)
    root_redirect = f"        location = / {{\n            return 302 {base}/;\n        }}" if base else ""
    # nginx started by root runs its workers as "nobody", who could not write the temp dirs of
    # a root-owned run dir; as anyone else the directive is ignored.
    user = "user root;" if os.geteuid() == 0 else ""
    text = (TEMPLATES / "trial.conf.in").read_text(encoding="utf-8")
    return _fill(
        text,
        {
            "RUN_DIR": str(run_dir),
            "LISTEN": f"{LOOPBACK}:{listen_port}",
            "ROOT_REDIRECT": root_redirect,
            "USER": user,
        },
    )


def write_configs(
    out: Path, ports: Sequence[int], base_path: str, affinity: str = "cookie"
) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    http = out / "qn-planner-http.conf"
    loc = out / "qn-planner-locations.conf"
    http.write_text(render_http(ports, base_path, affinity), encoding="utf-8")
    loc.write_text(render_locations(base_path), encoding="utf-8")
    return http, loc


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def healthy(url: str, timeout_s: float = 2.0) -> bool:
    """Whether ``url`` (…/_stcore/health) answers ``ok``."""
    if not url.startswith("http://"):
        raise ValueError(f"not an http URL: {url!r}")
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as r:  # noqa: S310 (http only, checked)
            return r.read().decode().strip() == "ok"
    except OSError:
        return False


def _stop(proc: subprocess.Popen, sig: int = signal.SIGTERM, wait_s: float = 10.0) -> None:
    """Stop a process started in its own group (``start_new_session``): the group, then a kill."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, sig)
    try:
        proc.wait(timeout=wait_s)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=wait_s)


@dataclass
class Replica:
    port: int
    base_path: str
    log: Path
    env: dict[str, str]
    proc: subprocess.Popen | None = None

    @property
    def health_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}{self.base_path}/_stcore/health"

    def start(self) -> None:
        cmd = [
            sys.executable,
            "-m",
            "qn_ui.serve",
            "--server.address",
            LOOPBACK,
            "--server.port",
            str(self.port),
            "--server.baseUrlPath",
            self.base_path.lstrip("/"),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            # A trial serves the code it started with (and watching .venv overflows inotify).
            "--server.fileWatcherType",
            "none",
        ]
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                cmd, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL, as a crash would: no goodbye to the sessions it holds."""
        if self.proc is not None:
            _stop(self.proc, signal.SIGKILL)

    def stop(self) -> None:
        if self.proc is not None:
            _stop(self.proc)


@dataclass
class Team:
    """A running trial: ``url`` is the app's address through nginx (``http://127.0.0.1:P/ktso/``)."""

    run_dir: Path
    base_path: str
    port: int
    replicas: list[Replica]
    nginx: subprocess.Popen | None = None
    extra: dict = field(default_factory=dict)

    @property
    def origin(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.origin}{self.base_path}/"

    @property
    def access_log(self) -> Path:
        return self.run_dir / "nginx-access.log"

    def replica_at(self, address: str) -> Replica:
        """The replica behind an ``$upstream_addr`` such as ``127.0.0.1:8601``."""
        port = int(address.rsplit(":", 1)[1])
        return next(r for r in self.replicas if r.port == port)


def _wait(
    check, timeout_s: float, what: str, procs: Sequence[subprocess.Popen], logs: Sequence[Path]
) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():
        for proc, log in zip(procs, logs, strict=True):
            if proc.poll() is not None:
                raise RuntimeError(f"{what}: a process exited with {proc.returncode}; see {log}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what}: not ready after {timeout_s:.0f} s; see {', '.join(map(str, logs))}")
        time.sleep(0.2)


def start_nginx(run_dir: Path, nginx: str) -> subprocess.Popen:
    conf = run_dir / "nginx.conf"
    log = run_dir / "nginx-error.log"
    base = [nginx, "-p", str(run_dir), "-c", str(conf), "-e", str(log)]
    check = subprocess.run([*base, "-t", "-q"], capture_output=True, text=True, check=False)
    if check.returncode != 0:
        raise RuntimeError(f"nginx rejected {conf}:\n{check.stderr or check.stdout}")
    with (run_dir / "nginx-stdout.log").open("ab") as out:
        return subprocess.Popen(
            [*base, "-g", "daemon off;"], stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


@contextlib.contextmanager
def team(
    replicas: int = 3,
    base_path: str = "/ktso",
    port: int | None = None,
    run_dir: Path | None = None,
    env: dict[str, str] | None = None,
    affinity: str = "cookie",
    start_timeout_s: float = 180.0,
) -> Iterator[Team]:
    """Start ``replicas`` app servers and nginx in front; stop them all on exit.

    Every process binds loopback only; the replicas' ports are free ones, nginx's is ``port``
    (a free one when None). Files (configs, logs, nginx's temp dirs) go to ``run_dir`` (a new
    temporary directory when None, removed on exit)."""
    nginx = find_nginx()
    if nginx is None:
        raise RuntimeError("nginx is not installed: `make nginx` (Debian: apt-get install nginx)")
    base = norm_base_path(base_path)
    with contextlib.ExitStack() as stack:
        if run_dir is None:
            run_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="qn-team-")))
        run_dir.mkdir(parents=True, exist_ok=True)
        run_dir.chmod(0o755)
        # One cookie secret for all replicas (Streamlit signs its own cookies with it; a session
        # that moves to another replica must not find them invalid). In the environment, not argv.
        shared_env = {
            **os.environ,
            **(env or {}),
            "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),
        }
        reps = [
            Replica(free_port(), base, run_dir / f"replica-{i + 1}.log", shared_env) for i in range(replicas)
        ]
        tm = Team(run_dir, base, port or free_port(), reps)
        try:
            for r in reps:
                r.start()
            procs = [r.proc for r in reps]
            _wait(
                lambda: all(healthy(r.health_url) for r in reps),
                start_timeout_s,
                "replicas",
                procs,
                [r.log for r in reps],
            )
            write_configs(run_dir, [r.port for r in reps], base, affinity)
            (run_dir / "nginx.conf").write_text(render_trial(run_dir, tm.port, base), encoding="utf-8")
            tm.nginx = start_nginx(run_dir, nginx)
            _wait(
                lambda: healthy(f"{tm.origin}{base}/_stcore/health"),
                30,
                "nginx",
                [tm.nginx],
                [run_dir / "nginx-error.log"],
            )
            yield tm
        finally:
            if tm.nginx is not None:
                _stop(tm.nginx, signal.SIGQUIT)  # graceful: open requests finish
            for r in reps:
                r.stop()


def _serve(args: argparse.Namespace) -> int:
    run_dir = Path(args.run_dir) if args.run_dir else None
    stopping = False

    def on_signal(signum, frame) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        with team(args.replicas, args.base_path, args.port, run_dir, affinity=args.affinity) as tm:
            print(f"The planner, {len(tm.replicas)} replicas behind nginx: {tm.url}")
            print(
                f"Replicas on {', '.join(f'{LOOPBACK}:{r.port}' for r in tm.replicas)}; files in {tm.run_dir}"
            )
            print("Ctrl-C stops everything.", flush=True)
            while not stopping:
                for r in tm.replicas:
                    if not r.alive() and not stopping:
                        print(f"replica on port {r.port} exited; starting it again", flush=True)
                        r.start()
                if tm.nginx is not None and tm.nginx.poll() is not None:
                    print(f"nginx exited ({tm.nginx.returncode}); see {tm.run_dir}/nginx-error.log")
                    return 1
                time.sleep(1)
    except RuntimeError as exc:
        print(f"serve-team: {exc}", file=sys.stderr)
        return 1
    print("Stopped.")
    return 0


def _check(args: argparse.Namespace) -> int:
    url = f"http://{LOOPBACK}:{args.port}{norm_base_path(args.base_path)}/_stcore/health"
    ok = healthy(url, timeout_s=args.timeout)
    print(f"{url}: {'ok' if ok else 'NOT healthy'}")
    return 0 if ok else 1


def _render(args: argparse.Namespace) -> int:
    ports = [args.first_port + i for i in range(args.replicas)]
    http, loc = write_configs(Path(args.out), ports, args.base_path, args.affinity)
    print(f"wrote {http} (http context) and {loc} (server context) for ports {ports}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m deploy.team", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    sv = sub.add_parser("serve", help="N replicas behind nginx on this machine (a trial)")
    sv.add_argument("--replicas", type=int, default=3)
    sv.add_argument("--base-path", default="/ktso")
    sv.add_argument("--port", type=int, default=8080, help="nginx's port on 127.0.0.1 (default 8080)")
    sv.add_argument("--run-dir", default=None, help="configs and logs (default: a temporary directory)")
    sv.add_argument("--affinity", choices=sorted(AFFINITY), default="cookie")
    sv.set_defaults(func=_serve)
    rd = sub.add_parser("render", help="write the nginx files for an operator")
    rd.add_argument("--replicas", type=int, default=2, help="one per core")
    rd.add_argument("--first-port", type=int, default=8601)
    rd.add_argument("--base-path", default="/ktso")
    rd.add_argument("--affinity", choices=sorted(AFFINITY), default="cookie")
    rd.add_argument("--out", required=True)
    rd.set_defaults(func=_render)
    ck = sub.add_parser("check", help="exit 0 when the replica on --port answers its health check")
    ck.add_argument("--port", type=int, required=True)
    ck.add_argument(
        "--base-path",
        default=os.environ.get("STREAMLIT_SERVER_BASE_URL_PATH", ""),
        help="default: $STREAMLIT_SERVER_BASE_URL_PATH, as the replica reads it",
    )
    ck.add_argument("--timeout", type=float, default=5.0)
    ck.set_defaults(func=_check)
    args = ap.parse_args(argv)
    if getattr(args, "replicas", 1) < 1:
        ap.error("--replicas must be at least 1")
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
