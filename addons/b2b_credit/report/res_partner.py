# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The dealer's statement of account:
movements of a period with running balance and ageing, shared by the PDF
report (res_partner_statement.py), the backend wizard and the portal."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


# The model is split over files by concern, as Odoo core splits its large
# models (one class per concern, same _inherit).
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # Statement of account
    # ------------------------------------------------------------------
    @api.model
    def _b2b_credit_statement_default_period(self):
        """(date_from, date_to) of a statement asked for without dates, on
        every surface (backend wizard, report, portal): the previous month,
        the one a dealer reconciles, and the current one so far."""
        today = fields.Date.context_today(self)
        return today.replace(day=1) - relativedelta(months=1), today

    @api.model
    def _b2b_credit_ageing_buckets(self):
        """(key, label, min days overdue, max days overdue or None)."""
        return [
            ("current", self.env._("Not due"), None, 0),
            ("1_30", self.env._("1-30 days"), 1, 30),
            ("31_60", self.env._("31-60 days"), 31, 60),
            ("61_90", self.env._("61-90 days"), 61, 90),
            ("over_90", self.env._("Over 90 days"), 91, None),
        ]

    def _b2b_credit_statement(self, date_from, date_to, company=None):
        """Statement of account of the dealer between two dates (included).

        Used by the PDF report and, as plain data, by the portal. Three
        queries whatever the number of entries: opening balance, movements,
        ageing.

        :return: dict(dealer, company, currency, date_from, date_to,
            opening_balance, lines=[dict(date, name, ref, kind, due_date,
            debit, credit, balance)], total_debit, total_credit,
            closing_balance, ageing=[dict(key, label, amount)])
        """
        self.ensure_one()
        company = company or self.env.company
        dealer = self.commercial_partner_id
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        if date_from > date_to:
            raise UserError(self.env._("The start date must be before the end date."))
        self.env.flush_all()
        receivable = SQL(
            """
            FROM account_move_line aml
            JOIN account_account acc ON acc.id = aml.account_id
            JOIN res_partner rp ON rp.id = aml.partner_id
            JOIN account_move am ON am.id = aml.move_id
           WHERE rp.commercial_partner_id = %(dealer)s
             AND aml.company_id = %(company)s
             AND aml.parent_state = 'posted'
             AND acc.account_type = 'asset_receivable'
            """,
            dealer=dealer.id,
            company=company.id,
        )
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT COALESCE(SUM(aml.balance), 0) %s AND aml.date < %s",
                receivable,
                date_from,
            )
        )
        opening = cr.fetchone()[0]
        cr.execute(
            SQL(
                """
                SELECT aml.date, am.name, COALESCE(am.ref, aml.name, ''),
                       am.move_type, am.origin_payment_id IS NOT NULL
                           OR am.statement_line_id IS NOT NULL,
                       aml.date_maturity, aml.debit, aml.credit
                %s AND aml.date BETWEEN %s AND %s
                ORDER BY aml.date, am.name, aml.id
                """,
                receivable,
                date_from,
                date_to,
            )
        )
        # fetch now: reading a field below may run a query on the same cursor
        rows = cr.fetchall()
        kinds = {
            "out_invoice": "invoice",
            "out_refund": "credit_note",
            "out_receipt": "invoice",
        }
        currency = company.currency_id
        balance = opening
        lines = []
        for date, name, ref, move_type, is_payment, due, debit, credit in rows:
            balance += debit - credit
            lines.append(
                {
                    "date": date,
                    "name": name,
                    "ref": ref,
                    "kind": "payment" if is_payment else kinds.get(move_type, "other"),
                    "due_date": due,
                    "debit": currency.round(debit),
                    "credit": currency.round(credit),
                    "balance": currency.round(balance),
                }
            )
        buckets = self._b2b_credit_ageing_buckets()
        cases = []
        for key, _label, low, high in buckets:
            conditions = []
            if low is not None:
                conditions.append(
                    SQL(
                        "%s - COALESCE(aml.date_maturity, aml.date) >= %s", date_to, low
                    )
                )
            if high is not None:
                conditions.append(
                    SQL(
                        "%s - COALESCE(aml.date_maturity, aml.date) <= %s",
                        date_to,
                        high,
                    )
                )
            cases.append(
                SQL(
                    "COALESCE(SUM(aml.amount_residual) FILTER (WHERE %s), 0) AS %s",
                    SQL(" AND ").join(conditions),
                    SQL.identifier(f"age_{key}"),
                )
            )
        cr.execute(
            SQL(
                "SELECT %s %s AND aml.reconciled IS NOT TRUE AND aml.date <= %s",
                SQL(", ").join(cases),
                receivable,
                date_to,
            )
        )
        ages = cr.fetchone()
        return {
            "dealer_id": dealer.id,
            "dealer_name": dealer.display_name,
            "company_id": company.id,
            "company_name": company.name,
            "currency_id": currency.id,
            "date_from": date_from,
            "date_to": date_to,
            "opening_balance": currency.round(opening),
            "lines": lines,
            "total_debit": currency.round(sum(line["debit"] for line in lines)),
            "total_credit": currency.round(sum(line["credit"] for line in lines)),
            "closing_balance": currency.round(balance),
            "ageing": [
                {"key": key, "label": label, "amount": currency.round(amount)}
                for (key, label, _low, _high), amount in zip(buckets, ages, strict=True)
            ],
        }

    def action_b2b_credit_statement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner.credit.statement",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }
