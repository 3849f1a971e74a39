"""Rebate settlement under concurrency, on the 4-worker live server.

Two settlements of the same programme and period started at the same
moment on two workers (b2b_rebate: the accruals' rows are locked with
``SELECT ... FOR UPDATE``; the second waits, then fails with a
serialization error that Odoo's RPC layer retries on fresh data, where the
ledger already holds the first one's documents) settle once: one credit
note and one ledger line per dealer, and a true-up raced the same way pays
only the difference, once.
"""

import pytest

from tests.live.rebate_world import (
    at_once,
    last_month,
    make_dealers,
    make_programme,
    post_invoices,
)

DEALERS = 6
RACERS = 2


@pytest.fixture(scope="module")
def rebate_world(live_server):
    s = live_server
    tag = s.unique("rb")
    dealers = make_dealers(s, tag, DEALERS)
    _first, day = last_month()
    post_invoices(s, dealers, 2000.0, day)
    programme = make_programme(s, tag, dealers)
    yield {"tag": tag, "dealers": dealers, "programme": programme, "day": day}
    # the other live tests post invoices in the same company: no programme
    # left running behind
    s.admin("b2b.rebate.programme", "action_b2b_close", [programme])


def _settle_at_once(s, programme):
    outcomes = at_once(
        s,
        [
            (
                s.admin_login,
                s.admin_password,
                "b2b.rebate.programme",
                "action_b2b_settle_ended",
                [[programme]],
            )
        ]
        * RACERS,
    )
    bad = [o for o in outcomes if o[0] != "ok"]
    assert not bad, bad
    return outcomes


def _ledger(s, programme):
    return s.admin(
        "b2b.rebate.ledger",
        "search_read",
        [("programme_id", "=", programme)],
        ["partner_id", "kind", "amount", "move_id"],
    )


def _accruals(s, programme, day):
    return s.admin(
        "b2b.rebate.accrual",
        "search_read",
        [
            ("programme_id", "=", programme),
            ("period_start", "<=", day.isoformat()),
            ("period_end", ">=", day.isoformat()),
        ],
        ["partner_id", "accrued_amount", "settled_amount", "to_settle_amount"],
    )


def test_simultaneous_settlements_settle_once(live_server, rebate_world):
    s, w = live_server, rebate_world
    programme, dealers = w["programme"], w["dealers"]
    _settle_at_once(s, programme)
    ledger = _ledger(s, programme)
    assert len(ledger) == DEALERS, ledger
    assert sorted(line["partner_id"][0] for line in ledger) == sorted(dealers)
    assert {line["kind"] for line in ledger} == {"settlement"}
    assert {line["amount"] for line in ledger} == {40.0}
    documents = s.admin(
        "account.move",
        "search_read",
        [("b2b_rebate_programme_id", "=", programme)],
        ["move_type", "state", "amount_total"],
    )
    assert len(documents) == DEALERS, documents
    assert {(d["move_type"], d["state"], d["amount_total"]) for d in documents} == {
        ("out_refund", "posted", 40.0)
    }
    accruals = _accruals(s, programme, w["day"])
    assert len(accruals) == DEALERS
    assert all(
        a["settled_amount"] == a["accrued_amount"] == 40.0
        and a["to_settle_amount"] == 0.0
        for a in accruals
    ), accruals

    # a late invoice of the period, then two true-ups at once: the
    # difference once per dealer
    post_invoices(s, dealers, 500.0, w["day"])
    _settle_at_once(s, programme)
    ledger = _ledger(s, programme)
    assert len(ledger) == 2 * DEALERS, ledger
    true_ups = [line for line in ledger if line["kind"] == "true_up"]
    assert len(true_ups) == DEALERS
    assert {line["amount"] for line in true_ups} == {10.0}
    accruals = _accruals(s, programme, w["day"])
    assert all(
        a["settled_amount"] == a["accrued_amount"] == 50.0
        and a["to_settle_amount"] == 0.0
        for a in accruals
    ), accruals
