# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL


class AccountMove(models.Model):
    _inherit = "account.move"

    # copied on reversal: the reversal of a rebate credit note is a rebate
    # document too (never counted in the basis), recorded in the ledger
    b2b_rebate_programme_id = fields.Many2one(
        "b2b.rebate.programme",
        string="Rebate Programme",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    b2b_rebate_accrual_id = fields.Many2one(
        "b2b.rebate.accrual",
        string="Rebate Accrual",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )

    # the month (its first day) of a rebate accrual entry: one per company
    # and month (unique index below); not copied to its reversal
    b2b_rebate_accrual_month = fields.Date(
        string="Rebate Accrual Month", readonly=True, copy=False
    )

    def init(self):
        res = super().init()
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS "
                "account_move_b2b_rebate_accrual_month_uniq ON account_move "
                "(company_id, b2b_rebate_accrual_month) "
                "WHERE b2b_rebate_accrual_month IS NOT NULL"
            )
        )
        return res

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        self.env["b2b.rebate.dirty"]._b2b_mark(posted)
        rebate = posted.filtered("b2b_rebate_accrual_id")
        rebate._b2b_rebate_log_posted()
        rebate._b2b_rebate_refresh()
        return posted

    def button_draft(self):
        posted = self.filtered(lambda m: m.state == "posted")
        res = super().button_draft()
        self.env["b2b.rebate.dirty"]._b2b_mark(posted)
        posted.filtered("b2b_rebate_accrual_id")._b2b_rebate_refresh()
        return res

    def button_cancel(self):
        posted = self.filtered(lambda m: m.state == "posted")
        res = super().button_cancel()
        self.env["b2b.rebate.dirty"]._b2b_mark(posted)
        rebate = self.filtered("b2b_rebate_accrual_id")
        rebate._b2b_rebate_log_cancel()
        rebate._b2b_rebate_refresh()
        return res

    def unlink(self):
        self.filtered("b2b_rebate_accrual_id")._b2b_rebate_log_cancel()
        return super().unlink()

    def _b2b_rebate_refresh(self):
        """Recompute the settled / waiting figures of the documents' accruals
        (their status changed)."""
        accruals = self.b2b_rebate_accrual_id
        if accruals:
            Accrual = self.env["b2b.rebate.accrual"]
            for fname in ("settled_amount", "pending_amount", "to_settle_amount"):
                self.env.add_to_compute(Accrual._fields[fname], accruals)

    def _b2b_rebate_signed_amount(self):
        """The document's rebate for the dealer: + credit note, - invoice."""
        self.ensure_one()
        sign = 1 if self.move_type == "out_refund" else -1
        return sign * abs(self.amount_untaxed_signed)

    def _b2b_rebate_log_posted(self):
        """A rebate document posted without a ledger line (a reversal, a
        document posted by hand) gets one, so the ledger stays the truth."""
        # sudo: the ledger is append-only and readable only; see _b2b_settle
        Ledger = self.env["b2b.rebate.ledger"].sudo()
        logged = set(Ledger.search([("move_id", "in", self.ids)]).move_id.ids)
        vals = [
            {
                "accrual_id": move.b2b_rebate_accrual_id.id,
                "kind": "cancel" if move.reversed_entry_id else "manual",
                "amount": move._b2b_rebate_signed_amount(),
                "move_id": move.id,
                "reason": self.env._("%s posted.", move.display_name),
            }
            for move in self
            if move.id not in logged
        ]
        if vals:
            Ledger.create(vals)

    def _b2b_rebate_log_cancel(self):
        """Cancelling (or deleting) a rebate document restores what it
        settled: a ledger line of the opposite amount."""
        # sudo: see _b2b_rebate_log_posted
        Ledger = self.env["b2b.rebate.ledger"].sudo()
        groups = Ledger._read_group(
            [("move_id", "in", self.ids)], ["move_id"], ["amount:sum"]
        )
        vals = [
            {
                "accrual_id": move.b2b_rebate_accrual_id.id,
                "kind": "cancel",
                "amount": -amount,
                "move_id": move.id,
                "reason": self.env._("%s cancelled.", move.display_name),
            }
            for move, amount in groups
            if not move.currency_id.is_zero(amount)
        ]
        if vals:
            Ledger.create(vals)
