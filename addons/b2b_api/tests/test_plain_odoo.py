# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.b2b_base.tests.common import B2bQueryLogMixin

from .common import B2bApiCommon

SALESMAN = "sales_team.group_sale_salesman"


@tagged("post_install", "-at_install")
class TestPlainOdooApiUsers(B2bQueryLogMixin, B2bApiCommon):
    """``res.users`` (``b2b_api_integration`` compute / inverse, the dealer
    link constraint) and ``res.partner`` (``b2b_api_user_ids``) for users
    that are not integration users: an administrator and an access-rights
    manager (``base.group_erp_manager``) create and edit internal and portal
    users as in plain Odoo: exactly the groups given, no dealer link, no API
    key asked for, and users keep creating their own API keys."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls._b2b_internal_user(
            "b2b_plain_api_admin", "base.group_system,base.group_partner_manager"
        )
        cls.erp_manager = cls._b2b_internal_user(
            "b2b_plain_api_erp", "base.group_erp_manager,base.group_partner_manager"
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "API Plain Customer", "is_company": True}
        )

    def _create_users(self, creator):
        Users = self.env["res.users"].with_user(creator)
        internal = Users.create(
            {
                "name": f"Plain Internal {creator.login}",
                "login": f"plain_internal_{creator.login}",
                "groups_id": [Command.set(self.env.ref(SALESMAN).ids)],
            }
        )
        contact = self.env["res.partner"].create(
            {"name": f"Plain Buyer {creator.login}", "parent_id": self.customer.id}
        )
        portal = Users.create(
            {
                "name": contact.name,
                "login": f"plain_portal_{creator.login}",
                "partner_id": contact.id,
                "groups_id": [Command.set(self.env.ref("base.group_portal").ids)],
            }
        )
        return internal, portal

    def _assert_plain_users(self, internal, portal):
        salesman = self.env.ref(SALESMAN)
        self.assertIn(salesman, internal.groups_id)
        self.assertLessEqual(salesman.trans_implied_ids, internal.groups_id)
        self.assertEqual(portal.groups_id, self.env.ref("base.group_portal"))
        xmlids = (internal | portal).groups_id.get_external_id().values()
        self.assertFalse([x for x in xmlids if x.startswith("b2b_")], "no B2B group")
        for user in internal | portal:
            self.assertFalse(user.b2b_api_integration)
            self.assertFalse(user.b2b_api_dealer_ids)
            self.assertFalse(user.sudo().api_key_ids)

    def test_admin_creates_and_edits(self):
        internal, portal = self._create_users(self.admin)
        self._assert_plain_users(internal, portal)
        internal.with_user(self.admin).write(
            {"groups_id": [Command.unlink(self.env.ref(SALESMAN).id)]}
        )
        self.assertNotIn(self.env.ref(SALESMAN), internal.groups_id)
        self.assertFalse(internal.b2b_api_integration)
        portal.with_user(self.admin).write({"active": False, "name": "Gone"})
        self.assertFalse(portal.active)

    def test_erp_manager_creates_and_edits(self):
        """The access-rights manager: creations and edits; no query of the
        API's tables (before: the dealer links of every user created or
        whose groups changed; the buyer roles are b2b_base's, tested there)."""
        (internal, portal), queries = self._b2b_log_queries(
            self._create_users, self.erp_manager
        )
        tables = self._b2b_tables(queries)
        self.assertFalse([t for t in tables if t.startswith("b2b_api")], tables)
        self._assert_plain_users(internal, portal)
        __, queries = self._b2b_log_queries(
            portal.with_user(self.erp_manager).write,
            {"login": "plain_portal_renamed", "email": "renamed@example.com"},
        )
        self.assertEqual(self._b2b_tables(queries), {})
        self.assertEqual(portal.login, "plain_portal_renamed")
        __, queries = self._b2b_log_queries(
            internal.with_user(self.erp_manager).write,
            {"groups_id": [Command.link(self.env.ref("base.group_no_one").id)]},
        )
        tables = self._b2b_tables(queries)
        self.assertFalse([t for t in tables if t.startswith("b2b_api")], tables)
        self.assertIn(self.env.ref("base.group_no_one"), internal.groups_id)
        self.assertFalse(portal.b2b_api_integration)

    def test_own_api_key(self):
        """A plain internal user creates its own API key (Odoo's wizard),
        with no integration flag or dealer asked for."""
        user = new_test_user(self.env, login="b2b_plain_api_key", groups=SALESMAN)
        key = (
            self.env["res.users.apikeys"]
            .with_user(user)
            .with_context(_check_identity=True)
            .sudo()
            ._generate("rpc", "Plain key", None)
        )
        self.assertTrue(key)
        self.assertEqual(user.sudo().api_key_ids.name, "Plain key")
        self.assertFalse(user.b2b_api_integration)

    def test_dealer_partner_fields_untouched(self):
        """The partner form of a plain customer: no integration user, and
        editing it writes nothing of the API."""
        customer = self.customer.with_user(self.erp_manager)
        __, queries = self._b2b_log_queries(customer.write, {"phone": "+32 2 000"})
        self.assertEqual(self._b2b_tables(queries), {})
        self.assertEqual(customer.phone, "+32 2 000")
        self.assertFalse(self.customer.b2b_api_user_ids)
