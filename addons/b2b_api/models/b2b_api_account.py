# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Integrator API: the dealer's account (credit, addresses, open invoices)."""

from odoo import api, fields, models

from .b2b_api import MAX_RESULTS, ApiError, _api_date, _is_int


# The model is split over files by concern, as Odoo core splits its large
# models (one class per concern, same _inherit).
class B2bApi(models.AbstractModel):
    _inherit = "b2b.api"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # dealer_credit, dealer_addresses
    # ------------------------------------------------------------------
    @api.model
    def _b2b_api_credit(self, payload):
        errors = self._b2b_api_check_fields(payload, {"dealer"})
        dealer = self._b2b_api_dealer(payload)
        if errors:
            raise ApiError(errors)
        company = self._b2b_api_company(dealer)
        # sudo: the credit of the dealer checked against the caller's links.
        info_dealer = dealer.sudo().with_company(company)
        info = info_dealer._b2b_credit_info(company)
        return {
            "ok": True,
            "dealer_id": dealer.id,
            "can_order": info_dealer.b2b_can_order,
            "currency": company.currency_id.name,
            "limit": info["limit"],
            "unlimited": info["unlimited"],
            "exposure": info["exposure"],
            "available": info["available"],
            "overdue": info["overdue"],
            "on_hold": info["on_hold"],
            "hold_reason": info["hold_reason"] or None,
            "components": {
                key: value["amount"] for key, value in info["components"].items()
            },
        }

    @api.model
    def _b2b_api_addresses(self, payload):
        errors = self._b2b_api_check_fields(payload, {"dealer"})
        dealer = self._b2b_api_dealer(payload)
        if errors:
            raise ApiError(errors)
        company = self._b2b_api_company(dealer)
        # sudo: contacts of the dealer checked against the caller's links,
        # the ones an order of the dealer's company may ship to.
        partners = (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("id", "child_of", dealer.id),
                    ("type", "in", ("delivery", "contact")),
                    ("company_id", "in", (company.id, False)),
                ]
            )
        )
        return {
            "ok": True,
            "dealer_id": dealer.id,
            "addresses": [
                {
                    "id": partner.id,
                    "name": partner.name or partner.display_name,
                    "type": partner.type,
                    "street": partner.street or None,
                    "city": partner.city or None,
                    "zip": partner.zip or None,
                    "country": partner.country_id.code or None,
                }
                for partner in partners
            ],
        }

    # ------------------------------------------------------------------
    # open_invoices
    # ------------------------------------------------------------------
    @api.model
    def _b2b_api_invoice_values(self, move):
        return {
            "id": move.id,
            "name": move.name,
            "type": move.move_type,
            "invoice_date": _api_date(move.invoice_date),
            "due_date": _api_date(move.invoice_date_due),
            "currency": move.currency_id.name,
            "amount_total": move.amount_total,
            "amount_due": move.amount_residual,
            "payment_state": move.payment_state,
            "origin": move.invoice_origin or None,
        }

    @api.model
    def _b2b_api_open_invoices(self, payload):
        errors = self._b2b_api_check_fields(payload, {"dealer", "limit"})
        dealer = self._b2b_api_dealer(payload)
        limit = payload.get("limit", MAX_RESULTS)
        if not _is_int(limit) or not 0 < limit <= MAX_RESULTS:
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._("limit must be an integer from 1 to %s.", MAX_RESULTS),
                    field="limit",
                )
            )
        if errors:
            raise ApiError(errors)
        company = self._b2b_api_company(dealer)
        # sudo: the invoices of the checked dealer only.
        moves = (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("commercial_partner_id", "=", dealer.id),
                    ("company_id", "=", company.id),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("not_paid", "partial")),
                ],
                order="invoice_date_due, id",
                limit=limit,
            )
        )
        today = fields.Date.context_today(self)
        invoices = []
        for move in moves:
            values = self._b2b_api_invoice_values(move)
            values["overdue"] = bool(
                move.invoice_date_due and move.invoice_date_due < today
            )
            invoices.append(values)
        return {
            "ok": True,
            "dealer_id": dealer.id,
            "currency": company.currency_id.name,
            "amount_due": company.currency_id.round(
                sum(move.amount_residual_signed for move in moves)
            ),
            "invoices": invoices,
        }
