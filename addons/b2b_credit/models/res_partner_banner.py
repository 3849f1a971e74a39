# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer credit: what the banner at the top of the dealer form shows besides
the stored hold fields and the overdue amount (``b2b_credit_overdue``)."""

from odoo import api, fields, models
from odoo.tools import SQL


# The model is split over files by concern, as Odoo core splits its large
# models (one class per concern, same _inherit).
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    b2b_credit_overdue_date = fields.Date(
        string="Oldest Overdue Due Date",
        compute="_compute_b2b_credit_overdue_date",
        help="Oldest due date of the dealer's open invoices overdue beyond the "
        "grace period, in the current company.",
    )

    @api.depends_context("company")
    def _compute_b2b_credit_overdue_date(self):
        """One query for all the partners (not stored: read by the form only)."""
        dealers = self.commercial_partner_id.filtered(
            lambda p: p.b2b_is_dealer and p.id
        )
        dates = {}
        if dealers:
            company = self.env.company
            # The receivable lines are read as the exposure reads them
            # (b2b.credit.exposure._b2b_receivable_cte): raw SQL, whatever the
            # accounting rights of a salesperson who sees the dealer.
            self.env["account.move.line"].flush_model(
                [
                    "partner_id",
                    "company_id",
                    "parent_state",
                    "reconciled",
                    "amount_residual",
                    "date_maturity",
                    "account_id",
                ]
            )
            self.env["res.partner"].flush_model(
                ["commercial_partner_id", "b2b_credit_grace_days"]
            )
            self.env.cr.execute(
                SQL(
                    """
                    SELECT rp.commercial_partner_id, MIN(aml.date_maturity)
                      FROM account_move_line aml
                      JOIN res_partner rp ON rp.id = aml.partner_id
                      JOIN res_partner dealer ON dealer.id = rp.commercial_partner_id
                     WHERE rp.commercial_partner_id = ANY(%(dealers)s)
                       AND aml.company_id = %(company)s
                       AND aml.parent_state = 'posted'
                       AND aml.reconciled IS NOT TRUE
                       AND aml.amount_residual > 0
                       AND aml.account_id = ANY(ARRAY(
                               SELECT acc.id FROM account_account acc
                                WHERE acc.account_type = 'asset_receivable'))
                       AND aml.date_maturity < %(today)s::date
                           - GREATEST(COALESCE(dealer.b2b_credit_grace_days, 0), 0)
                     GROUP BY rp.commercial_partner_id
                    """,
                    dealers=dealers.ids,
                    company=company.id,
                    today=fields.Date.context_today(self),
                )
            )
            dates = dict(self.env.cr.fetchall())
        for partner in self:
            partner.b2b_credit_overdue_date = dates.get(
                partner.commercial_partner_id.id, False
            )
