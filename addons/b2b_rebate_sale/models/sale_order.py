# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

#: order states in which the rebate balance can be applied or changed
APPLICABLE_STATES = ("draft", "sent")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    b2b_rebate_amount = fields.Monetary(
        string="Rebate Balance Used",
        compute="_compute_b2b_rebate_amount",
        help="The dealer's rebate balance spent on this order (its rebate "
        "line, untaxed).",
    )
    b2b_rebate_available = fields.Monetary(
        string="Rebate Balance Available",
        compute="_compute_b2b_rebate_available",
        help="What the dealer's rebate balance still holds (besides what "
        "this order already uses).",
    )
    b2b_rebate_max = fields.Monetary(
        string="Rebate Applicable",
        compute="_compute_b2b_rebate_available",
        help="What applying the rebate balance would put on the order now: "
        "the balance, at most the company's cap of the order's untaxed amount.",
    )

    @api.depends("order_line.price_subtotal", "order_line.b2b_is_rebate_line")
    def _compute_b2b_rebate_amount(self):
        for order in self:
            order.b2b_rebate_amount = -sum(
                order.order_line.filtered("b2b_is_rebate_line").mapped("price_subtotal")
            )

    @api.depends(
        "partner_id", "company_id", "state", "amount_untaxed", "b2b_rebate_amount"
    )
    def _compute_b2b_rebate_available(self):
        dealers = self.filtered(
            lambda o: o.partner_id.commercial_partner_id.b2b_is_dealer
        )
        (self - dealers).update({"b2b_rebate_available": 0.0, "b2b_rebate_max": 0.0})
        if not dealers:
            return
        # sudo: the figure of the order's own dealer, shown on the order to
        # whoever may read the order (salespeople, the dealer's buyers)
        Balance = self.env["b2b.rebate.balance"].sudo()
        balances = Balance.search(
            [
                ("partner_id", "in", dealers.partner_id.commercial_partner_id.ids),
                ("company_id", "in", dealers.company_id.ids),
            ]
        )
        amounts = {(b.partner_id.id, b.company_id.id): b.amount for b in balances}
        for order in dealers:
            key = (order.partner_id.commercial_partner_id.id, order.company_id.id)
            order.b2b_rebate_available = amounts.get(key, 0.0)
            order.b2b_rebate_max = (
                order._b2b_rebate_target(order.b2b_rebate_available)
                if order.state in APPLICABLE_STATES
                else 0.0
            )

    # ------------------------------------------------------------------
    # Confirmation, cancellation, deletion
    # ------------------------------------------------------------------
    def _confirmation_error_message(self):
        """An order whose lines changed after the rebate was applied cannot
        use more than the cap: apply the balance again."""
        message = super()._confirmation_error_message()
        if message:
            return message
        for order in self.filtered("b2b_rebate_amount"):
            cap = order._b2b_rebate_cap()
            if order.currency_id.compare_amounts(order.b2b_rebate_amount, cap) > 0:
                return self.env._(
                    "%(order)s uses %(used)s of the rebate balance, more than "
                    "the %(cap)s allowed on its amount: apply the rebate "
                    "balance again.",
                    order=order.name,
                    used=order.b2b_rebate_amount,
                    cap=cap,
                )
        return False

    def _action_cancel(self):
        res = super()._action_cancel()
        self._b2b_rebate_orders()._b2b_rebate_sync(
            0.0, self.env._("The order was cancelled.")
        )
        return res

    def action_draft(self):
        """A cancelled order gave its rebate back: back to a quotation, its
        rebate line goes (apply the balance again)."""
        cancelled = self.filtered(lambda o: o.state == "cancel")
        res = super().action_draft()
        lines = cancelled.order_line.filtered("b2b_is_rebate_line")
        if lines:
            lines.with_context(b2b_rebate_apply=True).unlink()
        return res

    def unlink(self):
        self._b2b_rebate_orders()._b2b_rebate_sync(
            0.0, self.env._("The order was deleted.")
        )
        return super().unlink()

    def _get_copiable_order_lines(self):
        # a copy of the order does not spend the balance again
        return (
            super()
            ._get_copiable_order_lines()
            .filtered(lambda line: not line.b2b_is_rebate_line)
        )

    def _get_update_prices_lines(self):
        # "Update prices" never reprices the rebate line
        return (
            super()
            ._get_update_prices_lines()
            .filtered(lambda line: not line.b2b_is_rebate_line)
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_b2b_apply_rebate_balance(self):
        """Button of the order form: put the dealer's rebate balance on the
        quotation (as much as the cap allows), or update it."""
        self.ensure_one()
        self.check_access("write")
        self._b2b_apply_rebate_balance()
        return True

    def action_b2b_remove_rebate_balance(self):
        self.ensure_one()
        self.check_access("write")
        self._b2b_apply_rebate_balance(amount=0.0)
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _b2b_rebate_orders(self):
        """The orders of ``self`` with a rebate line (no query for others)."""
        return self.filtered(lambda o: any(o.order_line.mapped("b2b_is_rebate_line")))

    def _b2b_rebate_base(self):
        """The order's untaxed amount without its rebate line."""
        self.ensure_one()
        return sum(
            self.order_line.filtered(lambda ln: not ln.b2b_is_rebate_line).mapped(
                "price_subtotal"
            )
        )

    def _b2b_order_rules_amount(self):
        """The minimum order amount is measured before the rebate: spending
        an earned balance never makes an order too small to be accepted."""
        return self._b2b_rebate_base()

    def _b2b_rebate_cap(self):
        self.ensure_one()
        company = self.company_id or self.env.company
        return self.currency_id.round(
            max(self._b2b_rebate_base(), 0.0) * company.b2b_rebate_order_cap / 100.0
        )

    def _b2b_rebate_target(self, available, amount=None):
        """What the order can take from a balance holding ``available``
        besides what it already uses: at most the cap and ``amount``."""
        self.ensure_one()
        target = min(available + self.b2b_rebate_amount, self._b2b_rebate_cap())
        if amount is not None:
            target = min(target, amount)
        return self.currency_id.round(max(target, 0.0))

    def _b2b_rebate_spent(self):
        """{order: what its ledger lines took from the balance} (one query)."""
        # sudo: the ledger of the orders the caller is working on
        groups = (
            self.env["b2b.rebate.ledger"]
            .sudo()
            ._read_group(
                [("sale_order_id", "in", self.ids), ("balance_id", "!=", False)],
                ["sale_order_id"],
                ["amount:sum"],
            )
        )
        spent = {order: -amount for order, amount in groups}
        return {order: spent.get(order, 0.0) for order in self}

    def _b2b_rebate_check_applicable(self):
        self.ensure_one()
        _ = self.env._
        if not self.partner_id.commercial_partner_id.b2b_is_dealer:
            raise UserError(_("%s is not a dealer's order.", self.name))
        if self.state not in APPLICABLE_STATES:
            raise UserError(
                _(
                    "The rebate balance can only be applied to a quotation; "
                    "%s is not one any more.",
                    self.name,
                )
            )
        company = self.company_id or self.env.company
        if self.currency_id != company.currency_id:
            raise UserError(
                _(
                    "The rebate balance is in %(currency)s: it can only be "
                    "applied to orders in %(currency)s.",
                    currency=company.currency_id.name,
                )
            )

    def _b2b_apply_rebate_balance(self, amount=None):
        """Put the dealer's rebate balance on the quotation as one discount
        line: as much as the balance holds, at most the company's cap of the
        order's untaxed amount and ``amount`` when given (0 removes the
        line). Applying again replaces the line, it never adds a second one.
        The balance is locked (``SELECT … FOR UPDATE``) until the end of the
        transaction, so two orders never spend the same money; every change
        is a ledger line of the order.

        The one entry point of the order form's button, the portal and the
        API. The caller checks the user's right on the order.

        :param amount: the most to use (a number >= 0), default: all it can
        :returns: the amount of the order's rebate line after the change
        """
        self.ensure_one()
        if amount is not None:
            if isinstance(amount, bool) or not isinstance(amount, int | float):
                raise UserError(self.env._("The rebate amount must be a number."))
            if amount < 0:
                raise UserError(self.env._("The rebate amount cannot be negative."))
        self._b2b_rebate_check_applicable()
        company = self.company_id or self.env.company
        balance = self.env["b2b.rebate.balance"]._b2b_get(
            self.partner_id, company, create=amount != 0
        )
        available = balance._b2b_lock() if balance else 0.0
        # what the ledger says the order took (the truth, whatever its line)
        spent = self._b2b_rebate_spent()[self]
        target = min(available + spent, self._b2b_rebate_cap())
        if amount is not None:
            target = min(target, amount)
        target = self.currency_id.round(max(target, 0.0))
        lines = self.order_line.filtered("b2b_is_rebate_line")
        if not lines and self.currency_id.is_zero(target):
            if amount == 0:
                return 0.0
            raise UserError(
                self.env._(
                    "%s has no rebate balance to use on this order.",
                    self.partner_id.commercial_partner_id.display_name,
                )
            )
        if self.currency_id.is_zero(target):
            lines.with_context(b2b_rebate_apply=True).unlink()
        elif lines:
            lines[1:].with_context(b2b_rebate_apply=True).unlink()
            lines[:1].with_context(b2b_rebate_apply=True).write(
                {"price_unit": -target, "technical_price_unit": -target}
            )
        else:
            self.with_context(b2b_rebate_apply=True).write(
                {"order_line": [Command.create(self._b2b_rebate_line_vals(target))]}
            )
        self._b2b_rebate_sync(
            target,
            self.env._("Rebate balance applied to %s.", self.name),
            balance=balance,
        )
        return target

    def _b2b_rebate_line_vals(self, amount):
        self.ensure_one()
        product = self.env.ref("b2b_rebate.product_product_b2b_rebate")
        return {
            "product_id": product.id,
            "name": self.env._("Rebate balance"),
            "product_uom_qty": 1.0,
            "price_unit": -amount,
            "technical_price_unit": -amount,
            "tax_id": [Command.clear()],
            "b2b_is_rebate_line": True,
            "sequence": max(self.order_line.mapped("sequence") or [10]) + 1,
        }

    def _b2b_rebate_sync(self, target, reason, balance=None):
        """Make the balance's ledger say each order of ``self`` uses
        ``target``: one ledger line of the difference (spent or given back)."""
        if not self:
            return
        spent = self._b2b_rebate_spent()
        for order in self:
            delta = order.currency_id.round(target - spent[order])
            if order.currency_id.is_zero(delta):
                continue
            company = order.company_id or self.env.company
            order_balance = balance or self.env["b2b.rebate.balance"]._b2b_get(
                order.partner_id, company
            )
            order_balance._b2b_move(
                -delta,
                "spent" if delta > 0 else "restored",
                reason,
                sale_order_id=order.id,
            )
