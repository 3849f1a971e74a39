# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Late-payment fees (违约金): one line per overdue invoice and month,
computed by the daily job for every dealer at once, validated by finance and
posted as a customer debit note (an ``out_invoice`` of the fee product that
refers to the overdue invoice). Never twice for the same invoice and month."""

import calendar
from datetime import date, timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_round


def fee_periods(policy, residual, due, today, existing=None, digits=2):
    """The fees of one invoice, period (month) by period.

    :param policy: dict(fee_type, daily_rate, fixed_amount, grace_days,
        cap_amount)
    :param residual: the invoice's open amount (company currency)
    :param due: its due date; ``today``: the day computed
    :param existing: {period: amount} of the periods already validated,
        posted or waived (kept as they are, they count towards the cap)
    :return: [(period "YYYY-MM", days, amount)] of the periods to store
        (the existing ones left out)
    """
    existing = existing or {}
    start = due + timedelta(days=policy["grace_days"] + 1)
    if today < start or residual <= 0:
        return []
    cap = policy["cap_amount"] or 0.0
    periods = []
    month = date(start.year, start.month, 1)
    while month <= today:
        last = date(
            month.year, month.month, calendar.monthrange(month.year, month.month)[1]
        )
        days = (min(last, today) - max(month, start)).days + 1
        periods.append((month.strftime("%Y-%m"), days))
        month = last + timedelta(days=1)
    if policy["fee_type"] == "fixed":
        periods = periods[:1]
    result = []
    used = 0.0
    for period, days in periods:
        if period in existing:
            used += existing[period]
            continue
        if policy["fee_type"] == "fixed":
            amount = policy["fixed_amount"]
        else:
            amount = residual * policy["daily_rate"] / 100.0 * days
        amount = float_round(amount, precision_digits=digits)
        if cap:
            amount = max(min(amount, float_round(cap - used, digits)), 0.0)
        used += amount
        result.append((period, days, amount))
    return result


class B2bDunningFee(models.Model):
    _name = "b2b.dunning.fee"
    _description = "Late-Payment Fee"
    _order = "period desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    dealer_id = fields.Many2one(
        "res.partner", string="Dealer", required=True, readonly=True, index=True
    )
    move_id = fields.Many2one(
        "account.move",
        string="Overdue Invoice",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    policy_id = fields.Many2one(
        "b2b.dunning.fee.policy", readonly=True, ondelete="restrict"
    )
    period = fields.Char(required=True, readonly=True, help="YYYY-MM")
    days = fields.Integer(string="Days Charged", readonly=True)
    base_amount = fields.Monetary(
        string="Overdue Amount",
        readonly=True,
        help="Open amount of the invoice the fee was computed on.",
    )
    amount = fields.Monetary(readonly=True)
    state = fields.Selection(
        [
            ("draft", "To Validate"),
            ("validated", "Validated"),
            ("posted", "Posted"),
            ("waived", "Waived"),
        ],
        default="draft",
        required=True,
        readonly=True,
        index=True,
    )
    debit_move_id = fields.Many2one(
        "account.move",
        string="Debit Note",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    _sql_constraints = [
        (
            "move_period_unique",
            "UNIQUE(move_id, period)",
            "An invoice has one late fee per month.",
        ),
    ]

    @api.depends("move_id", "period")
    def _compute_name(self):
        for fee in self:
            fee.name = f"{fee.move_id.name} {fee.period}"

    # ------------------------------------------------------------------
    # Daily job
    # ------------------------------------------------------------------
    @api.model
    def _b2b_overdue_invoices(self, today):
        """(move id, company id, dealer id, residual, due, policy id, policy
        json) of the open invoices of dealers overdue beyond the grace of
        their company's policy for the dealer's tier (else the company's
        policy for every tier). One query for every company and dealer."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT am.id, am.company_id, dealer.id,
                       am.amount_residual_signed, am.invoice_date_due,
                       pol.id, pol.fee_type, COALESCE(pol.daily_rate, 0),
                       COALESCE(pol.fixed_amount, 0), COALESCE(pol.grace_days, 0),
                       COALESCE(pol.cap_amount, 0)
                  FROM account_move am
                  JOIN res_partner dealer ON dealer.id = am.commercial_partner_id
                  JOIN LATERAL (
                       SELECT p.* FROM b2b_dunning_fee_policy p
                        WHERE p.company_id = am.company_id
                          AND p.active
                          AND (p.tier_id = dealer.b2b_tier_id OR p.tier_id IS NULL)
                        ORDER BY p.tier_id IS NULL, p.id
                        LIMIT 1) pol ON TRUE
                 WHERE am.move_type = 'out_invoice'
                   AND am.state = 'posted'
                   AND am.payment_state IN ('not_paid', 'partial')
                   AND am.amount_residual_signed > 0
                   AND dealer.b2b_is_dealer
                   AND am.invoice_date_due + COALESCE(pol.grace_days, 0) < %(today)s
                 ORDER BY am.id
                """,
                today=today,
            )
        )
        return self.env.cr.fetchall()

    @api.model
    def _b2b_compute_fees(self, today):
        """Compute the fees of every overdue invoice up to ``today``: new
        periods are created, the draft ones updated, the validated, posted
        and waived ones kept. Three queries whatever the number of dealers
        and invoices."""
        rows = self._b2b_overdue_invoices(today)
        if not rows:
            return 0
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                SELECT move_id, period, amount FROM b2b_dunning_fee
                 WHERE move_id = ANY(%s) AND state != 'draft'
                """,
                [row[0] for row in rows],
            )
        )
        kept = {}
        for move_id, period, amount in cr.fetchall():
            kept.setdefault(move_id, {})[period] = amount
        digits = {}
        values = []
        for (
            move_id,
            company_id,
            dealer_id,
            residual,
            due,
            policy_id,
            fee_type,
            rate,
            fixed,
            grace,
            cap,
        ) in rows:
            if company_id not in digits:
                digits[company_id] = (
                    self.env["res.company"]
                    .browse(company_id)
                    .currency_id.decimal_places
                )
            policy = {
                "fee_type": fee_type,
                "daily_rate": rate,
                "fixed_amount": fixed,
                "grace_days": grace,
                "cap_amount": cap,
            }
            for period, days, amount in fee_periods(
                policy, residual, due, today, kept.get(move_id), digits[company_id]
            ):
                values.append(
                    SQL(
                        "(%s, %s, %s, %s, %s, %s, %s, %s, 'draft')",
                        company_id,
                        dealer_id,
                        move_id,
                        policy_id,
                        period,
                        days,
                        residual,
                        amount,
                    )
                )
        if not values:
            return 0
        uid = self.env.uid
        cr.execute(
            SQL(
                """
                INSERT INTO b2b_dunning_fee
                       (company_id, dealer_id, move_id, policy_id, period, days,
                        base_amount, amount, state,
                        create_uid, create_date, write_uid, write_date)
                SELECT v.*, %(uid)s, now() at time zone 'UTC',
                       %(uid)s, now() at time zone 'UTC'
                  FROM (VALUES %(values)s) AS v
                ON CONFLICT (move_id, period) DO UPDATE
                   SET days = EXCLUDED.days,
                       base_amount = EXCLUDED.base_amount,
                       amount = EXCLUDED.amount,
                       policy_id = EXCLUDED.policy_id,
                       write_uid = EXCLUDED.write_uid,
                       write_date = EXCLUDED.write_date
                 WHERE b2b_dunning_fee.state = 'draft'
                """,
                uid=uid,
                values=SQL(", ").join(values),
            )
        )
        self.env.invalidate_all()
        return len(values)

    # ------------------------------------------------------------------
    # Finance: validate, waive, post
    # ------------------------------------------------------------------
    def action_b2b_validate(self):
        self.check_access("write")
        if any(fee.state != "draft" for fee in self):
            raise UserError(self.env._("Only fees to validate can be validated."))
        self.write({"state": "validated"})
        return True

    def action_b2b_waive(self):
        self.check_access("write")
        if any(fee.state not in ("draft", "validated") for fee in self):
            raise UserError(self.env._("A posted fee cannot be waived."))
        self.write({"state": "waived"})
        return True

    def action_b2b_reset(self):
        self.check_access("write")
        if any(fee.state not in ("validated", "waived") for fee in self):
            raise UserError(
                self.env._("Only validated or waived fees go back to validation.")
            )
        self.write({"state": "draft"})
        return True

    def _b2b_lock(self):
        """Lock the fees' rows (a second posting at the same time fails
        instead of charging twice)."""
        self.env.cr.execute(
            SQL(
                "SELECT id FROM b2b_dunning_fee WHERE id = ANY(%s) FOR UPDATE NOWAIT",
                self.ids,
            )
        )
        self.invalidate_recordset(["state", "debit_move_id"])

    def action_b2b_post(self):
        """Post the validated fees: one customer debit note per overdue
        invoice (a line per month), referring to it."""
        self.check_access("write")
        self._b2b_lock()
        if any(fee.state != "validated" or fee.debit_move_id for fee in self):
            raise UserError(
                self.env._("Only validated fees not charged yet can be posted.")
            )
        moves = self.env["account.move"]
        for invoice, fees in self.grouped("move_id").items():
            move = self.env["account.move"].create(fees._b2b_debit_note_values(invoice))
            move.action_post()
            fees.write({"state": "posted", "debit_move_id": move.id})
            moves |= move
        return moves

    def _b2b_debit_note_values(self, invoice):
        lang = invoice.partner_id.lang or self.env.lang
        _ = self.with_context(lang=lang).env._
        return {
            "move_type": "out_invoice",
            "company_id": invoice.company_id.id,
            "partner_id": invoice.partner_id.id,
            "currency_id": invoice.company_id.currency_id.id,
            "invoice_date": fields.Date.context_today(self),
            "invoice_origin": invoice.name,
            "ref": _("Late payment fee on %s", invoice.name),
            "narration": _(
                "Late payment fee (debit note) on invoice %(invoice)s due on "
                "%(due)s.",
                invoice=invoice.name,
                due=invoice.invoice_date_due,
            ),
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": fee.policy_id.product_id.id
                        or self.env.ref("b2b_dunning.product_product_late_fee").id,
                        "name": _(
                            "Late payment fee on %(invoice)s, %(period)s: "
                            "%(days)s days",
                            invoice=invoice.name,
                            period=fee.period,
                            days=fee.days,
                        ),
                        "quantity": 1,
                        "price_unit": fee.amount,
                    }
                )
                for fee in self
            ],
        }

    # ------------------------------------------------------------------
    # Statement and portal
    # ------------------------------------------------------------------
    @api.model
    def _b2b_preview(self, dealers, company):
        """{dealer id: [dict(invoice, period, days, base, amount, state)]} of
        the fees to be charged (not posted nor waived), one search."""
        fees = self.sudo().search(
            [
                ("dealer_id", "in", dealers.ids),
                ("company_id", "=", company.id),
                ("state", "in", ("draft", "validated")),
                ("amount", ">", 0),
            ],
            order="dealer_id, move_id, period",
        )
        result = {dealer.id: [] for dealer in dealers}
        for fee in fees:
            result[fee.dealer_id.id].append(
                {
                    "invoice": fee.move_id.name,
                    "due_date": fee.move_id.invoice_date_due,
                    "period": fee.period,
                    "days": fee.days,
                    "base": fee.base_amount,
                    "amount": fee.amount,
                    "state": fee.state,
                }
            )
        return result
