# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Offline payment slips (线下付款凭证): a bank transfer a dealer declares in
the portal, with the slip file, confirmed or rejected by finance."""

import re
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.b2b_base.tools.uploads import MAX_FILE_SIZE, file_mimetype

#: accepted slip files: their first bytes and their mimetype (the same rule as
#: b2b_crm's licence files; see ROADMAP: the helper belongs in b2b_base)
MAX_TEXT = 64
MAX_AMOUNT = 1e12
#: how far back a transfer may be dated
MAX_AGE_DAYS = 366
#: what a processed (confirmed or rejected) slip never changes
FROZEN_FIELDS = {
    "amount",
    "date",
    "bank_reference",
    "payer_account",
    "invoice_ids",
    "dealer_id",
    "company_id",
    "journal_id",
    "attachment_id",
    "order_id",
}
#: the buyer roles that may declare payments and confirm statements
FINANCE_ROLES = ("finance", "admin")


class B2bPaymentSlip(models.Model):
    _name = "b2b.payment.slip"
    _description = "Dealer Offline Payment Slip"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    dealer_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        required=True,
        readonly=True,
        index=True,
        domain=[("b2b_is_dealer", "=", True)],
        check_company=True,
    )
    declared_by_id = fields.Many2one(
        "res.users", string="Declared By", readonly=True, copy=False
    )
    amount = fields.Monetary(required=True, tracking=True)
    date = fields.Date(string="Transfer Date", required=True, tracking=True)
    payer_account = fields.Char()
    bank_reference = fields.Char(required=True)
    reference_key = fields.Char(
        compute="_compute_reference_key",
        store=True,
        index=True,
        help="The bank reference without spaces, in capitals: what duplicates "
        "are compared on.",
    )
    invoice_ids = fields.Many2many(
        "account.move",
        "b2b_payment_slip_account_move_rel",
        "slip_id",
        "move_id",
        string="Invoices Paid",
        domain="[('commercial_partner_id', '=', dealer_id), "
        "('move_type', '=', 'out_invoice'), ('state', '=', 'posted'), "
        "('payment_state', 'not in', ('paid', 'reversed'))]",
        check_company=True,
    )
    attachment_id = fields.Many2one(
        "ir.attachment", string="Slip File", readonly=True, copy=False
    )
    order_id = fields.Many2one(
        "sale.order",
        string="Pays the Order",
        index="btree_not_null",
        copy=False,
        domain="[('partner_id.commercial_partner_id', '=', dealer_id), "
        "('state', 'in', ('draft', 'sent'))]",
        check_company=True,
        help="The dealer's order refused for its credit that this transfer "
        "pays (its shortfall or its total): confirming the payment submits "
        "the order again.",
    )
    state = fields.Selection(
        [
            ("declared", "Declared"),
            ("confirmed", "Confirmed"),
            ("rejected", "Rejected"),
        ],
        default="declared",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    reject_reason = fields.Text(readonly=True, copy=False)
    is_duplicate = fields.Boolean(
        string="Possible Duplicate",
        readonly=True,
        copy=False,
        help="Another slip of the company has the same bank reference and amount.",
    )
    duplicate_ids = fields.Many2many(
        "b2b.payment.slip",
        string="Same Reference and Amount",
        compute="_compute_duplicate_ids",
    )
    journal_id = fields.Many2one(
        "account.journal",
        string="Journal",
        domain="[('type', 'in', ('bank', 'cash'))]",
        check_company=True,
        default=lambda self: self._default_journal(),
    )
    payment_id = fields.Many2one(
        "account.payment", string="Payment", readonly=True, copy=False
    )
    processed_by_id = fields.Many2one(
        "res.users", string="Processed By", readonly=True, copy=False
    )
    processed_date = fields.Datetime(string="Processed On", readonly=True, copy=False)

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "The amount must be positive."),
    ]

    def init(self):
        # the slips waiting for finance, read by the credit exposure of a dealer
        tools.create_index(
            self.env.cr,
            "b2b_payment_slip_declared_index",
            self._table,
            ["dealer_id", "company_id"],
            where="state = 'declared'",
        )

    @api.model
    def _default_journal(self):
        return self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.env.company),
                ("type", "=", "bank"),
            ],
            limit=1,
        )

    @api.depends("bank_reference")
    def _compute_reference_key(self):
        for slip in self:
            slip.reference_key = self._b2b_normalize_reference(slip.bank_reference)

    @api.depends("bank_reference", "amount", "company_id")
    def _compute_duplicate_ids(self):
        for slip in self:
            slip.duplicate_ids = (
                slip._b2b_find_duplicates(
                    slip.company_id, slip.bank_reference, slip.amount
                )
                - slip
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("b2b.payment.slip") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        if FROZEN_FIELDS & set(vals) and any(slip.state != "declared" for slip in self):
            raise UserError(
                self.env._("A confirmed or rejected payment cannot be changed.")
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Declaration (portal)
    # ------------------------------------------------------------------
    @api.model
    def _b2b_max_file_size(self):
        return MAX_FILE_SIZE

    @api.model
    def _b2b_file_mimetype(self, content):
        """The mimetype of a slip file read from its first bytes (PDF, PNG or
        JPEG), or False: the file name and the browser's type are not trusted."""
        return file_mimetype(content)

    @api.model
    def _b2b_normalize_reference(self, reference):
        return re.sub(r"\s+", "", reference or "").upper()

    @api.model
    def _b2b_find_duplicates(self, company, reference, amount):
        """Slips of ``company`` (any dealer, any state but rejected) with the
        same bank reference (spaces and case ignored) and amount."""
        reference = self._b2b_normalize_reference(reference)
        if not reference or not amount:
            return self.browse()
        # sudo: a declaration is compared with the slips of other dealers too
        # (a reference used twice is suspicious whoever declares it); only
        # ids are read, nothing of them is shown to the dealer.
        slips = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", company.id),
                    ("amount", "=", amount),
                    ("state", "!=", "rejected"),
                    ("reference_key", "=", reference),
                ]
            )
        )
        return self.browse(slips.ids)

    @api.model
    def _b2b_check_declarant(self, order=None):
        """The dealer of the current user, a finance or admin buyer (or, for
        ``order``, whoever may pay that order's shortfall)."""
        user = self.env.user
        if order:
            order._b2b_check_shortfall_payer(user)
            return order._b2b_credit_document_partner()
        dealer = user._b2b_dealer() if user.share else self.env["res.partner"]
        if not dealer or not any(user._b2b_has_role(code) for code in FINANCE_ROLES):
            raise AccessError(
                self.env._(
                    "Only the finance or admin buyers of a dealer may declare "
                    "its payments."
                )
            )
        return dealer

    @api.model
    def _b2b_parse_declaration(self, values, dealer, company):
        """Checked values of a declaration (``values``: the form's strings).

        :raise UserError: with every problem found, one per line.
        """
        errors = []
        raw_amount = str(values.get("amount") or "").strip().replace(",", "")
        try:
            amount = float(raw_amount)
        except ValueError:
            amount = 0.0
        amount = company.currency_id.round(amount)
        if not (0 < amount < MAX_AMOUNT):
            errors.append(self.env._("The amount must be a positive number."))
        today = fields.Date.context_today(self)
        try:
            date = fields.Date.to_date(str(values.get("date") or "").strip())
        except ValueError:
            date = False
        if not date:
            errors.append(self.env._("The transfer date is not a valid date."))
        elif date > today or date < today - timedelta(days=MAX_AGE_DAYS):
            errors.append(self.env._("The transfer date must be within the last year."))
        reference = str(values.get("bank_reference") or "").strip()
        if not reference:
            errors.append(self.env._("The bank reference is required."))
        payer = str(values.get("payer_account") or "").strip()
        if len(reference) > MAX_TEXT or len(payer) > MAX_TEXT:
            errors.append(
                self.env._(
                    "The bank reference and the payer account have at most %s "
                    "characters.",
                    MAX_TEXT,
                )
            )
        invoices = self._b2b_parse_invoices(values.get("invoice_ids"), dealer, company)
        if invoices is None:
            errors.append(self.env._("Some of the invoices cannot be paid."))
        if errors:
            raise UserError("\n".join(errors))
        return {
            "amount": amount,
            "date": date,
            "bank_reference": reference,
            "payer_account": payer,
            "invoice_ids": invoices,
        }

    @api.model
    def _b2b_payable_invoices_domain(self, dealer, company):
        """Invoices of the dealer a slip may pay (posted, not paid)."""
        return [
            ("commercial_partner_id", "=", dealer.id),
            ("company_id", "=", company.id),
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "in", ("not_paid", "partial")),
        ]

    @api.model
    def _b2b_parse_invoices(self, invoice_ids, dealer, company):
        """The invoices a slip pays, or None when any id is not an open
        invoice of the dealer (another dealer's id included)."""
        if not invoice_ids:
            return self.env["account.move"]
        if isinstance(invoice_ids, int | str):
            invoice_ids = [invoice_ids]
        try:
            ids = {int(value) for value in invoice_ids}
        except (TypeError, ValueError):
            return None
        if len(ids) > 200:
            return None
        # sudo: the ids come from the user; the domain binds them to the
        # user's own dealer and company (checked by the caller).
        invoices = (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("id", "in", list(ids)),
                    *self._b2b_payable_invoices_domain(dealer, company),
                ]
            )
        )
        if len(invoices) != len(ids):
            return None
        return invoices

    @api.model
    def _b2b_parse_order(self, order_id):
        """The order a declaration pays (sudo), or an empty recordset.

        :raise UserError: when the id is not a number, or the order is not
            refused for its credit alone (nothing to pay for); whether the
            user may pay it is checked by :meth:`_b2b_check_declarant`.
        """
        Order = self.env["sale.order"]
        if order_id in (None, "", False):
            return Order.browse()
        try:
            order_id = int(order_id)
        except (TypeError, ValueError) as error:
            raise UserError(self.env._("This order cannot be paid.")) from error
        # sudo: the payer's right on the order is checked by the caller
        # (_b2b_check_shortfall_payer: its own dealer, role, visibility)
        order = Order.sudo().browse(order_id).exists()
        if not order:
            raise UserError(self.env._("This order cannot be paid."))
        order._b2b_check_shortfall_payer(self.env.user)
        # sale.order's one rule: refused for its credit alone, and no other
        # transfer declared for it waiting for finance
        refusal = order._b2b_payment_refusal()
        if refusal:
            raise UserError(refusal)
        return order

    @api.model
    def _b2b_check_file(self, filename, content):
        if not isinstance(content, bytes) or not content:
            raise UserError(self.env._("Please attach the payment slip."))
        if len(content) > self._b2b_max_file_size():
            raise UserError(
                self.env._("The file %s is larger than 10 MB.", filename or "")
            )
        mimetype = self._b2b_file_mimetype(content)
        if not mimetype:
            raise UserError(
                self.env._("The file %s is not a PDF, JPG or PNG document.", filename)
            )
        return mimetype

    @api.model
    def _b2b_declare(self, values, filename, content):
        """Declare a bank transfer as the current portal user (a finance or
        admin buyer) for its own dealer, in the current company.

        :param values: the form's values (amount, date, bank_reference,
            payer_account, invoice_ids)
        :param filename: the slip's file name, ``content`` its bytes
        :return: the slip (in the user's environment)
        """
        order = self._b2b_parse_order(values.get("order_id"))
        dealer = self._b2b_check_declarant(order)
        company = order.company_id if order else self.env.company
        parsed = self._b2b_parse_declaration(values, dealer, company)
        mimetype = self._b2b_check_file(filename, content)
        invoices = parsed.pop("invoice_ids")
        duplicates = self._b2b_find_duplicates(
            company, parsed["bank_reference"], parsed["amount"]
        )
        # sudo: dealers' buyers only read slips (no create right, so no RPC
        # create); the declaration is checked above and bound to the user's
        # own dealer and company.
        slip = (
            self.sudo()
            .with_company(company)
            .create(
                {
                    **parsed,
                    "company_id": company.id,
                    "dealer_id": dealer.id,
                    "declared_by_id": self.env.user.id,
                    "invoice_ids": [(6, 0, invoices.ids)],
                    "order_id": order.id,
                    "is_duplicate": bool(duplicates),
                }
            )
        )
        if duplicates:
            duplicates.sudo().is_duplicate = True
        safe_name = re.sub(r"[^\w.\- ]+", "_", filename or "slip").strip() or "slip"
        slip.attachment_id = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": safe_name[:128],
                    "raw": content,
                    "mimetype": mimetype,
                    "res_model": self._name,
                    "res_id": slip.id,
                }
            )
        )
        slip.message_post(
            body=self.env._("Payment declared by %s.", self.env.user.name),
            attachment_ids=slip.attachment_id.ids,
        )
        return slip.with_env(self.env)

    # ------------------------------------------------------------------
    # Finance: confirm or reject
    # ------------------------------------------------------------------
    def _b2b_check_processable(self):
        self.check_access("write")
        not_declared = self.filtered(lambda slip: slip.state != "declared")
        if not_declared:
            raise UserError(
                self.env._(
                    "These payments were already processed: %s",
                    ", ".join(not_declared.mapped("name")),
                )
            )

    def action_b2b_confirm(self):
        """Create the payment of each slip and reconcile it with the slip's
        invoices that are still open."""
        self._b2b_check_processable()
        for slip in self:
            slip._b2b_confirm_one()
        return True

    def _b2b_confirm_one(self):
        self.ensure_one()
        if not self.journal_id:
            raise UserError(
                self.env._("Choose the journal of the payment %s.", self.name)
            )
        invoices = self.invoice_ids.filtered(
            lambda move: move.state == "posted"
            and move.payment_state in ("not_paid", "partial")
        )
        if invoices:
            # Odoo's own payment registration: partial payments, several
            # invoices, the reconciliation of the receivable lines.
            payment = (
                self.env["account.payment.register"]
                .with_context(active_model="account.move", active_ids=invoices.ids)
                .create(
                    {
                        "amount": self.amount,
                        "payment_date": self.date,
                        "journal_id": self.journal_id.id,
                        "communication": self.bank_reference,
                        "group_payment": True,
                    }
                )
                ._create_payments()
            )
        else:
            payment = self.env["account.payment"].create(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": self.dealer_id.id,
                    "amount": self.amount,
                    "date": self.date,
                    "journal_id": self.journal_id.id,
                    "memo": self.bank_reference,
                    "company_id": self.company_id.id,
                }
            )
            payment.action_post()
        self.write(
            {
                "state": "confirmed",
                "payment_id": payment[:1].id,
                "processed_by_id": self.env.user.id,
                "processed_date": fields.Datetime.now(),
            }
        )
        if self.order_id:
            # the payment lowers the exposure: the order goes on by itself
            self.order_id._b2b_credit_release(payer=self.declared_by_id)
        self._b2b_notify_declarant(
            self._b2b_declarant_env()._(
                "Your payment %(name)s was confirmed.", name=self.name
            )
        )

    def action_b2b_reject(self):
        """Open the wizard asking for the reason of the rejection."""
        self._b2b_check_processable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject Payment"),
            "res_model": "b2b.payment.slip.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_slip_ids": self.ids},
        }

    def _b2b_reject(self, reason):
        """Reject the slips with a reason the dealer sees."""
        self._b2b_check_processable()
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(
                self.env._("Please give the reason of the rejection.")
            )
        self.write(
            {
                "state": "rejected",
                "reject_reason": reason,
                "processed_by_id": self.env.user.id,
                "processed_date": fields.Datetime.now(),
            }
        )
        for slip in self:
            slip._b2b_notify_declarant(
                slip._b2b_declarant_env()._(
                    "Your payment %(name)s was rejected: %(reason)s",
                    name=slip.name,
                    reason=reason,
                )
            )
        return True

    def _b2b_declarant_env(self):
        """The environment in the language of the buyer who declared."""
        self.ensure_one()
        return self.with_context(lang=self.declared_by_id.lang or self.env.lang).env

    def _b2b_notify_declarant(self, body):
        self.ensure_one()
        partners = self.declared_by_id.partner_id
        self.message_post(
            body=body,
            partner_ids=partners.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
