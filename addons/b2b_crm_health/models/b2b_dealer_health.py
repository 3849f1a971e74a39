# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError

#: length in days of the two periods compared (the last 90 days, the 90 before)
PERIOD_DAYS = 90


class B2bDealerHealth(models.Model):
    """The health figures of one approved dealer in one company, written by
    the daily job (set-based, in SQL: the fields are read-only)."""

    _name = "b2b.dealer.health"
    _description = "Dealer Health"
    _order = "flagged desc, days_since_order desc, id"
    _rec_name = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    tier_id = fields.Many2one(
        "b2b.dealer.tier", string="Tier", readonly=True, index="btree_not_null"
    )
    user_id = fields.Many2one(
        "res.users", string="Salesperson", readonly=True, index="btree_not_null"
    )
    date = fields.Date(
        string="Computed For", readonly=True, help="The reference day of the figures."
    )
    last_order_date = fields.Date(
        readonly=True, help="Date of the dealer's last confirmed order."
    )
    days_since_order = fields.Integer(
        string="Days Without Order",
        readonly=True,
        help="Days since the last confirmed order (since the approval of the "
        "dealer when it never ordered).",
    )
    orders_current = fields.Integer(
        string="Orders (90 d)",
        readonly=True,
        help="Confirmed orders of the last 90 days.",
    )
    orders_previous = fields.Integer(
        string="Orders (previous 90 d)",
        readonly=True,
        help="Confirmed orders of the 90 days before the last 90 days.",
    )
    amount_current = fields.Monetary(
        string="Amount (90 d)",
        readonly=True,
        help="Untaxed amount of the confirmed orders of the last 90 days, in "
        "the company currency.",
    )
    amount_previous = fields.Monetary(string="Amount (previous 90 d)", readonly=True)
    average_current = fields.Monetary(string="Average Order (90 d)", readonly=True)
    average_previous = fields.Monetary(
        string="Average Order (previous 90 d)", readonly=True
    )
    frequency_trend = fields.Float(
        string="Orders Trend (%)",
        readonly=True,
        help="Change of the number of orders, last 90 days against the 90 "
        "days before (0 when there was none before).",
    )
    amount_trend = fields.Float(string="Amount Trend (%)", readonly=True)
    average_trend = fields.Float(string="Average Order Trend (%)", readonly=True)
    invoiced_12m = fields.Monetary(
        string="Invoiced (12 months)",
        readonly=True,
        help="Untaxed amount of the posted invoices minus the posted credit "
        "notes of the last 12 months.",
    )
    overdue_known = fields.Boolean(
        readonly=True,
        help="The credit module is installed: the overdue amount is known.",
    )
    overdue_amount = fields.Monetary(
        string="Overdue",
        readonly=True,
        help="Receivables overdue beyond the dealer's grace period (credit module).",
    )
    flagged = fields.Boolean(readonly=True, index=True)
    flag_ids = fields.One2many(
        "b2b.dealer.health.flag", "health_id", string="Flags", readonly=True
    )
    flag_count = fields.Integer(readonly=True)
    reason = fields.Text(compute="_compute_reason", string="Reasons")

    _sql_constraints = [
        (
            "partner_company_uniq",
            "unique(partner_id, company_id)",
            "A dealer has one health record per company.",
        )
    ]

    @api.depends("flag_ids.reason")
    def _compute_reason(self):
        for health in self:
            health.reason = "\n".join(health.flag_ids.mapped("reason")) or False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_b2b_recompute(self):
        """Recompute now, for the companies selected in the switcher
        (dealer managers only). The list's header button: called on the
        selected rows (or none); the job recomputes every dealer anyway."""
        if not self.env.user.has_group("b2b_base.b2b_base_group_manager"):
            raise AccessError(
                self.env._("Only dealer managers can recompute the dealer health.")
            )
        # sudo: the job reads every dealer's orders and invoices and writes
        # the figures and activities of the selected companies only.
        self.sudo()._b2b_compute(companies=self.env.companies)
        return {"type": "ir.actions.client", "tag": "soft_reload"}

    def action_b2b_open_partner(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.partner_id.id,
            "view_mode": "form",
        }
