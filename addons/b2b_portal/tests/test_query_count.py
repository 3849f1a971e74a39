# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo.tests import tagged
from odoo.tools import SQL

from .common import B2bPortalHttpCommon

_logger = logging.getLogger(__name__)

MAX_QUERIES = 40
#: queries the dealer's order page may add to Odoo's own order page
ORDER_PAGE_EXTRA = 4
#: queries a glue module installed with the portal adds to the dealer's
#: order page, each measured by the module's own test (b2b_portal_stock:
#: the shipping per warehouse, one query whatever the order's size)
# b2b_finance_portal: the transfers declared for the order (pay card)
GLUE_ORDER_PAGE_EXTRA = {"b2b_portal_stock": 1, "b2b_finance_portal": 1}
N_SMALL = 20
N_EXTRA = 2000


@tagged("post_install", "-at_install")
class TestQueryCount(B2bPortalHttpCommon):
    """The portal pages cost the same number of queries for a dealer with 20
    orders, deliveries and invoices and for one with 2,000 more."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        orders = cls.env["sale.order"]
        for __ in range(N_SMALL):
            order = cls._b2b_order(cls.a_buyer.partner_id, [(cls.mug, 6)])
            order.message_subscribe(partner_ids=cls.a_buyer.partner_id.ids)
            orders |= order
        orders.action_confirm()
        cls.orders = orders
        # the same order of a customer that is not a dealer: Odoo's own page
        cls.plain_order = cls._b2b_order(cls.customer, [(cls.mug, 6)])
        cls.plain_order.message_subscribe(partner_ids=cls.customer.ids)
        cls.plain_order.action_confirm()
        cls.invoices = cls.env["account.move"]
        for __ in range(N_SMALL):
            cls.invoices |= cls._create_invoice(cls.a_buyer.partner_id)

    @classmethod
    def _columns(cls, table, *skip):
        cls.env.cr.execute(
            SQL(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = %s AND column_name != ALL(%s)",
                table,
                ["id", *skip],
            )
        )
        return [row[0] for row in cls.env.cr.fetchall()]

    @classmethod
    def _sql_clone(cls, record, count, followers=True, children=None):
        """``count`` copies of ``record`` in one INSERT (names suffixed), with
        copies of its ``children`` rows (table, parent column), followed by
        the same partners: the cheap way to a large dealer whose documents
        render like the real ones."""
        table = record._table
        cls.env.flush_all()
        columns = cls._columns(table)
        values = [
            SQL("%s || '-' || g", SQL.identifier(column))
            if column == "name"
            else SQL.identifier(column)
            for column in columns
        ]
        cls.env.cr.execute(
            SQL(
                "INSERT INTO %s (%s) SELECT %s FROM %s, generate_series(1, %s) g "
                "WHERE %s.id = %s RETURNING id",
                SQL.identifier(table),
                SQL(", ").join(SQL.identifier(column) for column in columns),
                SQL(", ").join(values),
                SQL.identifier(table),
                count,
                SQL.identifier(table),
                record.id,
            )
        )
        ids = [row[0] for row in cls.env.cr.fetchall()]
        if children:
            child_table, parent = children
            child_columns = cls._columns(child_table, parent)
            cls.env.cr.execute(
                SQL(
                    "INSERT INTO %s (%s, %s) SELECT %s, new_parent "
                    "FROM %s, unnest(%s::int[]) new_parent WHERE %s = %s",
                    SQL.identifier(child_table),
                    SQL(", ").join(SQL.identifier(c) for c in child_columns),
                    SQL.identifier(parent),
                    SQL(", ").join(SQL.identifier(c) for c in child_columns),
                    SQL.identifier(child_table),
                    ids,
                    SQL.identifier(parent),
                    record.id,
                )
            )
            cls.env.cr.execute(SQL("ANALYZE %s", SQL.identifier(child_table)))
        if followers:
            cls.env.cr.execute(
                SQL(
                    "INSERT INTO mail_followers (res_model, res_id, partner_id) "
                    "SELECT %s, res_id, partner_id FROM unnest(%s) res_id, "
                    "unnest(%s) partner_id",
                    record._name,
                    ids,
                    record.message_partner_ids.ids,
                )
            )
        # What autovacuum does after a bulk import: without fresh statistics
        # PostgreSQL plans these 2,000 rows as a handful (nested loops over
        # followers took 12 s), which is not what this test measures.
        for analyzed in (table, "mail_followers"):
            cls.env.cr.execute(SQL("ANALYZE %s", SQL.identifier(analyzed)))
        cls.env.invalidate_all()
        return record.browse(ids)

    def _count(self, url, data=None):
        # warm the worker (ormcaches, assets, routing map) first
        self._open(url, data)
        self._open(url, data)
        self.env.flush_all()
        before = self.cr.sql_log_count
        response = self._open(url, data)
        count = self.cr.sql_log_count - before
        self.assertEqual(response.status_code, 200, url)
        return count

    def _open(self, url, data=None):
        if data is None:
            return self.url_open(url)
        return self.make_jsonrpc_request(url, data) and self._Ok()

    class _Ok:
        status_code = 200

    def _measure(self):
        counts = {}
        self.authenticate("pa_admin", "pa_admin")
        counts["home"] = self._count("/my")
        counts["counters"] = self._count(
            "/my/counters",
            {
                "counters": [
                    "quotation_count",
                    "order_count",
                    "invoice_count",
                    "b2b_open_order_count",
                    "b2b_delivery_count",
                ]
            },
        )
        counts["orders"] = self._count("/my/orders")
        counts["quotes"] = self._count("/my/quotes")
        counts["deliveries"] = self._count("/my/b2b/deliveries")
        counts["catalogue"] = self._count("/my/b2b/catalogue")
        counts["catalogue_search"] = self._count("/my/b2b/catalogue?search=B2B")
        counts["quick_order"] = self._count("/my/b2b/quick_order")
        counts["lists"] = self._count("/my/b2b/lists")
        counts["team"] = self._count("/my/b2b/team")
        # the order page (status, details, lines) of an order whose own
        # deliveries and invoices do not grow (orders[0] gets the clones)
        counts["order_page"] = self._count(f"/my/orders/{self.orders[1].id}")
        self.authenticate("pa_finance", "pa_finance")
        counts["invoices"] = self._count("/my/invoices")
        self.authenticate("pa_buyer", "pa_buyer")
        counts["orders_purchaser"] = self._count("/my/orders")
        return counts

    def test_query_count_constant(self):
        small = self._measure()
        order = self.orders[0]
        self._sql_clone(order, N_EXTRA, children=("sale_order_line", "order_id"))
        self._sql_clone(
            order.picking_ids[0], N_EXTRA, children=("stock_move", "picking_id")
        )
        self._sql_clone(
            self.invoices[0], N_EXTRA, children=("account_move_line", "move_id")
        )
        self.assertEqual(
            self.env["sale.order"]
            .with_user(self.a_admin)
            .search_count([("state", "=", "sale")]),
            N_SMALL + N_EXTRA,
        )
        large = self._measure()
        _logger.info(
            "b2b_portal query counts: %s orders %s, %s orders %s",
            N_SMALL,
            small,
            N_SMALL + N_EXTRA,
            large,
        )
        # the order page is measured on the same order in both runs (its own
        # deliveries and invoices do not grow): Odoo's prefetching may save it
        # a query once the database is larger, and one query of Odoo's page
        # depends on what the module's earlier test classes left in the
        # registry's caches (seen 42 before and 43 after the growth when the
        # whole module ran, 43 and 43 when this class ran alone). Both are
        # also held to the same fixed budget over plain Odoo's page below.
        large_order_page = large.pop("order_page")
        self.assertLessEqual(large_order_page, small["order_page"] + 1)
        order_page = max(small.pop("order_page"), large_order_page)
        self.assertEqual(large, small)
        for page, count in small.items():
            self.assertLessEqual(count, MAX_QUERIES, page)
        # Odoo's own order page of a confirmed order (deliveries, invoices,
        # loyalty points, signature) costs about 40 queries by itself: the
        # dealer's page adds the buyer's roles, the dealer and its status
        # (4 queries, measured), whatever the dealer's history.
        self.authenticate("p_plain", "p_plain")
        plain = self._count(f"/my/orders/{self.plain_order.id}")
        _logger.info("order page: dealer %s, plain Odoo %s", order_page, plain)
        glue = self.env["ir.module.module"].search(
            [("name", "in", list(GLUE_ORDER_PAGE_EXTRA)), ("state", "=", "installed")]
        )
        extra = ORDER_PAGE_EXTRA + sum(GLUE_ORDER_PAGE_EXTRA[m.name] for m in glue)
        self.assertLessEqual(order_page, plain + extra)
