# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    b2b_spending_limit = fields.Float(
        string="Spending Limit per Order",
        help="For a dealer's purchaser: orders they create above this untaxed "
        "amount (company currency) match the approval rules whose condition is "
        "'Exceeds the Purchaser's Spending Limit'. 0: no limit.",
    )
