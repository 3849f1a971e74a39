# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Low-stock alerts: one record per (warehouse, product) and day an alert
was raised, with the activity given to the warehouse's responsible user.

The daily job works on sets: the thresholds, the reordering rules'
minimums, the alerts and the stock of every pair are read in a fixed number
of queries, whatever the number of products and warehouses."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL, float_compare

ALERT_STATES = [
    ("open", "Open"),
    ("closed", "Closed: Stock Back"),
    ("done", "Done by the User"),
]


class B2bStockAlert(models.Model):
    _name = "b2b.stock.alert"
    _description = "Low-Stock Alert"
    _order = "date desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        string="Warehouse",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    product_id = fields.Many2one(
        "product.product",
        string="Product",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    categ_id = fields.Many2one(related="product_id.categ_id", string="Product Category")
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    date = fields.Date(string="Raised On", required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    source = fields.Selection(
        [("threshold", "Low-Stock Threshold"), ("orderpoint", "Reordering Rule")],
        string="Threshold From",
        required=True,
        readonly=True,
    )
    threshold = fields.Float(digits="Product Unit of Measure", readonly=True)
    quantity = fields.Float(
        string="On Hand When Raised", digits="Product Unit of Measure", readonly=True
    )
    state = fields.Selection(
        ALERT_STATES, default="open", required=True, readonly=True, index=True
    )
    closed_date = fields.Date(readonly=True)
    closed_quantity = fields.Float(
        string="On Hand When Closed", digits="Product Unit of Measure", readonly=True
    )
    activity_id = fields.Many2one(
        "mail.activity", string="Activity", readonly=True, ondelete="set null"
    )

    _sql_constraints = [
        (
            "b2b_stock_alert_once_a_day",
            "unique(warehouse_id, product_id, date)",
            "At most one low-stock alert per product and warehouse a day.",
        ),
    ]

    # ------------------------------------------------------------------
    # Entry points
    # ------------------------------------------------------------------
    @api.model
    def _b2b_cron_check_low_stock(self):
        """Daily job: the low-stock alerts of every company."""
        # sudo: the job reads the stock, thresholds and reordering rules of
        # every warehouse and plans activities for their responsible users
        return self.sudo()._b2b_check_low_stock()

    @api.model
    def _b2b_check_low_stock(self, today=None, warehouses=None):
        """Raise and close the low-stock alerts of ``warehouses`` (default:
        every warehouse) as of ``today``; returns ``(raised, closed)``
        alerts. A pair is low when its quantity on hand in the warehouse
        is below its threshold (``b2b.stock.threshold``, else the sum of the
        minimums of its reordering rules in the warehouse); only warehouses
        with a responsible user raise alerts. An open alert is closed when
        its pair is no longer low (or has no threshold or responsible any
        more); one raised alert per pair a day at most, never a second
        open one."""
        today = fields.Date.to_date(today) or fields.Date.context_today(self)
        Warehouse = self.env["stock.warehouse"]
        domain = [("id", "in", warehouses.ids)] if warehouses is not None else []
        warehouses = Warehouse.search_fetch(
            domain, ["company_id", "b2b_stock_responsible_id"]
        )
        watched = warehouses.filtered("b2b_stock_responsible_id")
        thresholds = self._b2b_thresholds(watched)
        alerts = self.search_fetch(
            [
                ("warehouse_id", "in", warehouses.ids),
                "|",
                ("state", "=", "open"),
                ("date", "=", today),
            ],
            ["warehouse_id", "product_id", "date", "state", "activity_id"],
        )
        open_alerts = alerts.filtered(lambda a: a.state == "open")
        products = self.env["product.product"].browse(
            {product_id for product_id, _wh in thresholds}
            | set(open_alerts.product_id.ids)
        )
        levels = products._b2b_stock_levels(warehouses)
        low = {}
        for pair, (source, min_qty) in thresholds.items():
            on_hand = levels.get(pair, {}).get("on_hand", 0.0)
            if float_compare(on_hand, min_qty, precision_digits=6) < 0:
                low[pair] = (source, min_qty, on_hand)
        closed = self._b2b_close_alerts(open_alerts, low, levels, today)
        still_open = {
            (a.product_id.id, a.warehouse_id.id) for a in open_alerts - closed
        }
        alerted_today = {
            (a.product_id.id, a.warehouse_id.id) for a in alerts if a.date == today
        }
        todo = {
            pair: figures
            for pair, figures in low.items()
            if pair not in still_open and pair not in alerted_today
        }
        raised = self._b2b_raise_alerts(todo, watched, today)
        return raised, closed

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    @api.model
    def _b2b_thresholds(self, warehouses):
        """``{(product id, warehouse id): (source, minimum)}`` of the
        ``warehouses``: their active thresholds, and for the other pairs
        the sum of the minimums (above zero) of their active reordering
        rules. Two queries."""
        if not warehouses:
            return {}
        result = {}
        for threshold in self.env["b2b.stock.threshold"].search_fetch(
            [("warehouse_id", "in", warehouses.ids)],
            ["warehouse_id", "product_id", "min_qty"],
        ):
            result[(threshold.product_id.id, threshold.warehouse_id.id)] = (
                "threshold",
                threshold.min_qty,
            )
        groups = self.env["stock.warehouse.orderpoint"]._read_group(
            [("warehouse_id", "in", warehouses.ids), ("product_min_qty", ">", 0)],
            ["product_id", "warehouse_id"],
            ["product_min_qty:sum"],
        )
        for product, warehouse, min_qty in groups:
            result.setdefault((product.id, warehouse.id), ("orderpoint", min_qty))
        return result

    @api.model
    def _b2b_close_alerts(self, open_alerts, low, levels, today):
        """Close the open alerts whose pair is not low any more (state
        ``closed``, the activity removed) or whose activity the user marked
        done (state ``done``); returns the alerts closed either way."""
        back = self.browse()
        handled = self.browse()
        for alert in open_alerts:
            if not alert.activity_id:
                handled |= alert
            elif (alert.product_id.id, alert.warehouse_id.id) not in low:
                back |= alert
        if handled:
            handled.write({"state": "done", "closed_date": today})
        if back:
            quantities = [
                levels.get((a.product_id.id, a.warehouse_id.id), {}).get("on_hand", 0.0)
                for a in back
            ]
            # a recordset of its own: prefetched together once the alerts'
            # cache is invalidated
            activities = self.env["mail.activity"].browse(back.activity_id.ids)
            self.env.flush_all()
            # one statement for every alert (each has its own quantity)
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE b2b_stock_alert a
                       SET state = 'closed', closed_date = %(today)s,
                           closed_quantity = v.qty, activity_id = NULL,
                           write_uid = %(uid)s,
                           write_date = now() AT TIME ZONE 'UTC'
                      FROM unnest(%(ids)s::int[], %(qty)s::float8[]) AS v(id, qty)
                     WHERE a.id = v.id
                    """,
                    today=today,
                    uid=self.env.uid,
                    ids=back.ids,
                    qty=quantities,
                )
            )
            back.invalidate_recordset()
            # the alert keeps the trail (raised, closed, quantities); the
            # activity has nothing left to do
            activities.unlink()
        return back | handled

    @api.model
    def _b2b_raise_alerts(self, todo, warehouses, today):
        """Create one alert and one activity for the responsible user per
        pair of ``todo`` (``{(product id, warehouse id): (source, minimum,
        on hand)}``), in batches."""
        if not todo:
            return self.browse()
        warehouse_of = {warehouse.id: warehouse for warehouse in warehouses}
        products = self.env["product.product"].browse({p for p, _w in todo})
        model_id = self.env["ir.model"]._get_id("product.product")
        activity_type = self.env.ref(
            "b2b_stock_analysis.mail_activity_type_low_stock",
            raise_if_not_found=False,
        )
        by_lang = {}
        for pair in todo:
            user = warehouse_of[pair[1]].b2b_stock_responsible_id
            by_lang.setdefault(user.lang or "en_US", []).append(pair)
        pairs, activity_values = [], []
        for lang, lang_pairs in by_lang.items():
            env = self.with_context(lang=lang).env
            # display names of the products and warehouses in one batch
            products.with_env(env).mapped("display_name")
            for product_id, warehouse_id in lang_pairs:
                source, min_qty, on_hand = todo[(product_id, warehouse_id)]
                warehouse = warehouse_of[warehouse_id].with_env(env)
                product = products.browse(product_id).with_env(env)
                pairs.append((product_id, warehouse_id))
                activity_values.append(
                    {
                        "res_model_id": model_id,
                        "res_id": product_id,
                        "activity_type_id": activity_type.id
                        if activity_type
                        else False,
                        "user_id": warehouse.b2b_stock_responsible_id.id,
                        "date_deadline": today,
                        "summary": env._("Low stock in %s", warehouse.name),
                        "note": Markup("<p>%s</p>")
                        % env._(
                            "%(product)s: %(on_hand)s %(uom)s on hand in "
                            "%(warehouse)s, below the threshold of "
                            "%(threshold)s.",
                            product=product.display_name,
                            on_hand=round(on_hand, 4),
                            uom=product.uom_id.name,
                            warehouse=warehouse.name,
                            threshold=round(min_qty, 4),
                        ),
                    }
                )
        # quick update: no e-mail per activity; the responsible sees them in
        # the activity menu and on the product
        activities = (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(activity_values)
        )
        values = []
        for (product_id, warehouse_id), activity in zip(pairs, activities, strict=True):
            source, min_qty, on_hand = todo[(product_id, warehouse_id)]
            warehouse = warehouse_of[warehouse_id]
            values.append(
                {
                    "company_id": warehouse.company_id.id,
                    "warehouse_id": warehouse_id,
                    "product_id": product_id,
                    "date": today,
                    "user_id": warehouse.b2b_stock_responsible_id.id,
                    "source": source,
                    "threshold": min_qty,
                    "quantity": on_hand,
                    "activity_id": activity.id,
                }
            )
        return self.create(values)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.model
    def action_b2b_check_now(self):
        """Button of the alert list: run the check now (stock managers), on
        the warehouses of the companies the user works in."""
        self.env["stock.warehouse"].check_access("write")
        warehouses = self.env["stock.warehouse"].search(
            [("company_id", "in", self.env.companies.ids)]
        )
        # sudo: the job's reads and activities (see _b2b_cron_check_low_stock),
        # on the user's own warehouses only
        raised, closed = self.sudo()._b2b_check_low_stock(warehouses=warehouses.sudo())
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._(
                    "%(raised)s alert(s) raised, %(closed)s closed.",
                    raised=len(raised),
                    closed=len(closed),
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
