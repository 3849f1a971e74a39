# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import timedelta

from odoo import fields

from odoo.addons.b2b_portal_credit.tests.common import B2bPortalCreditCommon

#: the smallest valid files of each accepted type (their first bytes count)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32


class B2bFinancePortalCommon(B2bPortalCreditCommon):
    """b2b_portal_credit's data (Dealer One with buyers of every role and
    invoices of January to March 2026, Dealer Two with a finance user), an
    accountant of the billing group, statement confirmation switched on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.b2b_statement_confirmation = True
        cls.accountant = cls._b2b_internal_user(
            "fp_accountant", "account.group_account_invoice"
        )
        cls.company.b2b_statement_user_id = cls.accountant
        cls.admin_b = cls._b2b_buyer(cls.dealer_b, "pc_admin_b", ("admin",))

    @classmethod
    def _declare(cls, user, amount=100.0, reference="REF-1", invoices=None, **values):
        content = values.pop("content", PNG)
        filename = values.pop("filename", "slip.png")
        vals = {
            "amount": str(amount),
            "date": values.pop(
                "date", fields.Date.to_string(fields.Date.today() - timedelta(days=1))
            ),
            "bank_reference": reference,
            "payer_account": values.pop("payer_account", "6222 0000 1111"),
            "invoice_ids": [str(i) for i in (invoices.ids if invoices else [])],
            **values,
        }
        return (
            cls.env["b2b.payment.slip"]
            .with_user(user)
            ._b2b_declare(vals, filename, content)
            .with_env(cls.env)
        )

    @classmethod
    def _snapshot(cls, dealer=None, date_from="2026-02-01", date_to="2026-02-28"):
        # sudo: the monthly job runs as the superuser (nobody creates them)
        return (
            cls.env["b2b.statement.snapshot"]
            .sudo()
            ._b2b_create_snapshots(
                dealer or cls.dealer,
                cls.company,
                fields.Date.to_date(date_from),
                fields.Date.to_date(date_to),
            )
            .with_env(cls.env)
        )
