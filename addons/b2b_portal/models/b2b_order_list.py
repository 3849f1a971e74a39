# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError


class B2bOrderList(models.Model):
    """A saved list (order template) of a dealer, to order the same products
    again in one step. It belongs to the dealer (commercial partner); its
    author may share it with the colleagues of the same dealer."""

    _name = "b2b.order.list"
    _description = "Dealer Saved Order List"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    dealer_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("b2b_is_dealer", "=", True)],
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        default=lambda self: self.env.user,
        ondelete="cascade",
    )
    shared = fields.Boolean(
        string="Shared with the Dealer",
        help="Every buyer of the dealer may use a shared list.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    line_ids = fields.One2many(
        "b2b.order.list.line", "list_id", string="Lines", copy=True
    )
    line_count = fields.Integer(compute="_compute_line_count")

    @api.depends("line_ids")
    def _compute_line_count(self):
        for order_list in self:
            order_list.line_count = len(order_list.line_ids)

    @api.constrains("dealer_id", "user_id")
    def _check_dealer(self):
        for order_list in self:
            if not order_list.dealer_id.b2b_is_dealer:
                raise ValidationError(
                    self.env._("A saved order list belongs to a dealer.")
                )
            owner_dealer = order_list.user_id.partner_id.commercial_partner_id
            if order_list.user_id.share and owner_dealer != order_list.dealer_id:
                raise ValidationError(
                    self.env._(
                        "The owner of a saved order list must be a buyer of its "
                        "dealer."
                    )
                )

    @api.model
    def _b2b_create_from_lines(self, name, lines):
        """A list of the current buyer from (product, quantity) pairs."""
        user = self.env.user
        dealer = user._b2b_dealer()
        if not dealer or not user.share:
            raise ValidationError(self.env._("Only the buyers of a dealer save lists."))
        return self.create(
            {
                "name": name,
                "dealer_id": dealer.id,
                "user_id": user.id,
                "company_id": (dealer.company_id or self.env.company).id,
                "line_ids": [
                    Command.create({"product_id": product.id, "quantity": quantity})
                    for product, quantity in lines
                    if quantity > 0
                ],
            }
        )

    # ------------------------------------------------------------------
    # Prices and edits (portal)
    # ------------------------------------------------------------------
    def _b2b_priced_lines(self):
        """The lines priced for the list's dealer by the pricing service
        (``b2b.pricing.service.price_products``, the list priced as one
        order: cumulative breaks count over the list): {"lines": [{line,
        price_unit, subtotal, next_break, error, availability}], "amount",
        "currency" (name), "error"}; ``availability``: what the dealer's own
        warehouses have (``product.product._b2b_portal_availability``)."""
        self.ensure_one()
        # sudo: the lines and products of a list the user reads (checked)
        self.check_access("read")
        lines = self.sudo().line_ids
        result = {"lines": [], "amount": 0.0, "currency": None, "error": None}
        if not lines:
            return result
        priced = self.env["b2b.pricing.service"].price_products(
            self.dealer_id.id,
            [
                {"product_id": line.product_id.id, "quantity": line.quantity}
                for line in lines
            ],
        )
        result["currency"] = priced["currency"]
        currency = self.env["res.currency"].search(
            [("name", "=", priced["currency"])], limit=1
        )
        if priced["error"] and not priced["lines"]:
            result["error"] = priced["error"]
        # what the dealer's own warehouses have of the products, in one go
        # sudo: the list's own dealer and company (read access checked)
        availability = lines.product_id.with_company(
            self.company_id
        )._b2b_portal_availability(
            self.sudo().dealer_id, self.sudo().company_id, self.env.user
        )
        for line, price in zip(
            lines, priced["lines"] or [{}] * len(lines), strict=True
        ):
            entry = {
                "line": line,
                "price_unit": None,
                "subtotal": None,
                "next_break": None,
                "error": price.get("error"),
                "availability": availability.get(line.product_id.id),
            }
            if price.get("ok"):
                entry.update(
                    price_unit=price["price_unit"],
                    subtotal=currency.round(price["price_unit"] * line.quantity),
                    next_break=price.get("next_break"),
                )
                result["amount"] += entry["subtotal"]
            result["lines"].append(entry)
        return result

    def _b2b_update_lines(self, quantities, removed=(), additions=()):
        """Apply the edits of the list's owner, all or nothing:
        ``quantities`` {line id: quantity as typed}, ``removed`` (line ids),
        ``additions`` [(SKU, quantity as typed)]. Changed and added lines go
        through the one line validator (``b2b.pricing.service.
        _b2b_check_lines``: known and orderable product, quantity fitting its
        unit); a product added again adds up with its line.

        :returns: {key: error}, empty when the edits are written; keys are
            line ids and ``("add", index)``
        """
        self.ensure_one()
        self.check_access("write")
        QuickOrder = self.env["b2b.quick.order"]
        lines = {line.id: line for line in self.line_ids}
        errors, keys, to_check = {}, [], []
        removed = {line_id for line_id in removed if line_id in lines}
        for line_id, qty in quantities.items():
            line = lines.get(line_id)
            if not line or line_id in removed:
                continue
            quantity = QuickOrder._b2b_parse_qty(qty)
            if quantity is None:
                errors[line_id] = self._b2b_qty_error(qty)
            elif quantity != line.quantity:
                keys.append(line_id)
                # sudo: the product id of the user's own line
                to_check.append(
                    {"product_id": line.sudo().product_id.id, "quantity": quantity}
                )
        for index, (sku, qty) in enumerate(additions):
            sku = (sku or "").strip()
            if not sku and not (qty or "").strip():
                continue
            quantity = QuickOrder._b2b_parse_qty(qty)
            if not sku:
                errors[("add", index)] = self.env._("The SKU is missing.")
            elif quantity is None:
                errors[("add", index)] = self._b2b_qty_error(qty)
            else:
                keys.append(("add", index))
                to_check.append({"sku": sku[:100], "quantity": quantity})
        # sudo: the pricing service's line validator, read-only, in the
        # list's company (portal users do not read products)
        checks = (
            self.env["b2b.pricing.service"]
            .sudo()
            .with_company(self.company_id)
            ._b2b_check_lines(to_check)
        )
        for key, check in zip(keys, checks, strict=True):
            if not check["ok"]:
                errors[key] = check["error"]
        if errors:
            return errors
        # sudo: the product ids of the user's own lines
        by_product = {
            line.sudo().product_id.id: line
            for line in lines.values()
            if line.id not in removed
        }
        updates, created = {}, {}
        for key, check in zip(keys, checks, strict=True):
            if not isinstance(key, tuple):
                updates[key] = check["quantity"]
                continue
            line = by_product.get(check["product"].id)
            if line:
                updates[line.id] = (
                    updates.get(line.id, line.quantity) + check["quantity"]
                )
            else:
                product_id = check["product"].id
                created[product_id] = created.get(product_id, 0.0) + check["quantity"]
        sequence = max((line.sequence for line in lines.values()), default=0)
        commands = [Command.delete(line_id) for line_id in removed]
        commands += [
            Command.update(line_id, {"quantity": quantity})
            for line_id, quantity in updates.items()
        ]
        commands += [
            Command.create(
                {
                    "product_id": product_id,
                    "quantity": quantity,
                    "sequence": sequence + 10 * n,
                }
            )
            for n, (product_id, quantity) in enumerate(created.items(), start=1)
        ]
        if commands:
            self.write({"line_ids": commands})
        return {}

    def _b2b_qty_error(self, qty):
        return self.env._(
            "The quantity %s is not a number greater than zero.", qty or '""'
        )
