# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Webhook subscriptions of integration users, the event registry and the
one place where events are written (``_b2b_webhook_emit``)."""

import secrets
import uuid
from urllib.parse import urlsplit

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.tools import SQL

#: hosts a subscription may reach over plain http (local relays, tests)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
ALLOW_HTTP_PARAM = "b2b_api_webhook.allow_http"
INTEGRATION_GROUP = "b2b_api.b2b_api_group_integration"


class B2bApiWebhook(models.Model):
    """A subscription: where an integration user wants its events sent."""

    _name = "b2b.api.webhook"
    _description = "Integrator Webhook Subscription"
    _order = "id"
    _check_company_auto = True

    name = fields.Char(required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Integration User",
        required=True,
        ondelete="cascade",
        index=True,
        domain=lambda self: [("groups_id", "in", self.env.ref(INTEGRATION_GROUP).ids)],
        help="Events are sent for the dealers this integration user is linked "
        "to (API Dealers), built as this user reads them over the API.",
    )
    url = fields.Char(
        string="URL",
        required=True,
        help="https URL receiving a POST per event. Plain http only to "
        "127.0.0.1 / localhost, unless the system parameter "
        "b2b_api_webhook.allow_http is set.",
    )
    secret = fields.Char(
        required=True,
        copy=False,
        readonly=True,
        groups="base.group_system",
        default=lambda self: self._b2b_webhook_new_secret(),
        help="Key of the HMAC-SHA256 signature (header X-B2B-Signature).",
    )
    event_types = fields.Char(
        string="Events",
        required=True,
        default=lambda self: ",".join(self._b2b_webhook_event_types()),
        help="Comma-separated event codes (see Available Events).",
    )
    event_types_help = fields.Text(
        string="Available Events", compute="_compute_event_types_help"
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="Only documents of this company are sent.",
    )
    delivery_ids = fields.One2many(
        "b2b.api.webhook.delivery", "subscription_id", string="Deliveries"
    )

    # ------------------------------------------------------------------
    # Registry of event types
    # ------------------------------------------------------------------
    @api.model
    def _b2b_webhook_event_types(self):
        """Event code -> label. Modules adding events extend it with super()
        (e.g. returns, rebates) and call ``_b2b_webhook_emit`` from their
        own hook; the payload builder is ``_b2b_webhook_data_builders``."""
        return {
            "order.confirmed": self.env._("Order confirmed"),
            "order.cancelled": self.env._("Order cancelled"),
            "order.approval_changed": self.env._("Order approval changed"),
            "delivery.shipped": self.env._("Delivery shipped"),
            "invoice.posted": self.env._("Invoice or credit note posted"),
            "payment.received": self.env._("Payment received"),
            "credit.hold_changed": self.env._("Credit hold changed"),
        }

    @api.model
    def _b2b_webhook_new_secret(self):
        return secrets.token_hex(32)

    @api.depends_context("lang")
    def _compute_event_types_help(self):
        text = "\n".join(
            f"{code}: {label}"
            for code, label in self._b2b_webhook_event_types().items()
        )
        for webhook in self:
            webhook.event_types_help = text

    def _b2b_webhook_codes(self):
        self.ensure_one()
        return [
            code.strip() for code in (self.event_types or "").split(",") if code.strip()
        ]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("event_types")
    def _check_event_types(self):
        known = self._b2b_webhook_event_types()
        for webhook in self:
            codes = webhook._b2b_webhook_codes()
            unknown = [code for code in codes if code not in known]
            if not codes or unknown:
                raise ValidationError(
                    self.env._(
                        "%(name)s: unknown or missing events %(codes)s. "
                        "Known events: %(known)s.",
                        name=webhook.name,
                        codes=", ".join(unknown) or "-",
                        known=", ".join(known),
                    )
                )

    @api.constrains("url")
    def _check_url(self):
        # sudo: a system parameter read by the constraint only.
        allow_http = tools.str2bool(
            self.env["ir.config_parameter"].sudo().get_param(ALLOW_HTTP_PARAM, "0"),
            False,
        )
        for webhook in self:
            parts = urlsplit((webhook.url or "").strip())
            local = parts.hostname in LOCAL_HOSTS
            ok = (
                parts.hostname
                and not parts.username
                and not parts.password
                and (
                    parts.scheme == "https"
                    or (parts.scheme == "http" and (local or allow_http))
                )
            )
            if not ok:
                raise ValidationError(
                    self.env._(
                        "%s: the webhook URL must be https (plain http only to "
                        "127.0.0.1 or localhost), without user or password: "
                        "the events carry the dealer's business data.",
                        webhook.url,
                    )
                )

    @api.constrains("user_id", "company_id")
    def _check_user(self):
        for webhook in self:
            user = webhook.user_id
            if not user._b2b_api_is_integration():
                raise ValidationError(
                    self.env._("%s is not an integration user.", user.name)
                )
            if webhook.company_id not in user.company_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s may not work in %(company)s.",
                        user=user.name,
                        company=webhook.company_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD: the index of subscriptions is cached
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        webhooks = super().create(vals_list)
        self.env.registry.clear_cache()  # _b2b_webhook_index
        return webhooks

    def write(self, vals):
        res = super().write(vals)
        if {"active", "user_id", "company_id", "event_types"} & set(vals):
            self.env.registry.clear_cache()  # _b2b_webhook_index
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()  # _b2b_webhook_index
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_b2b_regenerate_secret(self):
        """A new signing secret (the receiver must be given it)."""
        for webhook in self:
            webhook.secret = self._b2b_webhook_new_secret()
        return True

    # ------------------------------------------------------------------
    # Emitting events (the hooks call this)
    # ------------------------------------------------------------------
    @api.model
    @tools.ormcache()
    def _b2b_webhook_index(self):
        """{company id: {dealer id: ((subscription id, event codes), ...)}}
        of the active subscriptions of active integration users; empty when
        there is none. One query, then cached in every worker until a
        subscription or a user's dealer links change."""
        self.flush_model(["active", "user_id", "company_id", "event_types"])
        self.env["res.users"].flush_model(["active", "b2b_api_dealer_ids"])
        self.env.cr.execute(
            SQL(
                """
                SELECT w.id, w.company_id, w.event_types, rel.dealer_id
                  FROM b2b_api_webhook w
                  JOIN res_users u ON u.id = w.user_id AND u.active
                  JOIN b2b_api_user_dealer_rel rel ON rel.user_id = w.user_id
                 WHERE w.active
                 ORDER BY w.id
                """
            )
        )
        index = {}
        for webhook_id, company_id, codes, dealer_id in self.env.cr.fetchall():
            events = frozenset(c.strip() for c in (codes or "").split(","))
            index.setdefault(company_id, {}).setdefault(dealer_id, []).append(
                (webhook_id, events)
            )
        return {
            company: {dealer: tuple(subs) for dealer, subs in dealers.items()}
            for company, dealers in index.items()
        }

    @api.model
    def _b2b_webhook_watched(self, company_id, dealer_id=None):
        """Whether any subscription could want events of ``company_id`` (and
        ``dealer_id``): the cheap first test of every hook, no query once the
        index is cached."""
        dealers = self._b2b_webhook_index().get(company_id)
        if not dealers:
            return False
        return dealer_id is None or dealer_id in dealers

    @api.model
    def _b2b_webhook_emit(self, event_type, items):
        """Queue ``event_type`` for ``items``: (res_model, res_id, dealer id,
        company id) tuples. One delivery row per subscription that wants it,
        in one INSERT, in the current transaction: a transaction rolled back
        writes no event. Nothing is sent here: the cron does, after commit.
        """
        index = self._b2b_webhook_index()
        if not index:
            return 0
        now = fields.Datetime.now()
        rows = []
        for res_model, res_id, dealer_id, company_id in items:
            for webhook_id, events in index.get(company_id, {}).get(dealer_id, ()):
                if event_type in events:
                    rows.append(
                        SQL(
                            "(%s, %s, %s, %s, %s, %s, %s, 'pending', 0, %s, %s,"
                            " %s, %s, %s, %s)",
                            webhook_id,
                            company_id,
                            dealer_id,
                            str(uuid.uuid4()),
                            event_type,
                            res_model,
                            res_id,
                            now,
                            now,
                            self.env.uid,
                            self.env.uid,
                            now,
                            now,
                        )
                    )
        if not rows:
            return 0
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO b2b_api_webhook_delivery
                       (subscription_id, company_id, dealer_id, event_id,
                        event_type, res_model, res_id, state, attempts,
                        next_attempt, event_date, create_uid, write_uid,
                        create_date, write_date)
                VALUES %s
                """,
                SQL(", ").join(rows),
            )
        )
        self.env["b2b.api.webhook.delivery"]._b2b_webhook_wake_after_commit()
        return len(rows)

    @api.model
    def _b2b_webhook_emit_documents(self, event_type, records, dealer_field):
        """Queue ``event_type`` for ``records`` whose dealer is the commercial
        partner of ``dealer_field`` (a partner field of the records)."""
        if not self._b2b_webhook_index():
            return 0
        items = []
        for record in records:
            company_id = record.company_id.id
            if not self._b2b_webhook_watched(company_id):
                continue
            dealer_id = record[dealer_field].commercial_partner_id.id
            if self._b2b_webhook_watched(company_id, dealer_id):
                items.append((record._name, record.id, dealer_id, company_id))
        return self._b2b_webhook_emit(event_type, items) if items else 0
