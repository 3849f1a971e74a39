# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

STATES = [
    ("open", "Waiting"),
    ("done", "Notified"),
    ("cancel", "Unsubscribed"),
]


class B2bStockSubscription(models.Model):
    """ "Notify me when back in stock": a dealer user waits for a product
    that is out of stock in the dealer's warehouses. The back-in-stock job
    (``_b2b_notify_back_in_stock``) sends one e-mail and portal notification
    when the product is available again in those warehouses, then closes
    the subscription."""

    _name = "b2b.stock.subscription"
    _description = "Dealer Back-in-Stock Subscription"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    user_id = fields.Many2one(
        "res.users",
        string="User",
        required=True,
        index=True,
        readonly=True,
        ondelete="cascade",
    )
    dealer_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        required=True,
        index=True,
        readonly=True,
        ondelete="cascade",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Product",
        required=True,
        readonly=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    state = fields.Selection(
        STATES, default="open", required=True, index=True, tracking=True
    )
    date_notified = fields.Datetime(string="Notified On", readonly=True)
    b2b_seen = fields.Boolean(
        string="Seen",
        readonly=True,
        help="The user has seen the back-in-stock notice in the portal.",
    )

    def init(self):
        # one open subscription per user, product and company
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS b2b_stock_subscription_open_uniq "
                "ON b2b_stock_subscription (user_id, product_id, company_id) "
                "WHERE state = 'open'"
            )
        )

    @api.depends("product_id")
    def _compute_display_name(self):
        for subscription in self:
            # sudo: the name of the product the user subscribed to
            subscription.display_name = (
                subscription.product_id.sudo().display_name or ""
            )

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    @api.model
    def _b2b_subscriber_dealer(self):
        """The dealer of the current user when it is a dealer buyer."""
        user = self.env.user
        if not user.share or not user.b2b_role_ids:
            raise UserError(
                self.env._("Only the users of a dealer can ask for stock alerts.")
            )
        return user._b2b_dealer()

    @api.model
    def _b2b_subscribe(self, product):
        """The open subscription of the current dealer user to ``product``
        (a product of the dealer's catalogue, checked by the caller), created
        when there is none."""
        dealer = self._b2b_subscriber_dealer()
        if not product or len(product) != 1 or not product.sudo().is_storable:
            raise UserError(self.env._("This product is not tracked in stock."))
        # sudo: the dealer's company, read to scope the subscription
        company = dealer.sudo().company_id or self.env.company
        existing = self._b2b_open(self.env.user, company, product)
        if existing:
            return existing
        # sudo: portal users only read their subscriptions; the values are
        # forced to the current user, its dealer and company
        return (
            self.sudo()
            .create(
                {
                    "user_id": self.env.user.id,
                    "dealer_id": dealer.id,
                    "product_id": product.id,
                    "company_id": company.id,
                }
            )
            .sudo(False)
        )

    @api.model
    def _b2b_open(self, user, company, products):
        # sudo: the user's own subscriptions (the callers pass the current
        # user, or the job its subscribers)
        return self.sudo().search(
            [
                ("user_id", "=", user.id),
                ("company_id", "=", company.id),
                ("product_id", "in", products.ids),
                ("state", "=", "open"),
            ]
        )

    @api.model
    def _b2b_open_product_ids(self, user, company, products):
        """The ids of ``products`` the user waits for (one query)."""
        # sudo: the user's own subscriptions, product ids only
        groups = self.sudo()._read_group(
            [
                ("user_id", "=", user.id),
                ("company_id", "=", company.id),
                ("product_id", "in", products.ids),
                ("state", "=", "open"),
            ],
            ["product_id"],
        )
        return {product.id for (product,) in groups}

    def action_b2b_unsubscribe(self):
        """Stop waiting: the subscriptions are closed without notice. A
        portal user closes only its own (the record rules)."""
        self.check_access("read")
        if self.env.user.share and self.filtered(lambda s: s.user_id != self.env.user):
            raise AccessError(self.env._("You can only stop your own stock alerts."))
        # sudo: portal users do not write subscriptions; only the state of
        # the open ones they read (checked above) changes
        self.sudo().filtered(lambda s: s.state == "open").write({"state": "cancel"})
        return True

    def _b2b_mark_seen(self):
        """The back-in-stock notices of ``self`` shown to their user."""
        notified = self.filtered(
            lambda s: s.state == "done"
            and not s.b2b_seen
            and s.user_id == self.env.user
        )
        # sudo: a flag of the user's own subscriptions (read access checked
        # by the search that found them)
        notified.sudo().write({"b2b_seen": True})

    # ------------------------------------------------------------------
    # Back-in-stock job
    # ------------------------------------------------------------------
    @api.model
    def _b2b_cron_notify_back_in_stock(self):
        self._b2b_notify_back_in_stock()

    @api.model
    def _b2b_notify_back_in_stock(self, limit=None):
        """Notify the subscribers whose product is available again in their
        dealer's warehouses, and close their subscriptions.

        Set-based: per company, one availability computation for every open
        subscription (the dealers' warehouses' figures at once, see
        ``product.product._b2b_dealers_available``); then one e-mail and
        portal notification per subscription that is served.

        :returns: the subscriptions notified
        """
        # sudo: the job reads every company's open subscriptions
        subscriptions = self.sudo().search(
            [("state", "=", "open")], order="id", limit=limit
        )
        by_company = defaultdict(lambda: self.sudo().browse())
        for subscription in subscriptions:
            by_company[subscription.company_id] |= subscription
        notified_ids = []
        for company, company_subscriptions in by_company.items():
            Product = self.env["product.product"].sudo().with_company(company)
            pairs = {(s.dealer_id, s.product_id) for s in company_subscriptions}
            available = Product.browse(
                company_subscriptions.product_id.ids
            )._b2b_dealers_available(list(pairs), company)
            for subscription in company_subscriptions:
                key = (subscription.dealer_id.id, subscription.product_id.id)
                if available.get(key, 0.0) > 0:
                    notified_ids.append(subscription.id)
        notified = self.sudo().browse(notified_ids)
        for subscription in notified:
            subscription._b2b_send_back_in_stock()
        notified.write(
            {"state": "done", "date_notified": fields.Datetime.now(), "b2b_seen": False}
        )
        return notified

    def _b2b_send_back_in_stock(self):
        """The one e-mail and portal notification of ``self`` (sudo), in
        the user's language."""
        self.ensure_one()
        partner = self.user_id.partner_id
        record = self.with_context(lang=partner.lang or self.user_id.lang)
        product = record.product_id
        name = product.with_context(display_default_code=False).display_name
        base_url = self.company_id.get_base_url()
        body = self.env["ir.qweb"]._render(
            "b2b_portal.b2b_stock_subscription_mail",
            {
                "subscription": record,
                "product_name": name,
                "catalogue_url": f"{base_url}/my/b2b/catalogue?search="
                + (product.default_code or name),
                "alerts_url": f"{base_url}/my/b2b/stock_alerts",
            },
            lang=partner.lang,
        )
        record.message_notify(
            partner_ids=partner.ids,
            subject=record.env._("Back in stock: %(product)s", product=name),
            body=body,
            email_layout_xmlid="mail.mail_notification_light",
        )
