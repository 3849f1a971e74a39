# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Paying to order (超额预付): the dealer pays the shortfall (or the total) of
an order refused for its credit, online through Odoo's payment providers (the
sale portal's payment form and transaction, linked to the order) or by
declaring a bank transfer for it. The rules are in ``sale.order``."""

from odoo import Command, http
from odoo.exceptions import ValidationError
from odoo.http import request

from .portal import B2bFinancePortal

PAY_KINDS = ("shortfall", "total")


class B2bFinanceOrderPayment(B2bFinancePortal):
    # ------------------------------------------------------------------
    # The order page: the payment offered next to the refusal
    # ------------------------------------------------------------------
    @http.route()
    def portal_order_page(self, order_id, report_type=None, access_token=None, **kw):
        response = super().portal_order_page(
            order_id, report_type=report_type, access_token=access_token, **kw
        )
        qcontext = getattr(response, "qcontext", None)
        if qcontext is None or "sale_order" not in qcontext or not self._b2b_dealer():
            return response
        order_sudo = qcontext["sale_order"]
        pay = {}
        waiting = order_sudo.browse()
        if order_sudo._b2b_can_pay_shortfall(request.env.user):
            pay = order_sudo._b2b_payment_amounts()
            # the transfers declared for the order that finance has not
            # confirmed yet (the order is the payer's own, checked above)
            waiting = order_sudo.b2b_payment_slip_ids.filtered(
                lambda slip: slip.state == "declared"
            )
        qcontext.update(
            {
                "b2b_pay": pay,
                "b2b_pay_waiting": waiting,
                "b2b_pay_currency": order_sudo.company_id.currency_id,
                "b2b_payment_declared": kw.get("b2b_payment") == "declared",
            }
        )
        return response

    # ------------------------------------------------------------------
    # Online payment
    # ------------------------------------------------------------------
    @http.route(
        "/my/b2b/orders/<int:order_id>/pay",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_order_pay(self, order_id, kind="shortfall", **kw):
        order_sudo = self._b2b_payable_order(order_id)
        kind = kind if kind in PAY_KINDS else "shortfall"
        amounts = order_sudo._b2b_payment_amounts()
        if not amounts:
            return request.redirect(order_sudo.get_portal_url())
        values = self._prepare_portal_layout_values()
        # sale's payment context of the order page (providers, methods,
        # tokens), for the amount chosen and through the route below
        payment = self._get_payment_values(order_sudo)
        payment.update(
            {
                "amount": amounts[kind],
                "transaction_route": f"/my/b2b/orders/{order_sudo.id}/pay/{kind}"
                "/transaction",
                "landing_route": order_sudo.get_portal_url(),
            }
        )
        values.update(payment)
        values.update(
            {
                "page_name": "b2b_order_pay",
                "sale_order": order_sudo,
                "sale_order_id": order_sudo.id,
                "b2b_pay": amounts,
                "b2b_pay_kind": kind,
                "b2b_pay_currency": order_sudo.company_id.currency_id,
            }
        )
        return request.render("b2b_finance_portal.portal_b2b_order_pay", values)

    @http.route(
        "/my/b2b/orders/<int:order_id>/pay/shortfall/transaction",
        type="json",
        auth="user",
    )
    def b2b_order_pay_shortfall_transaction(self, order_id, access_token=None, **kw):
        return self._b2b_order_pay_transaction(order_id, "shortfall", **kw)

    @http.route(
        "/my/b2b/orders/<int:order_id>/pay/total/transaction",
        type="json",
        auth="user",
    )
    def b2b_order_pay_total_transaction(self, order_id, access_token=None, **kw):
        return self._b2b_order_pay_transaction(order_id, "total", **kw)

    def _b2b_order_pay_transaction(self, order_id, kind, **kwargs):
        """sale's ``/my/orders/<id>/transaction`` for the amount of ``kind``,
        computed here (the browser's amount must be the same). The
        ``access_token`` payment's form sends is not used: the order is
        checked on the logged-in buyer."""
        order_sudo = self._b2b_payable_order(order_id)
        amounts = order_sudo._b2b_payment_amounts()
        if not amounts:
            raise ValidationError(
                request.env._("%s is not waiting for a payment.", order_sudo.name)
            )
        amount = amounts[kind]
        currency = order_sudo.currency_id
        try:
            asked = float(kwargs.get("amount") or 0.0)
        except (TypeError, ValueError):
            asked = 0.0
        if currency.compare_amounts(asked, amount) != 0:
            raise ValidationError(
                request.env._(
                    "The amount to pay has changed: reload the page to pay %s.",
                    currency.format(amount),
                )
            )
        self._validate_transaction_kwargs(kwargs)
        kwargs.update(
            {
                "amount": amount,
                "partner_id": request.env.user.partner_id.id,
                "currency_id": currency.id,
                "sale_order_id": order_sudo.id,
            }
        )
        # payment's own transaction creation (provider, method or token of
        # the partner), linked to the order as sale links it
        tx_sudo = self._create_transaction(
            custom_create_values={
                "sale_order_ids": [Command.set(order_sudo.ids)],
                "b2b_credit_release": True,
            },
            **kwargs,
        )
        return tx_sudo._get_processing_values()
