# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.b2b_base.tests.factory import B2bTestFactory

from .common import INTEGRATION, B2bApiCommon


@tagged("post_install", "-at_install")
class TestIntegrationNotTeamMember(B2bApiCommon):
    """An integration user is a system of its dealer, not a member of its
    team: the dealer's admin buyer cannot change it (b2b_base's team rules,
    ``res.users._b2b_is_team_member``)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_admin = cls._b2b_buyer(cls.dealer_a, "api_team_admin", ("admin",))

    def test_not_a_member(self):
        self.assertFalse(self.user_a._b2b_is_team_member())
        self.assertTrue(self.portal_plain._b2b_is_team_member())
        self.assertTrue(self.team_admin._b2b_is_team_member())
        self.assertFalse(self.user_brand._b2b_is_team_member())

    def test_admin_cannot_change_it(self):
        admin_env = self.user_a.with_user(self.team_admin)
        for vals in ({"active": False}, {"name": "Hacked"}, {"b2b_role_ids": []}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                admin_env._b2b_team_write(vals)
        with self.assertRaises(AccessError):
            admin_env._b2b_team_invite_again()
        # what an RPC ``write`` of the admin runs: Odoo's own access rights
        with self.assertRaises(AccessError):
            admin_env.write({"active": False})
        self.assertTrue(self.user_a.active)
        self.assertEqual(self.user_a.name, "api_erp_a")
        # a colleague stays manageable
        self.portal_plain.with_user(self.team_admin)._b2b_team_write(
            {"name": "Renamed colleague"}
        )
        self.assertEqual(self.portal_plain.name, "Renamed colleague")


@tagged("post_install", "-at_install")
class TestIntegrationTeamRpc(B2bTestFactory, HttpCase):
    """The same over JSON-RPC, as the dealer admin's browser session."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        tier = cls.env["b2b.dealer.tier"].create(
            {"name": "API RPC Tier", "code": "API-RPC", "company_id": False}
        )
        dealer = cls._b2b_dealer("API RPC Dealer", "API-RPC", tier, state="approved")
        cls.team_admin = cls._b2b_buyer(dealer, "api_rpc_admin", ("admin",))
        cls.erp = cls._b2b_buyer(dealer, "api_rpc_erp", (INTEGRATION,))

    def _call(self, method, args):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/res.users/{method}",
            {"model": "res.users", "method": method, "args": args, "kwargs": {}},
        )

    def test_rpc_refused(self):
        self.authenticate("api_rpc_admin", "api_rpc_admin")
        for method, args in (
            ("write", [[self.erp.id], {"active": False}]),
            ("_b2b_team_write", [[self.erp.id], {"active": False}]),
        ):
            with self.subTest(method=method), self.assertRaises(JsonRpcException):
                self._call(method, args)
        self.assertTrue(self.erp.active)
