# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _b2b_credit_exposure_components(self):
        components = super()._b2b_credit_exposure_components()
        components["sale_order"] = self.env._("Confirmed orders not invoiced")
        return components

    def _b2b_credit_exposure_queries(self, company, exclude):
        queries = super()._b2b_credit_exposure_queries(company, exclude)
        if company.b2b_credit_include_sale_order:
            # Per confirmed order: total minus what is invoiced (posted, and
            # draft when draft invoices are counted on their own), converted
            # with the order's rate. Invoice lines of down payments are linked
            # to the order, so a deposit is never counted twice.
            queries["sale_order"] = SQL(
                """(
                WITH open_so AS MATERIALIZED (
                    SELECT so.id, so.amount_total, so.currency_rate
                      FROM sale_order so
                     WHERE so.partner_invoice_id = ANY(ARRAY(
                               SELECT rp.id FROM res_partner rp
                                WHERE rp.commercial_partner_id = %(dealer)s))
                       AND so.company_id = %(company)s
                       AND so.state = 'sale'
                       AND so.invoice_status != 'invoiced'
                       AND so.id != ALL(%(excluded)s::int[])
                ), invoiced AS (
                    SELECT sol.order_id,
                           SUM(CASE WHEN am.move_type = 'out_refund'
                                    THEN -aml.price_total
                                    ELSE aml.price_total END) AS amount
                      FROM open_so
                      JOIN sale_order_line sol ON sol.order_id = open_so.id
                      JOIN sale_order_line_invoice_rel rel
                        ON rel.order_line_id = sol.id
                      JOIN account_move_line aml ON aml.id = rel.invoice_line_id
                      JOIN account_move am ON am.id = aml.move_id
                     WHERE am.state = 'posted'
                        OR (am.state = 'draft' AND %(count_draft)s)
                  GROUP BY sol.order_id
                )
                SELECT COALESCE(SUM(
                           GREATEST(o.amount_total - COALESCE(inv.amount, 0), 0)
                           / COALESCE(NULLIF(o.currency_rate, 0), 1)
                       ), 0)
                  FROM open_so o
                  LEFT JOIN invoiced inv ON inv.order_id = o.id
                )""",
                dealer=self.id,
                company=company.id,
                count_draft=bool(company.b2b_credit_include_draft_invoice),
                excluded=list(exclude.get("sale.order", [])),
            )
        return queries
