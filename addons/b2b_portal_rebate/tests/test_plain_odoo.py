# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_base.tests.common import B2bQueryLogMixin
from odoo.addons.b2b_base.tests.factory import B2bTestFactory


@tagged("post_install", "-at_install")
class TestPlainOdoo(B2bQueryLogMixin, B2bTestFactory, HttpCase):
    """The portal home of a customer that is no dealer, and of a dealer
    whose company runs no rebate programme: no rebate card and no query on
    a rebate table (the companies running a programme are cached)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.programme = cls.env["b2b.rebate.programme"].create(
            {
                "name": "Plain PR",
                "company_id": cls.env.company.id,
                "period_type": "quarter",
                "step_ids": [Command.create({"threshold": 1000.0, "rate": 2.0})],
            }
        )
        cls.dealer = cls._b2b_dealer(
            "PR Plain Dealer",
            "PR-PLAIN",
            state="approved",
            company_id=cls.env.company.id,
        )
        cls.buyer = cls._b2b_buyer(cls.dealer, "pr_plain_buyer")
        customer = cls.env["res.partner"].create({"name": "PR Plain Customer"})
        cls.portal = cls._b2b_buyer(customer, "pr_plain_portal", roles=())

    def _home_rebate_queries(self, login):
        self.authenticate(login, login)
        for _warm in range(2):
            self.assertEqual(self.url_open("/my/home").status_code, 200)
        response, queries = self._b2b_log_queries(self.url_open, "/my/home")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn('id="b2b_rebate_home_card"', response.text)
        return [t for t in self._b2b_tables(queries) if t.startswith("b2b_rebate")]

    def test_plain_portal_user(self):
        self.programme.state = "running"
        self.assertEqual(self._home_rebate_queries(self.portal.login), [])

    def test_dealer_without_running_programme(self):
        self.assertFalse(self.env["b2b.rebate.programme"]._b2b_running_company_ids())
        self.assertEqual(self._home_rebate_queries(self.buyer.login), [])
