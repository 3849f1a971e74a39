# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The delivery queue: one row per (event, subscription), sent by a cron job
after the business transaction has committed, signed, retried with
exponential back-off, in order per (subscription, dealer)."""

import hashlib
import hmac
import http.client
import json
import logging
import ssl
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from urllib.parse import urlsplit

from psycopg2 import errors as pg_errors

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.b2b_api.models import b2b_api as b2b_api_module
from odoo.addons.b2b_api.models.b2b_api import ApiError, _no_null

_logger = logging.getLogger(__name__)

STATES = [("pending", "Pending"), ("done", "Sent"), ("failed", "Failed")]
PARAM = "b2b_api_webhook.%s"
#: defaults of the system parameters b2b_api_webhook.<name>
DEFAULTS = {
    "timeout": 10.0,  # seconds per HTTP request
    "batch_size": 200,  # deliveries per cron run
    "concurrency": 4,  # HTTP requests at once
    "retry_hours": 24,  # then failed
    "max_backoff": 3600,  # seconds
    "keep_days": 30,  # sent deliveries kept
}
TIME_BUDGET = 45  # seconds of one cron run (the cron runs every minute)
MAX_ERROR = 1000
INVOICE_TYPES = ("out_invoice", "out_refund")


def _sign(secret, timestamp, body):
    """hex HMAC-SHA256 of ``<timestamp>.<raw body>`` with ``secret``."""
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def _post(url, body, headers, timeout):
    """POST ``body`` to ``url``; (HTTP status or None, error text or None).

    ``http.client`` rather than ``requests``: no redirect is followed (a
    signed event never goes elsewhere than the configured URL) and the
    timeout is the one configured.
    """
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if parts.scheme == "https":
        conn = http.client.HTTPSConnection(
            parts.hostname,
            parts.port,
            timeout=timeout,
            context=ssl.create_default_context(),
        )
    else:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read(MAX_ERROR).decode("utf-8", "replace")
        if 200 <= response.status < 300:
            return response.status, None
        return response.status, f"HTTP {response.status}: {text}"[:MAX_ERROR]
    except (OSError, http.client.HTTPException) as exc:
        return None, (str(exc) or exc.__class__.__name__)[:MAX_ERROR]
    finally:
        conn.close()


class B2bApiWebhookDelivery(models.Model):
    """One event for one subscription, and the history of its sending."""

    _name = "b2b.api.webhook.delivery"
    _description = "Integrator Webhook Delivery"
    _order = "id desc"
    _rec_name = "event_id"
    _check_company_auto = True

    subscription_id = fields.Many2one(
        "b2b.api.webhook",
        string="Subscription",
        required=True,
        readonly=True,
        ondelete="cascade",
        index=True,
    )
    user_id = fields.Many2one(related="subscription_id.user_id")
    url = fields.Char(related="subscription_id.url", string="URL")
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    dealer_id = fields.Many2one(
        "res.partner", string="Dealer", required=True, readonly=True, index=True
    )
    event_id = fields.Char(
        string="Event ID",
        required=True,
        readonly=True,
        index=True,
        help="UUID of the event, the same on every retry: receivers dedupe on it.",
    )
    event_type = fields.Char(string="Event", required=True, readonly=True)
    event_date = fields.Datetime(required=True, readonly=True)
    res_model = fields.Char(string="Document Model", required=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", required=True, readonly=True
    )
    payload = fields.Json(
        readonly=True,
        help="The body, built as the integration user reads the document "
        "when the event is first sent; retries send the same bytes.",
    )
    payload_text = fields.Text(string="Body", compute="_compute_payload_text")
    state = fields.Selection(
        STATES, default="pending", required=True, readonly=True, index=True
    )
    attempts = fields.Integer(readonly=True)
    next_attempt = fields.Datetime(readonly=True)
    expire_date = fields.Datetime(
        string="Retry Until",
        readonly=True,
        help="Empty: the event date plus the retry period (24 h by default).",
    )
    last_status = fields.Integer(string="Last HTTP Status", readonly=True)
    last_error = fields.Text(readonly=True)
    sent_date = fields.Datetime(readonly=True)

    _sql_constraints = [
        (
            "event_subscription_uniq",
            "unique(event_id, subscription_id)",
            "An event is queued once per subscription.",
        )
    ]

    @api.depends("payload")
    def _compute_payload_text(self):
        for delivery in self:
            delivery.payload_text = (
                json.dumps(delivery.payload, indent=2, ensure_ascii=False)
                if delivery.payload
                else False
            )

    def init(self):
        # the queue: due pending deliveries, and the head of each
        # (subscription, dealer) line
        self.env.cr.execute(
            SQL(
                """
                CREATE INDEX IF NOT EXISTS b2b_api_webhook_delivery_queue_idx
                    ON b2b_api_webhook_delivery (subscription_id, dealer_id, id)
                 WHERE state = 'pending'
                """
            )
        )

    # ------------------------------------------------------------------
    # Settings
    # ------------------------------------------------------------------
    @api.model
    def _b2b_webhook_param(self, name):
        default = DEFAULTS[name]
        # sudo: system parameters of the module.
        value = self.env["ir.config_parameter"].sudo().get_param(PARAM % name)
        try:
            return type(default)(value) if value else default
        except ValueError:
            return default

    @api.model
    def _b2b_webhook_backoff(self, attempts):
        """Seconds before the next attempt: 1 min, 2, 4, ... capped."""
        cap = self._b2b_webhook_param("max_backoff")
        return min(60 * 2 ** max(attempts - 1, 0), cap)

    # ------------------------------------------------------------------
    # Waking the cron after commit
    # ------------------------------------------------------------------
    @api.model
    def _b2b_webhook_wake_after_commit(self):
        """Once per transaction: trigger the cron right after commit (its own
        short transaction, so the business one pays no query for it)."""
        cr = self.env.cr
        if cr.postcommit.data.get("b2b_webhook_wake"):
            return
        cr.postcommit.data["b2b_webhook_wake"] = True
        registry, dbname = self.env.registry, cr.dbname

        def wake():
            try:
                with registry.cursor() as wake_cr:
                    env = api.Environment(wake_cr, SUPERUSER_ID, {})
                    cron = env.ref(
                        "b2b_api_webhook.ir_cron_b2b_api_webhook_send",
                        raise_if_not_found=False,
                    )
                    if cron:
                        cron._trigger()
            except Exception:  # the business transaction is committed already
                _logger.exception("could not wake the webhook cron of %s", dbname)

        cr.postcommit.add(wake)

    # ------------------------------------------------------------------
    # The queue
    # ------------------------------------------------------------------
    @api.model
    def _b2b_webhook_lock_heads(self, limit, now):
        """Lock and return the due deliveries that head their (subscription,
        dealer) line: no earlier delivery of the same line is pending. Rows
        locked by another worker are skipped, never waited for nor sent
        twice; the later rows of a line wait for its head."""
        self.flush_model()  # the outcomes of the previous round
        self.env.cr.execute(
            SQL(
                """
                SELECT d.id
                  FROM b2b_api_webhook_delivery d
                 WHERE d.state = 'pending'
                   AND d.next_attempt <= %(now)s
                   AND NOT EXISTS (
                        SELECT 1
                          FROM b2b_api_webhook_delivery e
                         WHERE e.subscription_id = d.subscription_id
                           AND e.dealer_id = d.dealer_id
                           AND e.state = 'pending'
                           AND e.id < d.id)
                 ORDER BY d.id
                 LIMIT %(limit)s
                   FOR UPDATE OF d SKIP LOCKED
                """,
                now=now,
                limit=limit,
            )
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _cron_b2b_webhook_send(self):
        """Every minute and right after a commit that queued events."""
        testing = getattr(threading.current_thread(), "testing", False)
        return self._b2b_webhook_process(commit=not testing)

    @api.model
    def _b2b_webhook_process(self, limit=None, commit=True):
        """Send the due deliveries, at most ``limit`` (default the
        ``batch_size`` parameter); commit after each round when ``commit``.
        Returns the number of deliveries attempted."""
        limit = limit or self._b2b_webhook_param("batch_size")
        deadline = time.monotonic() + TIME_BUDGET
        done = 0
        while done < limit and time.monotonic() < deadline:
            try:
                heads = self._b2b_webhook_lock_heads(
                    limit - done, fields.Datetime.now()
                )
            except pg_errors.SerializationFailure:
                # a concurrent worker sent a row of our snapshot: new round
                if not commit:
                    raise
                self.env.cr.rollback()
                self.env.invalidate_all(flush=False)
                continue
            if not heads:
                break
            heads._b2b_webhook_send()
            done += len(heads)
            if commit:
                # the outcomes of this round are kept whatever happens next,
                # and its row locks released (a queue cron, as Odoo's own
                # batch jobs commit between batches)
                self.env.cr.commit()  # pylint: disable=invalid-commit
        if done >= limit:
            remaining = self.search_count([("state", "=", "pending")], limit=1)
            self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done

    def _b2b_webhook_send(self):
        """Build (once), sign and send the deliveries; HTTP requests run in
        parallel threads, the ORM only in this one."""
        timeout = self._b2b_webhook_param("timeout")
        requests_ = []
        for delivery in self:
            try:
                body = delivery._b2b_webhook_body()
            except (ApiError, AccessError, UserError) as exc:
                # the user may not read it (any more): never sent
                delivery._b2b_webhook_refused(exc)
                continue
            except Exception:  # a bug must not stop the queue: retried
                _logger.exception("webhook payload of %s failed", delivery.event_id)
                delivery._b2b_webhook_record(
                    None, self.env._("The payload could not be built.")
                )
                continue
            requests_.append((delivery, body, delivery._b2b_webhook_headers(body)))
        workers = max(1, min(self._b2b_webhook_param("concurrency"), len(requests_)))
        jobs = [(d.subscription_id.url, b, h, timeout) for d, b, h in requests_]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(lambda job: _post(*job), jobs))
        for (delivery, _body, _headers), (status, error) in zip(
            requests_, results, strict=True
        ):
            delivery._b2b_webhook_record(status, error)

    def _b2b_webhook_headers(self, body):
        self.ensure_one()
        timestamp = int(time.time())
        # sudo: the signing secret, readable by administrators only.
        secret = self.subscription_id.sudo().secret
        return {
            "Content-Type": "application/json",
            "User-Agent": "Odoo-B2B-Webhook/1.0",
            "X-B2B-Event": self.event_type,
            "X-B2B-Delivery": self.event_id,
            "X-B2B-Timestamp": str(timestamp),
            "X-B2B-Signature": f"sha256={_sign(secret, timestamp, body)}",
        }

    def _b2b_webhook_body(self):
        """The raw body: the stored payload, built at the first attempt."""
        self.ensure_one()
        if not self.payload:
            self.payload = self._b2b_webhook_envelope()
        return json.dumps(
            self.payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()

    def _b2b_webhook_record(self, status, error):
        """Write the outcome of one attempt."""
        self.ensure_one()
        now = fields.Datetime.now()
        attempts = self.attempts + 1
        if error is None:
            self.write(
                {
                    "state": "done",
                    "attempts": attempts,
                    "last_status": status,
                    "last_error": False,
                    "sent_date": now,
                }
            )
            return
        expire = self.expire_date or self.event_date + timedelta(
            hours=self._b2b_webhook_param("retry_hours")
        )
        next_attempt = now + timedelta(seconds=self._b2b_webhook_backoff(attempts))
        self.write(
            {
                "state": "failed" if next_attempt > expire else "pending",
                "attempts": attempts,
                "last_status": status or 0,
                "last_error": error,
                "next_attempt": next_attempt,
            }
        )

    def _b2b_webhook_refused(self, exc):
        self.ensure_one()
        errors = getattr(exc, "errors", None)
        message = "; ".join(e["message"] for e in errors) if errors else str(exc)
        self.write(
            {
                "state": "failed",
                "last_status": 0,
                "last_error": self.env._(
                    "Not sent: the integration user may not read it: %s", message
                )[:MAX_ERROR],
            }
        )

    # ------------------------------------------------------------------
    # Payloads: the answers of the matching read operations
    # ------------------------------------------------------------------
    def _b2b_webhook_api(self):
        """``b2b.api`` as the subscription's user, in the delivery's company."""
        self.ensure_one()
        user = self.subscription_id.user_id
        api_env = (
            self.env["b2b.api"]
            .with_user(user)
            .with_context(allowed_company_ids=[self.company_id.id], lang=user.lang)
        )
        # env.companies raises AccessError when the user may not work there
        api_env = api_env.with_company(api_env.env.companies[:1])
        api_env._b2b_api_check_user()
        return api_env

    @api.model
    def _b2b_webhook_data_builders(self):
        """res_model -> method building the ``data`` of its events; modules
        adding events for other documents extend it with super()."""
        return {
            "sale.order": "_b2b_webhook_data_order",
            "stock.picking": "_b2b_webhook_data_picking",
            "account.move": "_b2b_webhook_data_invoice",
            "res.partner": "_b2b_webhook_data_credit",
        }

    def _b2b_webhook_envelope(self):
        self.ensure_one()
        builder = self._b2b_webhook_data_builders().get(self.res_model)
        if not builder:
            raise UserError(self.env._("No payload for %s.", self.res_model))
        api_env = self._b2b_webhook_api()
        with self.env.cr.savepoint():
            data = getattr(self, builder)(api_env)
        if isinstance(data, dict) and "ok" in data:
            # a whole answer of a read operation: as the operation gives it
            # (``b2b.api._b2b_api_run`` adds the version to every answer)
            data = dict(data, api_version=getattr(b2b_api_module, "API_VERSION", "1.0"))
        dealer = self.dealer_id
        return _no_null(
            {
                "id": self.event_id,
                "type": self.event_type,
                "created": self.event_date.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "api_version": getattr(b2b_api_module, "API_VERSION", "1.0"),
                "dealer": {"id": dealer.id, "code": dealer.b2b_dealer_code or None},
                "data": data,
            }
        )

    def _b2b_webhook_data_order(self, api_env):
        """order_status of the order."""
        return api_env._b2b_api_status(
            {"order_id": self.res_id, "dealer": self.dealer_id.id}
        )

    def _b2b_webhook_data_picking(self, api_env):
        """The delivery as in order_status' deliveries, plus the order id."""
        # sudo: the picking is only read once its order is found below among
        # the orders the integration user may read.
        picking = self.env["stock.picking"].sudo().browse(self.res_id).exists()
        dealer = api_env._b2b_api_dealer({"dealer": self.dealer_id.id})
        order = api_env._b2b_api_order({"order_id": picking.sale_id.id or 0}, dealer)
        return dict(api_env._b2b_api_picking_values(picking), order_id=order.id)

    def _b2b_webhook_data_invoice(self, api_env):
        """The invoice entry as in open_invoices."""
        dealer = api_env._b2b_api_dealer({"dealer": self.dealer_id.id})
        # sudo: checked right below against the dealer and companies.
        move = self.env["account.move"].sudo().browse(self.res_id).exists()
        if (
            not move
            or move.commercial_partner_id != dealer
            or move.company_id not in api_env.env.companies
            or move.move_type not in INVOICE_TYPES
        ):
            raise api_env._b2b_api_fail("NOT_FOUND", self.env._("No such invoice."))
        values = api_env._b2b_api_invoice_values(move)
        today = fields.Date.context_today(api_env)
        values["overdue"] = bool(
            move.invoice_date_due
            and move.invoice_date_due < today
            and move.payment_state in ("not_paid", "partial")
        )
        return values

    def _b2b_webhook_data_credit(self, api_env):
        """dealer_credit of the dealer."""
        return api_env._b2b_api_credit({"dealer": self.dealer_id.id})

    # ------------------------------------------------------------------
    # Actions (administrators)
    # ------------------------------------------------------------------
    def action_b2b_replay(self):
        """Send again: same event id and body (receivers dedupe on the id),
        a new retry period; it goes before the later events of its dealer."""
        self.check_access("write")
        now = fields.Datetime.now()
        self.write(
            {
                "state": "pending",
                "next_attempt": now,
                "expire_date": now
                + timedelta(hours=self._b2b_webhook_param("retry_hours")),
            }
        )
        self.env["b2b.api.webhook.delivery"]._b2b_webhook_wake_after_commit()
        return True

    @api.autovacuum
    def _gc_b2b_api_webhook_delivery(self):
        limit = fields.Datetime.now() - timedelta(
            days=self._b2b_webhook_param("keep_days")
        )
        self.sudo().search([("state", "=", "done"), ("sent_date", "<", limit)]).unlink()
