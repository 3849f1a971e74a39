# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo.tests import TransactionCase

from .factory import B2bTestFactory

OWN = "b2b_base.b2b_base_group_salesman_own"
USER = "b2b_base.b2b_base_group_user"
MANAGER = "b2b_base.b2b_base_group_manager"


class B2bBaseCommon(B2bTestFactory, TransactionCase):
    """Tiers, regions, dealers and users shared by the b2b_base tests.

    The tiers and the region are shared between companies (no company).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Partner = cls.env["res.partner"]
        cls.company = cls.env.company
        cls.tier_std = cls.env["b2b.dealer.tier"].create(
            {"name": "Standard", "code": "T-STD", "sequence": 10, "company_id": False}
        )
        cls.tier_gold = cls.env["b2b.dealer.tier"].create(
            {"name": "Gold", "code": "T-GLD", "sequence": 30, "company_id": False}
        )
        cls.region_east = cls.env["b2b.dealer.region"].create(
            {"name": "East China", "code": "T-EC", "company_id": False}
        )
        cls.rep_own = cls._b2b_internal_user("b2b_rep_own", OWN, name="Rep Own")
        cls.rep_other = cls._b2b_internal_user("b2b_rep_other", OWN, name="Rep Other")
        cls.b2b_user = cls._b2b_internal_user("b2b_user_all", USER, name="B2B All")
        cls.manager = cls._b2b_internal_user("b2b_manager", MANAGER, name="B2B Manager")
        cls.dealer = cls._create_dealer(
            "Dealer Test A", "DT-A", user=cls.rep_own, tier=cls.tier_gold
        )
        cls.dealer_contact = cls.Partner.create(
            {"name": "Buyer A", "parent_id": cls.dealer.id, "email": "a@example.com"}
        )

    @classmethod
    def _create_dealer(cls, name, code, user=None, tier=None, **vals):
        """A prospect dealer of the East region (Standard tier by default)."""
        vals = {
            "b2b_region_id": cls.region_east.id,
            "user_id": user.id if user else False,
            **vals,
        }
        return cls._b2b_dealer(name, code, tier or cls.tier_std, **vals)

    @classmethod
    def _approve(cls, dealer):
        """Walk a prospect dealer up to approved as a b2b manager."""
        dealer = dealer.with_user(cls.manager)
        dealer._b2b_set_state("applied")
        dealer._b2b_set_state("review")
        dealer._b2b_set_state("approved")
        return dealer.with_env(cls.env)

    @classmethod
    def _create_portal_user(cls, dealer, login, roles=()):
        """A portal user of ``dealer`` with the groups ``roles`` (xml ids)."""
        return cls._b2b_buyer(dealer, login, roles)


#: a table of the suite read or written by a query (its columns on Odoo's own
#: tables, e.g. ``"res_partner"."b2b_is_dealer"``, do not match)
B2B_TABLE_RE = re.compile(r'\b(?:FROM|JOIN|INTO|UPDATE)\s+"?(b2b_\w+)', re.IGNORECASE)


class B2bQueryLogMixin:
    """Log the SQL a piece of code issues (mixed into a test case).

    Asserting that no query reads or writes a table of the suite is robust
    where an exact query count is not (Odoo's own count changes with caches,
    prefetching and versions): it proves that the suite's code did not run
    its own queries, whatever Odoo does around it. It also works over HTTP,
    since an ``HttpCase`` request runs on the test cursor.
    """

    def _b2b_log_queries(self, func, *args, **kwargs):
        """(result of ``func``, every query it issued) with flushes around."""
        self.env.flush_all()
        queries = []
        cr = self.env.cr
        execute = cr.execute

        def logged_execute(query, params=None, log_exceptions=True):
            queries.append(str(getattr(query, "code", query)))
            return execute(query, params, log_exceptions)

        self.patch(cr, "execute", logged_execute)
        try:
            result = func(*args, **kwargs)
            self.env.flush_all()
        finally:
            self.patch(cr, "execute", execute)
        return result, queries

    @staticmethod
    def _b2b_tables(queries):
        """{b2b table: number of queries} of ``queries``."""
        tables = {}
        for query in queries:
            for table in set(B2B_TABLE_RE.findall(query)):
                tables[table] = tables.get(table, 0) + 1
        return tables
