# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Provisioning over RPC (b2b.api.admin) and the contract (api_schema)."""

import datetime

import jsonschema

from odoo import fields
from odoo.tests import tagged

from ..models.b2b_api import API_VERSION
from ..models.b2b_api_schema import load_schema
from .common import INTEGRATION, B2bApiCommon


@tagged("post_install", "-at_install")
class TestApiAdmin(B2bApiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # least privilege: Access Rights (user administration) and the
        # contact creation Odoo asks for a user's partner; no B2B group
        cls.admin_user = cls._b2b_internal_user(
            "api_provisioner",
            "base.group_erp_manager,base.group_partner_manager",
            name="Provisioner",
        )
        cls.plain_internal = cls._b2b_internal_user("api_plain_internal")
        cls.not_dealer = cls.env["res.partner"].create(
            {"name": "Not a dealer Ltd", "is_company": True}
        )
        cls.schema = load_schema()

    def admin(self, user=None):
        return self.env["b2b.api.admin"].with_user(user or self.admin_user)

    def expires(self, days=30):
        return fields.Date.to_string(
            fields.Date.context_today(self.env.user) + datetime.timedelta(days=days)
        )

    def assertAnswer(self, operation, answer):
        """``answer`` is valid for ``operation`` in the shipped schema."""
        schema = dict(self.schema, **{"$ref": f"#/operations/{operation}/answer"})
        errors = [
            e.message
            for e in jsonschema.Draft202012Validator(schema).iter_errors(answer)
        ]
        self.assertFalse(errors, f"{operation}: {answer}")
        if not answer["ok"]:
            codes = {e["code"] for e in answer["errors"]}
            self.assertLessEqual(
                codes, set(self.schema["operations"][operation]["errors"])
            )

    def call(self, operation, payload, user=None):
        answer = getattr(self.admin(user), operation)(payload)
        self.assertAnswer(operation, answer)
        return answer

    def authenticates(self, key, user):
        return (
            self.env["res.users.apikeys"]._check_credentials(scope="rpc", key=key)
            == user.id
        )

    # ------------------------------------------------------------------
    def test_create_integration_user(self):
        res = self.call(
            "create_integration_user",
            {
                "name": "ERP of dealer A",
                "login": "erp_a_new",
                "dealers": ["api-a"],  # dealer code, any case
                "rate_limit": 50,
                "lang": "en_US",
            },
        )
        self.assertTrue(res["ok"], res)
        user = self.env["res.users"].browse(res["user_id"])
        self.assertTrue(user.b2b_api_integration)
        self.assertTrue(user.share, "a portal user: no backend rights")
        self.assertFalse(user._is_admin())
        self.assertEqual(user.b2b_api_dealer_ids, self.dealer_a)
        self.assertEqual(user.b2b_api_rate_limit, 50)
        self.assertEqual(res["dealer_ids"], [self.dealer_a.id])
        # a dealer's own system: its contact belongs to the dealer
        self.assertEqual(user.partner_id.commercial_partner_id, self.dealer_a)
        # a brand-side system for two dealers, named by id
        res = self.call(
            "create_integration_user",
            {
                "name": "EDI",
                "login": "edi_new",
                "dealers": [self.dealer_a.id, self.dealer_b.id],
            },
        )
        self.assertTrue(res["ok"], res)
        self.assertEqual(
            self.env["res.users"].browse(res["user_id"]).b2b_api_dealer_ids,
            self.dealer_a | self.dealer_b,
        )

    def test_create_integration_user_errors(self):
        count = self.env["res.users"].search_count([])
        res = self.call(
            "create_integration_user",
            {
                "name": "",
                "login": "api_erp_a",
                "dealers": [self.not_dealer.id, 0, "NOPE"],
            },
        )
        self.assertCodes(
            res,
            [
                ("MISSING_FIELD", None),
                ("LOGIN_TAKEN", None),
                ("UNKNOWN_DEALER", None),
                ("UNKNOWN_DEALER", None),
                ("UNKNOWN_DEALER", None),
            ],
        )
        res = self.call(
            "create_integration_user",
            {"name": "X", "login": 5, "dealers": "API-A", "rate_limit": -1, "qty": 1},
        )
        self.assertCodes(
            res,
            [
                ("UNKNOWN_FIELD", None),
                ("INVALID_TYPE", None),
                ("INVALID_TYPE", None),
                ("INVALID_TYPE", None),
            ],
        )
        res = self.call(
            "create_integration_user",
            {"name": "X", "login": "x_lang", "dealers": ["API-A"], "lang": "xx_XX"},
        )
        self.assertCodes(res, [("INVALID_TYPE", None)])
        self.assertEqual(res["errors"][0]["field"], "lang")
        res = self.call("create_integration_user", ["not", "a", "dict"])
        self.assertCodes(res, [("INVALID_PAYLOAD", None)])
        self.assertEqual(self.env["res.users"].search_count([]), count)

    def test_only_administrators(self):
        payload = {"name": "X", "login": "x_forbidden", "dealers": ["API-A"]}
        for user in (self.user_a, self.user_brand, self.plain_internal):
            for operation, args in (
                ("create_integration_user", payload),
                ("set_integration_user", {"user_id": self.user_a.id, "rate_limit": 1}),
                ("issue_key", {"user_id": self.user_a.id, "expires": self.expires()}),
                ("list_keys", {"user_id": self.user_a.id}),
            ):
                res = self.call(operation, args, user=user)
                self.assertCodes(res, [("FORBIDDEN", None)])
        self.assertFalse(self.env["res.users"].search([("login", "=", "x_forbidden")]))
        self.assertEqual(self.user_a.b2b_api_rate_limit, 0)
        self.assertFalse(self.user_a.api_key_ids)

    def test_set_integration_user(self):
        res = self.call(
            "set_integration_user",
            {
                "user_id": self.user_brand.id,
                "dealers": ["API-B"],
                "rate_limit": 7,
                "active": False,
            },
        )
        self.assertTrue(res["ok"], res)
        self.assertEqual(self.user_brand.b2b_api_dealer_ids, self.dealer_b)
        self.assertEqual(self.user_brand.b2b_api_rate_limit, 7)
        self.assertFalse(self.user_brand.active)
        res = self.call(
            "set_integration_user", {"user_id": self.user_brand.id, "active": True}
        )
        self.assertTrue(res["ok"] and self.user_brand.active, res)
        # a dealer's own user cannot be linked to another dealer (the user
        # form's rule): refused, nothing written
        res = self.call(
            "set_integration_user", {"user_id": self.user_a.id, "dealers": ["API-B"]}
        )
        self.assertCodes(res, [("REFUSED", None)])
        self.assertEqual(self.user_a.b2b_api_dealer_ids, self.dealer_a)
        # only integration users, never an administrator
        res = self.call("set_integration_user", {"user_id": self.plain_internal.id})
        self.assertCodes(res, [("NOT_FOUND", None)])
        admin_integration = self._b2b_internal_user(
            "api_admin_integration", f"base.group_erp_manager,{INTEGRATION}"
        )
        res = self.call("set_integration_user", {"user_id": admin_integration.id})
        self.assertCodes(res, [("FORBIDDEN", None)])
        res = self.call("set_integration_user", {"user_id": "1", "dealers": []})
        self.assertCodes(res, [("INVALID_TYPE", None), ("MISSING_FIELD", None)])

    def test_keys(self):
        res = self.call(
            "issue_key", {"user_id": self.user_a.id, "expires": self.expires(365)}
        )
        self.assertTrue(res["ok"], res)
        key, key_id = res["key"], res["key_id"]
        self.assertTrue(self.authenticates(key, self.user_a))
        self.assertEqual(res["expires"][:10], self.expires(365))
        listed = self.call("list_keys", {"user_id": self.user_a.id})
        self.assertEqual([k["key_id"] for k in listed["keys"]], [key_id])
        self.assertNotIn(key, str(listed), "never the secret")
        self.assertEqual(listed["keys"][0]["scope"], "rpc")
        # rotation: a new key, the old one revoked
        rotated = self.call(
            "rotate_key", {"key_id": key_id, "expires": self.expires(10)}
        )
        self.assertTrue(rotated["ok"], rotated)
        self.assertEqual(rotated["revoked_key_id"], key_id)
        self.assertFalse(self.authenticates(key, self.user_a))
        self.assertTrue(self.authenticates(rotated["key"], self.user_a))
        # revocation
        res = self.call("revoke_key", {"key_id": rotated["key_id"]})
        self.assertTrue(res["ok"] and res["revoked"], res)
        self.assertFalse(self.authenticates(rotated["key"], self.user_a))
        self.assertFalse(self.call("list_keys", {"user_id": self.user_a.id})["keys"])
        self.assertCodes(
            self.call("revoke_key", {"key_id": rotated["key_id"]}),
            [("NOT_FOUND", None)],
        )

    def test_key_errors(self):
        for expires in (self.expires(366), self.expires(-1), "2026-02-30", 20260101):
            res = self.call(
                "issue_key", {"user_id": self.user_a.id, "expires": expires}
            )
            self.assertCodes(res, [("INVALID_DATE", None)])
        res = self.call("issue_key", {"user_id": self.user_a.id})
        self.assertCodes(res, [("MISSING_FIELD", None)])
        res = self.call(
            "issue_key", {"user_id": self.plain_internal.id, "expires": self.expires()}
        )
        self.assertCodes(res, [("NOT_FOUND", None)])
        self.assertFalse(self.user_a.api_key_ids)
        # the key of another (not integration) user is not found
        other = (
            self.env["res.users.apikeys"]
            .with_user(self.plain_internal)
            .sudo()
            ._generate("rpc", "own key", None)
        )
        other_id = self.plain_internal.api_key_ids.id
        for operation, payload in (
            ("revoke_key", {"key_id": other_id}),
            ("rotate_key", {"key_id": other_id, "expires": self.expires()}),
        ):
            self.assertCodes(self.call(operation, payload), [("NOT_FOUND", None)])
        self.assertTrue(self.authenticates(other, self.plain_internal))
        self.assertCodes(
            self.call("revoke_key", {"key_id": True}), [("INVALID_TYPE", None)]
        )

    def test_api_schema(self):
        res = self.api().api_schema()
        self.assertTrue(res["ok"], res)
        self.assertEqual(res["api_version"], API_VERSION)
        self.assertEqual(res["schema"]["api_version"], API_VERSION)
        jsonschema.Draft202012Validator.check_schema(res["schema"])
        operations = res["schema"]["operations"]
        # every public method of the API models (b2b_api and the glue
        # modules that add operations, b2b_api_*) is in the contract
        for model in ("b2b.api", "b2b.api.admin"):
            public = {
                name
                for cls in type(self.env[model]).mro()
                if cls.__module__.startswith("odoo.addons.b2b_api")
                for name, value in vars(cls).items()
                if not name.startswith("_") and callable(value)
            }
            documented = {n for n, op in operations.items() if op["model"] == model}
            self.assertEqual(documented, public, model)
        for name in ("price_lines", "submit_order", "api_schema", "rotate_key"):
            self.assertIn(name, operations)
        self.assertCodes(self.api().api_schema({"x": 1}), [("UNKNOWN_FIELD", None)])
        res = self.env["b2b.api"].with_user(self.plain_internal).api_schema()
        self.assertCodes(res, [("NOT_INTEGRATION_USER", None)])
