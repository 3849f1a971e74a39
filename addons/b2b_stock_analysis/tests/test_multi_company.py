# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import tagged

from .common import B2bStockAnalysisCommon


@tagged("post_install", "-at_install")
class TestMultiCompany(B2bStockAnalysisCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "B2B Analysis Co B"})
        cls.user_b = cls._b2b_internal_user(
            "b2b_sa_user_b",
            "stock.group_stock_manager",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )
        cls.wh_b = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company_b.id)], limit=1
        )
        cls.wh_b.b2b_stock_responsible_id = cls.user_b
        # stock and a low pair in each company
        cls._stock(cls.pump, cls.wh_west, 3)
        cls._stock(cls.pump, cls.wh_b, 4)
        cls._threshold(cls.pump, cls.wh_west, 10)
        cls._threshold(cls.pump, cls.wh_b, 10)
        cls.env["b2b.stock.alert"].sudo()._b2b_check_low_stock(
            today=date(2026, 3, 2), warehouses=cls.wh_west | cls.wh_b
        )

    def test_each_company_its_own(self):
        for user, company, warehouse, qty in (
            (self.stock_user, self.company, self.wh_west, 3.0),
            (self.user_b, self.company_b, self.wh_b, 4.0),
        ):
            env = self.env(user=user)
            report = env["b2b.stock.ageing.report"].search(
                [("product_id", "=", self.pump.id)]
            )
            self.assertEqual(report.company_id, company)
            self.assertEqual(report.warehouse_id, warehouse)
            self.assertEqual(report.quantity, qty)
            groups = env["b2b.stock.ageing.report"]._read_group(
                [("product_id", "=", self.pump.id)], ["company_id"], ["quantity:sum"]
            )
            self.assertEqual(groups, [(company, qty)])
            alerts = env["b2b.stock.alert"].search([("product_id", "=", self.pump.id)])
            self.assertEqual(alerts.warehouse_id, warehouse)
            self.assertEqual(alerts.user_id, user)
            thresholds = env["b2b.stock.threshold"].search([])
            self.assertEqual(thresholds.warehouse_id, warehouse)

    def test_threshold_company_follows_warehouse(self):
        threshold = self.env["b2b.stock.threshold"].search(
            [("warehouse_id", "=", self.wh_b.id)]
        )
        self.assertEqual(threshold.company_id, self.company_b)

    def test_check_now_own_companies_only(self):
        self._stock(self.valve, self.wh_b, 1)
        self._stock(self.valve, self.wh_west, 1)
        self._threshold(self.valve, self.wh_b, 10)
        self._threshold(self.valve, self.wh_west, 10)
        self.Alert.with_user(self.user_b).action_b2b_check_now()
        alerts = self.Alert.search([("product_id", "=", self.valve.id)])
        self.assertEqual(alerts.warehouse_id, self.wh_b)
