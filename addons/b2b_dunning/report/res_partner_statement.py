# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ReportResPartnerStatement(models.AbstractModel):
    _inherit = "report.b2b_credit.report_res_partner_statement"

    @api.model
    def _get_report_values(self, docids, data=None):
        # super checks who may read the statement (refused before this runs)
        values = super()._get_report_values(docids, data=data)
        values["b2b_late_fees"] = self.env["b2b.dunning.fee"]._b2b_preview(
            values["docs"], values["company"]
        )
        return values
