# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import xlsxwriter

from odoo import api, fields, models

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
        """The dealer's price list: a price per SKU, at each break.

        One row per product the dealer may order
        (``product.product._b2b_orderable_domain``), priced by the pricing
        engine in one batch (``product.pricelist._b2b_price_levels``): list
        price, net price for one unit and every lower price from a quantity
        (product, category and global rules expanded to the products they
        apply to). Read as superuser: callers check the access to the dealer.
        """
        self.ensure_one()
        dealer = self.commercial_partner_id.sudo()
        company = dealer.company_id or self.env.company
        dealer = dealer.with_company(company)
        date = date or fields.Datetime.now()
        pricelist = dealer.property_product_pricelist
        currency = pricelist.currency_id or company.currency_id
        Product = self.env["product.product"].sudo().with_company(company)
        products = Product.search(
            Product._b2b_orderable_domain(company), order="default_code, name, id"
        )
        levels = pricelist._b2b_price_levels(products, date=date, currency=currency)
        Item = self.env["product.pricelist.item"]
        scopes = dict(Item._fields["b2b_qty_scope"]._description_selection(self.env))
        rows = []
        for product in products:
            level = levels[product.id]
            rows.append(
                {
                    "product": product,
                    "name": product.display_name,
                    "sku": product.default_code or "",
                    "uom": product.uom_id.name,
                    "list_price": level["list_price"],
                    "price": level["price"],
                    "breaks": [
                        dict(price_break, scope_label=scopes.get(price_break["scope"]))
                        for price_break in level["breaks"]
                    ],
                }
            )
        return {
            "dealer": dealer,
            "pricelist": pricelist,
            "currency": currency,
            "date": date,
            "rows": rows,
            "max_breaks": max((len(row["breaks"]) for row in rows), default=0),
        }

    def _b2b_price_list_file(self, fmt):
        """The dealer's price list as a download: (content, mimetype,
        filename) for ``fmt`` ``pdf`` or ``xlsx``, ``None`` for any other
        format. Read as superuser: callers check the access to the dealer."""
        self.ensure_one()
        dealer = self.commercial_partner_id.sudo()
        filename = self.env._("Price List - %s", dealer.name)
        if fmt == "xlsx":
            return dealer._b2b_price_list_xlsx(), XLSX_MIMETYPE, f"{filename}.xlsx"
        if fmt == "pdf":
            content, __ = (
                self.env["ir.actions.report"]
                .sudo()
                ._render_qweb_pdf("b2b_pricing.b2b_price_list_report", dealer.ids)
            )
            return content, "application/pdf", f"{filename}.pdf"
        return None

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
            self.env._("Product"),
            self.env._("Internal Reference"),
            self.env._("Unit"),
            self.env._("List Price"),
            self.env._("From Quantity"),
            self.env._("Unit Price (%s)", data["currency"].name),
            self.env._("Counted Over"),
        ]
        for col, header in enumerate(headers):
            sheet.write(3, col, header, bold)
        # one line per product and quantity: filterable, sortable
        row_index = 4
        for row in data["rows"]:
            levels = [{"quantity": 1.0, "price": row["price"], "scope_label": ""}]
            for level in levels + row["breaks"]:
                sheet.write(row_index, 0, row["name"])
                sheet.write(row_index, 1, row["sku"])
                sheet.write(row_index, 2, row["uom"])
                sheet.write_number(row_index, 3, row["list_price"], money)
                sheet.write_number(row_index, 4, level["quantity"])
                sheet.write_number(row_index, 5, level["price"], money)
                sheet.write(row_index, 6, level["scope_label"] or "")
                row_index += 1
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, 6, 16)
        sheet.autofilter(3, 0, max(row_index - 1, 3), len(headers) - 1)
        workbook.close()
        return output.getvalue()
