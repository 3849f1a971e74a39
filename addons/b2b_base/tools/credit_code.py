# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The unified social credit code (统一社会信用代码, GB 32100-2015) of a
Chinese company: one check for every module that records one (b2b_crm's
dealer applications, b2b_invoice_request's invoice profiles)."""

#: the 31 characters of the code (no I, O, S, V, Z)
CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
#: the weights of its first 17 characters (3 ** i mod 31)
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def is_valid_credit_code(code):
    """True when ``code`` is a unified social credit code: 18 characters of
    the code's alphabet (upper case), the last one the check character of
    the first 17."""
    if not isinstance(code, str) or len(code) != 18:
        return False
    if any(char not in CREDIT_CODE_CHARS for char in code):
        return False
    total = sum(
        CREDIT_CODE_CHARS.index(char) * weight
        for char, weight in zip(code[:17], CREDIT_CODE_WEIGHTS, strict=True)
    )
    return code[17] == CREDIT_CODE_CHARS[(31 - total % 31) % 31]
