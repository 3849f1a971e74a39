# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import xlsxwriter

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_pricelist_source = fields.Selection(
        [
            ("contract", "Contract"),
            ("tier", "Tier"),
            ("region", "Region"),
            ("default", "Default"),
        ],
        string="Pricelist Origin",
        compute="_compute_product_pricelist",
        help="Why the dealer has this pricelist: its contract pricelist, its "
        "tier, its region (or country group), or the default pricelist.",
    )

    @api.depends(
        "country_id",
        "specific_property_product_pricelist",
        "b2b_is_dealer",
        "b2b_tier_id.pricelist_id",
        "b2b_region_id.pricelist_id",
        "commercial_partner_id.b2b_is_dealer",
        "commercial_partner_id.b2b_tier_id.pricelist_id",
        "commercial_partner_id.b2b_region_id.pricelist_id",
        "commercial_partner_id.country_id",
    )
    @api.depends_context("company", "country_code")
    def _compute_product_pricelist(self):
        res = super()._compute_product_pricelist()
        sources = self.env["product.pricelist"]._b2b_resolve_dealer_pricelists(
            self._ids,
            {partner.id: partner.property_product_pricelist for partner in self},
        )
        for partner in self:
            partner.b2b_pricelist_source = sources.get(partner.id, (None, False))[1]
        return res

    def _inverse_product_pricelist(self):
        """For dealers, picking the tier (or regional) pricelist is no contract."""
        dealers = self.filtered(lambda p: p.commercial_partner_id.b2b_is_dealer)
        res = super(ResPartner, self - dealers)._inverse_product_pricelist()
        if dealers:
            defaults = self.env["product.pricelist"]._b2b_get_partner_pricelist_sources(
                dealers.ids, ignore_contract=True
            )
            for partner in dealers:
                chosen = partner.property_product_pricelist
                default = defaults.get(partner.id, (None, None))[0]
                partner.specific_property_product_pricelist = (
                    False if not chosen or chosen == default else chosen
                )
        return res

    # ------------------------------------------------------------------
    # Dealer price list (PDF / spreadsheet)
    # ------------------------------------------------------------------
    def _b2b_get_price_list(self, date=None):
        """The dealer's current price list: tier prices and volume breaks.

        One row per rule of the dealer's pricelist valid at ``date``, rules
        of the same target together, smallest quantity first. Read as
        superuser: callers check the access to the dealer.
        """
        self.ensure_one()
        dealer = self.commercial_partner_id.sudo()
        date = date or fields.Datetime.now()
        pricelist = dealer.property_product_pricelist
        currency = pricelist.currency_id or dealer.env.company.currency_id
        Item = self.env["product.pricelist.item"].sudo()
        items = (
            Item.search(
                [
                    ("pricelist_id", "=", pricelist.id),
                    "|",
                    ("date_start", "=", False),
                    ("date_start", "<=", date),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", date),
                    "|",
                    ("product_tmpl_id", "=", False),
                    ("product_tmpl_id.active", "=", True),
                    "|",
                    ("product_id", "=", False),
                    ("product_id.active", "=", True),
                ]
            )
            if pricelist
            else Item
        )
        scopes = dict(Item._fields["b2b_qty_scope"]._description_selection(self.env))
        rows = []
        for item in items:
            product = item.product_id or item.product_tmpl_id.product_variant_id
            price = False
            if product:
                price = item._compute_price(
                    product,
                    max(item.min_quantity, 1.0),
                    product.uom_id,
                    date,
                    currency=currency,
                )
            target = (
                item.product_id.display_name
                or item.product_tmpl_id.display_name
                or item.categ_id.display_name
                or self.env._("All products")
            )
            rows.append(
                {
                    "applied_on": item.applied_on,
                    "target": target,
                    "sku": product.default_code or "" if product else "",
                    "uom": product.uom_id.name if product else "",
                    "rule": item.price or "",
                    "min_qty": item.min_quantity,
                    "scope": scopes.get(item.b2b_qty_scope, ""),
                    "price": price,
                    "date_end": item.date_end,
                }
            )
        rows.sort(key=lambda r: (r["applied_on"], r["target"], r["min_qty"]))
        return {
            "dealer": dealer,
            "pricelist": pricelist,
            "currency": currency,
            "date": date,
            "rows": rows,
        }

    def _b2b_price_list_xlsx(self, date=None):
        """The dealer's price list as an .xlsx file (bytes)."""
        data = self._b2b_get_price_list(date=date)
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Price List")[:31])
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format(
            {"num_format": "#,##0." + "0" * data["currency"].decimal_places}
        )
        sheet.write(0, 0, data["dealer"].display_name, bold)
        sheet.write(1, 0, data["pricelist"].display_name or "")
        sheet.write(1, 3, fields.Datetime.to_string(data["date"]))
        headers = [
            self.env._("Product / Category"),
            self.env._("Internal Reference"),
            self.env._("Unit"),
            self.env._("From Quantity"),
            self.env._("Counted Over"),
            self.env._("Rule"),
            self.env._("Unit Price (%s)", data["currency"].name),
            self.env._("Valid Until"),
        ]
        for col, header in enumerate(headers):
            sheet.write(3, col, header, bold)
        for row_index, row in enumerate(data["rows"], start=4):
            sheet.write(row_index, 0, row["target"])
            sheet.write(row_index, 1, row["sku"])
            sheet.write(row_index, 2, row["uom"])
            sheet.write_number(row_index, 3, row["min_qty"])
            sheet.write(row_index, 4, row["scope"])
            sheet.write(row_index, 5, row["rule"])
            if row["price"] is not False:
                sheet.write_number(row_index, 6, row["price"], money)
            if row["date_end"]:
                sheet.write(row_index, 7, fields.Datetime.to_string(row["date_end"]))
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, 7, 16)
        workbook.close()
        return output.getvalue()
