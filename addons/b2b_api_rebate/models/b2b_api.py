# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Integrator API: the dealer's rebates (``rebate_summary``).

The figures are the stored ones of ``b2b.rebate.accrual``, the same the
backend's dashboard and the dealer's portal page show: nothing is
recomputed by a call, so the three always agree to the cent.
"""

import functools
import json

from odoo import api, fields, models
from odoo.tools.misc import file_open

from odoo.addons.b2b_api.models.b2b_api import ApiError, _api_date, _is_int
from odoo.addons.b2b_api.models.b2b_api_schema import load_schema

#: ended periods an answer may list (as many as the portal page shows)
MAX_PAST = 24
#: the stored figures of an accrual the answer gives
ANSWER_FIELDS = [
    "period_label",
    "period_start",
    "period_end",
    "amount",
    "quantity",
    "basis_value",
    "rate",
    "next_threshold",
    "next_rate",
    "missing",
    "accrued_amount",
    "settled_amount",
    "pending_amount",
    "to_settle_amount",
]
#: this module's part of the contract: its operations and definitions, in
#: the shape of b2b_api's schema (``operations``, ``$defs``)
FRAGMENT_PATH = "b2b_api_rebate/static/schema/b2b_api_rebate.schema.json"


@functools.cache
def _fragment_text():
    with file_open(FRAGMENT_PATH, "rb") as f:
        return f.read().decode("utf-8")


def schema_fragment():
    """This module's part of the contract (a fresh dict)."""
    return json.loads(_fragment_text())


def merged_schema():
    """b2b_api's contract with this module's operations and definitions."""
    schema = load_schema()
    fragment = schema_fragment()
    schema["$defs"].update(fragment["$defs"])
    schema["operations"].update(fragment["operations"])
    return schema


class B2bApi(models.AbstractModel):
    _inherit = "b2b.api"

    @api.model
    def rebate_summary(self, payload=None, *args, **kwargs):
        """The dealer's rebates: for each programme period running today
        the volume so far, the next step and what is missing to reach it,
        the rate, accrued, settled and available; ``past`` ended periods;
        the dealer's rebate balance."""
        return self._b2b_api_run(
            "rebate_summary", payload, "_b2b_api_rebate_summary", args, kwargs
        )

    @api.model
    def _b2b_api_schema_fragments(self):
        """This module's part of the contract, for b2b_api's merged schema
        (the hook asked of b2b_api; nothing calls it before)."""
        return [*super()._b2b_api_schema_fragments(), FRAGMENT_PATH]

    @api.model
    def _b2b_api_rebate_summary(self, payload):
        errors = self._b2b_api_check_fields(payload, {"dealer", "past"})
        dealer = self._b2b_api_dealer(payload)
        past = payload.get("past", 0)
        if past is False:
            past = 0
        if not _is_int(past) or not 0 <= past <= MAX_PAST:
            errors.append(
                self._b2b_api_error(
                    "INVALID_TYPE",
                    self.env._("past must be an integer from 0 to %s.", MAX_PAST),
                    field="past",
                )
            )
        if errors:
            raise ApiError(errors)
        company = self._b2b_api_company(dealer)
        current, ended = self._b2b_api_rebate_accruals(dealer, past)
        # the balance the dealer can spend on its orders in its company
        # (programmes settled as a balance): the stored sum of its ledger
        balance = self.env["b2b.rebate.balance"]._b2b_get(dealer, company, create=False)
        return {
            "ok": True,
            "dealer_id": dealer.id,
            "currency": company.currency_id.name,
            "balance": balance.amount if balance else 0.0,
            "programmes": [self._b2b_api_rebate_values(a) for a in current],
            "past": [self._b2b_api_rebate_values(a) for a in ended],
        }

    @api.model
    def _b2b_api_rebate_accruals(self, dealer, past):
        """``(current, ended)`` accruals of ``dealer`` in the call's
        companies, the portal page's selection: programmes that are not
        drafts, the periods running today (every one), then the ``past``
        last ended ones. Two queries (plus the reads), whatever the
        history."""
        today = fields.Date.context_today(self)
        # sudo: the figures of the dealer checked against the caller's
        # links, in the companies of the call; integration users have no
        # access to the rebate models themselves.
        Accrual = self.env["b2b.rebate.accrual"].sudo()
        domain = [
            ("partner_id", "=", dealer.id),
            ("company_id", "in", self.env.companies.ids),
            ("programme_id.state", "!=", "draft"),
        ]
        order = "period_start desc, id desc"
        current = Accrual.search([*domain, ("period_end", ">=", today)], order=order)
        ended = Accrual.browse()
        if past:
            ended = Accrual.search(
                [*domain, ("period_end", "<", today)], order=order, limit=past
            )
        # one read of both lists' figures (each search has its own prefetch)
        (current | ended).fetch(
            [*ANSWER_FIELDS, "programme_id", "currency_id", "step_id"]
        )
        return current, ended

    @api.model
    def _b2b_api_rebate_values(self, accrual):
        """One period of a programme: the stored figures of its accrual."""
        programme = accrual.programme_id
        has_next = bool(accrual.next_threshold)
        return {
            "accrual_id": accrual.id,
            "programme_id": programme.id,
            "programme": programme.name,
            "state": programme.state,
            "period": accrual.period_label,
            "period_start": _api_date(accrual.period_start),
            "period_end": _api_date(accrual.period_end),
            "basis": programme.basis,
            "method": programme.method,
            "currency": accrual.currency_id.name,
            "volume": accrual.amount,
            "quantity": accrual.quantity,
            "measured": accrual.basis_value,
            "rate": accrual.rate,
            "step_threshold": accrual.step_id.threshold if accrual.step_id else False,
            "next_threshold": accrual.next_threshold if has_next else False,
            "next_rate": accrual.next_rate if has_next else False,
            "missing": accrual.missing if has_next else False,
            "accrued": accrual.accrued_amount,
            "settled": accrual.settled_amount,
            "waiting": accrual.pending_amount,
            "available": accrual.to_settle_amount,
        }
