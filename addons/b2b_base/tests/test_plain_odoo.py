# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import Form, new_test_user, tagged

from .common import B2bBaseCommon, B2bQueryLogMixin

SALESMAN = "sales_team.group_sale_salesman"


@tagged("post_install", "-at_install")
class TestPlainOdooPartner(B2bQueryLogMixin, B2bBaseCommon):
    """``res.partner`` ``create`` / ``write``, ``_commercial_fields`` and
    ``_commercial_sync_to_children``: a salesman without B2B rights creates
    and edits a company that is not a dealer and its contacts as in plain
    Odoo (commercial fields synced, Odoo's tracking on the contacts), and the
    suite runs no query of its own tables."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = cls._b2b_internal_user("b2b_plain_base_salesman", SALESMAN)
        cls.industry = cls.env["res.partner.industry"].create(
            {"name": "B2B Plain Industry"}
        )

    def _create_company(self, name="Plain Company", vat="BE0477472701"):
        Partner = self.Partner.with_user(self.salesman)
        return Partner.create(
            {
                "name": name,
                "is_company": True,
                "vat": vat,
                "industry_id": self.industry.id,
                "child_ids": [
                    Command.create({"name": f"{name} Buyer 1", "email": "b1@ex.com"}),
                    Command.create({"name": f"{name} Buyer 2", "type": "invoice"}),
                ],
            }
        )

    def test_create_company_with_contacts(self):
        """The contacts get the company's VAT and industry (Odoo's sync) and
        the default dealer profile; no query of a B2B table."""
        company, queries = self._b2b_log_queries(self._create_company)
        self.assertEqual(self._b2b_tables(queries), {})
        self.assertEqual(len(company.child_ids), 2)
        for contact in company.child_ids:
            self.assertEqual(contact.commercial_partner_id, company)
            self.assertEqual(contact.vat, "BE0477472701")
            self.assertEqual(contact.industry_id, self.industry)
            self.assertFalse(contact.b2b_is_dealer)
            self.assertEqual(contact.b2b_state, "prospect")
            self.assertFalse(contact.b2b_tier_id)

    def test_edit_commercial_fields_tracked_on_contacts(self):
        """Changing the company's VAT: the contacts follow and, as in plain
        Odoo, each one logs the tracked VAT change (the suite only silences
        the sync of its own dealer fields)."""
        company = self._create_company().with_user(self.salesman)
        self.env.flush_all()
        self.env.cr.precommit.run()  # the creation is committed first
        contacts = company.child_ids
        before = {c.id: len(c.message_ids) for c in contacts}
        __, queries = self._b2b_log_queries(
            company.write, {"vat": "BE0202239951", "name": "Plain Company SA"}
        )
        self.assertEqual(self._b2b_tables(queries), {})
        self.env.cr.precommit.run()  # tracking messages, as on commit
        self.env.invalidate_all()
        self.assertEqual(contacts.mapped("vat"), ["BE0202239951"] * 2)
        for contact in contacts:
            new = contact.message_ids[: len(contact.message_ids) - before[contact.id]]
            self.assertEqual(len(new), 1, "one tracking message per contact")
            values = new.sudo().tracking_value_ids.filtered(
                lambda v: v.field_id.name == "vat"
            )
            self.assertEqual(len(values), 1)
            self.assertEqual(values.old_value_char, "BE0477472701")
            self.assertEqual(values.new_value_char, "BE0202239951")

    def test_dealer_profile_sync_untracked(self):
        """The dealer's own fields are synced to its contacts without one
        tracking message per contact (and its VAT is tracked as in Odoo)."""
        contact = self.dealer_contact
        self.env.flush_all()
        self.env.cr.precommit.run()
        count = len(contact.message_ids)
        self.dealer.with_user(self.manager).write({"b2b_tier_id": self.tier_std.id})
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()
        self.assertEqual(contact.b2b_tier_id, self.tier_std)
        self.assertEqual(len(contact.message_ids), count)
        self.dealer.with_user(self.manager).vat = "BE0477472701"
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()
        self.assertEqual(contact.vat, "BE0477472701")
        self.assertEqual(len(contact.message_ids), count + 1)

    def test_move_contact_between_companies(self):
        """A contact moved to another company (form view, as the salesman)
        takes its commercial fields, as in Odoo; no B2B query."""
        first = self._create_company()
        second = self._create_company("Second Company", "BE0202239951")
        contact = first.child_ids[0]

        def move():
            with Form(contact.with_user(self.salesman)) as form:
                form.parent_id = second

        __, queries = self._b2b_log_queries(move)
        self.assertEqual(self._b2b_tables(queries), {})
        self.assertEqual(contact.commercial_partner_id, second)
        self.assertEqual(contact.vat, "BE0202239951")
        self.assertEqual(contact.b2b_state, "prospect")


@tagged("post_install", "-at_install")
class TestPlainOdooUsers(B2bQueryLogMixin, B2bBaseCommon):
    """``res.users`` ``create`` / ``write`` for users that are no dealer's
    buyers: an access-rights manager creates and edits internal and portal
    users, a partner manager invites a non-dealer's contact to the portal,
    as in plain Odoo. The only queries of the suite's tables are reads of
    the buyer roles (``_b2b_get_roles_by_group``), which any user given
    groups must be checked against: cached, but Odoo clears every cache when
    a user's groups change, twice while creating a user, hence at most two
    (before the cache: 3 for an internal user, 5 for a portal user); none
    when no group changes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Odoo's own "Access Rights" administrator: users and their partners
        cls.erp_manager = cls._b2b_internal_user(
            "b2b_plain_erp_manager",
            "base.group_erp_manager,base.group_partner_manager",
        )
        cls.partner_manager = cls._b2b_internal_user(
            "b2b_plain_partner_manager",
            "base.group_user,base.group_partner_manager",
        )
        cls.customer = cls.Partner.create(
            {"name": "Plain Customer", "is_company": True}
        )
        cls.customer_contact = cls.Partner.create(
            {
                "name": "Plain Customer Buyer",
                "parent_id": cls.customer.id,
                "email": "plain.buyer@example.com",
            }
        )

    def setUp(self):
        super().setUp()
        # warm in a running server (cleared when groups or roles change)
        self.env["b2b.buyer.role"]._b2b_get_roles_by_group()

    def _assert_role_lookups_only(self, queries):
        tables = self._b2b_tables(queries)
        self.assertLessEqual(set(tables), {"b2b_buyer_role"}, tables)
        self.assertLessEqual(tables.get("b2b_buyer_role", 0), 2, tables)

    def test_create_internal_and_portal_users(self):
        Users = self.env["res.users"].with_user(self.erp_manager)
        internal, queries = self._b2b_log_queries(
            Users.create,
            {
                "name": "Plain Internal",
                "login": "b2b_plain_internal",
                "groups_id": [Command.set(self.env.ref(SALESMAN).ids)],
            },
        )
        self._assert_role_lookups_only(queries)
        self.assertTrue(internal.has_group(SALESMAN))
        self.assertFalse(internal.share)
        self.assertFalse(internal.b2b_role_ids)
        portal, queries = self._b2b_log_queries(
            Users.create,
            {
                "name": "Plain Portal",
                "login": "b2b_plain_portal",
                "partner_id": self.customer_contact.id,
                "groups_id": [Command.set(self.env.ref("base.group_portal").ids)],
            },
        )
        self._assert_role_lookups_only(queries)
        self.assertTrue(portal.share)
        self.assertEqual(portal.groups_id, self.env.ref("base.group_portal"))
        self.assertEqual(portal.partner_id.commercial_partner_id, self.customer)

    def test_edit_users(self):
        """Name, login, groups and archiving: Odoo's results; no B2B query
        but the roles' lookup when the groups change."""
        user = new_test_user(self.env, login="b2b_plain_edit", groups="base.group_user")
        user = user.with_user(self.erp_manager)
        __, queries = self._b2b_log_queries(
            user.write, {"name": "Plain Edited", "login": "b2b_plain_edited"}
        )
        self.assertEqual(self._b2b_tables(queries), {})
        self.assertEqual(user.login, "b2b_plain_edited")
        __, queries = self._b2b_log_queries(
            user.write, {"groups_id": [Command.link(self.env.ref(SALESMAN).id)]}
        )
        self._assert_role_lookups_only(queries)
        self.assertTrue(user.has_group(SALESMAN))
        __, queries = self._b2b_log_queries(user.write, {"active": False})
        self.assertEqual(self._b2b_tables(queries), {})
        self.assertFalse(user.active)

    def test_user_edits_own_preferences(self):
        """A plain internal user changes its own preferences (the user menu
        form writes through ``res.users``): no B2B query."""
        user = new_test_user(self.env, login="b2b_plain_prefs")
        __, queries = self._b2b_log_queries(
            user.with_user(user).write,
            {
                "signature": "<p>Plain</p>",
                "tz": "UTC",
                "name": "Plain Prefs",
                "email": "plain.prefs@example.com",
            },
        )
        self.assertEqual(self._b2b_tables(queries), {})
        self.assertEqual(user.tz, "UTC")
        self.assertEqual(user.partner_id.name, "Plain Prefs")
        self.assertEqual(user.partner_id.email, "plain.prefs@example.com")

    def test_portal_invite_non_dealer(self):
        """The portal wizard grants a non-dealer's contact access, as in Odoo:
        a portal user of that contact, signup prepared, no buyer role; only
        the roles' lookups of its new groups."""
        wizard = (
            self.env["portal.wizard"]
            .with_user(self.partner_manager)
            .with_context(active_ids=self.customer_contact.ids)
            .create({})
        )
        line = wizard.user_ids
        self.assertEqual(line.partner_id, self.customer_contact)
        __, queries = self._b2b_log_queries(line.action_grant_access)
        self._assert_role_lookups_only(queries)
        user = self.customer_contact.user_ids
        self.assertEqual(len(user), 1)
        self.assertTrue(user.share)
        self.assertTrue(user.has_group("base.group_portal"))
        self.assertFalse(user.b2b_role_ids)
        self.assertTrue(self.customer_contact.signup_type)

    def test_signup_non_dealer(self):
        """A visitor signs up (Odoo's ``signup`` with a prepared token of a
        non-dealer's contact): a portal user of that contact, no role."""
        self.customer_contact.sudo().signup_prepare()
        token = self.customer_contact.sudo()._generate_signup_token()
        login, __ = (
            self.env["res.users"]
            .sudo()
            .signup(
                {
                    "login": "plain.buyer@example.com",
                    "name": "Plain Customer Buyer",
                    "password": "plain-password-1",
                },
                token=token,
            )
        )
        self.assertEqual(login, "plain.buyer@example.com")
        user = self.customer_contact.user_ids
        self.assertTrue(user.share)
        self.assertFalse(user.b2b_role_ids)
        self.assertEqual(user.partner_id.commercial_partner_id, self.customer)
