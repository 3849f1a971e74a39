# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import B2bRebateCommon


@tagged("post_install", "-at_install")
class TestAccess(B2bRebateCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._invoice(cls.dealer, 2000.0)
        cls._invoice(cls.dealer2, 4000.0)
        cls.programme._b2b_compute(day=cls.programme.date_start.replace(month=5))
        cls.env.flush_all()
        cls.portal = cls._b2b_buyer(cls.dealer, "rb_portal", roles=("finance",))

    def test_salesperson_sees_own_dealers_only(self):
        Accrual = self.Accrual.with_user(self.rep)
        self.assertEqual(Accrual.search([]).partner_id, self.dealer)
        other = self._accrual(self.dealer2).with_user(self.rep)
        with self.assertRaises(AccessError):
            other.check_access("read")
        # reads the programmes, cannot change them nor settle
        programme = self.programme.with_user(self.rep)
        self.assertTrue(programme.name)
        with self.assertRaises(AccessError):
            programme.write({"name": "x"})
        with self.assertRaises(AccessError):
            self._accrual().with_user(self.rep).action_b2b_settle()

    def test_billing_reads_all_but_does_not_configure(self):
        Accrual = self.Accrual.with_user(self.billing)
        found = Accrual.search([("programme_id", "=", self.programme.id)])
        self.assertEqual(found.partner_id, self.dealer | self.dealer2)
        with self.assertRaises(AccessError):
            self.programme.with_user(self.billing).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.programme.with_user(self.billing).action_b2b_recompute()

    def test_accountant_configures_and_settles(self):
        programme = self.programme.with_user(self.accountant)
        programme.write({"name": "Renamed"})
        moves = self._accrual().with_user(self.accountant).action_b2b_settle()
        self.assertEqual(moves["res_model"], "account.move")
        # nobody creates ledger lines by hand, not even an accountant
        with self.assertRaises(AccessError):
            self.Ledger.with_user(self.accountant).create(
                {"accrual_id": self._accrual().id, "kind": "manual", "amount": 1.0}
            )
        with self.assertRaises(AccessError):
            self._accrual().with_user(self.accountant).write({"amount": 1.0})

    def test_portal_user_reads_nothing_of_others(self):
        """Over RPC a portal user reads no programme configuration and no
        other dealer's figures (b2b_portal_rebate, when installed, lets it
        read its own dealer's accruals and ledger)."""
        for model in ("b2b.rebate.programme", "b2b.rebate.step"):
            Model = self.env[model].with_user(self.portal)
            with self.subTest(model=model), self.assertRaises(AccessError):
                Model.search_read([], ["id"])
        for model in ("b2b.rebate.accrual", "b2b.rebate.ledger"):
            Model = self.env[model].with_user(self.portal)
            with self.subTest(model=model):
                try:
                    rows = Model.search_read([], ["partner_id"])
                except AccessError:
                    rows = []
                self.assertEqual(
                    {row["partner_id"][0] for row in rows} - set(self.dealer.ids),
                    set(),
                )
        with self.assertRaises(AccessError):
            self._accrual(self.dealer2).with_user(self.portal).check_access("read")
        with self.assertRaises(AccessError):
            self._accrual(self.dealer2).with_user(self.portal).read(["amount"])

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "RB Co 2"})
        user = self._b2b_internal_user(
            "rb_acc2",
            ["base.group_user", "account.group_account_manager"],
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        self.assertFalse(self.env["b2b.rebate.programme"].with_user(user).search([]))
        self.assertFalse(self.Accrual.with_user(user).search([]))
        with self.assertRaises(AccessError):
            self.programme.with_user(user).check_access("read")
