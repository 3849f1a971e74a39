# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.tests import tagged

from .common import B2bApiCommon

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**40), max_value=2**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["API-PUMP", "API-VALVE", "API-OLD", "2", "-1", ""])
    # what only JSON carries: NUL, lone surrogates, ids beyond 32 bits
    | st.sampled_from(["\x00", "API-\x00PUMP", "\ud800", 2**31, 10**30, -(10**30)])
)
QUANTITY = SCALARS | st.sampled_from([1, 2.5, 0, -1, 1e12, 0.001, 1.234])
LINE = (
    st.fixed_dictionaries(
        {},
        optional={
            "sku": SCALARS,
            "product_id": SCALARS,
            "quantity": QUANTITY,
            "price": SCALARS,
        },
    )
    | SCALARS
)
PAYLOAD = (
    st.fixed_dictionaries(
        {},
        optional={
            "idempotency_key": SCALARS,
            "lines": st.lists(LINE, max_size=6) | SCALARS,
            "dealer": SCALARS,
            "client_reference": SCALARS,
            "delivery_address_id": SCALARS,
            "requested_date": SCALARS | st.sampled_from(["2099-01-01", "2000-01-01"]),
            "confirm": SCALARS,
            "extra": SCALARS,
        },
    )
    | SCALARS
    | st.lists(SCALARS, max_size=3)
)


@tagged("post_install", "-at_install")
class TestApiFuzz(B2bApiCommon):
    """No payload makes submit_order crash or leave a partial order."""

    @settings(
        max_examples=60,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        payload=st.fixed_dictionaries(
            {},
            optional={
                "order_id": SCALARS,
                "client_reference": SCALARS,
                "dealer": SCALARS,
            },
        )
    )
    def test_order_status_fuzz(self, payload):
        """order_status / cancel_order: a structured answer for any payload."""
        for op in ("order_status", "cancel_order"):
            result = getattr(self.api(), op)(payload)
            json.dumps(result)
            if not result["ok"]:
                codes = {error["code"] for error in result["errors"]}
                self.assertNotIn("INTERNAL_ERROR", codes, result)

    @settings(
        max_examples=150,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(payload=PAYLOAD)
    def test_submit_order_fuzz(self, payload):
        api = self.api()
        before = self.orders()
        submissions = self.env["b2b.api.idempotency"].search_count([])
        result = api.submit_order(payload)
        json.dumps(result)
        self.assertIsInstance(result, dict)
        if result["ok"]:
            self.assertIn("order_id", result)
            self.assertLessEqual(self.orders(), before + 1)
        else:
            self.assertTrue(result["errors"])
            for error in result["errors"]:
                self.assertLessEqual({"code", "message"}, set(error))
                self.assertLessEqual(
                    set(error), {"code", "message", "line", "field", "retry_after"}
                )
                self.assertNotEqual(error["code"], "INTERNAL_ERROR", result)
                self.assertNotIn("Traceback", error["message"])
            self.assertEqual(self.orders(), before)
            self.assertEqual(
                self.env["b2b.api.idempotency"].search_count([]), submissions
            )
