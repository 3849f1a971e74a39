# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Integrator API: orders (submit, status, cancel)."""

import datetime
import hashlib
import json

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.b2b_credit.exceptions import is_credit_blocked

from .b2b_api import (
    MAX_ID,
    MAX_KEY_LENGTH,
    MAX_TEXT_LENGTH,
    SUBMIT_FIELDS,
    ApiError,
    _absent,
    _api_date,
    _api_datetime,
    _is_int,
)


# The model is split over files by concern, as Odoo core splits its large
# models (one class per concern, same _inherit).
class B2bApi(models.AbstractModel):
    _inherit = "b2b.api"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # The order of a call
    # ------------------------------------------------------------------
    @api.model
    def _b2b_api_order(self, payload, dealer):
        """The order named by ``order_id`` (or ``client_reference``) of the
        dealer; NOT_FOUND for any order of another dealer."""
        errors = self._b2b_api_check_fields(
            payload, {"dealer", "order_id", "client_reference"}
        )
        order_id = payload.get("order_id")
        reference = payload.get("client_reference")
        # sudo: searched among the orders of the dealer checked by the caller.
        Order = self.env["sale.order"].sudo()
        domain = [
            ("partner_id", "child_of", dealer.id),
            ("company_id", "in", self.env.companies.ids),
        ]
        if order_id is not None:
            if not _is_int(order_id):
                errors.append(
                    self._b2b_api_error(
                        "INVALID_TYPE",
                        self.env._("order_id must be an integer."),
                        field="order_id",
                    )
                )
            # an id out of the database's range names no order (NOT_FOUND)
            valid = _is_int(order_id) and 0 < order_id <= MAX_ID
            domain.append(("id", "=", order_id if valid else 0))
        elif isinstance(reference, str) and reference.strip():
            domain.append(("client_order_ref", "=", reference.strip()))
        else:
            errors.append(
                self._b2b_api_error(
                    "MISSING_FIELD",
                    self.env._("Give order_id or client_reference."),
                    field="order_id",
                )
            )
        if errors:
            raise ApiError(errors)
        order = Order.search(domain, limit=1, order="id desc")
        if not order or order.partner_id.commercial_partner_id != dealer:
            raise self._b2b_api_fail(
                "NOT_FOUND",
                self.env._("No such order for this dealer."),
                field="order_id",
            )
        return order

    # ------------------------------------------------------------------
    # submit_order
    # ------------------------------------------------------------------
    @api.model
    def _b2b_api_payload_hash(self, payload):
        canonical = json.dumps(payload, sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()

    @api.model
    def _b2b_api_replay(self, submission, payload_hash):
        if submission.payload_hash != payload_hash:
            raise self._b2b_api_fail(
                "IDEMPOTENCY_KEY_REUSED",
                self.env._(
                    "This idempotency key was used for another order "
                    "content; use a new key for a new order."
                ),
                field="idempotency_key",
            )
        response = dict(submission.response or {})
        if submission.order_id:
            # sudo: the order this user's own submission created.
            response.update(self._b2b_api_order_summary(submission.order_id.sudo()))
        response["replayed"] = True
        return response

    @api.model
    def _b2b_api_submit(self, payload):
        errors = self._b2b_api_check_fields(
            payload, SUBMIT_FIELDS, required=("idempotency_key", "lines")
        )
        key = payload.get("idempotency_key")
        if key is not None and (
            not isinstance(key, str) or not key.strip() or len(key) > MAX_KEY_LENGTH
        ):
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._(
                        "idempotency_key must be a text of 1 to %s characters.",
                        MAX_KEY_LENGTH,
                    ),
                    field="idempotency_key",
                )
            )
        lines = payload.get("lines")
        if lines is not None and not isinstance(lines, list | tuple):
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE", self.env._("lines must be a list."), field="lines"
                )
            )
        if (
            isinstance(lines, list | tuple)
            and len(lines) > self.env["b2b.pricing.service"]._b2b_max_lines()
        ):
            # refused before anything is looked up
            raise ApiError(
                self._b2b_api_parse_lines(lines, self.env.company)[0] + errors
            )
        if errors:
            raise ApiError(errors)
        dealer = self._b2b_api_dealer(payload)
        key = key.strip()
        # the dealer as resolved: by id, by code or implied, the same order
        payload_hash = self._b2b_api_payload_hash(dict(payload, dealer=dealer.id))
        Submission = self.env["b2b.api.idempotency"]
        submission = Submission._b2b_find(self.env.uid, key)
        if submission:
            return self._b2b_api_replay(submission, payload_hash)
        company = self._b2b_api_company(dealer)
        # First write of the transaction: concurrent calls with the same key
        # wait here for this one and are retried by Odoo once it commits.
        claim_id = Submission._b2b_claim(self.env.uid, key, payload_hash, company.id)
        if not claim_id:
            return self._b2b_api_replay(
                Submission._b2b_find(self.env.uid, key), payload_hash
            )
        # sudo: the row just inserted for this user's key.
        claim = Submission.sudo().browse(claim_id)
        # When this raises, _b2b_api_run rolls back to its savepoint, the claim
        # included: nothing is created and the key is free for a corrected
        # payload.
        response = self._b2b_api_create_order(payload, dealer, company)
        # sudo: the order just created for the checked dealer.
        order = self.env["sale.order"].sudo().browse(response["order_id"])
        response["idempotency_key"] = key
        claim.write(
            {"dealer_id": dealer.id, "order_id": order.id, "response": response}
        )
        return dict(response, replayed=False)

    @api.model
    def _b2b_api_create_order(self, payload, dealer, company):
        errors = []
        # sudo: the ordering status of the dealer checked against the links.
        dealer_sudo = dealer.sudo().with_company(company)
        if not dealer_sudo.b2b_can_order:
            errors.append(
                self._b2b_api_error(
                    "DEALER_CANNOT_ORDER",
                    self.env._(
                        "%s is not an approved dealer: it cannot order.",
                        dealer_sudo.display_name,
                    ),
                    field="dealer",
                )
            )
        line_errors, parsed = self._b2b_api_parse_lines(payload["lines"], company)
        errors += line_errors
        reference = self._b2b_api_text(payload, "client_reference", 128, errors)
        note = self._b2b_api_text(payload, "note", MAX_TEXT_LENGTH, errors)
        shipping = self._b2b_api_delivery_address(payload, dealer, company, errors)
        commitment = self._b2b_api_requested_date(payload, errors)
        confirm = payload.get("confirm", True)
        if not isinstance(confirm, bool):
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._("confirm must be true or false."),
                    field="confirm",
                )
            )
        if errors:
            raise ApiError(errors)
        vals = {
            "partner_id": dealer.id,
            "company_id": company.id,
            "client_order_ref": reference,
            "commitment_date": commitment,
            "order_line": [
                fields.Command.create(
                    {"product_id": product.id, "product_uom_qty": qty}
                )
                for _index, product, qty in parsed
            ],
        }
        if shipping:
            vals["partner_shipping_id"] = shipping.id
        if note:
            vals["note"] = note
        # sudo: an order of the dealer checked against the caller's links,
        # created in the caller's name (create_uid) like a portal order; the
        # credit and approval rules run as for any order.
        SaleOrder = self.env["sale.order"].sudo().with_company(company)
        # A provisional name until the order is known to pass: PostgreSQL
        # sequences are not rolled back with the savepoint, so a refused
        # submission (at creation, e.g. a quotation credit policy, or at
        # confirmation) must not draw a number: no gap, and no refusal
        # naming an order that does not exist.
        vals["name"] = self._b2b_api_provisional_name()
        try:
            order = SaleOrder.create(vals)
        except UserError as exc:
            raise self._b2b_api_refusal(exc) from exc
        if confirm:
            self._b2b_api_precheck(order)
        self._b2b_api_number(order)
        if confirm:
            self._b2b_api_confirm(order)
        return self._b2b_api_order_summary(order)

    @api.model
    def _b2b_api_provisional_name(self):
        """The name of an order being submitted until it gets its number:
        what a refusal message calls it (``%(order)s cannot be confirmed``)."""
        return self.env._("This order")

    @api.model
    def _b2b_api_precheck(self, order):
        """What the confirmation would refuse (dealer status, order rules,
        credit), checked before the order gets its number: the checks the
        confirmation runs before an approval is asked
        (``sale.order._b2b_approval_precheck``), without side effects."""
        try:
            order._b2b_approval_precheck()
        except UserError as exc:
            raise self._b2b_api_refusal(exc) from exc

    @api.model
    def _b2b_api_number(self, order):
        """Give the order its number from the sale.order sequence, as
        ``sale.order.create`` does, once the checks have passed and before
        the confirmation copies the name (pickings, approval requests)."""
        # sudo env of the order: the sequence of the order's company.
        name = (
            order.env["ir.sequence"]
            .with_company(order.company_id)
            .next_by_code("sale.order")
        )
        if name:
            order.name = name

    @api.model
    def _b2b_api_confirm(self, order):
        """Confirm as the portal and the backend do: what would stop the
        order (credit, order rules) refuses it before an approval is asked
        (``_b2b_approval_submit``), orders that need approval wait (their
        request is created), the others are confirmed."""
        try:
            order.action_confirm()
        except UserError as exc:
            raise self._b2b_api_refusal(exc) from exc

    @api.model
    def _b2b_api_refusal(self, error):
        """The API error of a business refusal of the order: CREDIT_BLOCKED
        for the credit policy (its message: the dealer's limit, exposure,
        shortfall or hold, without the document, which is not created),
        ORDER_REFUSED for any other rule."""
        if is_credit_blocked(error):
            message = error.b2b_credit_decision.get("message") or str(error)
            return ApiError([self._b2b_api_error("CREDIT_BLOCKED", message)])
        return ApiError([self._b2b_api_error("ORDER_REFUSED", str(error))])

    @api.model
    def _b2b_api_delivery_address(self, payload, dealer, company, errors):
        address_id = payload.get("delivery_address_id")
        if _absent(address_id):
            return None
        if not _is_int(address_id):
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._("delivery_address_id must be an integer."),
                    field="delivery_address_id",
                )
            )
            return None
        # sudo: only accepted when it is a contact of the checked dealer.
        address = self.env["res.partner"].sudo().browse(address_id).exists()
        if (
            not address
            or address.commercial_partner_id != dealer
            or not address.active
            or address.company_id not in (company, self.env["res.company"])
        ):
            errors.append(
                self._b2b_api_error(
                    "INVALID_ADDRESS",
                    self.env._("%s is not an address of the dealer.", address_id),
                    field="delivery_address_id",
                )
            )
            return None
        return address

    @api.model
    def _b2b_api_requested_date(self, payload, errors):
        value = payload.get("requested_date")
        if _absent(value):
            return False
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError(value)
            day = datetime.date.fromisoformat(value)
        except ValueError:
            errors.append(
                self._b2b_api_error(
                    "INVALID_DATE",
                    self.env._("requested_date must be a date YYYY-MM-DD."),
                    field="requested_date",
                )
            )
            return False
        if day < fields.Date.context_today(self):
            errors.append(
                self._b2b_api_error(
                    "INVALID_DATE",
                    self.env._("requested_date is in the past."),
                    field="requested_date",
                )
            )
            return False
        return datetime.datetime.combine(day, datetime.time(12, 0))

    @api.model
    def _b2b_api_order_summary(self, order):
        return {
            "ok": True,
            "order_id": order.id,
            "name": order.name,
            "state": order.state,
            # "none" (no approval asked) is false, as documented
            "approval_state": order.b2b_approval_state
            if order.b2b_approval_state not in (False, "none")
            else None,
            "client_reference": order.client_order_ref or None,
            "currency": order.currency_id.name,
            "amount_untaxed": order.amount_untaxed,
            "amount_tax": order.amount_tax,
            "amount_total": order.amount_total,
            "credit_warning": order.b2b_credit_warning or None,
        }

    # ------------------------------------------------------------------
    # order_status, cancel_order
    # ------------------------------------------------------------------
    @api.model
    def _b2b_api_status(self, payload):
        dealer = self._b2b_api_dealer(payload)
        order = self._b2b_api_order(payload, dealer)
        result = self._b2b_api_order_summary(order)
        result.update(self._b2b_api_submission_keys(order))
        result.update(
            date_order=_api_datetime(order.date_order),
            # the day asked (submit_order stores it at noon UTC), in the
            # user's time zone
            requested_date=_api_date(
                fields.Datetime.context_timestamp(self, order.commitment_date)
            )
            if order.commitment_date
            else None,
            lines=[
                {
                    "product_id": line.product_id.id,
                    "sku": line.product_id.default_code or None,
                    "quantity": line.product_uom_qty,
                    "delivered": line.qty_delivered,
                    "invoiced": line.qty_invoiced,
                    "price_unit": line.price_unit,
                    "discount": line.discount,
                    "subtotal": line.price_subtotal,
                    **self._b2b_api_line_warehouses(line),
                }
                for line in order.order_line.filtered(lambda ln: not ln.display_type)
            ],
            approval=[
                {
                    "scope": request.scope,
                    "state": request.state,
                    "steps": [
                        {
                            "name": step.name,
                            "state": step.state,
                            "decided_by": step.decided_by_id.name or None,
                            "decision_date": _api_datetime(step.decision_date),
                        }
                        for step in request.line_ids
                    ],
                }
                for request in order._b2b_approval_requests()
            ],
            deliveries=[
                self._b2b_api_picking_values(picking)
                for picking in order.picking_ids.sorted("id")
            ],
            invoices=[
                self._b2b_api_invoice_values(move)
                for move in order.invoice_ids.filtered(
                    lambda m: m.state == "posted"
                ).sorted("id")
            ],
        )
        return result

    @api.model
    def _b2b_api_line_warehouses(self, line):
        """Where a line ships from: ``warehouse`` (the code of the first
        warehouse its deliveries leave from; before confirmation, the
        warehouse it is planned from; false for a service) and
        ``warehouses`` (``{"warehouse", "quantity"}`` per warehouse of its
        deliveries, in the line's unit, in the order of the deliveries; a
        line split by regional sourcing has several)."""
        quantities = {}
        for move in line.move_ids.sorted("id"):
            if move.state == "cancel" or not move.location_dest_id._is_outgoing():
                continue
            warehouse = move.location_id.warehouse_id
            quantities[warehouse] = quantities.get(
                warehouse, 0.0
            ) + move.product_uom._compute_quantity(
                move.product_uom_qty, line.product_uom, rounding_method="HALF-UP"
            )
        main = next(iter(quantities), None) or (
            line.warehouse_id if line.product_id.type == "consu" else None
        )
        return {
            "warehouse": main.code if main else None,
            "warehouses": [
                {"warehouse": warehouse.code, "quantity": qty}
                for warehouse, qty in quantities.items()
                if warehouse
            ],
        }

    @api.model
    def _b2b_api_picking_values(self, picking):
        """A delivery of the order; ``tracking_ref`` is the carrier tracking
        reference when a shipping module provides one."""
        tracking = (
            picking["carrier_tracking_ref"]
            if "carrier_tracking_ref" in picking._fields
            else None
        )
        return {
            "id": picking.id,
            "name": picking.name,
            "state": picking.state,
            "scheduled_date": _api_datetime(picking.scheduled_date),
            "date_done": _api_datetime(picking.date_done),
            # the warehouse it leaves from (one delivery per warehouse with
            # regional sourcing)
            "warehouse": picking.picking_type_id.warehouse_id.code or None,
            "tracking_ref": tracking or None,
        }

    @api.model
    def _b2b_api_cancel(self, payload):
        dealer = self._b2b_api_dealer(payload)
        order = self._b2b_api_order(payload, dealer)
        if order.state not in ("draft", "sent"):
            raise self._b2b_api_fail(
                "NOT_CANCELLABLE",
                self.env._(
                    "%(order)s is %(state)s: only quotations not yet "
                    "confirmed can be cancelled here.",
                    order=order.name,
                    state=dict(
                        order._fields["state"]._description_selection(self.env)
                    ).get(order.state, order.state),
                ),
                field="order_id",
            )
        # sudo: an order of the checked dealer; no cancel wizard over RPC.
        order._action_cancel()
        # an order waiting for approval: its request goes with it
        order._b2b_approval_requests(states=("pending", "approved"))._b2b_reset(
            self.env._("the order was cancelled by the integrator")
        )
        result = self._b2b_api_order_summary(order)
        result.update(self._b2b_api_submission_keys(order))
        return result

    @api.model
    def _b2b_api_submission_keys(self, order):
        """``idempotency_key`` (the key the order was submitted with through
        the API, else false) and ``replayed`` (false: not a replay of
        submit_order), as in the answer of submit_order."""
        # sudo: the submission of an order of the dealer checked by the caller.
        submission = (
            self.env["b2b.api.idempotency"]
            .sudo()
            .search([("order_id", "=", order.id)], order="id", limit=1)
        )
        return {"idempotency_key": submission.key or None, "replayed": False}
