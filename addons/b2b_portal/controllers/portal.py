# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from werkzeug.exceptions import NotFound

from odoo import Command, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import content_disposition, request
from odoo.osv import expression

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROW_KEY_RE = re.compile(r"^sku_(\d{1,5})$")

TEAM_ROLE_CODES = ("admin", "purchaser", "approver", "finance")


class B2bPortal(CustomerPortal):
    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _b2b_dealer(self):
        """The dealer of the current user when it is a dealer buyer, or empty."""
        user = request.env.user
        if not user.share or not user.b2b_role_ids:
            return request.env["res.partner"]
        return user._b2b_dealer()

    def _b2b_check_dealer(self, role=None):
        """The dealer of the current buyer; 404 for everybody else."""
        dealer = self._b2b_dealer()
        if not dealer or (role and not request.env.user._b2b_has_role(role)):
            raise NotFound()
        return dealer

    def _b2b_can_buy(self):
        user = request.env.user
        return any(user._b2b_has_role(code) for code in ("purchaser", "admin"))

    # ------------------------------------------------------------------
    # Home
    # ------------------------------------------------------------------
    def _b2b_open_orders_domain(self):
        return request.env.user._b2b_portal_domain("sale.order") + [
            ("state", "=", "sale"),
            ("delivery_status", "!=", "full"),
        ]

    def _b2b_deliveries_domain(self):
        return request.env.user._b2b_portal_domain("stock.picking") + [
            ("picking_type_code", "=", "outgoing"),
        ]

    def _b2b_deliveries_on_the_way_domain(self):
        return self._b2b_deliveries_domain() + [
            ("state", "not in", ("draft", "done", "cancel")),
        ]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if not self._b2b_dealer():
            return values
        SaleOrder = request.env["sale.order"]
        Picking = request.env["stock.picking"]
        if "b2b_open_order_count" in counters:
            values["b2b_open_order_count"] = (
                SaleOrder.search_count(self._b2b_open_orders_domain())
                if SaleOrder.has_access("read")
                else 0
            )
        if "b2b_delivery_count" in counters:
            values["b2b_delivery_count"] = (
                Picking.search_count(self._b2b_deliveries_on_the_way_domain())
                if Picking.has_access("read")
                else 0
            )
        return values

    def _b2b_home_values(self):
        # the open orders and deliveries cards are counted by /my/counters,
        # loaded asynchronously like Odoo's own home counters
        dealer = self._b2b_dealer()
        return {
            # sudo: the dealer's own tier, read-only display
            "b2b_dealer": dealer.sudo(),
            "b2b_tier": dealer.sudo().b2b_tier_id,
            "b2b_can_buy": self._b2b_can_buy(),
            "b2b_is_admin": request.env.user._b2b_has_role("admin"),
        }

    @http.route()
    def home(self, **kw):
        response = super().home(**kw)
        if self._b2b_dealer() and hasattr(response, "qcontext"):
            response.qcontext.update(self._b2b_home_values())
        return response

    # ------------------------------------------------------------------
    # Team
    # ------------------------------------------------------------------
    def _b2b_team_users(self, dealer):
        # sudo: portal users cannot read res.users of colleagues; scoped to
        # the share users of the current user's own dealer
        return (
            request.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("partner_id.commercial_partner_id", "=", dealer.id),
                    ("share", "=", True),
                ],
                order="active desc, name, id",
            )
        )

    def _b2b_team_roles(self):
        # sudo: the roles are configuration data the dealer admin assigns
        return (
            request.env["b2b.buyer.role"]
            .sudo()
            .search([("code", "in", TEAM_ROLE_CODES)])
        )

    def _b2b_team_user_values(self, post):
        """Values of ``res.users`` from the team form (invite and edit).

        Extension point: other modules add their own fields of the form.
        """
        roles = self._b2b_team_roles().filtered(
            lambda role: post.get(f"role_{role.code}")
        )
        values = {"b2b_role_ids": [Command.set(roles.ids)]}
        name = (post.get("name") or "").strip()
        if name:
            values["name"] = name
        return values

    def _b2b_team_values(self, dealer, **kwargs):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_team",
                "b2b_dealer": dealer.sudo(),
                "team_users": self._b2b_team_users(dealer),
                "team_roles": self._b2b_team_roles(),
                "edit_user": request.env["res.users"],
                "error": kwargs.get("error"),
                "message": kwargs.get("message"),
            }
        )
        return values

    def _b2b_team_user(self, dealer, user_id):
        """A user of the admin's own dealer, or 404 (same for any other id)."""
        try:
            user_id = int(user_id)
        except (TypeError, ValueError) as error:
            raise NotFound() from error
        user = self._b2b_team_users(dealer).filtered(lambda u: u.id == user_id)
        if not user:
            raise NotFound()
        return user

    def _b2b_team_check_admins(self, dealer, user, values=None, active=True):
        """Refuse to leave the dealer without an active admin."""
        admin_group = request.env.ref("b2b_base.b2b_base_group_buyer_admin")
        admins = self._b2b_team_users(dealer).filtered(
            lambda u: u.active and admin_group in u.groups_id
        )
        keeps_admin = active
        if keeps_admin and values and "b2b_role_ids" in values:
            role_ids = values["b2b_role_ids"][0][2]
            keeps_admin = admin_group in (
                request.env["b2b.buyer.role"].sudo().browse(role_ids).group_id
            )
        if user in admins and not keeps_admin and not (admins - user):
            raise UserError(
                request.env._("A dealer needs at least one active administrator.")
            )

    @http.route("/my/b2b/team", type="http", auth="user", website=True)
    def b2b_team(self, **kwargs):
        dealer = self._b2b_check_dealer("admin")
        values = self._b2b_team_values(dealer, **kwargs)
        edit_id = kwargs.get("edit")
        if edit_id:
            values["edit_user"] = self._b2b_team_user(dealer, edit_id)
        return request.render("b2b_portal.portal_my_team", values)

    @http.route(
        "/my/b2b/team/save", type="http", auth="user", website=True, methods=["POST"]
    )
    def b2b_team_save(self, **post):
        dealer = self._b2b_check_dealer("admin")
        try:
            values = self._b2b_team_user_values(post)
            if post.get("user_id"):
                user = self._b2b_team_user(dealer, post["user_id"])
                self._b2b_team_check_admins(dealer, user, values)
                with request.env.cr.savepoint():
                    user.write(values)
                message = request.env._("%s was updated.", user.name)
            else:
                user = self._b2b_team_invite(dealer, post, values)
                message = request.env._("%s was invited.", user.name)
        except (UserError, ValidationError) as error:
            values = self._b2b_team_values(dealer, error=str(error))
            return request.render("b2b_portal.portal_my_team", values)
        values = self._b2b_team_values(dealer, message=message)
        return request.render("b2b_portal.portal_my_team", values)

    def _b2b_team_invite(self, dealer, post, values):
        """Create a portal user in the dealer and send Odoo's invitation."""
        email = (post.get("email") or "").strip().lower()
        name = values.get("name")
        if not name or not email or "@" not in email:
            raise UserError(
                request.env._("Please enter the name and the e-mail of the colleague.")
            )
        if not values["b2b_role_ids"][0][2]:
            raise UserError(
                request.env._("Please give the colleague at least one role.")
            )
        # sudo: the dealer admin may not create contacts nor users; scoped to a
        # new contact of its own dealer, through Odoo's portal wizard
        Users = request.env["res.users"].sudo().with_context(active_test=False)
        if Users.search_count([("login", "=ilike", email)], limit=1):
            raise UserError(
                request.env._("A user with the e-mail %s already exists.", email)
            )
        with request.env.cr.savepoint():
            contact = (
                request.env["res.partner"]
                .sudo()
                .create(
                    {
                        "name": name,
                        "email": email,
                        "parent_id": dealer.id,
                        "type": "contact",
                    }
                )
            )
            wizard = (
                request.env["portal.wizard"]
                .sudo()
                .create({"partner_ids": [Command.link(contact.id)]})
            )
            wizard.user_ids.action_grant_access()
            user = contact.user_ids[:1]
            user.write(values)
        return user

    @http.route(
        "/my/b2b/team/<int:user_id>/active",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_team_set_active(self, user_id, active="0", **kwargs):
        dealer = self._b2b_check_dealer("admin")
        user = self._b2b_team_user(dealer, user_id)
        active = active == "1"
        try:
            if user == request.env.user and not active:
                raise UserError(request.env._("You cannot deactivate yourself."))
            if not active:
                self._b2b_team_check_admins(dealer, user, active=False)
            with request.env.cr.savepoint():
                user.active = active
        except (UserError, ValidationError) as error:
            values = self._b2b_team_values(dealer, error=str(error))
            return request.render("b2b_portal.portal_my_team", values)
        message = (
            request.env._("%s was reactivated.", user.name)
            if active
            else request.env._("%s was deactivated.", user.name)
        )
        values = self._b2b_team_values(dealer, message=message)
        return request.render("b2b_portal.portal_my_team", values)

    # ------------------------------------------------------------------
    # Orders and invoices of Odoo's portal, scoped like the record rules
    # ------------------------------------------------------------------
    def _prepare_quotations_domain(self, partner):
        if not self._b2b_dealer():
            return super()._prepare_quotations_domain(partner)
        # the dealer's drafts (quick orders, reorders) are quotations too
        return request.env.user._b2b_portal_domain("sale.order") + [
            ("state", "in", ("draft", "sent")),
        ]

    def _prepare_orders_domain(self, partner):
        if not self._b2b_dealer():
            return super()._prepare_orders_domain(partner)
        return request.env.user._b2b_portal_domain("sale.order") + [
            ("state", "=", "sale"),
        ]

    def _get_invoices_domain(self, m_type=None):
        domain = super()._get_invoices_domain(m_type=m_type)
        if not self._b2b_dealer():
            return domain
        return expression.AND(
            [domain, request.env.user._b2b_portal_domain("account.move")]
        )

    # ------------------------------------------------------------------
    # Deliveries
    # ------------------------------------------------------------------
    @http.route(
        ["/my/b2b/deliveries", "/my/b2b/deliveries/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def b2b_deliveries(self, page=1, **kwargs):
        self._b2b_check_dealer()
        Picking = request.env["stock.picking"]
        if not Picking.has_access("read"):
            raise NotFound()
        domain = self._b2b_deliveries_domain()
        count = Picking.search_count(domain)
        pager = portal_pager(
            url="/my/b2b/deliveries", total=count, page=page, step=self._items_per_page
        )
        pickings = Picking.search(
            domain,
            order="scheduled_date desc, id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_deliveries",
                "pickings": pickings,
                "pager": pager,
                "default_url": "/my/b2b/deliveries",
                "has_tracking": "carrier_tracking_ref" in Picking._fields,
            }
        )
        return request.render("b2b_portal.portal_my_deliveries", values)

    # ------------------------------------------------------------------
    # Catalogue
    # ------------------------------------------------------------------
    def _b2b_catalogue_domain(self, search):
        domain = [
            ("sale_ok", "=", True),
            ("company_id", "in", [request.env.company.id, False]),
        ]
        search = (search or "").strip()
        if search:
            domain += expression.OR(
                [
                    [("name", "ilike", search)],
                    [("default_code", "ilike", search)],
                    [("barcode", "ilike", search)],
                    [("product_template_attribute_value_ids.name", "ilike", search)],
                ]
            )
        return domain

    @http.route(
        ["/my/b2b/catalogue", "/my/b2b/catalogue/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def b2b_catalogue(self, page=1, search=None, **kwargs):
        dealer = self._b2b_check_dealer()
        search = (search or "")[:100]
        # sudo: the catalogue of products sold to dealers, scoped by the
        # domain (sellable, active, of the company)
        Product = request.env["product.product"].sudo()
        domain = self._b2b_catalogue_domain(search)
        count = Product.search_count(domain)
        step = 20
        pager = portal_pager(
            url="/my/b2b/catalogue",
            url_args={"search": search},
            total=count,
            page=page,
            step=step,
        )
        products = Product.search(
            domain, order="default_code, name, id", limit=step, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_catalogue",
                "products": products,
                "pager": pager,
                "search": search,
                "catalogue": self._b2b_catalogue_prices(dealer, products),
                "b2b_can_buy": self._b2b_can_buy(),
                "default_url": "/my/b2b/catalogue",
            }
        )
        return request.render("b2b_portal.portal_my_catalogue", values)

    def _b2b_catalogue_prices(self, dealer, products):
        """Net price, volume breaks and availability of a page of products:
        {product id: {price, currency, breaks, stock, lead_time}}.

        The dealer's pricelist prices every product of the page in one call
        per quantity level (1, then each break quantity found on the page),
        never per product. Each level is priced as a line on its own (a
        cumulative cart would mix the quantities of the page).
        """
        if not products:
            return {}
        # sudo: the pricelist and rules of the buyer's own dealer
        dealer = dealer.sudo()
        company = dealer.company_id or request.env.company
        pricelist = dealer.with_company(company).property_product_pricelist
        currency = pricelist.currency_id or company.currency_id
        levels = {1.0: products}
        if pricelist:
            items = (
                request.env["product.pricelist.item"]
                .sudo()
                .search(
                    [
                        ("pricelist_id", "=", pricelist.id),
                        ("min_quantity", ">", 1),
                        "|",
                        ("product_id", "in", products.ids),
                        "&",
                        ("product_id", "=", False),
                        ("product_tmpl_id", "in", products.product_tmpl_id.ids),
                    ]
                )
            )
            for item in items:
                targets = item.product_id or products.filtered(
                    lambda p, item=item: p.product_tmpl_id == item.product_tmpl_id
                )
                levels[item.min_quantity] = (
                    levels.get(item.min_quantity, products.browse()) | targets
                )
        stock = self._b2b_free_quantities(products, company)
        catalogue = {
            product.id: {
                "price": None,
                "currency": currency.name,
                "breaks": [],
                "stock": stock.get(product.id, 0.0),
                "lead_time": product.sale_delay,
            }
            for product in products
        }
        now = fields.Datetime.now()
        for quantity in sorted(levels):
            level_products = levels[quantity].with_company(company)
            if pricelist:
                prices = pricelist.with_company(company)._compute_price_rule(
                    level_products, quantity, currency=currency, date=now
                )
            else:
                prices = {p.id: (p.lst_price, False) for p in level_products}
            for product in level_products:
                price = currency.round(prices[product.id][0])
                if quantity == 1.0:
                    catalogue[product.id]["price"] = price
                elif price != catalogue[product.id]["price"]:
                    catalogue[product.id]["breaks"].append(
                        {"quantity": quantity, "price": price}
                    )
        return catalogue

    def _b2b_free_quantities(self, products, company):
        """{product id: quantity on hand not reserved} in the internal
        locations of the company, in one grouped query."""
        # sudo: stock levels of the catalogue, an aggregate only
        groups = (
            request.env["stock.quant"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", products.ids),
                    ("location_id.usage", "=", "internal"),
                    ("company_id", "=", company.id),
                ],
                ["product_id"],
                ["quantity:sum", "reserved_quantity:sum"],
            )
        )
        return {
            product.id: quantity - reserved for product, quantity, reserved in groups
        }

    # ------------------------------------------------------------------
    # Quick order
    # ------------------------------------------------------------------
    def _b2b_quick_order_values(self, **values):
        result = self._prepare_portal_layout_values()
        result.update(
            {
                "page_name": "b2b_quick_order",
                "validation": None,
                "error": None,
                "messages": [],
                "max_rows": request.env["b2b.quick.order"]._b2b_max_rows(),
                "max_size_kb": request.env["b2b.quick.order"]._b2b_max_file_size()
                // 1024,
            }
        )
        result.update(values)
        return result

    def _b2b_check_buyer(self):
        dealer = self._b2b_check_dealer()
        if not self._b2b_can_buy():
            raise NotFound()
        return dealer

    @http.route("/my/b2b/quick_order", type="http", auth="user", website=True)
    def b2b_quick_order(self, **kwargs):
        self._b2b_check_buyer()
        return request.render(
            "b2b_portal.portal_my_quick_order", self._b2b_quick_order_values()
        )

    @http.route(
        "/my/b2b/quick_order/template.<string:fmt>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def b2b_quick_order_template(self, fmt="csv", **kwargs):
        self._b2b_check_buyer()
        QuickOrder = request.env["b2b.quick.order"]
        if fmt == "xlsx":
            content, mimetype = QuickOrder._b2b_template_xlsx(), XLSX_MIMETYPE
        elif fmt == "csv":
            content, mimetype = QuickOrder._b2b_template_csv(), "text/csv"
        else:
            raise NotFound()
        return request.make_response(
            content,
            [
                ("Content-Type", mimetype),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(f"quick_order.{fmt}")),
            ],
        )

    @http.route(
        "/my/b2b/quick_order/lookup", type="json", auth="user", methods=["POST"]
    )
    def b2b_quick_order_lookup(self, sku=None, qty=None, **kwargs):
        """One SKU typed in the quick order: product, price and errors."""
        self._b2b_check_buyer()
        if not isinstance(sku, str) or len(sku) > 100:
            return {"ok": False, "error": request.env._("Enter a SKU.")}
        if not isinstance(qty, str | int | float) or isinstance(qty, bool):
            qty = ""
        try:
            validation = request.env["b2b.quick.order"]._b2b_validate(
                [{"line": 1, "sku": sku, "qty": qty}]
            )
        except UserError as error:
            return {"ok": False, "error": str(error)}
        entry = validation["entries"][0]
        currency = validation["currency"]
        return {
            "ok": not entry["error"],
            "error": entry["error"],
            "warning": entry["warning"],
            "sku": entry["sku"],
            "qty": entry["qty"],
            "name": entry["name"],
            "price_unit": entry["price_unit"],
            "subtotal": entry["subtotal"],
            "currency": currency.name,
        }

    def _b2b_rows_from_form(self, form):
        """Rows of the quick order table (``sku_<n>``, ``qty_<n>``,
        ``line_<n>``, ``drop_<n>``), in the order of ``n``."""
        rows = []
        for key in form:
            match = ROW_KEY_RE.match(key)
            if not match:
                continue
            index = match.group(1)
            if form.get(f"drop_{index}"):
                continue
            sku = (form.get(key) or "").strip()
            qty = (form.get(f"qty_{index}") or "").strip()
            if not sku and not qty:
                continue
            try:
                line = int(form.get(f"line_{index}") or 0)
            except ValueError:
                line = 0
            rows.append((int(index), {"line": line, "sku": sku[:100], "qty": qty[:30]}))
        rows.sort(key=lambda row: row[0])
        rows = [row for __, row in rows]
        for number, row in enumerate(rows, start=1):
            row["line"] = row["line"] or number
        return rows

    @http.route(
        "/my/b2b/quick_order/check",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_quick_order_check(self, action="check", paste=None, upload=None, **post):
        """Validate the rows (table, paste or file); create the draft
        quotation when asked and valid (or asked to keep the valid rows)."""
        self._b2b_check_buyer()
        QuickOrder = request.env["b2b.quick.order"]
        try:
            rows = self._b2b_rows_from_form(request.httprequest.form)
            if paste and paste.strip():
                offset = max((row["line"] for row in rows), default=0)
                for row in QuickOrder._b2b_rows_from_text(paste[:1000000]):
                    row["line"] += offset
                    rows.append(row)
            if upload and getattr(upload, "filename", None):
                content = upload.read(QuickOrder._b2b_max_file_size() + 1)
                rows = QuickOrder._b2b_rows_from_file(upload.filename, content)
            validation = QuickOrder._b2b_validate(rows)
        except UserError as error:
            return request.render(
                "b2b_portal.portal_my_quick_order",
                self._b2b_quick_order_values(error=str(error)),
            )
        if action in ("create", "create_valid") and validation["valid"]:
            if action == "create_valid" or not validation["invalid"]:
                order = QuickOrder._b2b_create_order(validation["entries"])
                return request.redirect(order.get_portal_url())
        return request.render(
            "b2b_portal.portal_my_quick_order",
            self._b2b_quick_order_values(validation=validation),
        )

    # ------------------------------------------------------------------
    # Submit, reorder, save as list
    # ------------------------------------------------------------------
    def _b2b_order_for_buyer(self, order_id, access_token=None):
        """The order (sudo) when the current buyer may act on it, else 404.

        Odoo's access check first (ACL and record rules, or the access
        token), then the visibility of the buyer: a token shared outside the
        dealer, or with a colleague purchaser, does not let act on the order.
        """
        self._b2b_check_buyer()
        try:
            order_sudo = self._document_check_access(
                "sale.order", order_id, access_token=access_token
            )
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        domain = request.env.user._b2b_portal_domain("sale.order")
        if not order_sudo.filtered_domain(domain):
            raise NotFound()
        return order_sudo

    @http.route(
        "/my/b2b/orders/<int:order_id>/submit",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_order_submit(self, order_id, access_token=None, **kwargs):
        order_sudo = self._b2b_order_for_buyer(order_id, access_token)
        if order_sudo.state not in ("draft", "sent"):
            return request.redirect(order_sudo.get_portal_url())
        try:
            with request.env.cr.savepoint():
                order_sudo.action_confirm()
        except (UserError, ValidationError) as error:
            request.session["b2b_portal_error"] = str(error)
            return request.redirect(
                order_sudo.get_portal_url(query_string="&b2b_submit=refused")
            )
        status = "confirmed" if order_sudo.state == "sale" else "waiting"
        return request.redirect(
            order_sudo.get_portal_url(query_string=f"&b2b_submit={status}")
        )

    @http.route(
        "/my/b2b/orders/<int:order_id>/reorder",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_order_reorder(self, order_id, access_token=None, **kwargs):
        """Validate the products of a past order as a new quick order."""
        order_sudo = self._b2b_order_for_buyer(order_id, access_token)
        QuickOrder = request.env["b2b.quick.order"]
        rows = QuickOrder._b2b_rows_from_products(
            [
                (line.product_id, line.product_uom_qty)
                for line in order_sudo.order_line
                if line.product_id and not line.display_type and not line.is_downpayment
            ]
        )
        return self._b2b_render_rows(rows)

    def _b2b_render_rows(self, rows):
        try:
            validation = request.env["b2b.quick.order"]._b2b_validate(rows)
        except UserError as error:
            return request.render(
                "b2b_portal.portal_my_quick_order",
                self._b2b_quick_order_values(error=str(error)),
            )
        return request.render(
            "b2b_portal.portal_my_quick_order",
            self._b2b_quick_order_values(validation=validation),
        )

    @http.route(
        "/my/b2b/orders/<int:order_id>/save_list",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_order_save_list(self, order_id, access_token=None, name=None, **kwargs):
        order_sudo = self._b2b_order_for_buyer(order_id, access_token)
        order_list = request.env["b2b.order.list"]._b2b_create_from_lines(
            (name or order_sudo.name or "").strip()[:100] or order_sudo.name,
            [
                (line.product_id, line.product_uom_qty)
                for line in order_sudo.order_line
                if line.product_id and not line.display_type and not line.is_downpayment
            ],
        )
        return request.redirect(f"/my/b2b/lists/{order_list.id}")

    # ------------------------------------------------------------------
    # Saved lists
    # ------------------------------------------------------------------
    def _b2b_order_list(self, list_id):
        self._b2b_check_buyer()
        order_list = request.env["b2b.order.list"].browse(list_id)
        try:
            order_list.check_access("read")
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        return order_list

    @http.route("/my/b2b/lists", type="http", auth="user", website=True)
    def b2b_lists(self, **kwargs):
        self._b2b_check_buyer()
        lists = request.env["b2b.order.list"].search(
            request.env.user._b2b_portal_domain("b2b.order.list")
        )
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "b2b_lists", "order_lists": lists})
        return request.render("b2b_portal.portal_my_lists", values)

    @http.route("/my/b2b/lists/<int:list_id>", type="http", auth="user", website=True)
    def b2b_list(self, list_id, **kwargs):
        order_list = self._b2b_order_list(list_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "b2b_list",
                "order_list": order_list,
                "is_owner": order_list.user_id == request.env.user,
            }
        )
        return request.render("b2b_portal.portal_my_list", values)

    @http.route(
        "/my/b2b/lists/<int:list_id>/order",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_list_order(self, list_id, **kwargs):
        order_list = self._b2b_order_list(list_id)
        rows = request.env["b2b.quick.order"]._b2b_rows_from_products(
            [(line.product_id, line.quantity) for line in order_list.line_ids]
        )
        return self._b2b_render_rows(rows)

    @http.route(
        "/my/b2b/lists/<int:list_id>/update",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def b2b_list_update(self, list_id, action="save", name=None, shared=None, **kw):
        order_list = self._b2b_order_list(list_id)
        try:
            order_list.check_access("write")
        except AccessError as error:
            raise NotFound() from error
        if action == "delete":
            order_list.unlink()
            return request.redirect("/my/b2b/lists")
        values = {"shared": bool(shared)}
        if name and name.strip():
            values["name"] = name.strip()[:100]
        order_list.write(values)
        return request.redirect(f"/my/b2b/lists/{order_list.id}")

    @http.route()
    def portal_order_page(self, order_id, report_type=None, access_token=None, **kw):
        response = super().portal_order_page(
            order_id, report_type=report_type, access_token=access_token, **kw
        )
        qcontext = getattr(response, "qcontext", None)
        if qcontext is not None and "sale_order" in qcontext and self._b2b_dealer():
            qcontext.update(
                {
                    "b2b_buyer": self._b2b_can_buy(),
                    "b2b_submit": kw.get("b2b_submit")
                    if kw.get("b2b_submit") in ("confirmed", "waiting", "refused")
                    else None,
                    "b2b_error": request.session.pop("b2b_portal_error", None),
                }
            )
        return response
