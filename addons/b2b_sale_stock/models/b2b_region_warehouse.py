# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models


class B2bRegionWarehouse(models.Model):
    """One warehouse of a region's sourcing list in one company: the first
    (lowest sequence) is the region's default warehouse, the next ones its
    fallbacks, in order."""

    _name = "b2b.region.warehouse"
    _description = "Dealer Region Warehouse"
    _order = "region_id, company_id, sequence, id"
    _check_company_auto = True

    region_id = fields.Many2one(
        "b2b.dealer.region",
        string="Region",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        string="Warehouse",
        required=True,
        ondelete="cascade",
        check_company=True,
    )
    sequence = fields.Integer(default=10)

    _sql_constraints = [
        (
            "b2b_region_warehouse_unique",
            "unique(region_id, company_id, warehouse_id)",
            "A warehouse appears only once in a region's list of a company.",
        ),
    ]

    @api.model
    def _b2b_get_lists(self, region_company_pairs):
        """The sourcing lists of ``region_company_pairs`` (an iterable of
        ``(region id, company id)``): ``{(region id, company id): warehouse
        recordset, in order}``; pairs without a list are absent. One query
        for any number of pairs."""
        pairs = {pair for pair in region_company_pairs if all(pair)}
        if not pairs:
            return {}
        # sudo: the sourcing configuration of the given regions and
        # companies, read when confirming an order of one of their dealers
        # (a portal or API user confirms through the suite's own paths)
        records = self.sudo().search_fetch(
            [
                ("region_id", "in", list({region for region, _company in pairs})),
                ("company_id", "in", list({company for _region, company in pairs})),
                ("warehouse_id.active", "=", True),
            ],
            ["region_id", "company_id", "warehouse_id", "sequence"],
        )
        lists = defaultdict(lambda: self.env["stock.warehouse"])
        for record in records:
            pair = (record.region_id.id, record.company_id.id)
            if pair in pairs:
                lists[pair] |= record.warehouse_id
        return dict(lists)
