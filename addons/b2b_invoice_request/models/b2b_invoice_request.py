# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Invoice requests (开票申请): a dealer's finance or admin buyer asks for the
invoice of delivered order lines; finance issues it from Odoo's own
invoicing of those lines and attaches the e-invoice, or rejects it."""

import base64
import binascii

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.b2b_base.tools.uploads import MAX_FILE_SIZE, file_mimetype

from .sale_order_line import REQUEST_QTY_KEY

MAX_LINES = 200
MAX_NOTE = 1000
#: what an issued or rejected request never changes
FROZEN_FIELDS = {
    "dealer_id",
    "company_id",
    "profile_id",
    "line_ids",
    "invoice_ids",
    "einvoice_number",
    "einvoice_file",
    "title",
    "tax_id",
    "kind",
}
#: the profile's values copied on the request (what the invoice is issued to)
PROFILE_COPY = ("kind", "tax_id", "address", "phone", "bank_name", "bank_account")


class B2bInvoiceRequest(models.Model):
    _name = "b2b.invoice.request"
    _description = "Dealer Invoice Request"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
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
    currency_id = fields.Many2one("res.currency", required=True, readonly=True)
    dealer_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        required=True,
        readonly=True,
        index=True,
        check_company=True,
    )
    requested_by_id = fields.Many2one(
        "res.users", string="Requested By", readonly=True, copy=False
    )
    profile_id = fields.Many2one(
        "b2b.invoice.profile",
        string="Invoice Profile",
        required=True,
        readonly=True,
        ondelete="restrict",
        check_company=True,
    )
    title = fields.Char(string="Invoice Title", readonly=True)
    kind = fields.Selection(
        [("ordinary", "Ordinary invoice"), ("special", "Special VAT invoice")],
        readonly=True,
    )
    tax_id = fields.Char(string="Tax ID", readonly=True)
    address = fields.Char(readonly=True)
    phone = fields.Char(readonly=True)
    bank_name = fields.Char(string="Bank", readonly=True)
    bank_account = fields.Char(readonly=True)
    note = fields.Text(string="Dealer's Note", readonly=True)
    line_ids = fields.One2many(
        "b2b.invoice.request.line", "request_id", string="Lines", readonly=True
    )
    order_ids = fields.Many2many(
        "sale.order", string="Orders", compute="_compute_order_ids"
    )
    amount_untaxed = fields.Monetary(
        string="Untaxed Amount", compute="_compute_amount_total", store=True
    )
    amount_total = fields.Monetary(
        string="Amount", compute="_compute_amount_total", store=True
    )
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("processing", "Processing"),
            ("issued", "Issued"),
            ("rejected", "Rejected"),
        ],
        default="requested",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
        index=True,
    )
    reject_reason = fields.Text(readonly=True, copy=False)
    invoice_ids = fields.Many2many(
        "account.move",
        "b2b_invoice_request_account_move_rel",
        "request_id",
        "move_id",
        string="Invoices",
        copy=False,
        check_company=True,
        domain="[('commercial_partner_id', '=', dealer_id), "
        "('move_type', '=', 'out_invoice'), ('state', '!=', 'cancel')]",
    )
    einvoice_number = fields.Char(string="E-invoice Number", copy=False, tracking=True)
    einvoice_file = fields.Binary(string="E-invoice PDF", attachment=True, copy=False)
    einvoice_filename = fields.Char(string="E-invoice File Name", copy=False)
    processed_by_id = fields.Many2one(
        "res.users", string="Processed By", readonly=True, copy=False
    )
    processed_date = fields.Datetime(string="Processed On", readonly=True, copy=False)

    @api.depends("line_ids.order_id")
    def _compute_order_ids(self):
        for request in self:
            request.order_ids = request.line_ids.order_id

    @api.depends("line_ids.amount", "line_ids.amount_untaxed")
    def _compute_amount_total(self):
        for request in self:
            request.amount_untaxed = sum(request.line_ids.mapped("amount_untaxed"))
            request.amount_total = sum(request.line_ids.mapped("amount"))

    def _compute_access_url(self):  # pylint: disable=missing-return
        super()._compute_access_url()
        for request in self:
            request.access_url = f"/my/b2b/invoice_requests/{request.id}"

    @api.constrains("einvoice_file")
    def _check_einvoice_file(self):
        for request in self.filtered("einvoice_file"):
            request._b2b_check_pdf(request.einvoice_file, request.einvoice_filename)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("b2b.invoice.request") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        if FROZEN_FIELDS & set(vals) and any(
            request.state in ("issued", "rejected") for request in self
        ):
            raise UserError(
                self.env._("An issued or rejected invoice request cannot be changed.")
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Requesting (portal)
    # ------------------------------------------------------------------
    @api.model
    def _b2b_requestable_lines_domain(self, dealer, company):
        """The dealer's delivered order lines not yet requested, as a domain
        on ``sale.order.line``."""
        return [
            ("order_partner_id.commercial_partner_id", "=", dealer.id),
            ("company_id", "=", company.id),
            ("state", "=", "sale"),
            ("display_type", "=", False),
            ("is_downpayment", "=", False),
            ("b2b_invoice_requestable_qty", ">", 0),
        ]

    @api.model
    def _b2b_requestable_lines(self, dealer, company, line_ids=None, limit=None):
        domain = self._b2b_requestable_lines_domain(dealer, company)
        if line_ids is not None:
            domain.append(("id", "in", list(line_ids)))
        # sudo: the dealer's own lines (the domain binds them to the dealer
        # and company); a finance buyer need not read the orders otherwise
        return (
            self.env["sale.order.line"]
            .sudo()
            # "order_id": the orders' own order, newest first, lines together
            .search(domain, order="order_id, sequence, id", limit=limit)
        )

    @api.model
    def _b2b_parse_quantities(self, quantities, keep_zero=False):
        """``{sale line id: quantity}`` from the form's strings, or a
        UserError; ``keep_zero``: zero quantities kept and none needed (the
        form's figures)."""
        if not isinstance(quantities, dict) or len(quantities) > MAX_LINES:
            raise UserError(self.env._("Choose at most %s lines.", MAX_LINES))
        parsed = {}
        for key, value in quantities.items():
            try:
                line_id, qty = int(key), float(str(value).strip() or 0)
            except (TypeError, ValueError) as error:
                raise UserError(
                    self.env._("The quantities must be numbers.")
                ) from error
            if qty < 0 or qty != qty:  # negative or NaN
                raise UserError(self.env._("The quantities must be positive."))
            if qty or keep_zero:
                parsed[line_id] = qty
        if not parsed and not keep_zero:
            raise UserError(self.env._("Choose at least one delivered line."))
        return parsed

    @api.model
    def _b2b_portal_request(self, profile_id, quantities, note=None):
        """Request an invoice as the current finance or admin buyer, for its
        own dealer in the current company.

        :param profile_id: id of one of the dealer's invoice profiles
        :param quantities: ``{sale line id: quantity}`` (strings accepted)
        :return: the request (in the user's environment)
        """
        Profile = self.env["b2b.invoice.profile"]
        dealer = Profile._b2b_check_finance_user()
        company = self.env.company
        try:
            profile = Profile.browse(int(profile_id)).exists()
        except (TypeError, ValueError):
            profile = Profile
        # the record rules bind the profile to the user's dealer
        if not profile or not profile.has_access("read") or not profile.active:
            raise UserError(self.env._("Choose one of your invoice profiles."))
        if profile.dealer_id != dealer or profile.company_id != company:
            raise UserError(self.env._("Choose one of your invoice profiles."))
        note = str(note or "").strip()[:MAX_NOTE]
        request = self.sudo()._b2b_create_request(
            dealer,
            profile,
            self._b2b_parse_quantities(quantities),
            note,
            requester=self.env.user,
        )
        return request.with_env(self.env)

    @api.model
    def _b2b_portal_amounts(self, quantities):
        """The figures of the request form's lines at ``quantities`` (``{sale
        line id: quantity}``, strings accepted), for the current finance or
        admin buyer's own requestable lines (other ids are left out): what a
        request of them would amount to (``_b2b_invoice_request_amounts``).
        """
        dealer = self.env["b2b.invoice.profile"]._b2b_check_finance_user()
        parsed = self._b2b_parse_quantities(quantities, keep_zero=True)
        lines = self._b2b_requestable_lines(
            dealer, self.env.company, line_ids=list(parsed)
        )
        return lines._b2b_invoice_request_amounts(parsed)

    @api.model
    def _b2b_create_request(self, dealer, profile, quantities, note="", requester=None):
        """Create the request of ``quantities`` (``{sale line id: qty}``) of
        the dealer's lines: each line locked, then its requestable quantity
        checked, so the same quantity is never requested twice, also by two
        requests at the same time (called as superuser by the portal method
        above, which checks the user)."""
        company = profile.company_id
        eligible = self._b2b_requestable_lines(
            dealer, company, line_ids=list(quantities)
        )
        # lock the dealer's lines, then read their quantities again: what a
        # concurrent request took is seen (or this transaction is retried)
        eligible.sorted("id")._b2b_lock_for_invoice_request()
        precision = self.env["decimal.precision"].precision_get(
            "Product Unit of Measure"
        )
        errors = []
        if len(eligible) != len(quantities):
            errors.append(
                self.env._(
                    "Some lines are not delivered, were already requested or "
                    "are not your dealer's."
                )
            )
        for line in eligible:
            if (
                float_compare(
                    quantities[line.id],
                    line.b2b_invoice_requestable_qty,
                    precision_digits=precision,
                )
                > 0
            ):
                errors.append(
                    self.env._(
                        "%(order)s, %(product)s: at most %(qty)s can be requested.",
                        order=line.order_id.name,
                        product=line.product_id.display_name,
                        qty=line.b2b_invoice_requestable_qty,
                    )
                )
        currencies = eligible.order_id.currency_id
        if len(currencies) > 1:
            errors.append(
                self.env._("The lines of one request have the same currency.")
            )
        if errors:
            raise UserError("\n".join(errors))
        request = self.create(
            {
                "company_id": company.id,
                "dealer_id": dealer.id,
                "currency_id": currencies.id,
                "requested_by_id": (requester or self.env.user).id,
                "profile_id": profile.id,
                "title": profile.name,
                **{name: profile[name] for name in PROFILE_COPY},
                "note": note,
                "line_ids": [
                    fields.Command.create(
                        {"sale_line_id": line.id, "quantity": quantities[line.id]}
                    )
                    for line in eligible
                ],
            }
        )
        # the recomputation of the lines' requested quantities updates the
        # locked rows now, inside the lock
        request.flush_recordset()
        self.env["sale.order.line"].flush_model(
            ["b2b_invoice_requested_qty", "b2b_invoice_requestable_qty"]
        )
        request.message_post(
            body=self.env._("Invoice requested by %s.", request.requested_by_id.name),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return request

    # ------------------------------------------------------------------
    # Finance: process, invoice, issue or reject
    # ------------------------------------------------------------------
    def _b2b_check_state(self, states):
        self.check_access("write")
        wrong = self.filtered(lambda request: request.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "These invoice requests cannot do this in their status: %s",
                    ", ".join(wrong.mapped("name")),
                )
            )

    def _b2b_processed_values(self, state):
        return {
            "state": state,
            "processed_by_id": self.env.user.id,
            "processed_date": fields.Datetime.now(),
        }

    def action_b2b_process(self):
        """Finance takes the requests in hand."""
        self._b2b_check_state(("requested",))
        self.write(self._b2b_processed_values("processing"))
        return True

    def action_b2b_create_invoice(self):
        """Create the customer invoice of the requested lines with Odoo's own
        invoicing of sale lines (``_create_invoices``), restricted to the
        requested lines and quantities."""
        self._b2b_check_state(("requested", "processing"))
        precision = self.env["decimal.precision"].precision_get(
            "Product Unit of Measure"
        )
        for request in self:
            quantities = {}
            for line in request.line_ids:
                sale_line = line.sale_line_id
                quantities[sale_line.id] = (
                    quantities.get(sale_line.id, 0.0) + line.quantity
                )
                if (
                    float_compare(
                        quantities[sale_line.id],
                        sale_line.qty_to_invoice,
                        precision_digits=precision,
                    )
                    > 0
                ):
                    raise UserError(
                        self.env._(
                            "%(order)s, %(product)s is already invoiced in part: "
                            "link the existing invoice to the request instead.",
                            order=sale_line.order_id.name,
                            product=sale_line.product_id.display_name,
                        )
                    )
            invoices = request.line_ids.order_id.with_context(
                **{REQUEST_QTY_KEY: quantities}
            )._create_invoices()
            request.write(
                {
                    "invoice_ids": [fields.Command.link(move.id) for move in invoices],
                    **request._b2b_processed_values("processing"),
                }
            )
        return True

    def action_b2b_issue(self):
        """The invoice is issued: its e-invoice PDF or number is on the
        request, its invoices are posted; the dealer is told."""
        self._b2b_check_state(("requested", "processing"))
        for request in self:
            if not request.invoice_ids:
                raise UserError(
                    self.env._("Create or link the invoice of %s first.", request.name)
                )
            if any(move.state != "posted" for move in request.invoice_ids):
                raise UserError(
                    self.env._("Post the invoices of %s first.", request.name)
                )
            if not (request.einvoice_number or request.einvoice_file):
                raise UserError(
                    self.env._(
                        "Attach the e-invoice PDF or enter its number on %s.",
                        request.name,
                    )
                )
        self.write(self._b2b_processed_values("issued"))
        for request in self:
            request._b2b_notify_requester(
                request._b2b_requester_env()._(
                    "Your invoice request %(name)s was issued.", name=request.name
                )
            )
        return True

    def action_b2b_reject(self):
        """Open the wizard asking for the reason of the rejection."""
        self._b2b_check_state(("requested", "processing"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject Invoice Request"),
            "res_model": "b2b.invoice.request.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_ids": self.ids},
        }

    def _b2b_reject(self, reason):
        """Reject the requests with a reason the dealer sees; their lines can
        be requested again."""
        self._b2b_check_state(("requested", "processing"))
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(
                self.env._("Please give the reason of the rejection.")
            )
        self.write({"reject_reason": reason, **self._b2b_processed_values("rejected")})
        for request in self:
            request._b2b_notify_requester(
                request._b2b_requester_env()._(
                    "Your invoice request %(name)s was rejected: %(reason)s",
                    name=request.name,
                    reason=reason,
                )
            )
        return True

    @api.model
    def _b2b_check_pdf(self, datas, filename=None):
        """The e-invoice file: a PDF (by its first bytes) of at most 10 MB."""
        try:
            content = base64.b64decode(datas or b"", validate=True)
        except (binascii.Error, ValueError) as error:
            raise ValidationError(
                self.env._("The e-invoice file is not valid.")
            ) from error
        if len(content) > MAX_FILE_SIZE:
            raise ValidationError(
                self.env._("The file %s is larger than 10 MB.", filename or "")
            )
        if file_mimetype(content) != "application/pdf":
            raise ValidationError(
                self.env._("The file %s is not a PDF document.", filename or "")
            )
        return content

    def _b2b_requester_env(self):
        """The environment in the language of the buyer who requested."""
        self.ensure_one()
        return self.with_context(lang=self.requested_by_id.lang or self.env.lang).env

    def _b2b_notify_requester(self, body):
        self.ensure_one()
        self.message_post(
            body=body,
            partner_ids=self.requested_by_id.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
