# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .res_company import CREDIT_POLICIES

TIER_CREDIT_FIELDS = (
    "b2b_credit_limit",
    "b2b_payment_term_id",
    "b2b_credit_grace_days",
)


class B2bDealerTier(models.Model):
    _inherit = "b2b.dealer.tier"

    b2b_credit_limit = fields.Float(
        string="Default Credit Limit",
        digits="Account",
        tracking=True,
        help="Credit limit given to the dealers of this tier, in the company "
        "currency. 0 means no limit (as in Odoo).",
    )
    b2b_payment_term_id = fields.Many2one(
        "account.payment.term",
        string="Default Payment Terms",
        check_company=True,
        tracking=True,
    )
    b2b_credit_grace_days = fields.Integer(
        string="Overdue Grace (days)",
        tracking=True,
        help="Days an invoice may be overdue before the dealer is put on hold.",
    )
    b2b_credit_policy_quotation = fields.Selection(
        CREDIT_POLICIES,
        string="Quotation Policy",
        help="Leave empty to use the company's policy.",
    )
    b2b_credit_policy_order = fields.Selection(
        CREDIT_POLICIES,
        string="Confirmation Policy",
        help="Leave empty to use the company's policy.",
    )
    b2b_credit_policy_delivery = fields.Selection(
        CREDIT_POLICIES,
        string="Delivery Policy",
        help="Leave empty to use the company's policy.",
    )
    b2b_credit_policy_invoice = fields.Selection(
        CREDIT_POLICIES,
        string="Invoice Policy",
        help="Leave empty to use the company's policy.",
    )

    def write(self, vals):
        res = super().write(vals)
        changed = [name for name in TIER_CREDIT_FIELDS if name in vals]
        if changed:
            dealers = self.env["res.partner"].search(
                [
                    ("b2b_tier_id", "in", self.ids),
                    ("is_company", "=", True),
                    ("b2b_is_dealer", "=", True),
                ]
            )
            dealers._b2b_credit_apply_tier_defaults(changed)
        return res
