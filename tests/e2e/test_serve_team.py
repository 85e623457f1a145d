"""``make serve-team`` (``python -m deploy.team serve``) as a planner's IT colleague runs it: every
process listens on loopback only, a replica that dies comes back, and Ctrl-C stops everything."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deploy.team import find_nginx, free_port, healthy
from tests.e2e.helpers import ROOT, wait_until

pytestmark = pytest.mark.e2e
START_S = 240.0


def tree(pid: int) -> list[int]:
    """``pid`` and every process under it (from /proc)."""
    parents: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = Path(f"/proc/{d}/stat").read_text()
            except OSError:
                continue
            parents[int(d)] = int(stat.rsplit(")", 1)[1].split()[1])
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += [c for c, pp in parents.items() if pp == p]
    return out


def listening(pids: list[int]) -> set[tuple[str, int]]:
    """(address, port) of every TCP socket in LISTEN state that one of ``pids`` holds."""
    inodes = set()
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                m = re.fullmatch(r"socket:\[(\d+)\]", os.readlink(f"/proc/{pid}/fd/{fd}"))
                if m:
                    inodes.add(m[1])
        except OSError:
            continue
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            cols = line.split()
            if cols[3] == "0A" and cols[9] in inodes:  # 0A: LISTEN
                addr, port = cols[1].split(":")
                if len(addr) == 8:
                    ip = ".".join(str(int(addr[i : i + 2], 16)) for i in (6, 4, 2, 0))
                else:
                    ip = "ipv6:" + addr
                found.add((ip, int(port, 16)))
    return found


def test_serve_team_listens_on_loopback_restarts_a_replica_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    assert find_nginx(), "nginx is not installed: run `make nginx` (Debian's package)"
    port = free_port()
    out = tmp_path / "serve.out"
    cmd = [sys.executable, "-m", "deploy.team", "serve", "--replicas", "2", "--port", str(port)]
    cmd += ["--run-dir", str(tmp_path / "run")]
    with out.open("wb") as sink:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until(lambda: "Ctrl-C stops everything." in out.read_text(), START_S, 0.5, "the team to start")
        assert healthy(f"http://127.0.0.1:{port}/ktso/_stcore/health")
        sockets = listening(tree(proc.pid))
        replica_ports = {int(p) for p in re.findall(r"127\.0\.0\.1:(\d+)", out.read_text().splitlines()[1])}
        assert len(replica_ports) == 2
        assert {p for _, p in sockets} == {port, *replica_ports}
        assert {ip for ip, _ in sockets} == {"127.0.0.1"}  # nothing on another address

        # A replica that dies is started again (nginx routes around it meanwhile).
        victim = replica_ports.pop()
        (pid,) = [p for p in tree(proc.pid) if (("127.0.0.1", victim) in listening([p]))]
        os.kill(pid, signal.SIGKILL)
        wait_until(lambda: "exited; starting it again" in out.read_text(), 30, 0.5, "the restart")
        wait_until(lambda: healthy(f"http://127.0.0.1:{victim}/ktso/_stcore/health"), START_S, 0.5, "health")

        # Ctrl-C: the terminal signals the launcher; it stops nginx and the replicas, then exits 0.
        everyone = tree(proc.pid)
        os.kill(proc.pid, signal.SIGINT)
        assert proc.wait(timeout=60) == 0
        assert out.read_text().rstrip().endswith("Stopped.")
        time.sleep(0.5)
        left = [p for p in everyone if Path(f"/proc/{p}").exists() and "Z" not in _state(p)]
        assert left == [], f"still running: {left}"
        assert not healthy(f"http://127.0.0.1:{port}/ktso/_stcore/health", timeout_s=1)
    finally:  # on a failure above: the launcher's own way out first, then by force
        if proc.poll() is None:
            stray = tree(proc.pid)
            os.kill(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                for p in stray:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(p, signal.SIGKILL)
                proc.wait(timeout=10)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
