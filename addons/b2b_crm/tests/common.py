# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, fields
from odoo.tests import TransactionCase

from odoo.addons.b2b_base.tests.factory import B2bTestFactory

#: a minimal real PDF and PNG (their first bytes are what the check reads)
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
#: valid unified social credit codes (GB 32100-2015)
CODE = "91350100M000100Y43"
CODE_2 = "91330100MA2B00004H"
CODE_3 = "91320500MA1M00005Q"

SALESMAN = "sales_team.group_sale_salesman"
REVIEWER = "sales_team.group_sale_salesman_all_leads,b2b_base.b2b_base_group_manager"


class B2bCrmSetup(B2bTestFactory):
    """A region with its application team of two salespeople, a tier and a
    reviewer (dealer manager and CRM user)."""

    @classmethod
    def _b2b_crm_setup(cls):
        cls.company = cls.env.company
        cls.tier = cls.env["b2b.dealer.tier"].create(
            {"name": "CRM Tier", "code": "CRM-T", "company_id": False}
        )
        cls.rep_1 = cls._b2b_internal_user(
            "crm_rep_1", f"{SALESMAN},b2b_base.b2b_base_group_salesman_own"
        )
        cls.rep_2 = cls._b2b_internal_user(
            "crm_rep_2", f"{SALESMAN},b2b_base.b2b_base_group_salesman_own"
        )
        cls.reviewer = cls._b2b_internal_user("crm_reviewer", REVIEWER)
        cls.team = cls.env["crm.team"].create(
            {
                "name": "East Dealer Team",
                "crm_team_member_ids": [
                    Command.create({"user_id": cls.rep_1.id}),
                    Command.create({"user_id": cls.rep_2.id}),
                ],
            }
        )
        cls.region = cls.env["b2b.dealer.region"].create(
            {"name": "CRM East", "code": "CRM-E", "b2b_crm_team_id": cls.team.id}
        )
        cls.state_zj = cls.env["res.country.state"].search(
            [("country_id", "=", cls.env.ref("base.cn").id)], limit=1
        )

    @classmethod
    def _b2b_values(cls, **overrides):
        """Checked lead values of an application (as the form gives them)."""
        values = {
            "partner_name": "Hangzhou Test Trading",
            "b2b_credit_code": CODE,
            "contact_name": "Zhang Wei",
            "phone": "+86 138 0000 0001",
            "email_from": "zhang@hz-test.example.com",
            "state_id": cls.state_zj.id,
            "city": "Hangzhou",
            "b2b_region_id": cls.region.id,
            "b2b_license_number": "LIC-0001",
            "b2b_license_expiry": fields.Date.add(fields.Date.today(), years=2),
            "b2b_annual_volume": 500000.0,
            "description": "We run shops.",
        }
        values.update(overrides)
        return values

    @classmethod
    def _b2b_application(cls, files=(("licence.pdf", PDF),), **overrides):
        return (
            cls.env["crm.lead"]
            .sudo()
            ._b2b_application_create(cls._b2b_values(**overrides), list(files))
            .sudo(False)
        )


class B2bCrmCommon(B2bCrmSetup, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._b2b_crm_setup()
