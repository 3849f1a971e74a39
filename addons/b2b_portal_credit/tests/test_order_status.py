# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo.tests import tagged

from .common import B2bPortalCreditCommon

STATUS_RE = r'id="b2b_order_status" data-b2b-status="(\w+)"'
REASON_RE = r'data-b2b-reason="(\w+)"'


@tagged("post_install", "-at_install")
class TestOrderStatus(B2bPortalCreditCommon):
    """Every role sees on the home credit card whether the dealer can order
    now and why not, as the order confirmation decides it; finance and
    admin keep the amounts.

    Dealer One has 300 overdue since January (grace 10 days) and an exposure
    of 1,499 over its limit of 1,000 (see the common data)."""

    ROLES = ("finance", "admin", "purchaser", "approver")

    def _card(self, user):
        html = self._get("/my/home", user.login).text
        self.assertIn('id="b2b_credit_card"', html, user.login)
        status = re.search(STATUS_RE, html)
        return (
            status and status.group(1),
            re.findall(REASON_RE, html),
            html,
        )

    def _assert_cards(self, status, reasons):
        for role in self.ROLES:
            user = getattr(self, role)
            with self.subTest(role=role):
                card_status, card_reasons, html = self._card(user)
                self.assertEqual(card_status, status)
                self.assertEqual(card_reasons, reasons)
                if role in ("finance", "admin"):
                    # the amounts stay for finance and admin
                    self.assertIn('id="b2b_credit_overdue"', html)
                    self.assertIn('id="b2b_credit_used"', html)
                else:
                    self.assertNotIn('id="b2b_credit_overdue"', html)
                    self.assertNotIn('id="b2b_credit_used"', html)
                    self.assertNotIn('id="b2b_credit_limit"', html)

    def _assert_same_as_confirmation(self, status):
        """The card's answer is the credit decision of a confirmation, read
        on the exposure computed the way the confirmation computes it."""
        company = self.company
        result = self.dealer._b2b_portal_order_status(company)
        self.assertEqual(result["result"], status)
        decision = self.dealer._b2b_credit_evaluate(
            "order",
            company,
            company.currency_id.rounding,
            self.dealer._b2b_credit_exposure(company),
        )
        if self.dealer.b2b_can_order:
            expected = decision["result"] if decision["result"] != "pass" else "ok"
            if self.dealer._b2b_get_credit_policy("order", company) != "none":
                self.assertEqual(result["result"], expected)

    def test_no_policy(self):
        """Without an order policy, overdue invoices and the limit do not
        stop an order: every role is told it can order."""
        self._set_policy("order", "none")
        self._assert_cards("ok", [])
        self._assert_same_as_confirmation("ok")

    def test_blocked_by_overdue_and_limit(self):
        self._set_policy("order", "block")
        self._assert_cards("block", ["overdue", "limit"])
        self._assert_same_as_confirmation("block")
        # no amount in the purchaser's reasons
        _status, _reasons, html = self._card(self.purchaser)
        self.assertIn("Invoices are overdue by more than 10 days", html)
        self.assertNotIn("300.00", html)

    def test_blocked_by_overdue_only(self):
        self._set_policy("order", "block")
        self.dealer.sudo().credit_limit = 100000.0
        self._assert_cards("block", ["overdue"])
        self._assert_same_as_confirmation("block")

    def test_blocked_by_limit_only(self):
        self._set_policy("order", "block")
        self.dealer.sudo().b2b_credit_grace_days = 3650
        self._assert_cards("block", ["limit"])
        self._assert_same_as_confirmation("block")

    def test_warn(self):
        self._set_policy("order", "warn")
        self._assert_cards("warn", ["overdue", "limit"])
        self._assert_same_as_confirmation("warn")

    def test_hold(self):
        """A hold stops any order whatever the policy; its reason is for
        finance and admin only."""
        self._set_policy("order", "none")
        self.dealer.sudo().write(
            {
                "b2b_credit_hold": True,
                "b2b_credit_hold_type": "manual",
                "b2b_credit_hold_reason": "Cheque bounced XYZ",
            }
        )
        self._assert_cards("block", ["hold"])
        self._assert_same_as_confirmation("block")
        self.assertIn("Cheque bounced XYZ", self._card(self.finance)[2])
        self.assertNotIn("Cheque bounced XYZ", self._card(self.purchaser)[2])

    def test_dealer_not_approved(self):
        """A suspended dealer cannot order (b2b_sale refuses the
        confirmation): its buyers are told so, with its status."""
        self._set_policy("order", "none")
        self.dealer.sudo()._b2b_set_state("suspended", "Audit")
        self._assert_cards("block", ["dealer"])
        self.assertIn("Suspended", self._card(self.purchaser)[2])
        self.assertEqual(
            self.dealer._b2b_portal_order_status(self.company)["reasons"], ["dealer"]
        )
