# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import float_round
from odoo.tools.misc import formatLang

STOCK_DISPLAYS = [
    ("exact", "Exact Quantities"),
    ("bands", "Bands (In Stock / Low Stock / Out of Stock)"),
]

#: the states of a dealer's availability ("none": stock not tracked)
STOCK_STATES = ("in", "low", "out", "none")


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_stock_display = fields.Selection(
        STOCK_DISPLAYS,
        string="Dealer Stock Display",
        default="exact",
        required=True,
        help="What dealers see of the stock, in the portal and the API: the "
        "exact available quantity, or a band (out of stock, low stock, in "
        "stock, or the cap, e.g. '≥ 100').",
    )
    b2b_stock_low_threshold = fields.Float(
        string="Dealer Low Stock Threshold",
        default=10.0,
        digits="Product Unit of Measure",
        help="Below this available quantity a product is shown as low stock "
        "to dealers (in both display modes).",
    )
    b2b_stock_band_cap = fields.Float(
        string="Dealer Stock Band Cap",
        default=100.0,
        digits="Product Unit of Measure",
        help="In bands mode, from this available quantity on dealers see "
        "'≥' the cap instead of 'In stock'.",
    )

    @api.model
    def _b2b_stock_state(self, qty, threshold):
        """``out`` at or below zero, ``low`` below ``threshold``, else
        ``in``."""
        if qty <= 0:
            return "out"
        if qty < threshold:
            return "low"
        return "in"

    def _b2b_stock_format_qty(self, qty):
        """``qty`` in the current user's language: no decimals for a whole
        number, the unit-of-measure precision otherwise."""
        digits = self.env["decimal.precision"].precision_get("Product Unit of Measure")
        qty = float_round(qty, precision_digits=digits)
        if qty == int(qty):
            digits = 0
        return formatLang(self.env, qty, digits=digits)

    def _b2b_stock_display_text(self, qty, state):
        """The one text a dealer sees for an available quantity ``qty`` in
        ``state`` (see :meth:`_b2b_stock_state`), in the current user's
        language, as the company (``self``) chose: the formatted quantity
        (``exact``) or a band (``bands``); nothing for stock that is not
        tracked (state ``none``)."""
        self.ensure_one()
        if state == "none":
            return ""
        if self.b2b_stock_display != "bands":
            return self._b2b_stock_format_qty(max(qty, 0.0))
        if state == "out" or qty <= 0:
            return self.env._("Out of stock")
        if state == "low":
            return self.env._("Low stock")
        if self.b2b_stock_band_cap > 0 and qty >= self.b2b_stock_band_cap:
            cap = self._b2b_stock_format_qty(self.b2b_stock_band_cap)
            return self.env._("≥ %(cap)s", cap=cap)
        return self.env._("In stock")
