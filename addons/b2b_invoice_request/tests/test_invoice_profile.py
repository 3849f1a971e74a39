# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.b2b_base.tools.credit_code import (
    is_valid_credit_code as credit_code_is_valid,
)

from .common import TAX_ID, TAX_ID_2, B2bInvoiceRequestCommon

SPECIAL = {
    "kind": "special",
    "address": "1 Century Avenue, Shanghai",
    "phone": "021-12345678",
    "bank_name": "Bank of Shanghai",
    "bank_account": "6222 0000 1111",
}


@tagged("post_install", "-at_install")
class TestInvoiceProfile(B2bInvoiceRequestCommon):
    def test_credit_code(self):
        for code in (TAX_ID, TAX_ID_2, "91320500MA1M00005Q"):
            self.assertTrue(credit_code_is_valid(code), code)
        for code in (
            "91350100M000100Y44",  # wrong check character
            "91350100M000100Y4",  # 17 characters
            "91350100M000100Y433",  # 19 characters
            "91350100M000I00Y43",  # I is not in the alphabet
            "91350100m000100y43",  # lower case (the model upper-cases)
            "",
            None,
        ):
            self.assertFalse(credit_code_is_valid(code), code)

    def test_tax_id_checked_and_normalized(self):
        profile = self.env["b2b.invoice.profile"].create(
            {
                "dealer_id": self.dealer_a.id,
                "name": "Spaces",
                "tax_id": " 91350100m000100y43 ",
            }
        )
        self.assertEqual(profile.tax_id, TAX_ID)
        with self.assertRaisesRegex(ValidationError, "not a valid tax ID"):
            profile.tax_id = "91350100M000100Y44"
        with self.assertRaisesRegex(ValidationError, "18 characters"):
            profile.tax_id = "123"

    def test_tax_id_error_translated(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["b2b_invoice_request"], ["zh_CN"], overwrite=True
        )
        with self.assertRaisesRegex(ValidationError, "统一社会信用代码"):
            self.profile.with_context(lang="zh_CN").tax_id = "91350100M000100Y44"

    def test_special_fields_required(self):
        with self.assertRaisesRegex(ValidationError, "Address.*Phone.*Bank"):
            self.profile.kind = "special"
        self.profile.write(SPECIAL)
        self.assertEqual(self.profile.kind, "special")
        with self.assertRaisesRegex(ValidationError, "Bank Account"):
            self.profile.bank_account = " "

    def test_profile_of_the_dealer_company(self):
        with self.assertRaises(ValidationError):
            self.env["b2b.invoice.profile"].create(
                {
                    "dealer_id": self.a_buyer.partner_id.id,
                    "name": "A contact",
                    "tax_id": TAX_ID,
                }
            )

    def test_portal_save(self):
        Profile = self.env["b2b.invoice.profile"].with_user(self.a_finance)
        profile = Profile._b2b_portal_save(
            {
                "name": "  Dealer A Special  ",
                "tax_id": TAX_ID_2,
                **SPECIAL,
                "is_default": "1",
            }
        )
        self.assertEqual(profile.dealer_id, self.dealer_a)
        self.assertEqual(profile.company_id, self.company)
        self.assertEqual(profile.name, "Dealer A Special")
        self.assertTrue(profile.is_default)
        self.assertFalse(self.profile.is_default, "one default per dealer")
        profile._b2b_portal_save({"name": "Renamed", "tax_id": TAX_ID_2, **SPECIAL})
        self.assertEqual(profile.name, "Renamed")
        with self.assertRaises(ValidationError):
            profile._b2b_portal_save(
                {"name": "No bank", "tax_id": TAX_ID_2, "kind": "special"}
            )

    def test_portal_save_roles(self):
        for user in (self.a_buyer, self.a_approver):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["b2b.invoice.profile"].with_user(user)._b2b_portal_save(
                    {"name": "X", "tax_id": TAX_ID}
                )
        profile = self.env["b2b.invoice.profile"].with_user(self.a_admin)
        self.assertTrue(
            profile._b2b_portal_save({"name": "By admin", "tax_id": TAX_ID})
        )
