# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError


def credit_blocked_error(message, decision):
    """The refusal of a document by a credit policy: a plain ``UserError``
    (same dialog in the web client, same ``odoo.exceptions.UserError`` for
    RPC clients) that carries the decision, so that callers reporting errors
    by kind (the integrator API) can tell it apart from other refusals."""
    error = UserError(message)
    error.b2b_credit_decision = decision
    return error


def is_credit_blocked(error):
    """Whether ``error`` is the refusal of a credit policy."""
    return getattr(error, "b2b_credit_decision", None) is not None
