"""Dealers, a rebate programme and invoices on the live server, and a helper
that makes several calls start at the same moment (one per worker)."""

import datetime
import threading

from tests.live.conftest import RpcError


def _ids(result):
    return result if isinstance(result, list) else [result]


def last_month():
    """(first day, a day in the middle) of the month before today."""
    first = datetime.date.today().replace(day=1) - datetime.timedelta(days=1)
    first = first.replace(day=1)
    return first, first.replace(day=15)


def make_dealers(s, tag, count):
    return _ids(
        s.admin(
            "res.partner",
            "create",
            [
                {
                    "name": f"Rebate dealer {tag} {i}",
                    "is_company": True,
                    "b2b_is_dealer": True,
                    "b2b_state": "approved",
                    "b2b_dealer_code": f"{tag}-{i}",
                }
                for i in range(count)
            ],
            context={"b2b_import_state": True},
        )
    )


def post_invoices(s, dealers, amount, day):
    """One posted invoice of ``amount`` (no tax) per dealer, dated ``day``."""
    moves = _ids(
        s.admin(
            "account.move",
            "create",
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": dealer,
                    "invoice_date": day.isoformat(),
                    "invoice_line_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Goods",
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [(6, 0, [])],
                            },
                        )
                    ],
                }
                for dealer in dealers
            ],
        )
    )
    s.admin("account.move", "action_post", moves)
    return moves


def make_programme(s, tag, dealers, **vals):
    """A monthly programme of ``dealers`` since last month, started (its
    current and previous period computed): 2 % from 1,000."""
    first, _mid = last_month()
    [programme] = _ids(
        s.admin(
            "b2b.rebate.programme",
            "create",
            [
                {
                    "name": f"Rebate {tag}",
                    "period_type": "month",
                    "date_start": first.isoformat(),
                    "partner_ids": [(6, 0, dealers)],
                    "step_ids": [(0, 0, {"threshold": 1000.0, "rate": 2.0})],
                    **vals,
                }
            ],
        )
    )
    s.admin("b2b.rebate.programme", "action_b2b_start", [programme])
    return programme


def at_once(s, calls):
    """Run ``calls`` ((login, password, model, method, args) each) at the
    same moment over JSON-RPC, one thread each (each on a worker of its
    own: a worker serves one request at a time). Returns one outcome per
    call: ("ok", result) or ("error", RpcError) or ("dirty", repr)."""
    uids = {login: s.login(login, password) for login, password, *_r in calls}
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, login, password, model, method, args):
        barrier.wait()
        try:
            result = s.jsonrpc(
                "object",
                "execute_kw",
                s.db,
                uids[login],
                password,
                model,
                method,
                list(args),
                {},
            )
            outcomes[index] = ("ok", result)
        except RpcError as error:
            outcomes[index] = ("error", error)
        except Exception as exc:  # HTTP 500, connection reset...
            outcomes[index] = ("dirty", repr(exc))

    threads = [
        threading.Thread(target=run, args=(index, *call))
        for index, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads), "calls hang"
    return outcomes
