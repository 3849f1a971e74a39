# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import B2bPortalHttpCommon

#: queries of the back-in-stock check with nothing back, whatever the number
#: of open subscriptions: the subscriptions, the dealers' regions and
#: warehouses, the availability rule's figures
JOB_QUERIES = 8


@tagged("post_install", "-at_install")
class TestStockSubscription(B2bPortalHttpCommon):
    """ "Notify me when back in stock": subscribe from the catalogue or the
    quick order, one e-mail and portal notice when the product is available
    again in the dealer's warehouses, then the subscription is closed; a
    user sees and closes only its own subscriptions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bottle = cls._create_product(
            "B2B Bottle", 8.0, cls.categ_other, "B2B-BOTTLE", is_storable=True
        )
        cls.lamp = cls._create_product(
            "B2B Lamp", 8.0, cls.categ_other, "B2B-LAMP", is_storable=True
        )
        (cls.bottle | cls.lamp).product_tmpl_id.taxes_id = False
        cls.Subscription = cls.env["b2b.stock.subscription"]
        cls.stock = cls.env.ref("stock.warehouse0").lot_stock_id

    def _subscribe(self, user, product):
        return self.Subscription.with_user(user)._b2b_subscribe(product)

    def _restock(self, product, qty=10.0):
        self.env["stock.quant"]._update_available_quantity(product, self.stock, qty)

    def _mails(self, user, product):
        """The e-mail notifications of ``user`` about ``product`` (the
        e-mails themselves are sent and deleted at once)."""
        return self.env["mail.notification"].search(
            [
                ("res_partner_id", "=", user.partner_id.id),
                ("notification_type", "=", "email"),
                ("mail_message_id.subject", "ilike", product.name),
            ]
        )

    # Subscribing ------------------------------------------------------
    def test_subscribe_from_catalogue(self):
        self.authenticate("pa_buyer", "pa_buyer")
        html = self.url_open("/my/b2b/catalogue?search=B2B-BOTTLE").text
        self.assertIn('name="b2b_notify_me"', html)
        response = self._post(
            "/my/b2b/stock_alerts/subscribe",
            {"product": self.bottle.id, "redirect": "/my/b2b/catalogue?search=B2B"},
        )
        self.assertIn(
            "We will tell you when B2B Bottle is back in stock.", response.text
        )
        subscription = self.Subscription.search([("user_id", "=", self.a_buyer.id)])
        self.assertEqual(subscription.product_id, self.bottle)
        self.assertEqual(subscription.dealer_id, self.dealer_a)
        self.assertEqual(subscription.company_id, self.env.company)
        self.assertEqual(subscription.state, "open")
        # asked again: still one; the card now says so
        self._post("/my/b2b/stock_alerts/subscribe", {"product": self.bottle.id})
        self.assertEqual(
            self.Subscription.search_count([("user_id", "=", self.a_buyer.id)]), 1
        )
        html = self.url_open("/my/b2b/catalogue?search=B2B-BOTTLE").text
        self.assertIn('name="b2b_subscribed"', html)
        self.assertNotIn('name="b2b_notify_me"', html)
        html = self.url_open("/my/b2b/stock_alerts").text
        self.assertIn("Waiting for stock", html)
        self.assertIn("B2B-BOTTLE", html)

    def test_subscribe_from_quick_order_keeps_the_rows(self):
        self.authenticate("pa_buyer", "pa_buyer")
        response = self._post(
            "/my/b2b/stock_alerts/subscribe?redirect=/my/b2b/quick_order",
            {
                "product": self.bottle.id,
                "sku_0": "B2B-BOTTLE",
                "qty_0": "3",
                "sku_1": "B2B-CAP",
                "qty_1": "5",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn('id="b2b_stock_alert_message"', response.text)
        self.assertIn('name="b2b_subscribed"', response.text)
        self.assertEqual(response.text.count('name="b2b_quick_order_row"'), 2)
        self.assertTrue(self.Subscription.search([("user_id", "=", self.a_buyer.id)]))

    def test_every_dealer_user_may_subscribe_only_for_catalogue_products(self):
        # an approver (no buyer) may wait for a product too
        self.assertTrue(self._subscribe(self.a_approver, self.bottle))
        with self.assertRaises(UserError):
            self._subscribe(self.plain, self.bottle)  # not a dealer user
        with self.assertRaises(UserError):
            self._subscribe(self.a_buyer, self.mug)  # not tracked in stock
        self.authenticate("pa_buyer", "pa_buyer")
        response = self._post(
            "/my/b2b/stock_alerts/subscribe", {"product": self.service.id}
        )
        self.assertEqual(response.status_code, 404)  # not in the catalogue
        self.authenticate("p_plain", "p_plain")
        response = self._post(
            "/my/b2b/stock_alerts/subscribe", {"product": self.bottle.id}
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.url_open("/my/b2b/stock_alerts").status_code, 404)

    # Access -----------------------------------------------------------
    def test_users_see_and_close_only_their_own(self):
        mine = self._subscribe(self.a_buyer, self.bottle)
        colleague = self._subscribe(self.a_buyer2, self.bottle)
        other_dealer = self._subscribe(self.b_buyer, self.bottle)
        Mine = self.Subscription.with_user(self.a_buyer)
        self.assertEqual(Mine.search([]), mine)
        with self.assertRaises(AccessError):
            colleague.with_user(self.a_buyer).action_b2b_unsubscribe()
        with self.assertRaises(AccessError):
            other_dealer.with_user(self.a_buyer).read(["state"])
        with self.assertRaises(AccessError):
            mine.with_user(self.a_buyer).write({"state": "done"})
        with self.assertRaises(AccessError):
            Mine.create(
                {
                    "user_id": self.a_buyer.id,
                    "dealer_id": self.dealer_a.id,
                    "product_id": self.lamp.id,
                    "company_id": self.env.company.id,
                }
            )
        self.authenticate("pa_buyer", "pa_buyer")
        unsubscribe = "/my/b2b/stock_alerts/unsubscribe"
        response = self._post(unsubscribe, {"subscription": colleague.id})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(colleague.state, "open")
        response = self._post(unsubscribe, {"subscription": 987654321})
        self.assertEqual(response.status_code, 404)
        self._post(unsubscribe, {"subscription": mine.id})
        self.assertEqual(mine.state, "cancel")
        # a closed subscription is never notified
        self._restock(self.bottle)
        notified = self.Subscription._b2b_notify_back_in_stock()
        self.assertEqual(notified, colleague | other_dealer)

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "B2B Other Company"})
        mine = self._subscribe(self.a_buyer, self.bottle)
        foreign = self.Subscription.sudo().create(
            {
                "user_id": self.a_buyer.id,
                "dealer_id": self.dealer_a.id,
                "product_id": self.lamp.id,
                "company_id": other.id,
            }
        )
        # the buyer's company only, though the subscription is its own
        self.assertEqual(self.Subscription.with_user(self.a_buyer).search([]), mine)
        self.assertTrue(foreign.exists())

    # Notification -----------------------------------------------------
    def test_back_in_stock_notified_once(self):
        subscription = self._subscribe(self.a_buyer, self.bottle)
        waiting = self._subscribe(self.a_buyer, self.lamp)
        # nothing back yet: nothing sent
        self.assertFalse(self.Subscription._b2b_notify_back_in_stock())
        self.assertFalse(self._mails(self.a_buyer, self.bottle))
        self._restock(self.bottle)
        notified = self.Subscription._b2b_notify_back_in_stock()
        self.assertEqual(notified, subscription)
        self.assertEqual(subscription.state, "done")
        self.assertTrue(subscription.date_notified)
        self.assertEqual(waiting.state, "open")
        mails = self._mails(self.a_buyer, self.bottle)
        self.assertEqual(len(mails), 1)
        message = mails.mail_message_id
        self.assertEqual(message.subject, "Back in stock: B2B Bottle")
        self.assertIn("/my/b2b/catalogue?search=B2B-BOTTLE", message.body)
        self.assertEqual(message.model, "b2b.stock.subscription")
        self.assertEqual(message.res_id, subscription.id)
        self.assertEqual(message.partner_ids, self.a_buyer.partner_id)
        # the job runs again: no second notice
        self.assertFalse(self.Subscription._b2b_notify_back_in_stock())
        self.assertEqual(len(self._mails(self.a_buyer, self.bottle)), 1)
        # the portal notice on the home, until the alerts page is seen
        self.authenticate("pa_buyer", "pa_buyer")
        home = self.url_open("/my").text
        self.assertIn('id="b2b_back_in_stock"', home)
        self.assertIn("B2B Bottle", home)
        alerts = self.url_open("/my/b2b/stock_alerts").text
        self.assertIn("Back in stock", alerts)
        self.assertTrue(subscription.b2b_seen)
        self.assertNotIn('id="b2b_back_in_stock"', self.url_open("/my").text)

    def test_reserved_stock_is_not_back(self):
        """Back means available in the dealer's warehouses, as the dealer
        sees it: stock reserved for another delivery does not count."""
        subscription = self._subscribe(self.a_buyer, self.bottle)
        self._restock(self.bottle, 5.0)
        order = self._b2b_order(self.customer, [(self.bottle, 5)], confirm=True)
        self.assertTrue(order.picking_ids)
        self.assertFalse(self.Subscription._b2b_notify_back_in_stock())
        self.assertEqual(subscription.state, "open")

    def test_cron_is_set_based(self):
        """The job costs the same number of queries to check 1 or 30 open
        subscriptions of several dealers and products (nothing back)."""
        dealers = [self.a_buyer, self.a_buyer2, self.b_buyer]
        self._subscribe(self.a_buyer, self.bottle)
        small = self._count_job()
        products = [
            self._create_product(
                f"B2B Item {n}", 5.0, self.categ_other, f"B2B-IT{n}", is_storable=True
            )
            for n in range(10)
        ]
        for user in dealers:
            for product in products:
                self._subscribe(user, product)
        large = self._count_job()
        # Odoo's defaults of company-dependent fields may be cached by then:
        # one query less, never more
        self.assertLessEqual(large, small)
        self.assertLessEqual(small, JOB_QUERIES)

    def _count_job(self):
        """Queries of a warm run of the job (the first run fills registry
        caches such as Odoo's defaults)."""
        self.assertFalse(self.Subscription._b2b_notify_back_in_stock())
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        self.assertFalse(self.Subscription._b2b_notify_back_in_stock())
        return self.cr.sql_log_count - start

    def test_cron_entry_point(self):
        cron = self.env.ref("b2b_portal.ir_cron_b2b_back_in_stock")
        self.assertEqual(cron.model_id.model, "b2b.stock.subscription")
        subscription = self._subscribe(self.a_buyer, self.bottle)
        self._restock(self.bottle)
        self.Subscription._b2b_cron_notify_back_in_stock()
        self.assertEqual(subscription.state, "done")
