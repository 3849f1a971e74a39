# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCreditCode(TransactionCase):
    """The unified social credit code and its GB 32100-2015 check character."""

    def test_valid_codes(self):
        Lead = self.env["crm.lead"]
        for code in (
            "91350100M000100Y43",  # the standard's own example
            "91330100MA2B00004H",
            "91440300MA5D000028",
            "91310000mA1FL0001r",  # case does not matter
        ):
            with self.subTest(code=code):
                self.assertTrue(Lead._b2b_credit_code_is_valid(code))

    def test_invalid_codes(self):
        Lead = self.env["crm.lead"]
        for code in (
            "91350100M000100Y44",  # wrong check character
            "91350100M000100Y4",  # 17 characters
            "91350100M000100Y433",  # 19 characters
            "91350100M000I00Y43",  # I is not in the alphabet
            "91350100M000100Y4O",  # nor O
            "",
            None,
            12345,
        ):
            with self.subTest(code=code):
                self.assertFalse(Lead._b2b_credit_code_is_valid(code))

    def test_constraint_on_lead(self):
        with self.assertRaises(ValidationError):
            self.env["crm.lead"].create(
                {"name": "Bad code", "b2b_credit_code": "91350100M000100Y44"}
            )
