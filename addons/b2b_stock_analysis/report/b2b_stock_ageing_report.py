# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Slow and dead stock: the stock on hand per company, warehouse, product
and age bucket, with its value, the product's last sale from the warehouse
and its stock cover.

The age of stock is Odoo's own *incoming date* of the quants
(``stock.quant.in_date``): set when goods are received, carried along by
every internal move (a transfer between warehouses keeps it, see
``tests/test_ageing.py``), the oldest one kept when quants merge. No ledger
of its own: the report is a query (``_table_query``) over Odoo's quants,
valuation layers and done moves, run each time the report is read, with
today's date as a parameter (so the figures are never stale and tests can
freeze the date)."""

from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.tools import SQL

#: the age buckets: (key, label, last day of the bucket or None)
AGE_BUCKETS = [
    ("a_0_30", "0-30 days", 30),
    ("b_31_90", "31-90 days", 90),
    ("c_91_180", "91-180 days", 180),
    ("d_181_365", "181-365 days", 365),
    ("e_365", "> 365 days", None),
]

#: the window of the sales pace, in days
PACE_DAYS = 90


class B2bStockAgeingReport(models.Model):
    _name = "b2b.stock.ageing.report"
    _description = "Stock Ageing Analysis"
    _auto = False
    _order = "warehouse_id, product_id, age_bucket"
    _rec_name = "product_id"
    _depends = {
        "stock.quant": [
            "product_id",
            "location_id",
            "company_id",
            "quantity",
            "in_date",
            "owner_id",
        ],
        "stock.location": ["usage", "warehouse_id"],
        "stock.move": [
            "product_id",
            "location_id",
            "location_dest_id",
            "state",
            "date",
            "product_qty",
        ],
        "stock.valuation.layer": ["product_id", "company_id", "quantity", "value"],
        "product.product": ["product_tmpl_id"],
        "product.template": ["categ_id", "uom_id"],
        "res.company": ["partner_id", "currency_id"],
        "b2b.region.warehouse": ["warehouse_id", "company_id", "region_id", "sequence"],
    }

    company_id = fields.Many2one("res.company", readonly=True)
    warehouse_id = fields.Many2one("stock.warehouse", string="Warehouse", readonly=True)
    region_id = fields.Many2one(
        "b2b.dealer.region",
        string="Region",
        readonly=True,
        help="The region the warehouse serves first: the region in whose "
        "sourcing list (of the company) the warehouse comes earliest.",
    )
    product_id = fields.Many2one("product.product", string="Product", readonly=True)
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product Template", readonly=True
    )
    categ_id = fields.Many2one(
        "product.category", string="Product Category", readonly=True
    )
    uom_id = fields.Many2one("uom.uom", string="Unit", readonly=True)
    age_bucket = fields.Selection(
        [(key, label) for key, label, _days in AGE_BUCKETS],
        string="Age",
        readonly=True,
        help="Days since the stock was first received in the company "
        "(Odoo's incoming date of the quants; internal transfers keep it).",
    )
    in_date = fields.Datetime(
        string="Received",
        readonly=True,
        aggregator="min",
        help="The oldest incoming date of the stock of the line.",
    )
    age_days = fields.Integer(
        string="Age (Days)",
        readonly=True,
        aggregator="max",
        help="Days since the oldest stock of the line was received.",
    )
    quantity = fields.Float(
        string="On Hand", digits="Product Unit of Measure", readonly=True
    )
    currency_id = fields.Many2one("res.currency", readonly=True)
    value = fields.Monetary(
        readonly=True,
        groups="stock.group_stock_manager",
        help="Quantity times the average unit cost of the product's valuation "
        "layers in the company, as Odoo values its quants.",
    )
    last_sale_date = fields.Date(
        string="Last Sale",
        readonly=True,
        aggregator="max",
        help="Day of the last delivery of the product to a customer from the "
        "warehouse.",
    )
    days_since_sale = fields.Integer(
        string="Days Since Last Sale",
        readonly=True,
        aggregator="min",
        help="Days since the last delivery to a customer from the warehouse "
        "(empty: never delivered).",
    )
    sold_90d = fields.Float(
        string="Delivered (90 Days)",
        digits="Product Unit of Measure",
        readonly=True,
        help="Quantity delivered to customers from the warehouse in the last "
        "90 days; spread over the age buckets of the product in proportion to "
        "their quantity, so that every total adds up.",
    )
    cover_days = fields.Float(
        string="Cover (Days)",
        digits=(16, 1),
        readonly=True,
        aggregator="avg",
        help="Days the stock on hand lasts at the pace of the last 90 days' "
        "deliveries (on hand x 90 / delivered in 90 days); in a group, the "
        "group's on hand against the group's deliveries. Empty: nothing "
        "delivered in 90 days.",
    )

    # ------------------------------------------------------------------
    # The query
    # ------------------------------------------------------------------
    @property
    def _table_query(self):
        return self._b2b_query(fields.Date.context_today(self))

    @api.model
    def _b2b_age_bucket_sql(self, age):
        cases = SQL(" ").join(
            SQL("WHEN %s <= %s THEN %s", age, days, key)
            for key, _label, days in AGE_BUCKETS
            if days is not None
        )
        return SQL("CASE %s ELSE %s END", cases, AGE_BUCKETS[-1][0])

    @api.model
    def _b2b_query(self, today):
        """The report's rows as of ``today``: one per company, warehouse,
        product and age bucket of the positive quants of the warehouses'
        internal locations."""
        since = datetime.combine(today - timedelta(days=PACE_DAYS - 1), time.min)
        end = datetime.combine(today + timedelta(days=1), time.min)
        age = SQL("(%s::date - (q.in_date)::date)", today)
        return SQL(
            """
            WITH positions AS (
                SELECT rw.warehouse_id, rw.company_id, rw.region_id,
                       ROW_NUMBER() OVER (PARTITION BY rw.region_id, rw.company_id
                                          ORDER BY rw.sequence, rw.id) AS position
                  FROM b2b_region_warehouse rw
            ), regions AS (
                SELECT DISTINCT ON (warehouse_id, company_id)
                       warehouse_id, company_id, region_id
                  FROM positions
                 ORDER BY warehouse_id, company_id, position, region_id
            ), costs AS (
                SELECT svl.product_id, svl.company_id,
                       SUM(svl.value) / NULLIF(SUM(svl.quantity), 0) AS unit_cost
                  FROM stock_valuation_layer svl
                 GROUP BY svl.product_id, svl.company_id
            ), sales AS (
                SELECT m.product_id, src.warehouse_id,
                       MAX(m.date) AS last_sale,
                       SUM(m.product_qty) FILTER (WHERE m.date >= %(since)s) AS sold
                  FROM stock_move m
                  JOIN stock_location src ON src.id = m.location_id
                  JOIN stock_location dst ON dst.id = m.location_dest_id
                 WHERE m.state = 'done'
                   AND dst.usage = 'customer'
                   AND src.warehouse_id IS NOT NULL
                   AND m.date < %(end)s
                 GROUP BY m.product_id, src.warehouse_id
            ), stock AS (
                SELECT MIN(q.id) AS id, c.id AS company_id, c.currency_id,
                       loc.warehouse_id, q.product_id, %(bucket)s AS age_bucket,
                       MIN(q.in_date) AS in_date,
                       SUM(q.quantity) AS quantity,
                       SUM(q.quantity) FILTER (
                           WHERE q.owner_id IS NULL OR q.owner_id = c.partner_id
                       ) AS valued_quantity
                  FROM stock_quant q
                  JOIN stock_location loc ON loc.id = q.location_id
                  JOIN res_company c ON c.id = q.company_id
                 WHERE loc.usage = 'internal'
                   AND loc.warehouse_id IS NOT NULL
                   AND q.quantity > 0
                 GROUP BY c.id, loc.warehouse_id, q.product_id, 6
            ), rows AS (
                SELECT s.*,
                       SUM(s.quantity) OVER (
                           PARTITION BY s.company_id, s.warehouse_id, s.product_id
                       ) AS pair_quantity
                  FROM stock s
            )
            SELECT r.id, r.company_id, r.warehouse_id, reg.region_id,
                   r.product_id, pp.product_tmpl_id, pt.categ_id, pt.uom_id,
                   r.age_bucket, r.in_date,
                   (%(today)s::date - (r.in_date)::date) AS age_days,
                   r.quantity, r.currency_id,
                   COALESCE(r.valued_quantity, 0) * COALESCE(co.unit_cost, 0)
                       AS value,
                   (sa.last_sale)::date AS last_sale_date,
                   (%(today)s::date - (sa.last_sale)::date) AS days_since_sale,
                   COALESCE(sa.sold, 0) * r.quantity / r.pair_quantity AS sold_90d,
                   r.pair_quantity * %(pace)s / NULLIF(sa.sold, 0) AS cover_days
              FROM rows r
              JOIN product_product pp ON pp.id = r.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              LEFT JOIN regions reg ON reg.warehouse_id = r.warehouse_id
                                   AND reg.company_id = r.company_id
              LEFT JOIN costs co ON co.product_id = r.product_id
                                AND co.company_id = r.company_id
              LEFT JOIN sales sa ON sa.product_id = r.product_id
                                AND sa.warehouse_id = r.warehouse_id
            """,
            today=today,
            since=since,
            end=end,
            pace=float(PACE_DAYS),
            bucket=self._b2b_age_bucket_sql(age),
        )

    # ------------------------------------------------------------------
    # Grouping: the cover of a group is its stock against its deliveries
    # ------------------------------------------------------------------
    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec.startswith("cover_days:"):
            quantity = self._field_to_sql(self._table, "quantity", query)
            sold = self._field_to_sql(self._table, "sold_90d", query)
            return SQL(
                "(SUM(%s) * %s / NULLIF(SUM(%s), 0))", quantity, float(PACE_DAYS), sold
            )
        return super()._read_group_select(aggregate_spec, query)
