# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


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
