# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

#: the order field of b2b_credit_sale a credit-limit condition is written on
CREDIT_FIELD = "b2b_credit_exceeded"


class B2bApprovalRule(models.Model):
    _inherit = "b2b.approval.rule"

    b2b_credit_override = fields.Boolean(
        string="Approves Credit Overruns",
        compute="_compute_b2b_credit_override",
        store=True,
        readonly=False,
        precompute=True,
        help="An approved request of this rule lets the order pass its credit "
        "limit (the override is audited); a credit hold or overdue invoices "
        'still block. Ticked by default when the condition is on "Exceeds the '
        "Dealer's Credit Limit\".",
    )

    @api.depends("domain")
    def _compute_b2b_credit_override(self):
        for rule in self:
            rule.b2b_credit_override = CREDIT_FIELD in rule._b2b_domain_fields()

    def _b2b_domain_fields(self):
        """Names of the fields the rule's condition filters on (first part of
        each leaf, related paths included); empty for an unreadable domain."""
        self.ensure_one()
        try:
            domain = self._b2b_get_domain()
        except (ValueError, SyntaxError, NameError, TypeError):
            return set()
        return {
            leaf[0].split(".", 1)[0]
            for leaf in domain
            if isinstance(leaf, list | tuple) and leaf and isinstance(leaf[0], str)
        }
