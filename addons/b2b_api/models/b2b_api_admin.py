# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Provisioning of integration users over RPC (``b2b.api.admin``).

What an administrator does by clicks on the user form (tab *Dealer API*:
integration user, API dealers, rate limit, *Generate API Key*) as
operations called like those of ``b2b.api``::

    execute_kw(db, uid, admin_key, "b2b.api.admin", op, [payload])

Same answers (``{"ok": true, ...}`` / ``{"ok": false, "errors": [...]}``),
same codes and the same frame: ``b2b.api._b2b_api_run`` and its error
helpers are reused as they are (the functions themselves, bound to this
model), only the caller check differs: administrators (*Access Rights*,
``base.group_erp_manager``), never an integration user. The operations run
with the administrator's own rights (users, partners); only the API key rows,
which Odoo lets nobody but their owner or a system user touch, are written as
superuser, for integration users that are not administrators.
"""

import datetime

from odoo import Command, api, fields, models
from odoo.osv import expression
from odoo.tools import SQL

from odoo.addons.base.models.res_users import INDEX_SIZE

from .b2b_api import MAX_ID, ApiError, B2bApi, _absent, _is_int
from .res_users import INTEGRATION_GROUP

ADMIN_GROUP = "base.group_erp_manager"
MAX_DEALERS = 100
MAX_NAME = 128
MAX_LOGIN = 64
MAX_RATE = 1000000
MAX_KEY_DAYS = 365

CREATE_FIELDS = {"name", "login", "dealers", "rate_limit", "lang"}
SET_FIELDS = {"user_id", "dealers", "rate_limit", "active"}
ISSUE_FIELDS = {"user_id", "name", "expires"}
ROTATE_FIELDS = {"key_id", "name", "expires"}


def _api_datetime(value):
    """A datetime of an answer, as b2b.api answers them: ISO 8601 in UTC
    (``YYYY-MM-DDTHH:MM:SSZ``), or None."""
    if not value:
        return None
    return value.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


class B2bApiAdmin(models.AbstractModel):
    _name = "b2b.api.admin"
    _description = "Dealer Integrator API: Provisioning"

    # The frame of b2b.api (savepoint, language, errors as answers, no
    # traceback, api_version) and its error helpers, reused: the very
    # functions of b2b_api.py, bound to this model, but for the caller
    # checks defined below.
    for _frame_name, _frame_function in vars(B2bApi).items():
        if (
            _frame_name.startswith("_b2b_api_")
            and callable(_frame_function)
            and _frame_name not in ("_b2b_api_check_user", "_b2b_api_check_rate")
        ):
            locals()[_frame_name] = _frame_function
    del _frame_name, _frame_function

    # ------------------------------------------------------------------
    # Operations (public: RPC entry points)
    # ------------------------------------------------------------------
    @api.model
    def create_integration_user(self, payload):
        """A new integration user: ``{name, login, dealers, rate_limit?,
        lang?}`` -> ``{user_id, ...}``; no password, give it a key."""
        return self._b2b_api_run(
            "create_integration_user", payload, "_b2b_admin_create_user"
        )

    @api.model
    def set_integration_user(self, payload):
        """Change ``dealers``, ``rate_limit`` or ``active`` of ``user_id``."""
        return self._b2b_api_run("set_integration_user", payload, "_b2b_admin_set_user")

    @api.model
    def issue_key(self, payload):
        """A new RPC key of ``user_id`` valid until ``expires`` (shown once)."""
        return self._b2b_api_run("issue_key", payload, "_b2b_admin_issue_key")

    @api.model
    def list_keys(self, payload):
        """The keys of ``user_id``: ids, names, dates, never the secret."""
        return self._b2b_api_run("list_keys", payload, "_b2b_admin_list_keys")

    @api.model
    def revoke_key(self, payload):
        """Delete the key ``key_id``: it authenticates no more."""
        return self._b2b_api_run("revoke_key", payload, "_b2b_admin_revoke_key")

    @api.model
    def rotate_key(self, payload):
        """A new key for the user of ``key_id``, the old one revoked."""
        return self._b2b_api_run("rotate_key", payload, "_b2b_admin_rotate_key")

    # ------------------------------------------------------------------
    # Frame hooks (called by _b2b_api_run)
    # ------------------------------------------------------------------
    @api.model
    def _b2b_api_check_user(self):
        user = self.env.user
        if not user.has_group(ADMIN_GROUP) or user._b2b_api_is_integration():
            raise self._b2b_api_fail(
                "FORBIDDEN",
                self.env._(
                    "Only administrators (Access Rights) may provision "
                    "integration users."
                ),
            )

    @api.model
    def _b2b_api_check_rate(self):
        """Administrators are not rate limited (b2b.api's limit is per
        integration user)."""
        return

    # ------------------------------------------------------------------
    # Arguments
    # ------------------------------------------------------------------
    @api.model
    def _b2b_admin_text(self, payload, name, max_length, errors):
        value = payload.get(name)
        if _absent(value):
            return False
        if (
            not isinstance(value, str)
            or not value.strip()
            or len(value.strip()) > max_length
        ):
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._(
                        "%(field)s must be a text of 1 to %(max)s characters.",
                        field=name,
                        max=max_length,
                    ),
                    field=name,
                )
            )
            return False
        return value.strip()

    @api.model
    def _b2b_admin_int(self, payload, name, errors, low=1, high=MAX_ID):
        value = payload.get(name)
        if value is None or value is False:
            return None
        if not _is_int(value) or not low <= value <= high:
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._(
                        "%(field)s must be an integer from %(low)s to %(high)s.",
                        field=name,
                        low=low,
                        high=high,
                    ),
                    field=name,
                )
            )
            return None
        return value

    @api.model
    def _b2b_admin_dealers(self, payload, errors):
        """The dealers named in ``dealers`` (ids or dealer codes): companies
        flagged as dealers, shared or of a company of the administrator.
        None when the payload has no ``dealers`` (a required field is
        reported by the required fields)."""
        values = payload.get("dealers")
        if values is None or values is False or values == []:
            if values == [] and "user_id" in payload:
                errors.append(
                    self._b2b_api_error(
                        "MISSING_FIELD",
                        self.env._("dealers must name at least one dealer."),
                        field="dealers",
                    )
                )
            return None
        if (
            not isinstance(values, list | tuple)
            or len(values) > MAX_DEALERS
            or not all(
                _is_int(v) or (isinstance(v, str) and 0 < len(v.strip()) <= MAX_LOGIN)
                for v in values
            )
        ):
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._(
                        "dealers must be a list of 1 to %s dealer ids or codes.",
                        MAX_DEALERS,
                    ),
                    field="dealers",
                )
            )
            return None
        ids = [v for v in values if _is_int(v) and 0 < v <= MAX_ID]
        codes = {v.strip().lower() for v in values if isinstance(v, str)}
        domain = [
            ("b2b_is_dealer", "=", True),
            ("is_company", "=", True),
            ("parent_id", "=", False),
            ("company_id", "in", [False, *self.env.user.company_ids.ids]),
        ]
        # sudo: dealers looked up by id or code for an administrator, who
        # links them to a user; nothing of them is returned but their ids.
        Partner = self.env["res.partner"].sudo()
        by_id = {d.id: d for d in Partner.search(domain + [("id", "in", ids)])}
        by_code = {}
        if codes:
            # =ilike for the case, then the exact code (=ilike knows % and _)
            code_domain = expression.OR(
                [[("b2b_dealer_code", "=ilike", code)] for code in codes]
            )
            for dealer in Partner.search(expression.AND([domain, code_domain])):
                code = dealer.b2b_dealer_code.lower()
                if code in codes:
                    by_code.setdefault(code, []).append(dealer)
        dealers = Partner
        for value in values:
            if _is_int(value):
                dealer = by_id.get(value)
            else:
                # a code used in several companies names no dealer: use its id
                matches = by_code.get(value.strip().lower(), [])
                dealer = matches[0] if len(matches) == 1 else None
            if not dealer:
                errors.append(
                    self._b2b_api_error(
                        "UNKNOWN_DEALER",
                        self.env._(
                            "%s is not a dealer (id or unique dealer code of a "
                            "company flagged as dealer).",
                            str(value)[:64],
                        ),
                        field="dealers",
                    )
                )
                continue
            dealers |= dealer
        return dealers.sudo(False)

    @api.model
    def _b2b_admin_lang(self, payload, errors):
        value = payload.get("lang")
        if _absent(value):
            return False
        installed = [code for code, _name in self.env["res.lang"].get_installed()]
        if value not in installed:
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._(
                        "lang must be an installed language: %s.", ", ".join(installed)
                    ),
                    field="lang",
                )
            )
            return False
        return value

    @api.model
    def _b2b_admin_expires(self, payload, errors):
        """``expires`` (YYYY-MM-DD, today to today + 365 days) as the last
        second of that day (UTC), the key's expiration date."""
        value = payload.get("expires")
        if _absent(value):
            return None  # MISSING_FIELD from the required fields
        today = fields.Date.context_today(self)
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError(value)
            day = datetime.date.fromisoformat(value)
        except ValueError:
            day = None
        if day is None or not today <= day <= today + datetime.timedelta(
            days=MAX_KEY_DAYS
        ):
            errors.append(
                self._b2b_api_error(
                    "INVALID_DATE",
                    self.env._(
                        "expires must be a date YYYY-MM-DD from today to "
                        "%s days ahead.",
                        MAX_KEY_DAYS,
                    ),
                    field="expires",
                )
            )
            return None
        return datetime.datetime.combine(day, datetime.time(23, 59, 59))

    @api.model
    def _b2b_admin_user(self, user_id):
        """The integration user ``user_id`` (archived ones too); NOT_FOUND for
        any other user, FORBIDDEN for an administrator."""
        user = (
            self.env["res.users"]
            .with_context(active_test=False)
            .search([("id", "=", user_id)])
        )
        if not user or not user._b2b_api_is_integration():
            raise self._b2b_api_fail(
                "NOT_FOUND",
                self.env._("No integration user with id %s.", user_id),
                field="user_id",
            )
        if user._is_admin():
            raise self._b2b_api_fail(
                "FORBIDDEN",
                self.env._(
                    "%s is an administrator: an integration user must not be one.",
                    user.name,
                ),
                field="user_id",
            )
        return user

    @api.model
    def _b2b_admin_key(self, key_id):
        """The key ``key_id`` of an integration user, sudo; NOT_FOUND for a
        key of any other user."""
        # sudo: Odoo lets only the owner or a system user read keys; the key
        # is only used when it belongs to an integration user (checked next).
        key = self.env["res.users.apikeys"].sudo().search([("id", "=", key_id)])
        try:
            user = key and self._b2b_admin_user(key.user_id.id)
        except ApiError:
            user = None
        if not user:
            raise self._b2b_api_fail(
                "NOT_FOUND",
                self.env._("No API key with id %s of an integration user.", key_id),
                field="key_id",
            )
        return key

    @api.model
    def _b2b_admin_user_values(self, user):
        return {
            "ok": True,
            "user_id": user.id,
            "login": user.login,
            "active": user.active,
            "dealer_ids": user.b2b_api_dealer_ids.ids,
            "rate_limit": user.b2b_api_rate_limit,
        }

    # ------------------------------------------------------------------
    # Users
    # ------------------------------------------------------------------
    @api.model
    def _b2b_admin_create_user(self, payload):
        errors = self._b2b_api_check_fields(
            payload, CREATE_FIELDS, required=("name", "login", "dealers")
        )
        name = self._b2b_admin_text(payload, "name", MAX_NAME, errors)
        login = self._b2b_admin_text(payload, "login", MAX_LOGIN, errors)
        dealers = self._b2b_admin_dealers(payload, errors)
        rate = self._b2b_admin_int(payload, "rate_limit", errors, 0, MAX_RATE)
        lang = self._b2b_admin_lang(payload, errors)
        # sudo: whether the login exists, in any company, archived or not.
        if login and (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search_count([("login", "=", login)], limit=1)
        ):
            errors.append(
                self._b2b_api_error(
                    "LOGIN_TAKEN",
                    self.env._("The login %s is taken.", login[:64]),
                    field="login",
                )
            )
        if errors:
            raise ApiError(errors)
        companies = dealers.company_id | self.env.company
        vals = {
            "name": name,
            "login": login,
            "company_id": (dealers.company_id[:1] or self.env.company).id,
            "company_ids": [Command.set(companies.ids)],
            "groups_id": [
                Command.set(
                    [
                        self.env.ref("base.group_portal").id,
                        self.env.ref(INTEGRATION_GROUP).id,
                    ]
                )
            ],
            "b2b_api_dealer_ids": [Command.set(dealers.ids)],
            "b2b_api_rate_limit": rate or 0,
        }
        if len(dealers) == 1:
            # a dealer's own system: its contact belongs to the dealer
            vals["parent_id"] = dealers.id
        if lang:
            vals["lang"] = lang
        user = (
            self.env["res.users"]
            .with_context(no_reset_password=True, tracking_disable=True)
            .create(vals)
        )
        return self._b2b_admin_user_values(user)

    @api.model
    def _b2b_admin_set_user(self, payload):
        errors = self._b2b_api_check_fields(payload, SET_FIELDS, required=("user_id",))
        user_id = self._b2b_admin_int(payload, "user_id", errors)
        dealers = self._b2b_admin_dealers(payload, errors)
        rate = self._b2b_admin_int(payload, "rate_limit", errors, 0, MAX_RATE)
        active = payload.get("active")
        if active is not None and not isinstance(active, bool):
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._("active must be true or false."),
                    field="active",
                )
            )
        if errors:
            raise ApiError(errors)
        user = self._b2b_admin_user(user_id)
        vals = {}
        if dealers is not None:
            vals["b2b_api_dealer_ids"] = [Command.set(dealers.ids)]
            companies = dealers.company_id - user.company_ids
            if companies:
                vals["company_ids"] = [Command.link(c.id) for c in companies]
        if rate is not None:
            vals["b2b_api_rate_limit"] = rate
        if active is not None:
            vals["active"] = active
        if vals:
            user.write(vals)
        return self._b2b_admin_user_values(user)

    # ------------------------------------------------------------------
    # Keys
    # ------------------------------------------------------------------
    @api.model
    def _b2b_admin_generate(self, user, name, expires):
        """A new RPC key of ``user``: (key row, secret)."""
        # sudo: an administrator (checked by the frame) creates the key in
        # the name of an integration user that is no administrator (checked
        # by _b2b_admin_user), who cannot create its own when it is a portal
        # user; the key is restricted to the RPC scope.
        Keys = self.env["res.users.apikeys"].with_user(user).sudo()
        secret = Keys._generate("rpc", name, expires)
        self.env.cr.execute(
            SQL(
                "SELECT id FROM res_users_apikeys WHERE user_id = %s AND index = %s "
                "ORDER BY id DESC LIMIT 1",
                user.id,
                secret[:INDEX_SIZE],
            )
        )
        return Keys.browse(self.env.cr.fetchone()[0]).sudo(), secret

    @api.model
    def _b2b_admin_key_values(self, key, secret):
        return {
            "ok": True,
            "user_id": key.user_id.id,
            "key_id": key.id,
            "key": secret,
            "name": key.name,
            "expires": _api_datetime(key.expiration_date),
        }

    @api.model
    def _b2b_admin_issue_key(self, payload):
        errors = self._b2b_api_check_fields(
            payload, ISSUE_FIELDS, required=("user_id", "expires")
        )
        user_id = self._b2b_admin_int(payload, "user_id", errors)
        name = self._b2b_admin_text(payload, "name", MAX_NAME, errors)
        expires = self._b2b_admin_expires(payload, errors)
        if errors:
            raise ApiError(errors)
        user = self._b2b_admin_user(user_id)
        name = name or self.env._("Dealer API (by %s)", self.env.user.name)
        return self._b2b_admin_key_values(
            *self._b2b_admin_generate(user, name, expires)
        )

    @api.model
    def _b2b_admin_list_keys(self, payload):
        errors = self._b2b_api_check_fields(payload, {"user_id"}, required=("user_id",))
        user_id = self._b2b_admin_int(payload, "user_id", errors)
        if errors:
            raise ApiError(errors)
        user = self._b2b_admin_user(user_id)
        # sudo: the keys of an integration user (checked above), without
        # their secret (the hashed column is no field).
        keys = (
            self.env["res.users.apikeys"]
            .sudo()
            .search([("user_id", "=", user.id)], order="id")
        )
        return {
            "ok": True,
            "user_id": user.id,
            "keys": [
                {
                    "key_id": key.id,
                    "name": key.name,
                    "scope": key.scope or None,
                    "created": _api_datetime(key.create_date),
                    "expires": _api_datetime(key.expiration_date),
                }
                for key in keys
            ],
        }

    @api.model
    def _b2b_admin_forget_keys(self):
        """Make every worker forget the keys just removed: Odoo caches each
        process's successful checks of (user, key) (``res.users.check``), so a
        removed key would go on working wherever it had been used until that
        cache is cleared; the registry's cache is cleared in every worker at
        the end of this call."""
        self.env.registry.clear_cache()

    @api.model
    def _b2b_admin_revoke_key(self, payload):
        errors = self._b2b_api_check_fields(payload, {"key_id"}, required=("key_id",))
        key_id = self._b2b_admin_int(payload, "key_id", errors)
        if errors:
            raise ApiError(errors)
        key = self._b2b_admin_key(key_id)
        user_id = key.user_id.id
        key._remove()  # sudo (from _b2b_admin_key): Odoo's own removal, logged
        self._b2b_admin_forget_keys()
        return {"ok": True, "key_id": key_id, "user_id": user_id, "revoked": True}

    @api.model
    def _b2b_admin_rotate_key(self, payload):
        errors = self._b2b_api_check_fields(
            payload, ROTATE_FIELDS, required=("key_id", "expires")
        )
        key_id = self._b2b_admin_int(payload, "key_id", errors)
        name = self._b2b_admin_text(payload, "name", MAX_NAME, errors)
        expires = self._b2b_admin_expires(payload, errors)
        if errors:
            raise ApiError(errors)
        old = self._b2b_admin_key(key_id)
        user = old.user_id.sudo(False)
        new, secret = self._b2b_admin_generate(user, name or old.name, expires)
        # one transaction (the frame's savepoint): both or neither
        old._remove()
        self._b2b_admin_forget_keys()
        return dict(self._b2b_admin_key_values(new, secret), revoked_key_id=key_id)
