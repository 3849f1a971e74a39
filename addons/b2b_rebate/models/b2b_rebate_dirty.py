# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models


class B2bRebateDirty(models.Model):
    """A dealer whose invoices of a date changed (posted, reset, cancelled):
    its accruals are recomputed by the next run of the rebate job, so that
    posting an invoice costs two small queries and no computation."""

    _name = "b2b.rebate.dirty"
    _description = "Rebate Recompute Request"
    _log_access = False

    company_id = fields.Many2one("res.company", required=True, ondelete="cascade")
    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade")
    date = fields.Date(required=True)

    @api.model
    def _b2b_mark(self, moves):
        """Queue the dealers and dates of ``moves`` (customer invoices and
        credit notes) when their company runs a programme."""
        running = self.env["b2b.rebate.programme"]._b2b_running_company_ids()
        if not running:
            return
        moves = moves.filtered(
            lambda m: m.move_type in ("out_invoice", "out_refund")
            and m.company_id.id in running
            and not m.b2b_rebate_programme_id
            and m.invoice_date
            and m.commercial_partner_id.b2b_is_dealer
        )
        if not moves:
            return
        keys = {
            (m.company_id.id, m.commercial_partner_id.id, m.invoice_date) for m in moves
        }
        # sudo: whoever posts the invoice queues the recompute; the queue is
        # no business data of theirs.
        self.sudo().create(
            [{"company_id": c, "partner_id": p, "date": d} for c, p, d in keys]
        )
        cron = self.env.ref(
            "b2b_rebate.ir_cron_b2b_rebate_dirty", raise_if_not_found=False
        )
        if cron:
            cron.sudo()._trigger()

    @api.model
    def _b2b_process(self):
        """Recompute the queued dealers: per programme and period, one
        recompute of all its queued dealers."""
        rows = self.sudo().search([])
        if not rows:
            return True
        todo = defaultdict(lambda: defaultdict(set))
        programmes = (
            self.env["b2b.rebate.programme"]
            .sudo()
            .search(
                [("state", "=", "running"), ("company_id", "in", rows.company_id.ids)]
            )
        )
        by_company = defaultdict(list)
        for programme in programmes:
            by_company[programme.company_id.id].append(programme)
        for row in rows:
            for programme in by_company[row.company_id.id]:
                period = programme._b2b_period_of(row.date)
                if period:
                    todo[programme][period].add(row.partner_id.id)
        for programme, periods in todo.items():
            for (start, end), partner_ids in periods.items():
                programme._b2b_compute_period(start, end, partner_ids)
        rows.unlink()
        return True

    @api.model
    def _b2b_cron(self):
        """Nightly: every running programme's current and previous period."""
        self._b2b_process()
        programmes = (
            self.env["b2b.rebate.programme"].sudo().search([("state", "=", "running")])
        )
        today = fields.Date.context_today(self)
        programmes._b2b_compute(day=today)
        return True
