# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from contextlib import contextmanager
from unittest.mock import patch

from odoo import Command, http
from odoo.tests import HttpCase

from odoo.addons.b2b_base.tests.common import B2bQueryLogMixin
from odoo.addons.b2b_pricing_sale.tests.common import B2bPricingSaleCommon

ADMIN = "b2b_base.b2b_base_group_buyer_admin"


class B2bPortalCommon(B2bPricingSaleCommon):
    """Two approved dealers (A: Silver, B: Gold) with buyers of every role,
    a plain portal customer, products with SKUs and order rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dealer_a = cls.dealer
        cls.dealer_b = cls.dealer_gold
        cls.a_admin = cls._b2b_buyer(cls.dealer_a, "pa_admin", ("admin",))
        cls.a_buyer = cls._b2b_buyer(cls.dealer_a, "pa_buyer")
        cls.a_buyer2 = cls._b2b_buyer(cls.dealer_a, "pa_buyer2")
        cls.a_approver = cls._b2b_buyer(cls.dealer_a, "pa_approver", ("approver",))
        cls.a_finance = cls._b2b_buyer(cls.dealer_a, "pa_finance", ("finance",))
        cls.b_buyer = cls._b2b_buyer(cls.dealer_b, "pb_buyer", ("purchaser", "admin"))
        cls.plain = cls._create_portal_user(cls.customer, "p_plain")
        cls.old = cls._create_product(
            "B2B Old Lamp", 30.0, cls.categ_other, "B2B-OLD", active=False
        )
        cls.service = cls._create_product(
            "B2B Not Sold", 30.0, cls.categ_other, "B2B-NOSALE", sale_ok=False
        )
        (cls.old | cls.service).product_tmpl_id.taxes_id = False
        cls.cap.is_storable = True
        cls.env["stock.quant"]._update_available_quantity(
            cls.cap, cls.env.ref("stock.stock_location_stock"), 100.0
        )
        cls.mug.sale_delay = 12
        Rule = cls.env["b2b.order.rule"]
        cls.rule_cap_moq = Rule.create(
            {
                "name": "Caps by 5",
                "applied_on": "product",
                "product_tmpl_id": cls.cap.product_tmpl_id.id,
                "min_qty": 5,
                "mode": "block",
            }
        )
        cls.rule_mug_multiple = Rule.create(
            {
                "name": "Mugs by 6",
                "applied_on": "product",
                "product_tmpl_id": cls.mug.product_tmpl_id.id,
                "qty_multiple": 6,
                "mode": "block",
            }
        )
        cls.order_a1 = cls._b2b_order(cls.a_buyer.partner_id, [(cls.cap, 5)])
        cls.order_a2 = cls._b2b_order(cls.a_buyer2.partner_id, [(cls.mug, 6)])
        cls.order_b = cls._b2b_order(cls.b_buyer.partner_id, [(cls.cap, 10)])
        cls.order_plain = cls._b2b_order(cls.customer, [(cls.mug, 6)])
        for order in cls.order_a1 | cls.order_a2 | cls.order_b | cls.order_plain:
            order.message_subscribe(partner_ids=order.partner_id.ids)

    @classmethod
    def _create_invoice(cls, partner, amount=100.0):
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "B2B line", "quantity": 1, "price_unit": amount}
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice


class B2bPortalHttpCommon(B2bPortalCommon, HttpCase):
    """The same data, for tests through the portal routes."""

    def _post(self, url, data=None, files=None):
        data = dict(data or {}, csrf_token=http.Request.csrf_token(self))
        return self.url_open(url, data=data, files=files)


class B2bPortalQueryCountMixin:
    """Query counting of portal pages, shared by the portal modules' tests
    (mixed into an ``HttpCase``)."""

    def _b2b_count_warm(self, url, login):
        """(queries, html) of one warm request of ``url`` by ``login``."""
        self.authenticate(login, login)
        for _i in range(2):  # warm the caches (templates, assets, groups)
            self.assertEqual(self.url_open(url).status_code, 200)
        start = self.cr.sql_log_count
        response = self.url_open(url)
        count = self.cr.sql_log_count - start
        self.assertEqual(response.status_code, 200)
        return count, response.text

    @contextmanager
    def _b2b_method_counter(self, cls, method_name):
        """Count the queries of ``cls.method_name`` (its last call) while the
        context is open: ``result["count"]``."""
        result = {"count": 0}
        original = getattr(cls, method_name)
        cr = self.cr

        def counted(controller, *args, **kwargs):
            start = cr.sql_log_count
            value = original(controller, *args, **kwargs)
            result["count"] = cr.sql_log_count - start  # last call
            return value

        with patch.object(cls, method_name, counted):
            yield result


#: what the suite's portal templates put in a page (ids, classes, links)
#: (``b2b_portal_home``, ``b2b_card_*``, ``b2b_order_actions``,
#: ``b2b_credit_card``, ``b2b_approval_card``, ``b2b_approval_timeline``, the
#: price list cards...), not in text (a user may be called "b2b_...")
B2B_HTML_MARKERS = ('id="b2b_', 'name="b2b_', "/my/b2b/")


class B2bPlainPortalMixin(B2bQueryLogMixin):
    """Odoo's portal pages as a user the suite does not concern (a portal
    customer that is no dealer, an internal user without B2B groups), mixed
    into an ``HttpCase``: the page is Odoo's (no marker of the suite's
    templates) and the suite runs no query of its own tables while serving
    it. The SQL of the warm request is logged (``HttpCase`` requests run on
    the test cursor) rather than counted: a total count moves with Odoo's
    caches and versions, a query of a ``b2b_*`` table is the suite's own."""

    def _b2b_plain_get(self, login, url):
        """(response, queries) of the warm request of ``url`` by ``login``."""
        self.authenticate(login, login)
        for _warm in range(2):  # templates, assets, access and role caches
            self.assertEqual(self.url_open(url).status_code, 200, url)
        return self._b2b_log_queries(self.url_open, url)

    def _b2b_assert_plain_page(self, login, url, *odoo_markers):
        response, queries = self._b2b_plain_get(login, url)
        self.assertEqual(response.status_code, 200, url)
        for marker in odoo_markers:
            self.assertIn(marker, response.text, url)
        for marker in B2B_HTML_MARKERS:
            self.assertNotIn(marker, response.text, f"{url}: {marker}")
        self.assertEqual(self._b2b_tables(queries), {}, url)
        return response

    def _b2b_plain_counters(self, login, counters):
        """Odoo's home counters (``/my/counters``) and the queries."""
        self.authenticate(login, login)
        for _warm in range(2):
            self.make_jsonrpc_request("/my/counters", {"counters": counters})
        return self._b2b_log_queries(
            self.make_jsonrpc_request, "/my/counters", {"counters": counters}
        )
