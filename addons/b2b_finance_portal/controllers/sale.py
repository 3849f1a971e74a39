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
        if qcontext is None or "sale_order" not in qcontext:
            return response
        qcontext.update(
            self._b2b_order_pay_values(
                qcontext["sale_order"], declared=kw.get("b2b_payment") == "declared"
            )
        )
        return response

    def _b2b_order_pay_values(self, order_sudo, declared=False):
        """The pay card of the order page (``b2b_pay_offer``: see
        ``sale.order._b2b_payment_offer``), for a buyer who may pay it.

        Hot path: every dealer's order page comes here. A confirmed order,
        or a quotation not refused at its submission, costs no query (its
        state and refusal are read by the page already)."""
        if order_sudo.state not in ("draft", "sent") or not order_sudo.b2b_submit_error:
            return {}
        if not self._b2b_dealer() or not order_sudo._b2b_can_pay_shortfall(
            request.env.user
        ):
            return {}
        return {
            "b2b_pay_offer": order_sudo._b2b_payment_offer(),
            "b2b_pay_currency": order_sudo.company_id.currency_id,
            "b2b_payment_declared": declared,
        }

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
        offer = order_sudo._b2b_payment_offer()
        amounts = offer.get("options")
        if not amounts:
            # nothing to pay, or a declared transfer waits for finance: the
            # order page says which
            return request.redirect(order_sudo.get_portal_url())
        # a kind that is not offered (the whole order of a dealer already
        # over its limit) is the shortfall
        kind = kind if kind in amounts else "shortfall"
        company = order_sudo.company_id
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
                "b2b_pay_offer": offer,
                "b2b_pay": amounts,
                "b2b_pay_kind": kind,
                "b2b_pay_currency": order_sudo.company_id.currency_id,
                "b2b_bank_accounts": company._b2b_transfer_bank_accounts(),
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
        # sale.order's one rule: what may be paid now, and why not
        offer = order_sudo._b2b_payment_offer()
        refusal = order_sudo._b2b_payment_refusal(offer)
        if refusal:
            raise ValidationError(refusal)
        amounts = offer["options"]
        if kind not in amounts:
            # the whole order of a dealer already over its limit: paying it
            # would not release the order
            raise ValidationError(
                request.env._(
                    "Paying the whole order would not release %(order)s: pay "
                    "%(amount)s so that it fits in the available credit.",
                    order=order_sudo.name,
                    amount=order_sudo._b2b_format_amount(amounts["shortfall"]),
                )
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
