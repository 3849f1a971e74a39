# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The demo story of dealer health: orders of the demo dealers dated so that
each rule trips, then one run of the job.

Demo only: called once by ``demo/res_partner_demo.xml`` (a ``<function>`` of
a demo file runs at installation, not on upgrades). Orders are confirmed with
``action_confirm`` and then back-dated (confirmation sets the order date to
now); dates are relative to the day the database is created.
"""

from datetime import timedelta

from odoo import Command, api, fields, models

XMLID = "b2b_crm_health.res_partner_health_demo_%s"

#: dealer key: [(days ago, quantity)] of its confirmed orders, and whether
#: they are invoiced (12-month volume)
STORY = {
    # only orders older than 180 days: "no order in 60 days"
    "dormant": ([(200, 10), (190, 10)], False),
    # 6 orders before, 2 now (same amount): "order frequency down 50 %"
    "fewer": (
        [
            (170, 10),
            (160, 10),
            (150, 10),
            (130, 10),
            (110, 10),
            (95, 10),
            (40, 30),
            (10, 30),
        ],
        True,
    ),
    # 3 orders before, 3 now of a third of the amount: "amount down 40 %"
    # (each order at least 1,000.00: the Standard tier's minimum order)
    "smaller": (
        [(160, 30), (130, 30), (100, 30), (60, 10), (30, 10), (8, 10)],
        False,
    ),
    # a Gold dealer silent for 40 days: the Gold rule (30 days), not the 60-day one
    "gold_quiet": ([(120, 10), (100, 10), (80, 10), (40, 10)], False),
    # healthy: as many orders of the same amount, invoiced
    "healthy": ([(150, 10), (120, 10), (100, 10), (70, 10), (40, 10), (5, 10)], True),
}


class B2bDealerHealth(models.Model):
    _inherit = "b2b.dealer.health"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _b2b_demo_health_story(self):
        product = self.env.ref("b2b_crm_health.product_product_health_demo")
        today = fields.Date.context_today(self)
        Order = self.env["sale.order"].with_context(tracking_disable=True)
        to_invoice = Order
        for key, (orders, invoiced) in STORY.items():
            dealer = self.env.ref(XMLID % key)
            for days, qty in orders:
                order = Order.create(
                    {
                        "partner_id": dealer.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "product_uom_qty": qty,
                                    "price_unit": 100.0,
                                    "tax_id": [Command.clear()],
                                }
                            )
                        ],
                    }
                )
                order.action_confirm()
                date = fields.Datetime.to_datetime(today - timedelta(days=days))
                order.write({"date_order": date.replace(hour=10)})
                if invoiced:
                    to_invoice |= order
        for order in to_invoice.sorted("date_order"):
            invoice = order._create_invoices()
            invoice.invoice_date = order.date_order.date()
            invoice.action_post()
        self._b2b_compute(self.env.ref("base.main_company"), today=today)
        return True
