# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import B2bBaseCommon

ADMIN = "b2b_base.b2b_base_group_buyer_admin"
PURCHASER = "b2b_base.b2b_base_group_buyer_purchaser"
NEEDS_ADMIN = "needs at least one active administrator"


@tagged("post_install", "-at_install")
class TestBuyerRoles(B2bBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve(cls.dealer)
        cls.role_admin = cls.env.ref("b2b_base.b2b_buyer_role_admin")
        cls.role_purchaser = cls.env.ref("b2b_base.b2b_buyer_role_purchaser")
        cls.role_approver = cls.env.ref("b2b_base.b2b_buyer_role_approver")
        cls.role_finance = cls.env.ref("b2b_base.b2b_buyer_role_finance")

    def test_portal_user_of_approved_dealer(self):
        # a second admin: the dealer keeps one when this user's roles change
        self._create_portal_user(self.dealer, "b2b_portal_admin2", [ADMIN])
        user = self._create_portal_user(self.dealer, "b2b_portal_admin", [ADMIN])
        self.assertEqual(user.b2b_role_ids, self.role_admin)
        self.assertTrue(user._b2b_has_role("admin"))
        self.assertFalse(user._b2b_has_role("purchaser"))
        self.assertEqual(user._b2b_dealer(), self.dealer)

        # roles are groups, in both directions
        user.b2b_role_ids = self.role_purchaser | self.role_finance
        self.assertIn(self.role_purchaser.group_id, user.groups_id)
        self.assertIn(self.role_finance.group_id, user.groups_id)
        self.assertNotIn(self.role_admin.group_id, user.groups_id)
        self.assertTrue(user._b2b_has_role("finance"))
        self.assertFalse(user._b2b_has_role("admin"))
        self.assertTrue(user.has_group(PURCHASER))

        Users = self.env["res.users"]
        self.assertIn(
            user, Users.search([("b2b_role_ids", "in", self.role_finance.ids)])
        )
        self.assertNotIn(
            user, Users.search([("b2b_role_ids", "in", self.role_admin.ids)])
        )
        self.assertIn(user, Users.search([("b2b_role_ids", "!=", False)]))
        self.assertNotIn(user, Users.search([("b2b_role_ids", "=", False)]))
        self.assertIn(self.manager, Users.search([("b2b_role_ids", "=", False)]))

    def test_four_roles(self):
        roles = self.env["b2b.buyer.role"].search([])
        self.assertEqual(
            set(roles.mapped("code")), {"admin", "purchaser", "approver", "finance"}
        )
        user = self._create_portal_user(self.dealer, "b2b_portal_all")
        user.b2b_role_ids = roles
        self.assertTrue(all(user._b2b_has_role(code) for code in roles.mapped("code")))

    def test_internal_user_refused(self):
        with self.assertRaisesRegex(ValidationError, "internal user"):
            new_test_user(
                self.env, login="b2b_internal_buyer", groups=f"base.group_user,{ADMIN}"
            )
        with self.assertRaisesRegex(ValidationError, "internal user"):
            self.rep_own.b2b_role_ids = self.role_admin

    def test_not_approved_dealer_refused(self):
        prospect = self._create_dealer("Prospect Co", "PC-1")
        with self.assertRaisesRegex(ValidationError, "not an approved dealer"):
            self._create_portal_user(prospect, "b2b_portal_prospect", [PURCHASER])
        user = self._create_portal_user(prospect, "b2b_portal_prospect2")
        with self.assertRaisesRegex(ValidationError, "not an approved dealer"):
            user.b2b_role_ids = self.role_purchaser
        # a portal user that belongs to no dealer neither
        lonely = new_test_user(
            self.env, login="b2b_portal_lonely", groups="base.group_portal"
        )
        with self.assertRaisesRegex(ValidationError, "not an approved dealer"):
            lonely.groups_id = [Command.link(self.role_admin.group_id.id)]
        self.assertFalse(lonely._b2b_dealer())

    def test_suspended_dealer_roles_can_be_removed(self):
        """Roles stay on suspension; removing them or the access stays possible."""
        user = self._create_portal_user(
            self.dealer, "b2b_portal_susp", [ADMIN, PURCHASER]
        )
        self.dealer.with_user(self.manager)._b2b_set_state("suspended", "Overdue")
        self.assertTrue(user._b2b_has_role("purchaser"))
        with self.assertRaisesRegex(ValidationError, "not an approved dealer"):
            user.b2b_role_ids |= self.role_finance
        user.b2b_role_ids = self.role_admin
        self.assertEqual(user.b2b_role_ids, self.role_admin)
        user.write(
            {
                "active": False,
                "groups_id": [
                    Command.unlink(self.env.ref("base.group_portal").id),
                    Command.link(self.env.ref("base.group_public").id),
                ],
            }
        )
        self.assertFalse(user.active)

    def test_role_holder_moved_to_other_dealer(self):
        user = self._create_portal_user(self.dealer, "b2b_portal_move", [ADMIN])
        prospect = self._create_dealer("Prospect Co", "PC-2")
        with self.assertRaisesRegex(ValidationError, "not an approved dealer"):
            user.write({"parent_id": prospect.id})


@tagged("post_install", "-at_install")
class TestDealerKeepsAnAdmin(B2bBaseCommon):
    """An approved dealer with active buyers keeps an active admin buyer, on
    every path: the rule is in res.users.write, not in the portal page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve(cls.dealer)
        cls.admin_user = cls._create_portal_user(cls.dealer, "kaa_admin", [ADMIN])
        cls.buyer = cls._create_portal_user(cls.dealer, "kaa_buyer", [PURCHASER])
        cls.role_admin = cls.env.ref("b2b_base.b2b_buyer_role_admin")
        cls.role_purchaser = cls.env.ref("b2b_base.b2b_buyer_role_purchaser")

    def test_last_admin_cannot_be_deactivated(self):
        # as an administrator over RPC would: plain ORM write
        with self.assertRaises(ValidationError) as caught:
            self.admin_user.write({"active": False})
        self.assertIn(NEEDS_ADMIN, str(caught.exception))
        self.assertTrue(self.admin_user.active)

    def test_last_admin_cannot_lose_the_role(self):
        with self.assertRaises(ValidationError) as caught:
            self.admin_user.b2b_role_ids = self.role_purchaser
        self.assertIn(NEEDS_ADMIN, str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self.admin_user.write(
                {"groups_id": [Command.unlink(self.env.ref(ADMIN).id)]}
            )
        self.assertIn(NEEDS_ADMIN, str(caught.exception))
        self.assertIn(self.role_admin, self.admin_user.b2b_role_ids)

    def test_another_admin_or_the_whole_team(self):
        second = self._create_portal_user(self.dealer, "kaa_admin2", [ADMIN])
        self.admin_user.write({"active": False})  # the second admin remains
        self.assertFalse(self.admin_user.active)
        # the whole team at once (e.g. a dealer that stops): allowed
        (second | self.buyer).write({"active": False})
        self.assertFalse((second | self.buyer).filtered("active"))

    def test_purchasers_and_other_dealers_unaffected(self):
        self.buyer.write({"active": False})
        self.assertFalse(self.buyer.active)
        # a plain portal user (no dealer)
        contact = self.env["res.partner"].create({"name": "Plain customer"})
        plain = new_test_user(
            self.env,
            login="kaa_plain",
            groups="base.group_portal",
            partner_id=contact.id,
        )
        plain.write({"active": False})
        self.assertFalse(plain.active)
