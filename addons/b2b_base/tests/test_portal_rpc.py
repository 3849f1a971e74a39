# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import B2bBaseCommon

PURCHASER = "b2b_base.b2b_base_group_buyer_purchaser"


@tagged("post_install", "-at_install")
class TestPortalRpc(B2bBaseCommon, HttpCase):
    """A dealer's portal user cannot read another dealer over JSON-RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve(cls.dealer)
        cls.dealer_other = cls._approve(
            cls._create_dealer(
                "Secret Dealer Zeta",
                "ZETA-9",
                b2b_license_number="LIC-ZETA-SECRET",
                email="zeta@secret.example.com",
            )
        )
        cls.portal_user = cls._create_portal_user(
            cls.dealer, "b2b_rpc_buyer", [PURCHASER]
        )

    def _call_kw(self, model, method, args, kwargs=None):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response

    @mute_logger("odoo.http")
    def test_read_other_dealer_refused(self):
        self.authenticate("b2b_rpc_buyer", "b2b_rpc_buyer")
        response = self._call_kw(
            "res.partner",
            "read",
            [[self.dealer_other.id], ["name", "email", "b2b_license_number"]],
        )
        body = response.json()
        self.assertNotIn("result", body)
        self.assertEqual(
            body["error"]["data"]["name"], "odoo.exceptions.AccessError", body
        )
        for secret in ("LIC-ZETA-SECRET", "zeta@secret.example.com", "ZETA-9"):
            self.assertNotIn(secret, response.text)

    def test_read_own_dealer(self):
        self.authenticate("b2b_rpc_buyer", "b2b_rpc_buyer")
        body = self._call_kw(
            "res.partner", "read", [[self.dealer.id], ["name", "b2b_state"]]
        ).json()
        self.assertEqual(body["result"][0]["name"], "Dealer Test A")
        self.assertEqual(body["result"][0]["b2b_state"], "approved")

    def test_search_read_hides_other_dealer(self):
        self.authenticate("b2b_rpc_buyer", "b2b_rpc_buyer")
        response = self._call_kw(
            "res.partner",
            "search_read",
            [],
            {
                "domain": [("b2b_is_dealer", "=", True)],
                "fields": ["name", "b2b_dealer_code", "b2b_license_number"],
            },
        )
        ids = {row["id"] for row in response.json()["result"]}
        self.assertIn(self.dealer.id, ids)
        self.assertNotIn(self.dealer_other.id, ids)
        self.assertNotIn("Secret Dealer Zeta", response.text)
        self.assertNotIn("LIC-ZETA-SECRET", response.text)

    @mute_logger("odoo.http")
    def test_write_state_over_rpc_refused(self):
        """Even the form's save path cannot write the status directly."""
        self.authenticate(self.manager.login, self.manager.login)
        body = self._call_kw(
            "res.partner",
            "write",
            [[self.dealer_other.id], {"b2b_state": "terminated"}],
            {"context": {"b2b_state_token": True, "b2b_import_state": True}},
        ).json()
        self.assertEqual(body["error"]["data"]["name"], "odoo.exceptions.AccessError")
        self.assertEqual(self.dealer_other.b2b_state, "approved")
