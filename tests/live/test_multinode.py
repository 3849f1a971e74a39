"""Two Odoo nodes behind nginx, as docs/DEPLOYMENT.md describes production.

The module starts two Odoo servers on the live test database, each with the
shipped ``config/odoo.conf`` (2 HTTP workers + 1 cron worker + the websocket
worker; only ports, database filter and log file are given on the command
line), sharing one ``data_dir`` (filestore and HTTP sessions), and Debian's
nginx with the shipped ``config/nginx.conf`` rendered with their ports.
Everything goes through nginx, and nginx's ``X-Upstream`` header and access
log say which node answered. It proves:

- a session opened on one node is the session of the other node (and a
  logout on one ends it on both); ``/websocket`` reaches the gevent ports;
- the credit guard holds when 200 simultaneous confirmations are spread
  over both nodes (the set-up and helpers of test_credit_concurrency);
- a cron job due once runs once, although both nodes run cron workers;
- a node stopped in the middle of 100 order submissions loses nothing and
  duplicates nothing: the client retries failed calls with the same
  idempotency key, nginx sends the rest to the surviving node.
"""

import base64
import hashlib
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import requests

from tests.live.cluster import WS_GUID, Cluster
from tests.live.test_api import _xmlid
from tests.live.test_credit_concurrency import (
    FITTING_ORDERS,
    ORDER_AMOUNT,
    ORDERS_PER_ROUND,
    _confirm_all,
    _create_orders,
    _id,
    credit_world,  # noqa: F401 (fixture, resolved with this module's live_server)
)


@pytest.fixture(scope="module")
def cluster(odoo_env):
    tmp = Path(tempfile.mkdtemp(prefix="b2b-multinode-"))
    tmp.chmod(0o755)  # nginx's workers (user nobody) use temp/ under it
    c = Cluster(odoo_env, tmp)
    try:
        c.start()
        yield c
    finally:
        c.stop()
        if os.environ.get("B2B_KEEP_MULTINODE_LOGS"):
            print(f"multinode logs kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="module")
def live_server(cluster):
    """Here the 'live server' of the shared fixtures is nginx + two nodes."""
    cluster.ensure_running()
    return cluster.rpc


def _json(session, url, route, params=None, cookies=None):
    resp = session.post(
        f"{url}{route}",
        json={"jsonrpc": "2.0", "method": "call", "id": 1, "params": params or {}},
        cookies=cookies,
        timeout=60,
    )
    return resp, resp.json()


# ---------------------------------------------------------------------------
# Sessions and websockets
# ---------------------------------------------------------------------------
def test_session_is_shared_by_both_nodes(cluster):
    cluster.ensure_running()
    http = requests.Session()
    resp, body = _json(
        http,
        cluster.url,
        "/web/session/authenticate",
        {"db": cluster.db, "login": "admin", "password": "admin"},
    )
    uid = body["result"]["uid"]
    assert uid, body
    sid = http.cookies["session_id"]
    login_node = cluster.node_of(resp.headers["X-Upstream"])

    seen = {}
    for _i in range(6):
        resp, body = _json(http, cluster.url, "/web/session/get_session_info")
        info = body["result"]
        seen.setdefault(cluster.node_of(resp.headers["X-Upstream"]), set()).add(
            (info["uid"], info["username"], info["db"])
        )
    print(f"\nsession: login on {login_node}, then answers from {sorted(seen)}")
    assert set(seen) == {"node1", "node2"}, seen
    assert all(v == {(uid, "admin", cluster.db)} for v in seen.values()), seen

    # each node, asked directly with the cookie, knows the session
    for node in cluster.nodes:
        _resp, body = _json(
            requests,
            node.url,
            "/web/session/get_session_info",
            cookies={"session_id": sid},
        )
        assert body["result"]["uid"] == uid, (node.name, body)

    # a logout through one node ends the session on both
    resp, body = _json(http, cluster.url, "/web/session/destroy")
    assert "error" not in body, body
    for node in cluster.nodes:
        _resp, body = _json(
            requests,
            node.url,
            "/web/session/get_session_info",
            cookies={"session_id": sid},
        )
        assert body["error"]["data"]["name"] == "odoo.http.SessionExpiredException", (
            node.name,
            body,
        )


def _websocket_handshake(port, keep=None):
    """Open a websocket through nginx: (status line, headers, expected
    accept key). With ``keep`` (a list), the socket stays open and is
    appended to it (the caller closes it)."""
    key = base64.b64encode(os.urandom(16)).decode()
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    try:
        sock.sendall(
            (
                "GET /websocket HTTP/1.1\r\n"
                f"Host: 127.0.0.1:{port}\r\n"
                f"Origin: http://127.0.0.1:{port}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = sock.recv(4096)
            if not chunk:
                break
            head += chunk
    finally:
        if keep is None:
            sock.close()
        else:
            keep.append(sock)
    lines = head.decode(errors="replace").split("\r\n")
    headers = {
        k.strip().lower(): v.strip()
        for k, _sep, v in (line.partition(":") for line in lines[1:] if ":" in line)
    }
    accept = base64.b64encode(hashlib.sha1((key + WS_GUID).encode()).digest()).decode()
    return lines[0], headers, accept


def test_websocket_goes_to_the_gevent_ports(cluster):
    """Open websockets are spread over the nodes' gevent ports: with the
    first one still open, the second goes to the other node, whichever
    nginx worker accepts it (the upstream's state is shared: ``zone``)."""
    cluster.ensure_running()
    nodes, open_sockets = [], []
    try:
        for _i in range(2):
            status, headers, accept = _websocket_handshake(
                cluster.port, keep=open_sockets
            )
            assert status.startswith("HTTP/1.1 101"), (status, headers)
            assert headers["sec-websocket-accept"] == accept
            upstream = headers["x-upstream"]
            assert upstream in {n.gevent_addr for n in cluster.nodes}, upstream
            nodes.append(cluster.node_of(upstream))
    finally:
        for sock in open_sockets:
            sock.close()
    assert sorted(nodes) == ["node1", "node2"]


# ---------------------------------------------------------------------------
# Credit guard across nodes
# ---------------------------------------------------------------------------
def test_credit_guard_holds_across_nodes(cluster, live_server, credit_world):  # noqa: F811
    s = live_server
    limit = ORDER_AMOUNT * FITTING_ORDERS
    order_ids = _create_orders(s, credit_world, ORDERS_PER_ROUND)
    mark = cluster.log_mark()
    start = time.monotonic()
    outcomes = _confirm_all(s, order_ids)
    elapsed = time.monotonic() - start
    routed = cluster.routed(mark)

    dirty = [o for o in outcomes if o[0] == "dirty"]
    assert not dirty, f"unclean errors: {dirty[:3]}"
    refused = [o for o in outcomes if o[0] == "clean"]
    assert all("Credit limit" in o[2] for o in refused), refused[:3]
    ok = sum(1 for o in outcomes if o[0] == "ok")
    confirmed = s.admin(
        "sale.order",
        "search_count",
        [("partner_id", "=", credit_world["dealer"]), ("state", "=", "sale")],
    )
    [info] = s.admin(
        "res.partner",
        "read",
        [credit_world["dealer"]],
        ["b2b_credit_exposure", "b2b_credit_limit_effective"],
    )
    split = {n: sum(1 for r in routed if r[0] == n) for n in ("node1", "node2")}
    print(
        f"\ncredit: {len(order_ids)} confirmations in {elapsed:.1f}s, {ok} confirmed, "
        f"{len(refused)} refused, exposure {info['b2b_credit_exposure']} / limit "
        f"{info['b2b_credit_limit_effective']}, served by {split}"
    )
    assert info["b2b_credit_limit_effective"] == limit
    assert confirmed == ok == FITTING_ORDERS
    assert len(refused) == ORDERS_PER_ROUND - FITTING_ORDERS
    assert info["b2b_credit_exposure"] == confirmed * ORDER_AMOUNT <= limit
    # every call was answered through nginx, by one node or the other
    assert len(routed) == ORDERS_PER_ROUND, len(routed)
    assert all(r[1] == 200 for r in routed), [r for r in routed if r[1] != 200][:3]
    assert split["node1"] >= ORDERS_PER_ROUND // 4, split
    assert split["node2"] >= ORDERS_PER_ROUND // 4, split


# ---------------------------------------------------------------------------
# Cron: each due time runs once although both nodes run cron workers
# ---------------------------------------------------------------------------
CRON_CODE = """
cron = env["ir.cron"].browse(env.context["cron_id"])
env.cr.execute(
    "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()"
)
worker = env.cr.fetchone()[0]
time.sleep(2)
env["ir.logging"].create({
    "name": "%(tag)s",
    "type": "server",
    "dbname": env.cr.dbname,
    "level": "INFO",
    "message": "%%s|%%s" %% (cron.nextcall, worker),
    "path": "tests/live/test_multinode.py",
    "func": "cron",
    "line": "1",
})
"""
CRON_ROUNDS = 3


def _wake_cron_workers(db):
    """What ir.cron._trigger() does after its commit: NOTIFY cron_trigger."""
    res = subprocess.run(
        [
            "psql",
            "-d",
            "postgres",
            "-XAtqc",
            f"SELECT pg_notify('cron_trigger', '{db}')",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stderr


def _cron_runs(s, tag):
    rows = s.admin("ir.logging", "search_read", [("name", "=", tag)], ["message"])
    return [tuple(r["message"].split("|")) for r in rows]


def test_each_cron_job_runs_once_per_due_time(cluster, live_server):
    s = live_server
    for node in cluster.nodes:
        assert "WorkerCron" in node.log_text(), f"{node.name} runs no cron worker"
    tag = s.unique("cron")
    [model] = s.admin("ir.model", "search", [("model", "=", "ir.logging")])
    far = (datetime.utcnow() + timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S")
    cron = _id(
        s.admin(
            "ir.cron",
            "create",
            [
                {
                    "name": f"Multinode {tag}",
                    "model_id": model,
                    "state": "code",
                    "code": CRON_CODE % {"tag": tag},
                    "interval_number": 1,
                    "interval_type": "days",
                    "nextcall": far,
                    "priority": 0,
                }
            ],
        )
    )
    try:
        dues = []
        for _round in range(CRON_ROUNDS):
            due = (datetime.utcnow() - timedelta(seconds=5)).strftime(
                "%Y-%m-%d %H:%M:%S"
            )
            dues.append(due)
            s.admin("ir.cron", "write", [cron], {"nextcall": due})
            _wake_cron_workers(cluster.db)
            time.sleep(1)
            # the job sleeps 2 s holding its lock: wake both workers again
            _wake_cron_workers(cluster.db)
            deadline = time.monotonic() + 90
            while not any(r[0] == due for r in _cron_runs(s, tag)):
                assert time.monotonic() < deadline, f"the job due at {due} never ran"
                time.sleep(0.5)
            while (
                s.admin("ir.cron", "read", [cron], ["nextcall"])[0]["nextcall"] == due
            ):
                assert time.monotonic() < deadline, "the job was not rescheduled"
                time.sleep(0.5)
            # once rescheduled, the job is not due any more: waking the
            # workers again must not run it a second time
            _wake_cron_workers(cluster.db)
            time.sleep(3)
        runs = _cron_runs(s, tag)
    finally:
        s.admin("ir.cron", "unlink", [cron])
    workers = {}
    for node in cluster.nodes:
        for pid in node.pids():
            workers[f"odoo-{pid}"] = node.name
    ran_on = [workers.get(r[1], r[1]) for r in runs]
    print(f"\ncron: {len(runs)} runs for {len(dues)} due times, on {sorted(ran_on)}")
    assert sorted(r[0] for r in runs) == sorted(dues), (runs, dues)
    assert set(ran_on) <= {"node1", "node2"}, ran_on


# ---------------------------------------------------------------------------
# A node stops in the middle of the load
# ---------------------------------------------------------------------------
LOAD_REQUESTS = 100
LOAD_THREADS = 6
STOP_AFTER = 30  # answers received before node2 is stopped
MAX_ATTEMPTS = 6
RETRY_STATUSES = {502, 503, 504}


@pytest.fixture(scope="module")
def load_world(live_server):
    s = live_server
    tag = s.unique("nodes")
    tier = _id(s.admin("b2b.dealer.tier", "create", [{"name": tag, "code": tag}]))
    dealer = _id(
        s.admin(
            "res.partner",
            "create",
            [
                {
                    "name": f"Multinode dealer {tag}",
                    "is_company": True,
                    "b2b_is_dealer": True,
                    "b2b_state": "approved",
                    "b2b_tier_id": tier,
                    "b2b_dealer_code": tag,
                }
            ],
            context={"b2b_import_state": True},
        )
    )
    contact = _id(
        s.admin("res.partner", "create", [{"name": f"ERP {tag}", "parent_id": dealer}])
    )
    product = _id(
        s.admin(
            "product.product",
            "create",
            [
                {
                    "name": f"Multinode part {tag}",
                    "default_code": f"PART-{tag}",
                    "type": "consu",
                    "list_price": 25.0,
                    "taxes_id": [(6, 0, [])],
                }
            ],
        )
    )
    groups = [
        _xmlid(s, "base", "group_portal"),
        _xmlid(s, "b2b_api", "b2b_api_group_integration"),
    ]
    user = _id(
        s.admin(
            "res.users",
            "create",
            [
                {
                    "name": f"ERP {tag}",
                    "login": f"erp-{tag}",
                    "partner_id": contact,
                    "groups_id": [(6, 0, groups)],
                    "b2b_api_dealer_ids": [(6, 0, [dealer])],
                    "b2b_api_rate_limit": 100000,
                }
            ],
        )
    )
    action = s.admin("res.users", "action_b2b_api_generate_key", [user])
    key = action["context"]["default_key"]
    uid = s.jsonrpc("common", "login", s.db, f"erp-{tag}", key)
    assert uid == user
    return {"tag": tag, "dealer": dealer, "product": product, "uid": uid, "key": key}


def test_a_node_stops_mid_load(cluster, live_server, load_world):
    s, w = live_server, load_world
    cluster.ensure_running()
    node1, node2 = cluster.nodes
    answers = [None] * LOAD_REQUESTS
    attempts = [0] * LOAD_REQUESTS
    failures = []  # (request, reason) of each failed attempt
    done = threading.Semaphore(0)
    pending = iter(range(LOAD_REQUESTS))
    lock = threading.Lock()

    def payload(i):
        return {
            "idempotency_key": f"{w['tag']}-{i}",
            "client_reference": f"{w['tag']}-{i}",
            "dealer": w["dealer"],
            "lines": [{"product_id": w["product"], "quantity": i % 7 + 1}],
        }

    def submit(i):
        body = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": i,
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    s.db,
                    w["uid"],
                    w["key"],
                    "b2b.api",
                    "submit_order",
                    [payload(i)],
                ],
            },
        }
        for _attempt in range(MAX_ATTEMPTS):
            attempts[i] += 1
            try:
                resp = requests.post(f"{s.url}/jsonrpc", json=body, timeout=120)
            except requests.RequestException as exc:
                failures.append((i, type(exc).__name__))
            else:
                if resp.status_code in RETRY_STATUSES:
                    failures.append((i, str(resp.status_code)))
                else:
                    assert resp.status_code == 200, (resp.status_code, resp.text[:300])
                    return resp.json()
            time.sleep(0.5 * attempts[i])
        return {"lost": True}

    def client():
        while True:
            with lock:
                i = next(pending, None)
            if i is None:
                return
            answers[i] = submit(i)
            done.release()

    threads = [threading.Thread(target=client) for _t in range(LOAD_THREADS)]
    start_mark = cluster.log_mark()
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for _i in range(STOP_AFTER):
        assert done.acquire(timeout=180), "no progress before the stop"
    before_stop = cluster.routed(start_mark)
    t_stop = time.monotonic()
    forced = node2.stop(grace=10)
    stop_seconds = time.monotonic() - t_stop
    time.sleep(0.5)  # nginx has logged the calls the stop broke
    mark = cluster.log_mark()
    for thread in threads:
        thread.join(timeout=600)
    assert not any(t.is_alive() for t in threads), "the load hangs"
    elapsed = time.monotonic() - start
    after_stop = cluster.routed(mark)

    # every logical request succeeded, exactly once
    lost = [i for i, a in enumerate(answers) if "lost" in a]
    assert not lost, f"requests lost after {MAX_ATTEMPTS} attempts: {lost}"
    errors = [a for a in answers if "error" in a or not a["result"]["ok"]]
    assert not errors, errors[:3]
    results = [a["result"] for a in answers]
    assert len({r["order_id"] for r in results}) == LOAD_REQUESTS
    retried = sorted({i for i, _reason in failures})
    replayed = [i for i, r in enumerate(results) if r["replayed"]]
    assert set(replayed) <= set(retried), "a request sent once was replayed"

    orders = s.admin(
        "sale.order",
        "search_read",
        [("client_order_ref", "=like", f"{w['tag']}-%")],
        [
            "client_order_ref",
            "order_line",
            "amount_untaxed",
            "amount_tax",
            "amount_total",
            "state",
        ],
    )
    refs = sorted(o["client_order_ref"] for o in orders)
    assert refs == sorted(
        f"{w['tag']}-{i}" for i in range(LOAD_REQUESTS)
    ), "duplicates or gaps"
    keys = s.admin(
        "b2b.api.idempotency", "search_count", [("key", "=like", f"{w['tag']}-%")]
    )
    assert keys == LOAD_REQUESTS

    # no order half-written: its one line, its amounts, the answer's figures
    lines = s.admin(
        "sale.order.line",
        "search_read",
        [("order_id", "in", [o["id"] for o in orders])],
        ["order_id", "product_id", "product_uom_qty", "price_unit", "price_subtotal"],
    )
    by_order = {}
    for line in lines:
        by_order.setdefault(line["order_id"][0], []).append(line)
    by_ref = {r["client_reference"]: r for r in results}
    for order in orders:
        i = int(order["client_order_ref"].rsplit("-", 1)[1])
        [line] = by_order[order["id"]]
        assert order["order_line"] == [line["id"]]
        assert line["product_id"][0] == w["product"]
        assert line["product_uom_qty"] == i % 7 + 1
        assert line["price_subtotal"] == pytest.approx(line["price_unit"] * (i % 7 + 1))
        assert order["amount_untaxed"] == pytest.approx(line["price_subtotal"])
        assert order["amount_total"] == pytest.approx(
            order["amount_untaxed"] + order["amount_tax"]
        )
        answer = by_ref[order["client_order_ref"]]
        assert answer["order_id"] == order["id"]
        assert answer["amount_total"] == pytest.approx(order["amount_total"])
        assert answer["state"] == order["state"] == "sale"

    # nginx: both nodes served before the stop, only node1 after it
    before = {
        n: sum(1 for r in before_stop if r[0] == n and r[1] == 200)
        for n in ("node1", "node2")
    }
    after_ok = [r for r in after_stop if r[1] == 200]
    assert before["node1"] > 0 and before["node2"] > 0, before
    assert after_ok and all(r[0] == "node1" for r in after_ok), after_stop[:5]
    rerouted = sum(1 for r in after_stop if r[2][:1] == ["node2"] and r[0] == "node1")
    print(
        f"\nnode stop: {LOAD_REQUESTS} submissions in {elapsed:.1f}s; "
        "node2 stopped after "
        f"{STOP_AFTER} answers in {stop_seconds:.1f}s (SIGKILL needed: {forced}); "
        f"served before the stop {before}, after it node1={len(after_ok)} "
        f"({rerouted} retried by nginx from node2); "
        f"client: {len(failures)} failed attempts "
        f"{sorted({r for _i, r in failures})} on {len(retried)} requests, "
        f"{len(replayed)} replayed answers, 0 lost, 0 duplicates"
    )
    assert not node2.alive()
    assert node1.alive()
