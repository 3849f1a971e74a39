# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Declared offline payments, a (negative) component of the credit exposure."""

from odoo import api, models
from odoo.tools import SQL


class B2bCreditExposure(models.AbstractModel):
    _inherit = "b2b.credit.exposure"

    @api.model
    def _b2b_components(self):
        components = super()._b2b_components()
        components["declared_payment"] = self.env._("Declared payments")
        return components

    @api.model
    def _b2b_queries(self, dealer, company, exclude):
        queries = super()._b2b_queries(dealer, company, exclude)
        if company.b2b_finance_declared_exposure:
            # Declared, neither confirmed nor rejected: the slips' amounts are
            # in the company currency (see b2b.payment.slip). A declared
            # transfer pays receivables: it never takes off more than the
            # open receivable (the CTE of b2b_credit), so declaring a large
            # amount cannot turn the exposure negative.
            queries["declared_payment"] = SQL(
                """(
                SELECT -LEAST(
                           COALESCE(SUM(slip.amount), 0),
                           GREATEST((SELECT amount FROM b2b_receivable), 0))
                  FROM b2b_payment_slip slip
                 WHERE slip.dealer_id = %(dealer)s
                   AND slip.company_id = %(company)s
                   AND slip.state = 'declared'
                )""",
                dealer=dealer.id,
                company=company.id,
            )
        return queries
