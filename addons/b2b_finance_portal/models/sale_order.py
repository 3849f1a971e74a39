# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Paying to order (超额预付): the shortfall of a dealer's quotation refused
only because it exceeds the available credit, and the release of the order
once a payment covering it is confirmed."""

from collections import defaultdict
from datetime import datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import format_date

from .b2b_payment_slip import FINANCE_ROLES


class SaleOrder(models.Model):
    _inherit = "sale.order"

    b2b_credit_shortfall = fields.Float(
        string="Credit Shortfall",
        digits="Account",
        compute="_compute_b2b_credit_shortfall",
        help="The dealer's submission was refused only because the order "
        "exceeds the available credit: paying this amount lets it go on.",
    )
    b2b_payment_slip_ids = fields.One2many(
        "b2b.payment.slip", "order_id", string="Declared Payments"
    )

    @api.depends("state", "amount_total", "b2b_submit_error", "partner_id")
    def _compute_b2b_credit_shortfall(self):
        shortfalls = self._b2b_credit_shortfalls()
        for order in self:
            order.b2b_credit_shortfall = shortfalls.get(order, 0.0)

    # ------------------------------------------------------------------
    # Shortfall
    # ------------------------------------------------------------------
    def _b2b_credit_shortfalls(self):
        """{order: shortfall} of the orders of ``self`` whose submission was
        refused only because they exceed the dealer's available credit.

        No rule of its own: the credit decision of the order stage
        (``res.partner._b2b_credit_evaluate`` on the dealer's exposure of
        ``b2b.credit.exposure``, read once per dealer and company, as
        ``_b2b_credit_order_reasons`` reads it), blocked by the limit alone
        (no hold, no overdue invoices, no valid override), and none of the
        other confirmation checks (dealer status, order rules) refusing it.
        The shortfall is the decision's: exposure + order - limit, in the
        company currency. Orders in another currency than their company's
        are left out (see ROADMAP)."""
        batches = defaultdict(lambda: self.browse())
        for order in self:
            if (
                not order.id
                or order.state not in ("draft", "sent")
                or not order.b2b_submit_error
                or order.currency_id != order.company_id.currency_id
            ):
                continue
            dealer = order._b2b_credit_document_partner()
            if dealer.b2b_is_dealer:
                batches[(dealer, order.company_id)] |= order
        result = {}
        for (dealer, company), orders in batches.items():
            if dealer._b2b_get_credit_policy("order", company) != "block":
                continue
            exposure = dealer._b2b_credit_exposure(company)
            for order in orders:
                amount = order._b2b_credit_document_amount()
                decision = dealer._b2b_credit_evaluate(
                    "order", company, amount, exposure
                )
                if (
                    decision["result"] != "block"
                    or decision["reasons"] != ["limit"]
                    or order._b2b_credit_override_valid(amount)
                ):
                    continue
                # the other reasons a confirmation is refused, without the
                # approvals (as b2b_approval_sale's precheck asks them)
                if order.with_context(
                    b2b_submit_check=True
                )._confirmation_error_message():
                    continue
                result[order] = decision["shortfall"]
        return result

    def _b2b_payment_offer(self):
        """The one rule of what the dealer is offered to pay for this order,
        followed by the order page's card, the payment page, the declaration
        of a transfer and the online transaction routes.

        :return: an empty dict when the order is not refused for its credit
            alone (nothing to pay), else a dict (amounts in the company
            currency):

            - ``shortfall``: what makes the order fit in the available credit
              (b2b_credit's decision: exposure + order - limit);
            - ``order_amount``: the order's amount as the credit counts it;
            - ``over_limit``: what the dealer's exposure is already above its
              limit without the order (then the shortfall is larger than the
              order, and paying the whole order would not release it);
            - ``options``: ``{kind: amount}`` of the payments offered:
              ``shortfall`` always, ``total`` (the whole order) only when it
              is more than the shortfall; empty while a transfer declared
              for the order waits for finance (no second payment);
            - ``pending``: the transfers declared for the order that finance
              has not processed yet (sudo);
            - ``rejected``: the order's last processed transfer when finance
              rejected it (its reason is shown with the options again).
        """
        self.ensure_one()
        shortfall = self._b2b_credit_shortfalls().get(self)
        if shortfall is None:
            return {}
        currency = self.company_id.currency_id
        order_amount = currency.round(self._b2b_credit_document_amount())
        over_limit = currency.round(shortfall - order_amount)
        options = {"shortfall": shortfall}
        if currency.compare_amounts(order_amount, shortfall) > 0:
            options["total"] = order_amount
        # sudo: the order's own transfers (one query), whoever declared them;
        # only their amount, date and the reason of a rejection are shown, to
        # the buyers who may pay the order (checked by the callers)
        slips = (
            self.env["b2b.payment.slip"]
            .sudo()
            .search_fetch(
                [("order_id", "=", self.id)],
                ["state", "amount", "date", "processed_date", "reject_reason"],
            )
        )
        pending = slips.filtered(lambda slip: slip.state == "declared")
        processed = (slips - pending).sorted(
            lambda slip: (slip.processed_date or datetime.min, slip.id),
            reverse=True,
        )[:1]
        return {
            "shortfall": shortfall,
            "order_amount": order_amount,
            "over_limit": max(over_limit, 0.0),
            "options": {} if pending else options,
            "pending": pending,
            "rejected": processed.filtered(lambda slip: slip.state == "rejected"),
        }

    def _b2b_payment_amounts(self):
        """``{kind: amount}`` the dealer may pay for this order now (see
        :meth:`_b2b_payment_offer`): empty when the order is not refused for
        its credit alone or a declared transfer waits for finance."""
        self.ensure_one()
        return self._b2b_payment_offer().get("options", {})

    def _b2b_payment_refusal(self, offer=None):
        """Why no payment may be made for this order now (a translated
        sentence), or "" when one may."""
        self.ensure_one()
        offer = self._b2b_payment_offer() if offer is None else offer
        if not offer:
            return self.env._(
                "%s is not waiting for a payment: it is not refused for its " "credit.",
                self.name,
            )
        if offer["pending"]:
            slip = offer["pending"][:1]
            return self.env._(
                "A transfer of %(amount)s declared on %(date)s for %(order)s "
                "is waiting for finance: no other payment can be made for the "
                "order until it is processed.",
                amount=self._b2b_format_amount(slip.amount),
                date=self._b2b_format_date(slip.date),
                order=self.name,
            )
        return ""

    def _b2b_can_pay_shortfall(self, user=None):
        """Whether ``user`` (default: the current user) may pay this order's
        shortfall: a portal buyer of the order's dealer who sees the order,
        with the finance or admin role, or the purchaser role when the
        company allows purchasers to pay."""
        self.ensure_one()
        user = user or self.env.user
        if not user.share:
            return False
        dealer = user._b2b_dealer()
        if not dealer or dealer != self._b2b_credit_document_partner():
            return False
        roles = FINANCE_ROLES
        if self.company_id.b2b_finance_purchaser_pay:
            roles += ("purchaser",)
        if not any(user._b2b_has_role(code) for code in roles):
            return False
        # the buyer's visibility (b2b_portal: a purchaser sees its own orders)
        domain = user._b2b_portal_domain(self._name)
        return bool(self.sudo().filtered_domain(domain))

    def _b2b_check_shortfall_payer(self, user=None):
        self.ensure_one()
        if not self._b2b_can_pay_shortfall(user):
            raise AccessError(
                self.env._(
                    "Only the finance or admin buyers of the dealer may pay "
                    "for this order."
                )
            )

    # ------------------------------------------------------------------
    # Release once paid
    # ------------------------------------------------------------------
    def _b2b_credit_release(self, payer=None):
        """A payment for these orders was confirmed: submit again (through
        the buyer's normal submission: order rules, credit, approvals, then
        the confirmation) each order still refused whose credit now covers
        it; an order still short stays refused, with the new shortfall said
        on the order.

        :param payer: the user who paid (the submission is made in their
            name when the order was not created by a buyer of the dealer)
        :return: the orders submitted again
        """
        refused = self.filtered(lambda o: o.b2b_buyer_status == "refused")
        shortfalls = refused._b2b_credit_shortfalls()
        released = self.browse()
        for order in refused:
            if order in shortfalls:
                order.message_post(
                    body=order.env._(
                        "Payment received; the order still exceeds the "
                        "available credit by %s.",
                        order._b2b_format_amount(shortfalls[order]),
                    ),
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )
                continue
            # the order's own buyer submits it again, as they did the first
            # time: the payer may be the dealer's approver, whom the approval
            # rules do not let approve their own submission
            buyer = order.create_uid
            submitter = buyer if buyer.share or not (payer and payer.share) else payer
            # sudo: the payment was confirmed by finance or by the payment
            # provider; the order goes on through the buyer's submission, in
            # the name of the buyer (approval requests, chatter), as the
            # portal's "Submit" does.
            order.with_user(submitter).sudo()._b2b_buyer_submit()
            released |= order
        return released

    def _b2b_format_amount(self, amount):
        self.ensure_one()
        return self.company_id.currency_id.format(amount)

    def _b2b_format_date(self, date):
        """``date`` in the reader's language (Odoo's date format)."""
        return format_date(self.env, date)
