"""Rebate settlement under concurrency, on the 4-worker live server.

Two settlements of the same programme and period started at the same
moment on two workers (b2b_rebate: the accruals' rows are locked with
``SELECT ... FOR UPDATE``; the second waits, then fails with a
serialization error that Odoo's RPC layer retries on fresh data, where the
ledger already holds the first one's documents) settle once: one credit
note and one ledger line per dealer, and a true-up raced the same way pays
only the difference, once.

Two quotations of a dealer spending its last rebate balance at the same
moment on two workers (b2b_rebate_sale: the balance's row is locked the same
way): exactly one gets the rebate line, the other is refused with the
"no rebate balance" message, and the balance never goes below zero.
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


def _quotation(s, dealer, product, amount):
    [order] = s.admin(
        "sale.order",
        "create",
        [
            {
                "partner_id": dealer,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": product,
                            "product_uom_qty": 1,
                            "price_unit": amount,
                            "tax_id": [(6, 0, [])],
                        },
                    )
                ],
            }
        ],
    )
    return order


def test_two_orders_spend_the_last_balance_once(live_server):
    s = live_server
    tag = s.unique("rbb")
    [dealer] = make_dealers(s, tag, 1)
    _first, day = last_month()
    post_invoices(s, [dealer], 5000.0, day)
    programme = make_programme(s, tag, [dealer], settlement_mode="balance")
    try:
        s.admin("b2b.rebate.programme", "action_b2b_settle_ended", [programme])
        [balance] = s.admin(
            "b2b.rebate.balance",
            "search_read",
            [("partner_id", "=", dealer)],
            ["amount"],
        )
        assert balance["amount"] == 100.0, balance
        [product] = s.admin(
            "product.product",
            "create",
            [{"name": f"Goods {tag}", "type": "service", "taxes_id": [(6, 0, [])]}],
        )
        # each order's cap (10 % of 2,000 by default) covers the whole balance
        orders = [_quotation(s, dealer, product, 2000.0) for _i in range(2)]
        outcomes = at_once(
            s,
            [
                (
                    s.admin_login,
                    s.admin_password,
                    "sale.order",
                    "action_b2b_apply_rebate_balance",
                    [[order]],
                )
                for order in orders
            ],
        )
        kinds = sorted(outcome[0] for outcome in outcomes)
        assert kinds == ["error", "ok"], outcomes
        [error] = [o[1] for o in outcomes if o[0] == "error"]
        assert error.name == "odoo.exceptions.UserError", error
        assert error.http_status == 200
        assert "no rebate balance" in error.message, error.message
        lines = s.admin(
            "sale.order.line",
            "search_read",
            [("order_id", "in", orders), ("b2b_is_rebate_line", "=", True)],
            ["order_id", "price_unit"],
        )
        assert [line["price_unit"] for line in lines] == [-100.0], lines
        [balance] = s.admin("b2b.rebate.balance", "read", [balance["id"]], ["amount"])
        assert balance["amount"] == 0.0
        spent = s.admin(
            "b2b.rebate.ledger",
            "search_read",
            [("balance_id", "=", balance["id"]), ("kind", "=", "spent")],
            ["amount", "sale_order_id"],
        )
        assert [line["amount"] for line in spent] == [-100.0], spent
        assert spent[0]["sale_order_id"][0] == lines[0]["order_id"][0]
    finally:
        s.admin("b2b.rebate.programme", "action_b2b_close", [programme])
