# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

#: states in which a settlement still waits (its lines count as "Waiting")
OPEN_STATES = ("draft", "to_approve")


class B2bRebateSettlement(models.Model):
    """One settlement run of a programme's period: a line per dealer with
    the amount it pays (positive) or claws back (negative).

    Created by ``b2b.rebate.accrual._b2b_settle``; done at once, or after
    approval when ``b2b_approval_rebate`` and a rule on settlements apply.
    Done, it has created the credit notes / invoices or balance credits of
    its lines, each with its ledger line.
    """

    _name = "b2b.rebate.settlement"
    _description = "Rebate Settlement"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    programme_id = fields.Many2one(
        "b2b.rebate.programme",
        string="Programme",
        required=True,
        readonly=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    settlement_mode = fields.Selection(
        related="programme_id.settlement_mode", string="Settle As"
    )
    period_start = fields.Date(required=True, readonly=True)
    period_end = fields.Date(required=True, readonly=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requested By",
        default=lambda self: self.env.user,
        readonly=True,
    )
    reason = fields.Text(readonly=True)
    line_ids = fields.One2many(
        "b2b.rebate.settlement.line", "settlement_id", string="Lines", readonly=True
    )
    line_count = fields.Integer(compute="_compute_amounts", store=True)
    amount_total = fields.Monetary(
        string="Amount",
        compute="_compute_amounts",
        store=True,
        help="What the settlement pays the dealers, net of claw-backs.",
    )
    amount_paid = fields.Monetary(
        string="Paid",
        compute="_compute_amounts",
        store=True,
        help="The positive lines only (first settlements and true-ups).",
    )
    ledger_ids = fields.One2many("b2b.rebate.ledger", "settlement_id")
    move_count = fields.Integer(compute="_compute_move_count")

    @api.depends("programme_id.name", "period_start", "period_end")
    def _compute_name(self):
        for settlement in self:
            settlement.name = " ".join(
                str(part or "")
                for part in (
                    settlement.programme_id.name,
                    settlement.period_start,
                    "–",
                    settlement.period_end,
                )
            )

    @api.depends("line_ids.amount")
    def _compute_amounts(self):
        for settlement in self:
            amounts = settlement.line_ids.mapped("amount")
            settlement.line_count = len(amounts)
            settlement.amount_total = sum(amounts)
            settlement.amount_paid = sum(a for a in amounts if a > 0)

    def _compute_move_count(self):
        for settlement in self:
            settlement.move_count = len(settlement.ledger_ids.move_id)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_b2b_done(self):
        """Settle now (an accountant; after the approval when one is needed)."""
        self.programme_id._b2b_check_configure_access()
        moves = self._b2b_do()
        return self.env["b2b.rebate.accrual"]._b2b_action_moves(moves)

    def action_b2b_cancel(self):
        """Drop a settlement that waits: its dealers' rebates are to settle
        again (a done settlement is undone by cancelling its credit notes)."""
        self.programme_id._b2b_check_configure_access()
        if any(settlement.state not in OPEN_STATES for settlement in self):
            raise UserError(
                self.env._(
                    "Only a settlement that waits can be cancelled; cancel the "
                    "credit notes of a done settlement instead."
                )
            )
        self.write({"state": "cancel"})
        return True

    def action_b2b_view_moves(self):
        self.ensure_one()
        return self.env["b2b.rebate.accrual"]._b2b_action_moves(self.ledger_ids.move_id)

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _b2b_create_for(self, accruals, reason=None):
        """One draft settlement per programme and period of ``accruals``,
        a line per accrual of what it still owes (``to_settle_amount``)."""
        by_period = defaultdict(list)
        for accrual in accruals:
            key = (accrual.programme_id, accrual.period_start, accrual.period_end)
            by_period[key].append(accrual)
        # sudo: a settlement is created by the settlement code only (the
        # caller's right to settle was checked on the programme)
        return (
            self.sudo()
            .create(
                [
                    {
                        "programme_id": programme.id,
                        "company_id": programme.company_id.id,
                        "period_start": start,
                        "period_end": end,
                        "reason": reason,
                        "line_ids": [
                            fields.Command.create(
                                {"accrual_id": a.id, "amount": a.to_settle_amount}
                            )
                            for a in items
                        ],
                    }
                    for (programme, start, end), items in by_period.items()
                ]
            )
            .sudo(self.env.su)
        )

    def _b2b_submit(self):
        """Hook: settle the new settlements (``b2b_approval_rebate`` keeps
        those needing approval waiting). Returns the documents created."""
        return self._b2b_do()

    def _b2b_lock(self):
        """Lock the settlements' rows: two approvals or clicks at once settle
        once (the second waits, then is retried and finds it done)."""
        if self.ids:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM b2b_rebate_settlement WHERE id IN %s FOR UPDATE",
                    tuple(self.ids),
                )
            )
        self.invalidate_recordset(["state"])

    def _b2b_do(self):
        """Create what the lines pay: credit notes / claw-back invoices or
        balance movements, with their ledger lines. Settlements not waiting
        any more (done, cancelled) are skipped. Returns the documents."""
        Move = self.env["account.move"]
        self._b2b_lock()
        todo = self.filtered(lambda s: s.state in OPEN_STATES)
        if not todo:
            return Move
        todo.line_ids.accrual_id._b2b_lock()
        move_vals, ledger_vals = [], []
        for settlement in todo:
            for line in settlement.line_ids:
                if line.currency_id.is_zero(line.amount):
                    continue
                vals, ledger = line.accrual_id._b2b_settle_line(
                    line.amount, settlement.reason, settlement
                )
                if vals:
                    move_vals.append(vals)
                    ledger_vals.append(ledger)
        # sudo: the state is written by the settlement code only
        todo.sudo().write({"state": "done"})
        if not move_vals:
            return Move
        moves = Move.create(move_vals)
        for vals, move in zip(ledger_vals, moves, strict=True):
            vals["move_id"] = move.id
        # sudo: the ledger is append-only and written by the settlement only
        # (no user has create access on it); one line per document created.
        self.env["b2b.rebate.ledger"].sudo().create(ledger_vals)
        # an approval rule on credit notes (b2b_approval_account) may keep
        # some of them in draft: they stay "waiting" until approved
        moves.action_post()
        return moves


class B2bRebateSettlementLine(models.Model):
    _name = "b2b.rebate.settlement.line"
    _description = "Rebate Settlement Line"
    _order = "settlement_id, id"

    settlement_id = fields.Many2one(
        "b2b.rebate.settlement", required=True, ondelete="cascade", index=True
    )
    accrual_id = fields.Many2one(
        "b2b.rebate.accrual", required=True, ondelete="restrict", index=True
    )
    partner_id = fields.Many2one(
        related="accrual_id.partner_id", string="Dealer", store=True
    )
    company_id = fields.Many2one(related="settlement_id.company_id", store=True)
    currency_id = fields.Many2one(related="settlement_id.currency_id")
    state = fields.Selection(related="settlement_id.state", store=True)
    accrued_amount = fields.Monetary(related="accrual_id.accrued_amount")
    amount = fields.Monetary(
        required=True,
        help="Paid to the dealer (positive) or clawed back (negative).",
    )
