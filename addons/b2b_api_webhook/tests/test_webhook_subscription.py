# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Subscriptions: URL, events of the registry, user, secret."""

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import B2bWebhookCommon


@tagged("post_install", "-at_install")
class TestWebhookSubscription(B2bWebhookCommon):
    def new_hook(self, **vals):
        return self.Webhook.with_user(self.admin).create(
            {
                "name": "Hook",
                "user_id": self.user_a.id,
                "url": self.receiver.url,
                **vals,
            }
        )

    def test_url(self):
        self.assertTrue(self.new_hook(url="https://erp.example.com/hooks"))
        self.assertTrue(self.new_hook(url="http://localhost:8080/x"))
        for url in (
            "http://erp.example.com/hooks",
            "ftp://erp.example.com/",
            "https://user:pw@erp.example.com/",
            "not a url",
        ):
            with self.assertRaises(ValidationError, msg=url):
                self.new_hook(url=url)
        self.env["ir.config_parameter"].set_param("b2b_api_webhook.allow_http", "1")
        self.assertTrue(self.new_hook(url="http://erp.example.com/hooks"))

    def test_event_registry(self):
        Webhook = self.env["b2b.api.webhook"]
        codes = Webhook._b2b_webhook_event_types()
        self.assertIn("credit.hold_changed", codes)
        self.assertEqual(self.hook_a._b2b_webhook_codes(), list(codes))
        with self.assertRaises(ValidationError):
            self.new_hook(event_types="order.confirmed,rma.received")
        # a later module extends the registry: its code becomes valid
        registry_cls = type(Webhook)
        original = registry_cls._b2b_webhook_event_types

        def extended(self):
            return dict(original(self), **{"rma.received": "Return received"})

        registry_cls._b2b_webhook_event_types = extended
        try:
            self.assertTrue(self.new_hook(event_types="order.confirmed,rma.received"))
        finally:
            registry_cls._b2b_webhook_event_types = original

    def test_user_must_be_integration_user(self):
        with self.assertRaises(ValidationError):
            self.new_hook(user_id=self.portal_plain.id)

    def test_secret_admin_only(self):
        secret = self.hook_a.with_user(self.admin).secret
        self.assertEqual(len(secret), 64)
        self.assertNotEqual(secret, self.new_hook().with_user(self.admin).secret)
        self.hook_a.with_user(self.admin).action_b2b_regenerate_secret()
        self.assertNotEqual(self.hook_a.with_user(self.admin).secret, secret)
        manager = self._b2b_internal_user(
            "wh_dealer_manager", "base.group_user,b2b_base.b2b_base_group_manager"
        )
        for user in (manager, self.user_a):
            with self.assertRaises(AccessError):
                self.hook_a.with_user(user).read(["secret"])
            with self.assertRaises(AccessError):
                self.Delivery.with_user(user).search([])
