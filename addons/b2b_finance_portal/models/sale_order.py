# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Paying to order (超额预付): the shortfall of a dealer's quotation refused
only because it exceeds the available credit, and the release of the order
once a payment covering it is confirmed."""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError

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

    def _b2b_payment_amounts(self):
        """What the dealer may pay for this order: ``shortfall`` and
        ``total`` (company currency), or an empty dict when the order is not
        refused for its credit alone."""
        self.ensure_one()
        shortfall = self._b2b_credit_shortfalls().get(self)
        if shortfall is None:
            return {}
        return {
            "shortfall": shortfall,
            "total": self._b2b_credit_document_amount(),
        }

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
            name when it is a buyer of the dealer)
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
            submitter = payer if payer and payer.share else order.create_uid
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
