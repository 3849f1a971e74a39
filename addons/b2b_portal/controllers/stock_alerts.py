# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer portal: "notify me when back in stock" (subscribe from the
catalogue or the quick order, the user's own alerts, unsubscribe) and the
back-in-stock notice on the home."""

from urllib.parse import urlsplit

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from .catalogue import B2bPortalCatalogue

#: the pages a subscription brings the user back to
BACK_PREFIXES = ("/my/b2b/catalogue", "/my/b2b/quick_order", "/my/b2b/stock_alerts")


class B2bPortalStockAlerts(B2bPortalCatalogue):
    @staticmethod
    def _b2b_alerts_back(url):
        parts = urlsplit(url or "")
        if (
            parts.scheme
            or parts.netloc
            or "\\" in (url or "")
            or not parts.path.startswith(BACK_PREFIXES)
        ):
            return "/my/b2b/stock_alerts"
        return url

    def _b2b_back_in_stock(self):
        """The notified subscriptions of the current user it has not seen."""
        return request.env["b2b.stock.subscription"].search(
            [
                ("user_id", "=", request.env.uid),
                ("state", "=", "done"),
                ("b2b_seen", "=", False),
            ],
            limit=20,
        )

    def _b2b_home_values(self):
        values = super()._b2b_home_values()
        values["b2b_back_in_stock"] = self._b2b_back_in_stock()
        return values

    @http.route("/my/b2b/stock_alerts", type="http", auth="user", website=True)
    def b2b_stock_alerts(self, **kwargs):
        dealer = self._b2b_check_dealer()
        Subscription = request.env["b2b.stock.subscription"]
        subscriptions = Subscription.search(
            [("user_id", "=", request.env.uid), ("state", "in", ("open", "done"))],
            limit=200,
        )
        # sudo: the products the user subscribed to (portal users do not
        # read products), for their names, SKUs and availability
        products = subscriptions.product_id.sudo()
        company = dealer.sudo().company_id or request.env.company
        availability = products.with_company(company)._b2b_portal_availability(
            dealer.sudo(), company
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_stock_alerts",
                "waiting": subscriptions.filtered(lambda s: s.state == "open"),
                "notified": subscriptions.filtered(lambda s: s.state == "done"),
                "availability": availability,
                "b2b_alert_message": request.session.pop(
                    "b2b_stock_alert_message", None
                ),
            }
        )
        response = request.render("b2b_portal.portal_my_stock_alerts", values)
        values["notified"]._b2b_mark_seen()
        return response

    @http.route(
        "/my/b2b/stock_alerts/subscribe",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_stock_alerts_subscribe(self, product=None, redirect=None, **kwargs):
        """Ask to be told when a product of the catalogue is back in stock
        in the dealer's warehouses; from the quick order, its rows are kept
        as the order in progress."""
        self._b2b_check_dealer()
        record = self._b2b_catalogue_product(self._b2b_int(product))
        back = self._b2b_alerts_back(redirect)
        if back.startswith("/my/b2b/quick_order") and self._b2b_can_buy():
            rows = self._b2b_rows_from_form(request.httprequest.form)
            if rows:
                self._b2b_validate_rows(rows)
        try:
            request.env["b2b.stock.subscription"]._b2b_subscribe(record)
        except UserError as error:
            message = str(error)
        else:
            message = request.env._(
                "We will tell you when %(name)s is back in stock.",
                name=record.with_context(display_default_code=False).display_name,
            )
        if back.startswith("/my/b2b/catalogue"):
            request.session["b2b_catalogue_added"] = {
                "level": "info",
                "product_id": record.id,
                "message": message,
            }
        else:
            request.session["b2b_stock_alert_message"] = message
        return request.redirect(back)

    @http.route(
        "/my/b2b/stock_alerts/unsubscribe",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_stock_alerts_unsubscribe(self, subscription=None, **kwargs):
        """Stop waiting for a product: the user's own request only (another
        user's and a missing one are the same 404)."""
        self._b2b_check_dealer()
        subscription_id = self._b2b_int(subscription)
        if not subscription_id:
            raise NotFound()
        record = request.env["b2b.stock.subscription"].browse(subscription_id)
        try:
            record.action_b2b_unsubscribe()
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        return request.redirect("/my/b2b/stock_alerts")
