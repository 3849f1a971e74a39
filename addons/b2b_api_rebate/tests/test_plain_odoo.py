# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged

from odoo.addons.b2b_base.tests.factory import B2bTestFactory

INTEGRATION = "b2b_api.b2b_api_group_integration"


@tagged("post_install", "-at_install")
class TestPlainOdoo(B2bTestFactory, TransactionCase):
    """A dealer of a company that runs no rebate programme: empty lists, no
    figure invented; the module adds no field, view or rule to anything."""

    def test_no_programme(self):
        self.registry.enter_test_mode(self.cr)
        self.addCleanup(self.registry.leave_test_mode)
        self.env["b2b.rebate.programme"].search([]).write({"state": "draft"})
        dealer = self._b2b_dealer("APR Plain", "APR-P", state="approved")
        user = self._b2b_buyer(dealer, "apr_erp", (INTEGRATION,))
        user.b2b_api_dealer_ids = dealer
        answer = self.env["b2b.api"].with_user(user).rebate_summary({"past": 24})
        self.assertTrue(answer["ok"], answer)
        self.assertEqual(
            (answer["programmes"], answer["past"], answer["balance"]), ([], [], 0.0)
        )
        module = self.env["ir.module.module"].search([("name", "=", "b2b_api_rebate")])
        data = self.env["ir.model.data"].search([("module", "=", module.name)])
        # the extended API model's own entry only: no field, view or rule
        self.assertEqual(set(data.mapped("model")), {"ir.model"})
