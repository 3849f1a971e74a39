# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models, tools


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

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env.registry.clear_cache()  # _b2b_get_all_lists
        return records

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()  # _b2b_get_all_lists
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()  # _b2b_get_all_lists
        return res

    @api.model
    @tools.ormcache()
    def _b2b_get_all_lists(self):
        """``{(region id, company id): (warehouse id, ...)}`` of the whole
        database, cached per registry (a few lines per region and company;
        cleared on every change, in every worker): confirming an order, or
        creating one, reads no list from the database."""
        # sudo: the sourcing configuration, read for the suite's sourcing
        # decision only (the callers pick their own region and company)
        records = self.sudo().search_fetch(
            [], ["region_id", "company_id", "warehouse_id"], order=self._order
        )
        lists = defaultdict(list)
        for record in records:
            lists[(record.region_id.id, record.company_id.id)].append(
                record.warehouse_id.id
            )
        return {pair: tuple(ids) for pair, ids in lists.items()}

    @api.model
    def _b2b_get_lists(self, region_company_pairs):
        """The sourcing lists of ``region_company_pairs`` (an iterable of
        ``(region id, company id)``): ``{(region id, company id): warehouse
        recordset, in order}`` without archived warehouses; pairs without a
        list are absent. No query for pairs without a list once the cache
        is warm, one for the others."""
        all_lists = self._b2b_get_all_lists()
        pairs = {pair for pair in region_company_pairs if pair in all_lists}
        if not pairs:
            return {}
        # sudo: which warehouses of the lists still exist and are active
        # (one query; the cached ids may be of a deleted warehouse), with
        # the code and name the dealers' availability answers show
        active = set(
            self.env["stock.warehouse"]
            .sudo()
            .search_fetch(
                [("id", "in", [i for p in pairs for i in all_lists[p]])],
                ["code", "name"],
            )
            .ids
        )
        Warehouse = self.env["stock.warehouse"]
        result = {}
        for pair in pairs:
            ids = [i for i in all_lists[pair] if i in active]
            if ids:
                result[pair] = Warehouse.browse(ids)
        return result
