# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Demo invoice requests on the suite's demo story (demo only).

The delivered demo orders are created by ``b2b_suite``'s story, after this
module is installed: ``b2b_suite``'s demo calls ``_b2b_demo_invoice_requests``
once the story is there. Dealer A's delivered order gets an issued request
(its invoice created from the requested lines by Odoo's invoicing, posted,
with an e-invoice number), dealer B's delivered order a request waiting for
finance. Every step goes through the methods a user triggers.
"""

import logging

from odoo import api, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

ORDER_XMLID = "b2b_suite.sale_order_demo_%s"
PROFILE_XMLID = "b2b_invoice_request.b2b_invoice_profile_demo_dealer_%s"
USER_XMLID = "b2b_base.res_users_dealer_%s_finance"


class B2bInvoiceRequest(models.Model):
    _inherit = "b2b.invoice.request"

    @api.model
    def _b2b_demo_invoice_requests(self):
        """Create the demo requests once; never break an installation."""
        ref = self.env.ref
        steps = []
        for letter, issue in (("a", True), ("b", False)):
            order = ref(ORDER_XMLID % f"{letter}_delivered", raise_if_not_found=False)
            profile = ref(PROFILE_XMLID % letter, raise_if_not_found=False)
            user = ref(USER_XMLID % letter, raise_if_not_found=False)
            if not (order and profile and user):
                _logger.info("Demo invoice requests skipped: no demo story.")
                return False
            steps.append((order, profile, user, issue))
        orders = steps[0][0] | steps[1][0]
        if self.search_count([("line_ids.order_id", "in", orders.ids)]):
            return False  # already there
        try:
            with self.env.cr.savepoint():
                for order, profile, user, issue in steps:
                    self._b2b_demo_request(order, profile, user, issue)
        except UserError as error:
            _logger.info("Demo invoice requests not created: %s", error)
            return False
        return True

    @api.model
    def _b2b_demo_request(self, order, profile, user, issue):
        lines = order.order_line.filtered("b2b_invoice_requestable_qty")
        request = (
            self.with_user(user)
            ._b2b_portal_request(
                profile.id,
                {str(line.id): str(line.b2b_invoice_requestable_qty) for line in lines},
                "Please send the invoice with the delivery of last week.",
            )
            .with_env(self.env)
        )
        if issue:
            request.action_b2b_process()
            request.action_b2b_create_invoice()
            request.invoice_ids.action_post()
            request.einvoice_number = "24312000000000000001"
            request.action_b2b_issue()
        return request
