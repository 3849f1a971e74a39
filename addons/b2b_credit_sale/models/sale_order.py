# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

#: a dealer's confirmed orders not fully invoiced, covering what the exposure
#: query reads (index-only scan)
OPEN_ORDERS_INDEX = "b2b_credit_so_open_idx"


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "b2b.credit.document.mixin"]

    b2b_credit_warning = fields.Text(
        string="Dealer Credit Warning", compute="_compute_b2b_credit_warning"
    )
    b2b_credit_exposure = fields.Float(
        string="Dealer Exposure",
        digits="Account",
        compute="_compute_b2b_credit_info",
    )
    b2b_credit_available = fields.Float(
        string="Dealer Available Credit",
        digits="Account",
        compute="_compute_b2b_credit_info",
    )
    b2b_credit_is_dealer = fields.Boolean(compute="_compute_b2b_credit_info")
    b2b_credit_exceeded = fields.Boolean(
        string="Exceeds the Dealer's Credit Limit",
        compute="_compute_b2b_credit_exceeded",
        search="_search_b2b_credit_exceeded",
        help="Quotation of a dealer whose confirmation would take the dealer's "
        "exposure above its credit limit, whatever the credit policy (e.g. a "
        "condition of an approval rule).",
    )

    def init(self):
        res = super().init()
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS %s ON %s (partner_invoice_id, company_id) "
                "INCLUDE (id, amount_total, currency_rate) "
                "WHERE state = 'sale' AND invoice_status <> 'invoiced'",
                SQL.identifier(OPEN_ORDERS_INDEX),
                SQL.identifier(self._table),
            )
        )
        return res

    @api.depends("partner_id", "partner_invoice_id", "amount_total", "state")
    @api.depends_context("lang")
    def _compute_b2b_credit_warning(self):
        for order in self:
            order.b2b_credit_warning = (
                order._b2b_credit_warning_for("order")
                if order.state in ("draft", "sent")
                else ""
            )

    @api.depends("partner_id", "partner_invoice_id", "company_id")
    def _compute_b2b_credit_info(self):
        for order in self:
            dealer = order._b2b_credit_document_partner()
            order.b2b_credit_is_dealer = dealer.b2b_is_dealer
            if not dealer.b2b_is_dealer or not dealer.id:
                order.b2b_credit_exposure = 0.0
                order.b2b_credit_available = 0.0
                continue
            info = dealer._b2b_credit_info(order.company_id)
            order.b2b_credit_exposure = info["exposure"]
            order.b2b_credit_available = info["available"]

    @api.depends("partner_id", "partner_invoice_id", "amount_total", "state")
    def _compute_b2b_credit_exceeded(self):
        reasons = self._b2b_credit_order_reasons()
        for order in self:
            order.b2b_credit_exceeded = "limit" in reasons.get(order, ())

    def _search_b2b_credit_exceeded(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the credit limit."))
        quotations = self.search(
            [
                ("state", "in", ("draft", "sent")),
                ("partner_id.commercial_partner_id.b2b_is_dealer", "=", True),
            ]
        )
        ids = quotations.filtered("b2b_credit_exceeded").ids
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    def _b2b_credit_order_reasons(self):
        """{quotation: reasons of the credit decision of its confirmation}
        (``limit``, ``overdue``, ``hold``, see ``_b2b_credit_evaluate``), for
        the saved quotations of dealers; one exposure query per dealer and
        company (quotations are not part of the exposure)."""
        batches = defaultdict(lambda: self.browse())
        for order in self:
            if not order.id or order.state not in ("draft", "sent"):
                continue
            dealer = order._b2b_credit_document_partner()
            if dealer.b2b_is_dealer:
                batches[(dealer, order.company_id)] |= order
        result = {}
        for (dealer, company), orders in batches.items():
            exposure = dealer._b2b_credit_exposure(company)
            for order in orders:
                decision = dealer._b2b_credit_evaluate(
                    "order", company, order._b2b_credit_document_amount(), exposure
                )
                result[order] = decision["reasons"]
        return result

    # ------------------------------------------------------------------
    # Credit document
    # ------------------------------------------------------------------
    def _b2b_credit_document_partner(self):
        self.ensure_one()
        return (self.partner_invoice_id or self.partner_id).commercial_partner_id

    def _b2b_credit_document_company(self):
        self.ensure_one()
        return self.company_id

    def _b2b_credit_document_amount(self):
        """A confirmed order is already in the exposure (later stages such as
        delivery add nothing); a quotation adds its total."""
        self.ensure_one()
        if self.state == "sale":
            return 0.0
        return self.company_id.currency_id.round(
            self.amount_total / (self.currency_rate or 1.0)
        )

    def _b2b_credit_document_exclude(self):
        self.ensure_one()
        return {} if self.state == "sale" else {self._name: self.ids}

    # ------------------------------------------------------------------
    # CRUD: the choke points
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        # Imported or duplicated-then-confirmed orders may be created directly
        # in the "sale" state: they are checked like a confirmation.
        orders.filtered(lambda o: o.state == "sale")._b2b_credit_enforce("order")
        orders.filtered(lambda o: o.state in ("draft", "sent"))._b2b_credit_enforce(
            "quotation"
        )
        return orders

    def write(self, vals):
        # Every confirmation (button, from "sent", portal, RPC, automated
        # actions, imports) ends with writing state = "sale": check there, on
        # the orders that are not confirmed yet.
        state = vals.get("state")
        if state == "sale":
            self.filtered(lambda o: o.state in ("draft", "sent"))._b2b_credit_enforce(
                "order"
            )
        elif state == "sent":
            self.filtered(lambda o: o.state == "draft")._b2b_credit_enforce("quotation")
        return super().write(vals)
