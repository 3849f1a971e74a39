# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError


class B2bCreditBlocked(UserError):
    """A credit policy refuses the document (limit, overdue or hold).

    A ``UserError``, so every user sees the usual refusal dialog with the
    message; callers that report errors by kind (the integrator API) can tell
    it apart from the other refusals.
    """
