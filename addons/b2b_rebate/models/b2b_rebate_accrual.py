# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.tools import SQL, format_date


class B2bRebateAccrual(models.Model):
    """The rebate of one dealer in one period of a programme.

    Kept by the rebate job (``b2b.rebate.programme._b2b_compute_period``):
    volume, current and next step, accrued rebate; what was settled comes
    from the ledger.
    """

    _name = "b2b.rebate.accrual"
    _description = "Rebate Accrual"
    _order = "period_start desc, programme_id, partner_id"
    _rec_names_search = ["programme_id", "partner_id"]

    programme_id = fields.Many2one(
        "b2b.rebate.programme",
        string="Programme",
        required=True,
        ondelete="restrict",
        index=True,
    )
    # the programme's company and its currency, written at creation (not
    # related fields: computing them would read the new rows back)
    company_id = fields.Many2one("res.company", required=True, index=True)
    currency_id = fields.Many2one("res.currency", required=True)
    partner_id = fields.Many2one(
        "res.partner", string="Dealer", required=True, ondelete="restrict", index=True
    )
    user_id = fields.Many2one(related="partner_id.user_id", string="Salesperson")
    period_start = fields.Date(required=True, index=True)
    period_end = fields.Date(required=True)
    period_label = fields.Char(
        string="Period", compute="_compute_period_label", store=True
    )
    amount = fields.Monetary(
        string="Volume",
        help="Net untaxed amount of the counted invoices minus credit notes, "
        "in the company's currency.",
    )
    quantity = fields.Float(string="Net Quantity", digits="Product Unit of Measure")
    basis_value = fields.Float(
        string="Measured Volume",
        compute="_compute_rebate",
        store=True,
        digits="Account",
        aggregator=None,
        help="What the steps measure: the volume or the net quantity.",
    )
    step_id = fields.Many2one(
        "b2b.rebate.step", string="Current Step", compute="_compute_rebate", store=True
    )
    rate = fields.Float(
        string="Rate (%)",
        compute="_compute_rebate",
        store=True,
        digits=(16, 2),
        aggregator=None,
    )
    next_threshold = fields.Float(
        string="Next Step From",
        compute="_compute_rebate",
        store=True,
        digits="Account",
        aggregator=None,
    )
    next_rate = fields.Float(
        string="Next Rate (%)",
        compute="_compute_rebate",
        store=True,
        digits=(16, 2),
        aggregator=None,
    )
    missing = fields.Float(
        string="Missing to Next Step",
        compute="_compute_rebate",
        store=True,
        digits="Account",
        aggregator=None,
    )
    accrued_amount = fields.Monetary(
        string="Accrued", compute="_compute_rebate", store=True
    )
    ledger_ids = fields.One2many("b2b.rebate.ledger", "accrual_id", string="Ledger")
    settlement_line_ids = fields.One2many(
        "b2b.rebate.settlement.line", "accrual_id", string="Settlement Lines"
    )
    settled_amount = fields.Monetary(
        string="Settled", compute="_compute_settled", store=True
    )
    pending_amount = fields.Monetary(
        string="Waiting",
        compute="_compute_settled",
        store=True,
        help="Rebate documents created but not posted yet and settlements "
        "waiting (e.g. for approval).",
    )
    to_settle_amount = fields.Monetary(
        string="To Settle", compute="_compute_settled", store=True
    )

    _sql_constraints = [
        (
            "period_unique",
            "UNIQUE(programme_id, partner_id, period_start)",
            "A dealer has one accrual per programme and period.",
        )
    ]

    @api.depends("period_start", "period_end", "programme_id.period_type")
    def _compute_period_label(self):
        for accrual in self:
            start, end = accrual.period_start, accrual.period_end
            kind = accrual.programme_id.period_type
            if not start or not end:
                accrual.period_label = False
            elif kind == "month":
                accrual.period_label = f"{start:%Y-%m}"
            elif kind == "quarter":
                accrual.period_label = f"{start.year}-Q{(start.month - 1) // 3 + 1}"
            elif kind == "year":
                accrual.period_label = f"{start.year}"
            else:
                accrual.period_label = f"{start} – {end}"

    @api.depends(
        "amount",
        "quantity",
        "programme_id.basis",
        "programme_id.method",
        "programme_id.step_ids.threshold",
        "programme_id.step_ids.rate",
        "programme_id.step_ids.fixed_amount",
    )
    def _compute_rebate(self):
        for accrual in self:
            accrual.update(
                accrual.programme_id._b2b_accrual_values(
                    accrual.amount, accrual.quantity
                )
            )

    # the document's status is no dependency (it would cost a query on the
    # ledger at each posting of any invoice): account.move asks for the
    # recomputation when a rebate document changes status
    @api.depends(
        "accrued_amount",
        "ledger_ids.amount",
        "settlement_line_ids.amount",
        "settlement_line_ids.state",
    )
    def _compute_settled(self):
        for accrual in self:
            # documents made but not posted (e.g. a credit note waiting)
            drafts = sum(
                line.amount
                for line in accrual.ledger_ids
                if line.move_id.state == "draft"
            )
            # settlements waiting (e.g. for their approval)
            waiting = sum(
                line.amount
                for line in accrual.settlement_line_ids
                if line.state in ("draft", "to_approve")
            )
            settled = sum(accrual.ledger_ids.mapped("amount")) - drafts
            accrual.pending_amount = drafts + waiting
            accrual.settled_amount = settled
            accrual.to_settle_amount = accrual.programme_id.currency_id.round(
                accrual.accrued_amount - settled - drafts - waiting
            )

    @api.depends("programme_id", "partner_id", "period_label")
    def _compute_display_name(self):
        for accrual in self:
            accrual.display_name = " / ".join(
                filter(
                    None,
                    [
                        accrual.programme_id.name,
                        accrual.partner_id.name,
                        accrual.period_label,
                    ],
                )
            )

    @api.model
    def _b2b_write_figures(self, programme, updates, end):
        """Write the new figures of existing accruals in one UPDATE, whatever
        the number of dealers (the ORM would issue one UPDATE per set of
        changed columns). ``updates``: ``(accrual, amount, quantity)`` of
        ``programme``'s accruals."""
        rows = []
        for accrual, amount, quantity in updates:
            values = programme._b2b_accrual_values(amount, quantity)
            to_settle = programme.currency_id.round(
                values["accrued_amount"]
                - accrual.settled_amount
                - accrual.pending_amount
            )
            rows.append(
                SQL(
                    "(%s, %s::numeric, %s::numeric, %s::date, %s::numeric, "
                    "%s::int4, %s::numeric, %s::numeric, %s::numeric, "
                    "%s::numeric, %s::numeric, %s::numeric)",
                    accrual.id,
                    amount,
                    quantity,
                    end,
                    values["basis_value"],
                    values["step_id"],
                    values["rate"],
                    values["next_threshold"],
                    values["next_rate"],
                    values["missing"],
                    values["accrued_amount"],
                    to_settle,
                )
            )
        columns = [
            "amount",
            "quantity",
            "period_end",
            "basis_value",
            "step_id",
            "rate",
            "next_threshold",
            "next_rate",
            "missing",
            "accrued_amount",
            "to_settle_amount",
        ]
        # pending ORM writes of the accruals first: they would overwrite this
        self.env["b2b.rebate.accrual"].flush_model()
        self.env.cr.execute(
            SQL(
                "UPDATE b2b_rebate_accrual AS a SET %s, write_date = %s, "
                "write_uid = %s FROM (VALUES %s) AS v(id, %s) WHERE a.id = v.id",
                SQL(", ").join(
                    SQL("%s = v.%s", SQL.identifier(c), SQL.identifier(c))
                    for c in columns
                ),
                self.env.cr.now(),
                self.env.uid,
                SQL(", ").join(rows),
                SQL(", ").join(SQL.identifier(c) for c in columns),
            )
        )
        accruals = self.env["b2b.rebate.accrual"].browse(a.id for a, _a, _q in updates)
        accruals.invalidate_recordset([*columns, "write_date", "write_uid"])

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_b2b_settle(self):
        """Settle the selected accruals now (on demand, also in a running period)."""
        self.programme_id._b2b_check_configure_access()
        self.check_access("read")
        moves = self._b2b_settle()
        return self._b2b_action_moves(moves)

    def action_b2b_view_lines(self):
        """The invoice lines behind the accrual's volume."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_account_moves_all"
        )
        action.update(
            {
                "name": self.env._("Invoice lines of %s", self.display_name),
                "domain": self.programme_id._b2b_line_domain(
                    self.period_start, self.period_end, [self.partner_id.id]
                ),
                "context": {"search_default_group_by_move": 1, "create": False},
            }
        )
        return action

    def action_b2b_view_moves(self):
        self.ensure_one()
        return self._b2b_action_moves(
            self.ledger_ids.move_id | self._b2b_rebate_moves()
        )

    def _b2b_rebate_moves(self):
        return self.env["account.move"].search(
            [("b2b_rebate_accrual_id", "in", self.ids)]
        )

    def _b2b_action_moves(self, moves):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_refund_type"
        )
        action.update(
            {
                "name": self.env._("Rebate documents"),
                "domain": [("id", "in", moves.ids)],
                "context": {"create": False},
            }
        )
        return action

    # ------------------------------------------------------------------
    # Settlement
    # ------------------------------------------------------------------
    def _b2b_lock(self):
        """Lock the accruals' rows for the rest of the transaction: a second
        settlement of the same accruals waits, then (Odoo's REPEATABLE READ)
        fails with a serialization error and is retried on fresh data, where
        the ledger already holds the first one's documents."""
        if self.ids:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM b2b_rebate_accrual WHERE id IN %s FOR UPDATE",
                    tuple(self.ids),
                )
            )

    def _b2b_settle(self, reason=None):
        """Settle what each accrual still owes, through settlement documents
        (``b2b.rebate.settlement``, one per programme and period): a customer
        credit note or a credit of the rebate balance for a positive
        difference (first settlement or true-up), a claw-back for a negative
        one, each with its ledger line. A settlement waiting for approval
        counts as *Waiting*: re-running creates nothing. Returns the
        documents (credit notes, invoices) created."""
        Move = self.env["account.move"]
        if not self:
            return Move
        self._b2b_lock()
        self.flush_recordset()
        # fresh figures first (late invoices and credit notes of the period)
        by_period = defaultdict(lambda: self.browse())
        for accrual in self:
            key = (accrual.programme_id, accrual.period_start, accrual.period_end)
            by_period[key] |= accrual
        for (programme, start, end), accruals in by_period.items():
            programme._b2b_compute_period(start, end, accruals.partner_id.ids)
        self.env.flush_all()
        self.invalidate_recordset()
        todo = self.filtered(lambda a: not a.currency_id.is_zero(a.to_settle_amount))
        if not todo:
            return Move
        Settlement = self.env["b2b.rebate.settlement"]
        settlements = Settlement._b2b_create_for(todo, reason)
        return settlements._b2b_submit()

    def _b2b_settle_line(self, delta, reason=None, settlement=None):
        """Pay ``delta`` of the accrual (the approved line of a settlement):
        ``(move values or None, ledger values or None)``; a rebate balance is
        credited (or debited) at once, with its own ledger line."""
        self.ensure_one()
        if delta < 0:
            kind = "claw_back"
        elif self.ledger_ids:
            kind = "true_up"
        else:
            kind = "settlement"
        why = reason or self._b2b_settle_reason(kind)
        extra = {"settlement_id": settlement.id} if settlement else {}
        if self.programme_id.settlement_mode == "balance":
            # what the balance cannot give back is clawed back by invoice
            delta = self._b2b_settle_balance(delta, kind, why, **extra)
            if self.currency_id.is_zero(delta):
                return None, None
        ledger = {
            "accrual_id": self.id,
            "kind": kind,
            "amount": delta,
            "reason": why,
            **extra,
        }
        return self._b2b_prepare_move(delta, kind), ledger

    def _b2b_settle_balance(self, delta, kind, reason, **ledger_vals):
        """Settle ``delta`` on the dealer's rebate balance: credit it, or
        take a claw-back back from it as far as it holds. Returns what is
        left to claw back by a customer invoice (0 or negative)."""
        self.ensure_one()
        balance = self.env["b2b.rebate.balance"]._b2b_get(
            self.partner_id, self.company_id
        )
        amount = delta
        if delta < 0:
            held = balance._b2b_lock()
            amount = -min(held, -delta)
        if not self.currency_id.is_zero(amount):
            balance._b2b_move(amount, kind, reason, accrual_id=self.id, **ledger_vals)
        return self.currency_id.round(delta - amount)

    def _b2b_settle_reason(self, kind):
        self.ensure_one()
        labels = dict(
            self.env["b2b.rebate.ledger"]
            ._fields["kind"]
            ._description_selection(self.env)
        )
        return self.env._(
            "%(kind)s of %(accrual)s: volume %(volume)s, rate %(rate)s %%, "
            "accrued %(accrued)s",
            kind=labels[kind],
            accrual=self.display_name,
            volume=self.basis_value,
            rate=self.rate,
            accrued=self.accrued_amount,
        )

    def _b2b_prepare_move(self, delta, kind):
        """The values of the rebate document of ``delta`` (positive: credit
        note, negative: claw-back invoice), in the company's currency."""
        self.ensure_one()
        programme = self.programme_id
        journal = programme.journal_id or self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(
                    programme.company_id
                ),
                ("type", "=", "sale"),
            ],
            limit=1,
        )
        line = {
            "name": self.env._(
                "Rebate %(programme)s, %(period)s (%(start)s – %(end)s)",
                programme=programme.name,
                period=self.period_label,
                start=format_date(self.env, self.period_start),
                end=format_date(self.env, self.period_end),
            ),
            "quantity": 1.0,
            "price_unit": abs(delta),
            "tax_ids": [Command.clear()],
        }
        if programme.account_id:
            line["account_id"] = programme.account_id.id
        return {
            "move_type": "out_refund" if delta > 0 else "out_invoice",
            "partner_id": self.partner_id.id,
            "company_id": programme.company_id.id,
            "journal_id": journal.id,
            "currency_id": programme.currency_id.id,
            "invoice_date": fields.Date.context_today(self),
            "ref": f"{programme.name} {self.period_label}",
            "b2b_rebate_programme_id": programme.id,
            "b2b_rebate_accrual_id": self.id,
            "invoice_line_ids": [Command.create(line)],
        }
