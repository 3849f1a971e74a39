# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import B2bCreditCommon


@tagged("post_install", "-at_install")
class TestB2bCreditOverride(B2bCreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_policy("invoice", "block")
        cls._invoice(950.0)
        cls.blocked = cls._invoice(100.0, post=False)

    def _override(self, user, reason="Strategic customer"):
        return (
            self.env["b2b.credit.document.override"]
            .with_user(user)
            .create(
                {
                    "res_model": "account.move",
                    "res_id": self.blocked.id,
                    "reason": reason,
                }
            )
        )

    def test_override_by_credit_manager(self):
        with self.assertRaises(UserError):
            self.blocked.action_post()
        self.assertTrue(self.blocked.b2b_credit_warning)
        self._override(self.credit_manager).action_confirm()
        self.blocked.with_user(self.invoicer).action_post()
        self.assertEqual(self.blocked.state, "posted")
        audit = self.env["b2b.credit.audit"].search(
            [("event", "=", "override"), ("res_id", "=", self.blocked.id)]
        )
        self.assertEqual(audit.user_id, self.credit_manager)
        self.assertEqual(audit.reason, "Strategic customer")
        self.assertEqual(audit.value_before, "Blocked")
        self.assertIn("100.00", audit.value_after)
        self.assertEqual(audit.res_model, "account.move")

    def test_override_needs_group_and_reason(self):
        with self.assertRaises(AccessError):
            self.blocked.with_user(self.invoicer)._b2b_credit_grant_override("x")
        with self.assertRaises(AccessError):
            self.blocked.with_user(self.invoicer).action_b2b_credit_override()
        with self.assertRaises(UserError):
            self.blocked.with_user(self.credit_manager)._b2b_credit_grant_override(" ")
        # The override fields cannot be written around the override.
        with self.assertRaises(AccessError):
            self.blocked.with_user(self.invoicer).write(
                {"b2b_credit_override_amount": 1e9}
            )

    def test_override_lapses_when_amount_grows(self):
        self._override(self.credit_manager).action_confirm()
        self.blocked.write(
            {
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "More goods",
                            "quantity": 1,
                            "price_unit": 50.0,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ]
            }
        )
        with self.assertRaises(UserError):
            self.blocked.action_post()

    def test_override_copy_does_not_carry(self):
        self._override(self.credit_manager).action_confirm()
        copy = self.blocked.copy()
        self.assertFalse(copy.b2b_credit_override_date)
        with self.assertRaises(UserError):
            copy.action_post()

    def test_approval_hook(self):
        # A future approval module grants the override with its request as
        # the source; the requesting user needs no credit-manager group.
        self.blocked.with_user(self.invoicer)._b2b_credit_grant_override(
            "Approved by the finance director", source="Approval APR/0001"
        )
        audit = self.env["b2b.credit.audit"].search(
            [("event", "=", "override"), ("res_id", "=", self.blocked.id)]
        )
        self.assertEqual(audit.source, "Approval APR/0001")
        self.assertEqual(audit.user_id, self.invoicer)
        self.blocked.action_post()
        self.assertEqual(self.blocked.state, "posted")
