# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import INTEGRATION, B2bApiCommon


@tagged("post_install", "-at_install")
class TestApiAccess(B2bApiCommon):
    def test_other_dealer_refused(self):
        before_b = self.orders(self.dealer_b)
        for dealer in (self.dealer_b.id, "API-B", 999999999):
            res = self.submit("steal", dealer=dealer)
            self.assertCodes(res, [("FORBIDDEN_DEALER", None)])
            for op in ("dealer_credit", "open_invoices", "dealer_addresses"):
                res = getattr(self.api(), op)({"dealer": dealer})
                self.assertCodes(res, [("FORBIDDEN_DEALER", None)])
        self.assertEqual(self.orders(self.dealer_b), before_b)

    def test_other_dealer_order_not_found(self):
        order_b = self.submit("b-1", user=self.user_b)
        for op in ("order_status", "cancel_order"):
            res = getattr(self.api(), op)({"order_id": order_b["order_id"]})
            self.assertCodes(res, [("NOT_FOUND", None)])
            self.assertNotIn("API Dealer B", str(res))
        self.assertEqual(
            self.env["sale.order"].browse(order_b["order_id"]).state, "sale"
        )

    def test_other_dealer_address_refused(self):
        res = self.submit("addr", delivery_address_id=self.ship_b.id)
        self.assertCodes(res, [("INVALID_ADDRESS", None)])

    def test_brand_user_acts_for_linked_dealers(self):
        res = self.submit("brand-1", user=self.user_brand, dealer="API-B")
        self.assertTrue(res["ok"], res)
        order = self.env["sale.order"].browse(res["order_id"])
        self.assertEqual(order.partner_id, self.dealer_b)
        # several dealers: the dealer must be named
        res = self.api(self.user_brand).dealer_credit({})
        self.assertCodes(res, [("MISSING_FIELD", None)])

    def test_not_integration_user(self):
        before = self.orders()
        for user in (self.portal_plain, self.env.ref("base.user_admin")):
            res = self.submit("plain", user=user, dealer=self.dealer_a.id)
            self.assertCodes(res, [("NOT_INTEGRATION_USER", None)])
        self.assertEqual(self.orders(), before)

    def test_dealer_user_linked_to_own_dealer_only(self):
        with self.assertRaises(ValidationError):
            self.user_a.b2b_api_dealer_ids = self.dealer_a | self.dealer_b

    def test_generate_key(self):
        with self.assertRaises(AccessError):
            self.user_a.with_user(self.user_brand).action_b2b_api_generate_key()
        action = self.user_a.action_b2b_api_generate_key()
        key = action["context"]["default_key"]
        uid = (
            self.env["res.users.apikeys"]
            .sudo()
            ._check_credentials(scope="rpc", key=key)
        )
        self.assertEqual(uid, self.user_a.id)

    def test_integration_flag(self):
        self.assertTrue(self.user_a.b2b_api_integration)
        self.user_a.b2b_api_integration = False
        self.assertFalse(self.user_a._b2b_api_is_integration())
        self.assertCodes(self.api().dealer_credit(), [("NOT_INTEGRATION_USER", None)])

    def test_generate_key_refused_for_administrator(self):
        """No API key in the name of an administrator flagged as integration
        user: the key would open far more than the dealer API."""
        admin_like = new_test_user(
            self.env,
            login="api_admin_like",
            groups=f"base.group_user,base.group_erp_manager,{INTEGRATION}",
        )
        keys = self.env["res.users.apikeys"].sudo().search_count([])
        with self.assertRaises(AccessError):
            admin_like.action_b2b_api_generate_key()
        self.assertEqual(self.env["res.users.apikeys"].sudo().search_count([]), keys)
