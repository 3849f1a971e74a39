# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_credit_policy_quotation = fields.Selection(
        related="company_id.b2b_credit_policy_quotation", readonly=False
    )
    b2b_credit_policy_order = fields.Selection(
        related="company_id.b2b_credit_policy_order", readonly=False
    )
    b2b_credit_policy_delivery = fields.Selection(
        related="company_id.b2b_credit_policy_delivery", readonly=False
    )
    b2b_credit_policy_invoice = fields.Selection(
        related="company_id.b2b_credit_policy_invoice", readonly=False
    )
    b2b_credit_include_receivable = fields.Boolean(
        related="company_id.b2b_credit_include_receivable", readonly=False
    )
    b2b_credit_include_draft_invoice = fields.Boolean(
        related="company_id.b2b_credit_include_draft_invoice", readonly=False
    )
    b2b_credit_auto_hold = fields.Boolean(
        related="company_id.b2b_credit_auto_hold", readonly=False
    )
