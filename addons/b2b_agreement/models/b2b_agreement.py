# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer agreements (经销协议): generated from a template for a period, sent
to the dealer, signed in the portal by its admin buyer with Odoo's portal
signature, frozen once signed (signed PDF + sha256), renewed before the end."""

import base64
import binascii
import hashlib

from lxml import etree, html
from markupsafe import Markup, escape

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date, is_html_empty

from odoo.addons.b2b_base.tools.uploads import file_mimetype

REPORT = "b2b_agreement.action_report_b2b_agreement"
#: largest signature image accepted (Odoo's widget sends a small PNG)
MAX_SIGNATURE_SIZE = 1024 * 1024
MAX_SIGNER_NAME = 128
#: elements of the body that only wrap its blocks (the template's <div>)
BODY_WRAPPERS = ("div", "section", "article")
#: headings kept with the paragraph they introduce
BODY_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: fields a signed agreement may still change: its expiry by the daily job
SIGNED_WRITABLE = {"state"}


class B2bAgreement(models.Model):
    _name = "b2b.agreement"
    _description = "Dealer Agreement"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    # the dealer's buyers may ask questions in the portal thread
    _mail_post_access = "read"

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
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
        index=True,
        check_company=True,
        domain=[("b2b_is_dealer", "=", True), ("is_company", "=", True)],
        tracking=True,
    )
    template_id = fields.Many2one(
        "b2b.agreement.template",
        string="Template",
        required=True,
        check_company=True,
        ondelete="restrict",
    )
    tier_id = fields.Many2one(
        "b2b.dealer.tier",
        string="Tier",
        help="The dealer's tier when the agreement was generated.",
    )
    region_id = fields.Many2one(
        "b2b.dealer.region",
        string="Region",
        help="The dealer's region when the agreement was generated.",
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    target_amount = fields.Monetary(string="Purchase Target", tracking=True)
    body = fields.Html(
        sanitize="email_outgoing",
        help="The agreement's text, rendered from the template when it is "
        "generated and when it is sent.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("signed", "Signed"),
            ("expired", "Expired"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    sent_date = fields.Datetime(readonly=True, copy=False)
    signature = fields.Binary(readonly=True, copy=False, attachment=True)
    signed_by = fields.Char(readonly=True, copy=False)
    signed_on = fields.Datetime(readonly=True, copy=False)
    signed_ip = fields.Char(string="Signed From (IP)", readonly=True, copy=False)
    signer_id = fields.Many2one("res.users", string="Signer", readonly=True, copy=False)
    content_hash = fields.Char(
        string="SHA-256 of the Content",
        readonly=True,
        copy=False,
        help="sha256 of the agreement's text, period, parties, signature "
        "image and signing data, printed on the signed PDF.",
    )
    attachment_id = fields.Many2one(
        "ir.attachment", string="Signed PDF", readonly=True, copy=False
    )
    pdf_hash = fields.Char(string="SHA-256 of the PDF", readonly=True, copy=False)
    signed_pdf = fields.Binary(related="attachment_id.datas", string="Signed File")
    signed_pdf_name = fields.Char(
        related="attachment_id.name", string="Signed File Name"
    )
    previous_id = fields.Many2one(
        "b2b.agreement",
        string="Renewal Of",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    renewal_ids = fields.One2many(
        "b2b.agreement", "previous_id", string="Renewals", readonly=True
    )
    is_valid_today = fields.Boolean(
        string="Valid Today", compute="_compute_is_valid_today"
    )

    @api.depends("state", "date_start", "date_end")
    def _compute_is_valid_today(self):
        today = fields.Date.context_today(self)
        for agreement in self:
            agreement.is_valid_today = (
                agreement.state == "signed"
                and agreement.date_start <= today <= agreement.date_end
            )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for agreement in self:
            agreement.access_url = f"/my/b2b/agreements/{agreement.id}"
        return res

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for agreement in self:
            if agreement.date_end < agreement.date_start:
                raise ValidationError(
                    self.env._("An agreement cannot end before it starts.")
                )

    @api.constrains("dealer_id")
    def _check_dealer(self):
        for agreement in self:
            if not agreement.dealer_id.b2b_is_dealer:
                raise ValidationError(
                    self.env._(
                        "%s is not a dealer: it has no dealer agreement.",
                        agreement.dealer_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD: numbering, immutability of signed agreements
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code("b2b.agreement")
                    or "/"
                )
        return super().create(vals_list)

    @api.model
    def _b2b_free_fields(self):
        """Fields a signed agreement may still change: its thread, its
        activities and Odoo's bookkeeping."""
        return {
            name
            for name in self._fields
            if name.startswith(("message_", "activity_", "website_message"))
            or name in models.LOG_ACCESS_COLUMNS
            or name in ("access_token", "rating_ids")
        }

    def write(self, vals):
        frozen = set(vals) - self._b2b_free_fields()
        locked = self.filtered(lambda a: a.state in ("signed", "expired"))
        if frozen and locked:
            expiring = (
                frozen <= SIGNED_WRITABLE
                and vals.get("state") == "expired"
                and all(a.state == "signed" for a in locked)
            )
            if not expiring:
                raise UserError(
                    self.env._(
                        "A signed agreement cannot be changed: agree on any "
                        "change in a new agreement."
                    )
                )
        return super().write(vals)

    def unlink(self):
        if any(a.state not in ("draft", "cancelled") for a in self):
            raise UserError(
                self.env._("Only draft or cancelled agreements can be deleted.")
            )
        return super().unlink()

    # ------------------------------------------------------------------
    # Generation (backend wizard, renewals)
    # ------------------------------------------------------------------
    @api.model
    def _b2b_generate(self, dealers, date_start, date_end, template=None, **vals):
        """Create the draft agreements of ``dealers`` for the period, with
        ``template`` or each dealer's template (its tier's, else the
        company's), their body rendered; dealers that already have an
        agreement (not cancelled) overlapping the period are skipped.
        One search of templates, one of overlaps, one create."""
        company = self.env.company
        dealers = dealers.filtered("b2b_is_dealer")
        overlapping = self.search(
            [
                ("company_id", "=", company.id),
                ("dealer_id", "in", dealers.ids),
                ("state", "!=", "cancelled"),
                ("date_start", "<=", date_end),
                ("date_end", ">=", date_start),
            ]
        ).dealer_id
        dealers -= overlapping
        if template:
            templates = dict.fromkeys(dealers, template)
        else:
            templates = self.env["b2b.agreement.template"]._b2b_templates_for(
                dealers, company
            )
        missing = [d.display_name for d in dealers if not templates.get(d)]
        if missing:
            raise UserError(
                self.env._(
                    "No agreement template for: %s. Create a template for the "
                    "company or for their tiers.",
                    ", ".join(missing),
                )
            )
        vals_list = [
            {
                "company_id": company.id,
                "dealer_id": dealer.id,
                "template_id": templates[dealer].id,
                "tier_id": dealer.b2b_tier_id.id,
                "region_id": dealer.b2b_region_id.id,
                "date_start": date_start,
                "date_end": date_end,
                "target_amount": templates[dealer].target_amount,
                **vals,
            }
            for dealer in dealers
        ]
        agreements = self.create(vals_list)
        agreements._b2b_render_body()
        return agreements

    def _b2b_render_body(self):
        """Render the body of the agreements from their template, one
        rendering call per template."""
        for template in self.template_id:
            agreements = self.filtered(lambda a, t=template: a.template_id == t)
            bodies = template._b2b_render_bodies(agreements)
            for agreement in agreements:
                agreement.body = bodies.get(agreement.id, "")

    # ------------------------------------------------------------------
    # Backend actions
    # ------------------------------------------------------------------
    def action_b2b_render(self):
        """Render the body again from the template (drafts only)."""
        self.check_access("write")
        if any(a.state != "draft" for a in self):
            raise UserError(self.env._("Only draft agreements are rendered again."))
        self._b2b_render_body()
        return True

    def action_b2b_send(self):
        """Send the drafts to their dealers: e-mail to the dealers' admin
        buyers and a notice on their portal home."""
        self.check_access("write")
        if any(a.state != "draft" for a in self):
            raise UserError(self.env._("Only draft agreements can be sent."))
        if not all(a.body for a in self):
            self.filtered(lambda a: not a.body)._b2b_render_body()
        self.write({"state": "sent", "sent_date": fields.Datetime.now()})
        self._b2b_announce()
        return True

    def action_b2b_cancel(self):
        self.check_access("write")
        if any(a.state not in ("draft", "sent") for a in self):
            raise UserError(
                self.env._(
                    "Only draft or sent agreements can be cancelled; a signed "
                    "agreement stays as it was signed."
                )
            )
        self.write({"state": "cancelled"})
        return True

    def action_b2b_draft(self):
        self.check_access("write")
        if any(a.state != "cancelled" for a in self):
            raise UserError(
                self.env._("Only cancelled agreements can be set back to draft.")
            )
        self.write({"state": "draft", "sent_date": False})
        return True

    # ------------------------------------------------------------------
    # Announcement to the dealer
    # ------------------------------------------------------------------
    @api.model
    def _b2b_admin_buyers(self, dealers):
        """{dealer id: users} of the active admin buyers of ``dealers`` (one
        search)."""
        group = self.env.ref("b2b_base.b2b_base_group_buyer_admin")
        # sudo: the dealers' portal users (internal staff may not read users
        # of every group); only their partners are used, to notify them
        users = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("share", "=", True),
                    ("groups_id", "in", group.ids),
                    ("partner_id.commercial_partner_id", "in", dealers.ids),
                ]
            )
        )
        result = {dealer.id: self.env["res.users"] for dealer in dealers}
        for user in users:
            result[user.partner_id.commercial_partner_id.id] |= user
        return result

    def _b2b_lang_env(self):
        self.ensure_one()
        return self.with_context(lang=self.dealer_id.lang or self.env.lang).env

    def _b2b_announce(self, renewal=False):
        """Post the agreement in its thread for the dealer's admin buyers
        (Odoo e-mails them, with the link to the portal page)."""
        buyers = self._b2b_admin_buyers(self.dealer_id)
        for agreement in self:
            partners = buyers[agreement.dealer_id.id].partner_id
            if partners:
                agreement.message_subscribe(partner_ids=partners.ids)
            env = agreement._b2b_lang_env()
            dates = {
                "start": format_date(env, agreement.date_start),
                "end": format_date(env, agreement.date_end),
            }
            if renewal:
                body = env._(
                    "Your dealer agreement %(previous)s ends on %(previous_end)s: "
                    "its renewal %(name)s for %(start)s to %(end)s is ready to "
                    "sign in your portal.",
                    previous=agreement.previous_id.name,
                    previous_end=format_date(env, agreement.previous_id.date_end),
                    name=agreement.name,
                    **dates,
                )
            else:
                body = env._(
                    "Your dealer agreement %(name)s for %(start)s to %(end)s is "
                    "ready to sign in your portal.",
                    name=agreement.name,
                    **dates,
                )
            agreement.message_post(
                body=body,
                partner_ids=partners.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    # ------------------------------------------------------------------
    # Signing by the dealer's admin buyer (portal)
    # ------------------------------------------------------------------
    def _b2b_check_signer(self):
        """Refuse unless the current user is an admin buyer of the
        agreement's dealer."""
        self.ensure_one()
        user = self.env.user
        dealer = user._b2b_dealer() if user.share else self.env["res.partner"]
        if (
            not dealer
            or self.sudo().dealer_id != dealer
            or not user._b2b_has_role("admin")
        ):
            raise AccessError(
                self.env._(
                    "Only an admin buyer of the dealer can sign its agreement; "
                    "please ask your administrator."
                )
            )
        self.check_access("read")

    @api.model
    def _b2b_decode_signature(self, signature):
        try:
            content = base64.b64decode(signature or "", validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(self.env._("Invalid signature data.")) from error
        if not content:
            raise UserError(self.env._("Signature is missing."))
        if len(content) > MAX_SIGNATURE_SIZE or file_mimetype(content) not in (
            "image/png",
            "image/jpeg",
        ):
            raise UserError(self.env._("Invalid signature data."))
        return content

    def _b2b_content_digest(self):
        """sha256 of what was signed: the agreement's number, parties,
        period, target and text, the signature image and the signing data."""
        self.ensure_one()
        agreement = self.sudo()
        parts = [
            agreement.name,
            agreement.company_id.name,
            agreement.dealer_id.name,
            agreement.dealer_id.b2b_dealer_code or "",
            fields.Date.to_string(agreement.date_start),
            fields.Date.to_string(agreement.date_end),
            f"{agreement.target_amount:.2f}",
            str(agreement.body or ""),
            agreement.signed_by or "",
            fields.Datetime.to_string(agreement.signed_on) or "",
            agreement.signed_ip or "",
            (agreement.signature or b"").decode()
            if isinstance(agreement.signature, bytes)
            else (agreement.signature or ""),
        ]
        return hashlib.sha256("\x1e".join(parts).encode()).hexdigest()

    def _b2b_portal_sign(self, name, signature, ip=None):
        """The dealer's admin buyer signs: the signature, their name, the
        time and IP are stored, the content hashed, the signed PDF rendered
        and attached to the agreement (and posted in its thread)."""
        self._b2b_check_signer()
        agreement = self.sudo()
        if agreement.state != "sent":
            raise UserError(
                self.env._("This agreement is not waiting for a signature.")
            )
        if agreement.date_end < fields.Date.context_today(self):
            raise UserError(self.env._("The period of this agreement has ended."))
        name = (name or "").strip()
        if not name:
            raise UserError(self.env._("Please write your name."))
        name = name[:MAX_SIGNER_NAME]
        content = self._b2b_decode_signature(signature)
        user = self.env.user
        # sudo: a portal user reads the agreement only; the signer and the
        # state are checked above and only the signing fields are written
        agreement.write(
            {
                "signature": base64.b64encode(content),
                "signed_by": name,
                "signed_on": fields.Datetime.now(),
                "signed_ip": (ip or "")[:64],
                "signer_id": user.id,
                "state": "signed",
            }
        )
        # the hash covers the signing data just stored; the seal is the last
        # write the agreement receives (write() refuses any other change)
        agreement._b2b_seal()
        # as the superuser, authored by the company: Odoo links existing
        # attachments to a portal user's message only if they uploaded them,
        # and lets the author of a message delete its attachments (the
        # signed PDF is immutable, see ir_attachment.py)
        author = agreement.company_id.partner_id
        agreement.with_user(SUPERUSER_ID).message_post(
            body=self._b2b_lang_env()._("Agreement signed by %s.", name),
            author_id=author.id,
            # the company's address, else the signer's: a company without an
            # e-mail address still sends the notice (no sender, no e-mail)
            email_from=author.email_formatted or user.partner_id.email_formatted,
            attachment_ids=agreement.attachment_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return True

    def _b2b_report_body_parts(self):
        """(the body but its last block, the last block with its heading),
        as Markup, for the PDF: the last block is printed in the signature's
        block, which does not break across pages, so that the signature
        never lands alone on a page."""
        self.ensure_one()
        body = str(self.body or "")
        if is_html_empty(body):
            return Markup(""), Markup("")
        try:
            root = html.fragment_fromstring(body, create_parent="div")
        except (etree.ParserError, ValueError):
            return Markup(body), Markup("")
        node = root
        while (
            len(node) == 1
            and node[0].tag in BODY_WRAPPERS
            and not (node.text or "").strip()
            and not (node[0].tail or "").strip()
        ):
            node = node[0]
        if not len(node) or (node[-1].tail or "").strip():
            return Markup(body), Markup("")
        start = len(node) - 1
        while start > 0 and node[start - 1].tag in BODY_HEADINGS:
            start -= 1
        last = node[start:]
        for element in last:
            node.remove(element)

        def serialize(elements):
            return "".join(
                html.tostring(element, encoding="unicode") for element in elements
            )

        head = str(escape(root.text or "")) + serialize(root)
        # the content is the sanitized body of the agreement
        return Markup(head), Markup(serialize(last))

    def _b2b_seal(self):
        """Hash the signed content, render the signed PDF and attach it."""
        self.ensure_one()
        digest = self._b2b_content_digest()
        super().write({"content_hash": digest})
        self.env.flush_all()
        content, _fmt = (
            self.env["ir.actions.report"]
            .with_company(self.company_id)
            .with_context(lang=self.dealer_id.lang or self.env.lang)
            ._render_qweb_pdf(REPORT, self.ids)
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{self.name.replace('/', '-')}.pdf",
                "raw": content,
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/pdf",
            }
        )
        super().write(
            {
                "attachment_id": attachment.id,
                "pdf_hash": hashlib.sha256(content).hexdigest(),
            }
        )
        return attachment

    # ------------------------------------------------------------------
    # Validity (ordering) and the daily job (expiry, renewals)
    # ------------------------------------------------------------------
    @api.model
    def _b2b_valid_agreements(self, dealers, company, day=None):
        """The signed agreements of ``dealers`` in ``company`` covering
        ``day`` (default today), one search."""
        day = day or fields.Date.context_today(self)
        # sudo: whether a valid agreement exists decides the confirmation for
        # any user (a salesperson, a portal buyer, an integration user)
        return (
            self.sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("dealer_id", "in", dealers.ids),
                    ("state", "=", "signed"),
                    ("date_start", "<=", day),
                    ("date_end", ">=", day),
                ]
            )
            .with_env(self.env)
        )
