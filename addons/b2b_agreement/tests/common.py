# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import timedelta

from odoo import fields

from odoo.addons.b2b_portal.tests.common import B2bPortalCommon

#: the smallest PNG: what Odoo's signature widget sends is a PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
SIGNATURE = base64.b64encode(PNG).decode()

BODY = (
    '<div><p>Agreement of <t t-out="object.dealer_id.name"/> '
    '(<t t-out="object.dealer_id.b2b_dealer_code"/>), tier '
    '<t t-out="object.tier_id.name"/>, region <t t-out="object.region_id.name"/>, '
    'from <t t-out="format_date(object.date_start)"/> to '
    '<t t-out="format_date(object.date_end)"/>, target '
    '<t t-out="format_amount(object.target_amount, object.currency_id)"/>.</p></div>'
)


class B2bAgreementCommon(B2bPortalCommon):
    """b2b_portal's data (dealer A with buyers of every role, dealer B with an
    admin purchaser, a plain portal customer), a dealer manager, a
    salesperson, a company template and a Gold tier template."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["b2b.agreement"])
        cls.dealer_a.b2b_region_id = cls.region
        cls.manager = cls._b2b_internal_user(
            "ag_manager", ["base.group_user", "b2b_base.b2b_base_group_manager"]
        )
        cls.salesman = cls._b2b_internal_user(
            "ag_sales",
            [
                "sales_team.group_sale_salesman_all_leads",
                "b2b_base.b2b_base_group_user",
            ],
        )
        Template = cls.env["b2b.agreement.template"]
        cls.template = Template.create(
            {"name": "Company agreement", "body_html": BODY, "target_amount": 100000}
        )
        cls.template_gold = Template.create(
            {
                "name": "Gold agreement",
                "tier_ids": [fields.Command.set(cls.tier_gold.ids)],
                "body_html": "<p>Gold: <t t-out='object.dealer_id.name'/></p>",
                "target_amount": 900000,
            }
        )

    @classmethod
    def _agreement(cls, dealer=None, start=None, end=None, send=True, **vals):
        """A sent (or draft) agreement of ``dealer`` (default dealer A) for
        the period (default: the year starting a month ago)."""
        start = start or cls.today - timedelta(days=30)
        end = end or start + timedelta(days=364)
        agreement = cls.env["b2b.agreement"]._b2b_generate(
            dealer or cls.dealer_a, start, end, **vals
        )
        if send:
            agreement.action_b2b_send()
        return agreement

    @classmethod
    def _sign(cls, agreement, user=None, name="Pa Admin", ip="203.0.113.7"):
        agreement.with_user(user or cls.a_admin)._b2b_portal_sign(
            name, SIGNATURE, ip=ip
        )
        return agreement
