# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Online payment of a blocked order's shortfall (or total) through Odoo's
payment providers: the order goes on once the transaction's payment is
posted (the payment lowers the dealer's exposure)."""

from odoo import fields, models


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    b2b_credit_release = fields.Boolean(
        string="Pays a Blocked Order",
        readonly=True,
        copy=False,
        help="Paid by a dealer for an order refused for its credit: the "
        "order is submitted again once the payment is posted, instead of "
        "being confirmed by the amount paid.",
    )

    def _check_amount_and_confirm_order(self):
        """Sale confirms a quotation paid in full before the payment is
        posted, i.e. before the dealer's exposure counts it (the credit
        check would refuse it and fail the post-processing): a transaction
        paying a blocked order releases it in :meth:`_post_process`."""
        return super(
            PaymentTransaction, self.filtered(lambda tx: not tx.b2b_credit_release)
        )._check_amount_and_confirm_order()

    def _post_process(self):
        res = super()._post_process()
        for tx in self.filtered(
            lambda tx: tx.b2b_credit_release
            and tx.state == "done"
            and tx.payment_id.state in ("in_process", "paid")
        ):
            # the payer (the portal user who created the transaction)
            tx.sale_order_ids._b2b_credit_release(payer=tx.create_uid)
        return res
