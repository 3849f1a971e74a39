# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import SQL

INVOICE_TYPES = ("out_invoice", "out_refund")
#: payment states of payment.received: money came in (or is on its way)
PAID_STATES = ("partial", "in_payment", "paid")


class AccountMove(models.Model):
    _inherit = "account.move"

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        self.env["b2b.api.webhook"]._b2b_webhook_emit_documents(
            "invoice.posted",
            posted.filtered(lambda m: m.move_type in INVOICE_TYPES),
            "commercial_partner_id",
        )
        return posted

    def _b2b_webhook_watched_invoices(self):
        """Posted customer invoices / credit notes of watched dealers."""
        Webhook = self.env["b2b.api.webhook"]
        if not Webhook._b2b_webhook_index():
            return self.browse()
        return self.filtered(
            lambda m: isinstance(m.id, int)
            and m.move_type in INVOICE_TYPES
            and m.state == "posted"
            and Webhook._b2b_webhook_watched(
                m.company_id.id, m.commercial_partner_id.id
            )
        )

    def _compute_payment_state(self):
        """payment.received: the payment state of a posted customer invoice
        becomes partial, in payment or paid (whatever paid it: a registered
        payment, a bank reconciliation, a credit note)."""
        watched = self._b2b_webhook_watched_invoices()
        before = {}
        if watched:
            # the stored value, not yet overwritten by this computation
            self.env.cr.execute(
                SQL(
                    "SELECT id, payment_state FROM account_move WHERE id IN %s",
                    tuple(watched.ids),
                )
            )
            before = dict(self.env.cr.fetchall())
            # computed again before the first result is flushed: compare
            # with what this transaction announced already
            announced = self.env.cr.precommit.data.setdefault(
                "b2b_webhook_payment_state", {}
            )
            before.update((i, s) for i, s in announced.items() if i in before)
        res = super()._compute_payment_state()
        if watched:
            paid = watched.filtered(
                lambda m: m.payment_state in PAID_STATES
                and m.payment_state != before.get(m.id)
            )
            announced.update((m.id, m.payment_state) for m in paid)
            self.env["b2b.api.webhook"]._b2b_webhook_emit_documents(
                "payment.received", paid, "commercial_partner_id"
            )
        return res
