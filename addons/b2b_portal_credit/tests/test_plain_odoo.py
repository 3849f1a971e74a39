# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.b2b_portal.tests.common import B2bPlainPortalMixin

from .common import B2bPortalCreditCommon


@tagged("post_install", "-at_install")
class TestPlainOdooPortalCredit(B2bPlainPortalMixin, B2bPortalCreditCommon):
    """``CustomerPortal.home`` (the credit card of ``/my``) and the invoices
    list: a portal user of a customer that is not a dealer, and an internal
    user without B2B groups, get Odoo's pages and the suite runs no query of
    its tables (no exposure, no credit info); a dealer's finance user gets
    the card."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plain = cls._b2b_buyer(cls.customer, "pc_plain", ())
        cls.plain_invoice = cls._post_invoice(
            cls.customer, 250.0, "2026-02-01", "2026-03-01"
        )
        cls.internal = cls._b2b_internal_user("pc_plain_internal")

    def test_home(self):
        self._b2b_assert_plain_page("pc_plain", "/my", "o_portal_my_home")
        self._b2b_assert_plain_page("pc_plain", "/my/home", "o_portal_my_home")
        self._b2b_assert_plain_page("pc_plain_internal", "/my", "o_portal_my_home")

    def test_invoices(self):
        page = self._b2b_assert_plain_page("pc_plain", "/my/invoices")
        self.assertIn(self.plain_invoice.name, page.text)
        self.assertNotIn(self.jan.name, page.text)
        page = self._b2b_assert_plain_page(
            "pc_plain", f"/my/invoices/{self.plain_invoice.id}"
        )
        self.assertIn(self.plain_invoice.name, page.text)

    def test_dealer_finance_sees_card(self):
        """(The marker is real) a dealer's finance user gets the card."""
        response, __ = self._b2b_plain_get("pc_finance", "/my")
        self.assertIn('id="b2b_credit_card"', response.text)
