# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

CREDIT_POLICIES = [
    ("none", "Nothing"),
    ("warn", "Warn"),
    ("block", "Block"),
]

# Stages of the order-to-cash flow where a credit policy applies. The stage
# key is the suffix of the policy fields on the company and on the tier.
CREDIT_STAGES = ("quotation", "order", "delivery", "invoice")


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_credit_policy_quotation = fields.Selection(
        CREDIT_POLICIES,
        string="Credit Policy: Quotation",
        default="none",
        required=True,
        help="What happens when a quotation of a dealer exceeds its credit.",
    )
    b2b_credit_policy_order = fields.Selection(
        CREDIT_POLICIES,
        string="Credit Policy: Order Confirmation",
        default="none",
        required=True,
        help="What happens when confirming an order of a dealer exceeds its credit.",
    )
    b2b_credit_policy_delivery = fields.Selection(
        CREDIT_POLICIES,
        string="Credit Policy: Delivery",
        default="none",
        required=True,
        help="What happens when validating a delivery of a dealer over its credit.",
    )
    b2b_credit_policy_invoice = fields.Selection(
        CREDIT_POLICIES,
        string="Credit Policy: Invoice Posting",
        default="none",
        required=True,
        help="What happens when posting an invoice of a dealer over its credit.",
    )
    b2b_credit_include_receivable = fields.Boolean(
        string="Exposure: Open Receivables",
        default=True,
        help="Count the residual of posted receivables (invoices minus credit "
        "notes and unreconciled payments) in the dealer's exposure.",
    )
    b2b_credit_include_draft_invoice = fields.Boolean(
        string="Exposure: Draft Invoices",
        default=True,
        help="Count draft customer invoices and credit notes in the exposure.",
    )
    b2b_credit_auto_hold = fields.Boolean(
        string="Automatic Credit Hold",
        help="Every day, put on hold the dealers with invoices overdue by more "
        "than their grace period, and release them when nothing is overdue.",
    )
