"""Two Odoo nodes behind nginx (the production set-up of docs/DEPLOYMENT.md),
started on the live test database for tests/live/test_multinode.py."""

import itertools
import os
import re
import secrets
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import requests

from tests.conftest import ROOT
from tests.live.conftest import LiveServer, _free_port
from tests.live.test_credit_concurrency import (
    credit_world,  # noqa: F401 (fixture, resolved with this module's live_server)
)

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
ACCESS_RE = re.compile(
    r'"(?P<method>[A-Z]+) (?P<uri>\S+) [^"]*" (?P<status>\d{3}) .*?'
    r'upstream="(?P<upstream>[^"]*)" upstream_status="(?P<ustatus>[^"]*)"'
)


class Node:
    """One Odoo server process group started with the shipped config."""

    def __init__(self, name, odoo_env, db, conf, tmp):
        self.name = name
        self.odoo_env = odoo_env
        self.db = db
        self.conf = conf
        self.http_port = _free_port()
        self.gevent_port = _free_port()
        self.addr = f"127.0.0.1:{self.http_port}"
        self.gevent_addr = f"127.0.0.1:{self.gevent_port}"
        self.url = f"http://{self.addr}"
        self.logfile = tmp / f"{name}.log"
        self.outfile = tmp / f"{name}.out"
        self.proc = None

    def start(self):
        cmd = [
            self.odoo_env["python"],
            str(ROOT / "scripts" / "odoo-bin"),
            "-c",
            str(self.conf),
            "-d",
            self.db,
            f"--db-filter=^{self.db}$",
            "--http-interface=127.0.0.1",
            f"--http-port={self.http_port}",
            f"--gevent-port={self.gevent_port}",
            f"--logfile={self.logfile}",
        ]
        with open(self.outfile, "ab") as out:
            self.proc = subprocess.Popen(
                cmd,
                cwd="/",
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_ready(self, timeout=180):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see {self.logfile}")
            try:
                if requests.get(f"{self.url}/web/health", timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(
            f"{self.name} did not answer in {timeout}s; see {self.logfile}"
        )

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self, grace=10):
        """SIGTERM to the whole process group (what `systemctl stop` does
        with systemd's default KillMode), then SIGKILL after ``grace``."""
        if self.proc is None:
            return None
        forced = False
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            forced = True
        # workers may outlive the main process: nothing of the group survives
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        return forced

    def pids(self):
        """Pids of the main process and its workers (children)."""
        pids = {self.proc.pid}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.proc.pid:
                pids.add(int(stat.parent.name))
        return pids

    def log_text(self):
        return self.logfile.read_text(errors="replace") if self.logfile.exists() else ""


class ProxiedServer(LiveServer):
    """LiveServer's RPC helpers aimed at nginx instead of one Odoo."""

    def __init__(self, odoo_env, db, url):  # pylint: disable=super-init-not-called
        self.odoo_env = odoo_env
        self.db = db
        self.workers = None
        self.url = url
        self.port = int(url.rsplit(":", 1)[1])
        self.logfile = None
        self.proc = None
        self._ids = itertools.count(1)


class Cluster:
    def __init__(self, odoo_env, tmp):
        self.odoo_env = odoo_env
        self.db = odoo_env["live_db"]
        self.tmp = tmp
        conf = tmp / "odoo.conf"
        # as scripts/run.sh: the shipped file + paths + master password
        conf.write_text(
            (ROOT / "config" / "odoo.conf").read_text()
            + f"\naddons_path = {odoo_env['addons_path']}\n"
            + f"admin_passwd = {secrets.token_urlsafe(18)}\n"
            + f"data_dir = {odoo_env['data_dir']}\n"
        )
        self.nodes = [Node(f"node{i}", odoo_env, self.db, conf, tmp) for i in (1, 2)]
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.access_log = tmp / "logs" / "access.log"
        self.nginx = None
        self.rpc = ProxiedServer(odoo_env, self.db, self.url)

    def node_of(self, addr):
        for node in self.nodes:
            if addr in (node.addr, node.gevent_addr):
                return node.name
        raise AssertionError(f"unknown upstream {addr!r}")

    def start(self):
        for node in self.nodes:
            node.start()
        (self.tmp / "logs").mkdir()
        (self.tmp / "temp").mkdir()
        n1, n2 = self.nodes
        rendered = (ROOT / "config" / "nginx.conf").read_text()
        for key, value in {
            "LISTEN": f"127.0.0.1:{self.port}",
            "SERVER_NAME": "_",
            "NODE1_HTTP": n1.addr,
            "NODE2_HTTP": n2.addr,
            "NODE1_GEVENT": n1.gevent_addr,
            "NODE2_GEVENT": n2.gevent_addr,
        }.items():
            rendered = rendered.replace(f"{{{{{key}}}}}", value)
        assert "{{" not in rendered.split("\nworker_processes", 1)[1]
        (self.tmp / "nginx.conf").write_text(rendered)
        self.nginx = subprocess.Popen(
            [
                NGINX,
                "-c",
                str(self.tmp / "nginx.conf"),
                "-p",
                f"{self.tmp}/",
                "-e",
                str(self.tmp / "logs" / "error.log"),
                "-g",
                "daemon off;",
            ],
            cwd="/",
            stdout=subprocess.DEVNULL,
            stderr=open(self.tmp / "nginx.out", "ab"),
            start_new_session=True,
        )
        for node in self.nodes:
            node.wait_ready()
        deadline = time.monotonic() + 30
        while True:
            assert self.nginx.poll() is None, (self.tmp / "nginx.out").read_text()
            try:
                if requests.get(f"{self.url}/web/health", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, "nginx does not answer"
            time.sleep(0.2)
        # Each prefork worker loads the registry on its first request: warm
        # all four HTTP workers so the timed parts below measure requests.
        with_threads(8, lambda _i: self.rpc.login("admin", "admin"))

    def ensure_running(self):
        for node in self.nodes:
            if not node.alive():
                node.start()
                node.wait_ready()

    def stop(self):
        if self.nginx and self.nginx.poll() is None:
            os.killpg(self.nginx.pid, signal.SIGQUIT)
            try:
                self.nginx.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.nginx.pid, signal.SIGKILL)
                self.nginx.wait()
        for node in self.nodes:
            node.stop()

    # -- nginx's access log ----------------------------------------------
    def log_mark(self):
        """Where the access log ends now. nginx writes a request's line only
        after sending its answer: wait for the lines of the requests just
        answered (e.g. the orders' creation), so that none of them is taken
        for a request made after the mark."""
        time.sleep(0.3)
        return self.access_log.stat().st_size if self.access_log.exists() else 0

    def routed(self, since=0, uris=("/jsonrpc", "/xmlrpc/2/object")):
        """(final node, status, nodes tried) of each logged request to ``uris``."""
        time.sleep(0.3)  # nginx writes the line when the request ends
        with open(self.access_log, "rb") as f:
            f.seek(since)
            text = f.read().decode()
        rows = []
        for line in text.splitlines():
            m = ACCESS_RE.search(line)
            if not m or not m["uri"].startswith(uris):
                continue
            tried = [a.strip() for a in m["upstream"].split(",") if a.strip()]
            rows.append(
                (
                    self.node_of(tried[-1]) if tried else None,
                    int(m["status"]),
                    [self.node_of(a) for a in tried],
                )
            )
        return rows


def with_threads(count, func):
    results = [None] * count
    errors = []

    def run(i):
        try:
            results[i] = func(i)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors[:3]
    return results
