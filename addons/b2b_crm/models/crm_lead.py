# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer applications: the fields, the checks of the public form and the
creation of the application lead (duplicates, assignment, files)."""

import base64
import re

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.b2b_base.tools.credit_code import is_valid_credit_code
from odoo.addons.b2b_base.tools.uploads import MAX_FILE_SIZE, file_mimetype

#: GB 32100-2015: the 31 characters of a unified social credit code (no I, O,
#: S, V, Z) and the weights of its first 17 characters (3 ** i mod 31)

MAX_FILES = 5


class CrmLead(models.Model):
    _inherit = "crm.lead"

    b2b_is_application = fields.Boolean(
        string="Dealer Application",
        index=True,
        readonly=True,
        copy=False,
        help="The lead is an application to become a dealer (public form).",
    )
    b2b_application_state = fields.Selection(
        string="Application Step",
        related="stage_id.b2b_application_state",
    )
    b2b_credit_code = fields.Char(
        string="Unified Social Credit Code",
        index="btree_not_null",
        tracking=True,
        help="The company's unified social credit code: 18 characters with a "
        "check character (GB 32100-2015).",
    )
    b2b_region_id = fields.Many2one(
        "b2b.dealer.region", string="Intended Region", check_company=True
    )
    b2b_tier_id = fields.Many2one(
        "b2b.dealer.tier",
        string="Dealer Tier",
        check_company=True,
        help="The tier the dealer gets when the application is approved.",
    )
    b2b_license_number = fields.Char(string="Business Licence No.", tracking=True)
    b2b_license_expiry = fields.Date(string="Licence Expiry", tracking=True)
    b2b_annual_volume = fields.Monetary(
        string="Estimated Annual Volume", currency_field="company_currency"
    )
    b2b_email_domain = fields.Char(
        string="E-mail Domain", index="btree_not_null", readonly=True, copy=False
    )
    b2b_phone_key = fields.Char(
        string="Phone Digits", index="btree_not_null", readonly=True, copy=False
    )
    b2b_check_number = fields.Boolean(string="Licence Number Checked", copy=False)
    b2b_check_expiry = fields.Boolean(string="Expiry Date Valid", copy=False)
    b2b_check_document = fields.Boolean(string="Licence Document Checked", copy=False)
    b2b_duplicate_lead_id = fields.Many2one(
        "crm.lead",
        string="Earlier Application",
        readonly=True,
        copy=False,
        help="An earlier application with the same credit code, or the same "
        "e-mail domain and phone.",
    )
    b2b_duplicate_partner_id = fields.Many2one(
        "res.partner",
        string="Existing Company",
        readonly=True,
        copy=False,
        help="A company with the same credit code, or the same e-mail domain "
        "and phone, that already exists.",
    )
    b2b_dealer_id = fields.Many2one(
        "res.partner", string="Dealer", readonly=True, copy=False, index=True
    )
    b2b_reject_reason = fields.Text(
        string="Rejection Reason", readonly=True, copy=False
    )

    # ------------------------------------------------------------------
    # Checks of the application values
    # ------------------------------------------------------------------
    @api.model
    def _b2b_credit_code_is_valid(self, code):
        """True when ``code`` is a unified social credit code (GB 32100-2015):
        18 characters of the code's alphabet whose last one is the check
        character of the first 17."""
        return isinstance(code, str) and is_valid_credit_code(code.upper())

    @api.constrains("b2b_credit_code")
    def _check_b2b_credit_code(self):
        for lead in self.filtered("b2b_credit_code"):
            if not self._b2b_credit_code_is_valid(lead.b2b_credit_code):
                raise ValidationError(
                    self.env._(
                        "%s is not a valid unified social credit code.",
                        lead.b2b_credit_code,
                    )
                )

    @api.model
    def _b2b_file_mimetype(self, content):
        """The mimetype of a licence file read from its first bytes (PDF, PNG
        or JPEG), or False: the name and the browser's type are not trusted."""
        return file_mimetype(content)

    @api.model
    def _b2b_check_files(self, files):
        """Refuse licence files that are not PDF / PNG / JPEG by content or
        are larger than 10 MB; ``files``: a list of (name, bytes)."""
        if not isinstance(files, list | tuple) or len(files) > MAX_FILES:
            raise UserError(
                self.env._("Please attach at most %s licence files.", MAX_FILES)
            )
        for name, content in files:
            if not isinstance(content, bytes) or not content:
                raise UserError(self.env._("The file %s is empty.", name))
            if len(content) > MAX_FILE_SIZE:
                raise UserError(self.env._("The file %s is larger than 10 MB.", name))
            if not self._b2b_file_mimetype(content):
                raise UserError(
                    self.env._("The file %s is not a PDF, JPG or PNG document.", name)
                )
        return True

    @api.model
    def _b2b_phone_digits(self, phone):
        """The phone's digits without China's country prefix (comparison key)."""
        digits = re.sub(r"\D", "", phone or "")
        for prefix in ("0086", "86"):
            if digits.startswith(prefix) and len(digits) - len(prefix) >= 10:
                digits = digits[len(prefix) :]
                break
        return digits or False

    @api.model
    def _b2b_email_domain(self, email):
        email = (email or "").strip().lower()
        if email.count("@") != 1:
            return False
        return email.split("@")[1] or False

    # ------------------------------------------------------------------
    # Creation of an application
    # ------------------------------------------------------------------
    @api.model
    def _b2b_application_fields(self):
        """The lead fields the public form may fill."""
        return {
            "partner_name",
            "b2b_credit_code",
            "contact_name",
            "phone",
            "email_from",
            "state_id",
            "city",
            "b2b_region_id",
            "b2b_license_number",
            "b2b_license_expiry",
            "b2b_annual_volume",
            "description",
        }

    @api.model
    def _b2b_application_values(self, post):
        """The lead values of the public form's ``post`` (strings), checked.

        Raises UserError with every problem found (one per line), so that
        the form can show them all at once.
        """
        if not isinstance(post, dict):
            raise UserError(self.env._("Unexpected application values."))

        def text(key, size=256):
            value = post.get(key)
            return value.strip()[:size] if isinstance(value, str) else ""

        errors = []
        required = {
            "partner_name": self.env._("company name"),
            "credit_code": self.env._("unified social credit code"),
            "contact_name": self.env._("contact name"),
            "phone": self.env._("phone"),
            "email": self.env._("e-mail"),
            "license_number": self.env._("business licence number"),
            "license_expiry": self.env._("licence expiry date"),
        }
        missing = [label for key, label in required.items() if not text(key)]
        if missing:
            errors.append(self.env._("Please fill in: %s.", ", ".join(missing)))
        code = text("credit_code", 32).upper()
        if code and not self._b2b_credit_code_is_valid(code):
            errors.append(
                self.env._(
                    "%s is not a valid unified social credit code (18 characters "
                    "with its check character).",
                    code,
                )
            )
        email = text("email")
        if email and not self._b2b_email_domain(email):
            errors.append(self.env._("%s is not a valid e-mail address.", email))
        phone = text("phone", 64)
        if phone and len(self._b2b_phone_digits(phone) or "") < 7:
            errors.append(self.env._("%s is not a valid phone number.", phone))
        expiry = False
        if text("license_expiry"):
            try:
                expiry = fields.Date.to_date(text("license_expiry", 10))
            except ValueError:
                expiry = False
            if not expiry:
                errors.append(self.env._("Please enter the licence expiry as a date."))
            elif expiry <= fields.Date.context_today(self):
                errors.append(self.env._("The business licence has expired."))
        volume = 0.0
        if text("annual_volume"):
            try:
                volume = float(text("annual_volume", 32))
            except ValueError:
                volume = -1.0
            if not 0 <= volume < 1e13:
                errors.append(
                    self.env._("Please enter the annual volume as a positive number.")
                )
        # sudo: the public visitor may not read states and regions; scoped to
        # checking that the chosen ones exist (China's states, active regions)
        state = self._b2b_public_record("res.country.state", post.get("state_id"))
        if state and state.country_id != self.env.ref("base.cn"):
            state = state.browse()
        region = self._b2b_public_record(
            "b2b.dealer.region",
            post.get("region_id"),
            [("company_id", "in", [False, self.env.company.id])],
        )
        if errors:
            raise UserError("\n".join(errors))
        return {
            "partner_name": text("partner_name"),
            "b2b_credit_code": code,
            "contact_name": text("contact_name"),
            "phone": phone,
            "email_from": email.lower(),
            "state_id": state.id,
            "city": text("city"),
            "b2b_region_id": region.id,
            "b2b_license_number": text("license_number", 64),
            "b2b_license_expiry": expiry,
            "b2b_annual_volume": volume,
            "description": text("message", 5000),
        }

    @api.model
    def _b2b_public_record(self, model, value, domain=()):
        """The active record of ``model`` whose id is ``value`` (a string from
        the form) within ``domain``, read as superuser, or an empty recordset."""
        records = self.env[model].sudo()
        if not isinstance(value, str | int) or not str(value).isdigit():
            return records.browse()
        return records.search([("id", "=", int(value)), *domain], limit=1)

    @api.model
    def _b2b_application_create(self, values, files=()):
        """Create one dealer application lead from the public form.

        ``values``: lead values among ``_b2b_application_fields``; ``files``:
        (name, bytes) of the licence files, attached to the lead. Checks
        everything first and creates everything in one savepoint: either the
        lead with its files and notes, or nothing.
        """
        if not isinstance(values, dict) or set(values) - self._b2b_application_fields():
            raise UserError(self.env._("Unexpected application values."))
        files = list(files or [])
        self._b2b_check_files(files)
        code = (values.get("b2b_credit_code") or "").strip().upper()
        if not self._b2b_credit_code_is_valid(code):
            raise UserError(
                self.env._("Please enter a valid unified social credit code.")
            )
        vals = dict(values, b2b_credit_code=code)
        vals.update(
            b2b_is_application=True,
            type="opportunity",
            name=self.env._("Dealer application: %s", vals.get("partner_name") or code),
            country_id=self.env.ref("base.cn").id,
            b2b_email_domain=self._b2b_email_domain(vals.get("email_from")),
            b2b_phone_key=self._b2b_phone_digits(vals.get("phone")),
        )
        region = self.env["b2b.dealer.region"].browse(vals.get("b2b_region_id") or [])
        team = self._b2b_application_team(region)
        stage = self._b2b_application_stage("new")
        tag = self.env.ref(
            "b2b_crm.crm_tag_dealer_application", raise_if_not_found=False
        )
        vals.update(
            team_id=team.id,
            user_id=team._b2b_next_application_user().id,
            stage_id=stage.id,
            company_id=team.company_id.id or self.env.company.id,
            tag_ids=[fields.Command.link(tag.id)] if tag else [],
        )
        with self.env.cr.savepoint():
            lead = self.create(vals)
            lead._b2b_link_duplicates()
            self.env["ir.attachment"].create(
                [
                    {
                        "name": name,
                        "datas": base64.b64encode(content),
                        "mimetype": self._b2b_file_mimetype(content),
                        "res_model": "crm.lead",
                        "res_id": lead.id,
                    }
                    for name, content in files
                ]
            )
        return lead

    @api.model
    def _b2b_application_team(self, region):
        """The sales team of an application: the region's, else the Dealer
        Applications team."""
        team = region.b2b_crm_team_id
        if not team:
            team = self.env.ref("b2b_crm.crm_team_dealer_application")
        return team

    @api.model
    def _b2b_application_stage(self, state):
        stage = self.env["crm.stage"].search(
            [("b2b_application_state", "=", state)], order="sequence, id", limit=1
        )
        if not stage:
            raise UserError(
                self.env._("The dealer application pipeline has no such stage.")
            )
        return stage

    def _b2b_duplicate_domains(self):
        """Domains (leads, partners) of what this application duplicates."""
        self.ensure_one()
        lead_domain = [("b2b_credit_code", "=", self.b2b_credit_code)]
        partner_domain = [("vat", "=", self.b2b_credit_code)]
        if self.b2b_email_domain and self.b2b_phone_key:
            lead_domain = [
                "|",
                *lead_domain,
                "&",
                ("b2b_email_domain", "=", self.b2b_email_domain),
                ("b2b_phone_key", "=", self.b2b_phone_key),
            ]
        lead_domain = [
            ("id", "!=", self.id),
            ("b2b_is_application", "=", True),
            *lead_domain,
        ]
        return lead_domain, partner_domain

    def _b2b_link_duplicates(self):
        """Link the application to an earlier application and an existing
        company it duplicates, with a note in both chatters."""
        self.ensure_one()
        lead_domain, partner_domain = self._b2b_duplicate_domains()
        earlier = self.with_context(active_test=False).search(
            lead_domain, order="id", limit=1
        )
        partner = self.env["res.partner"].search(partner_domain, limit=1)
        if not partner and self.b2b_email_domain and self.b2b_phone_key:
            candidates = self.env["res.partner"].search(
                [
                    ("email", "=ilike", f"%@{self.b2b_email_domain}"),
                    ("phone", "!=", False),
                ]
            )
            partner = candidates.filtered(
                lambda p: self._b2b_phone_digits(p.phone) == self.b2b_phone_key
            )[:1]
        partner = partner.commercial_partner_id
        if not earlier and not partner:
            return False
        self.write(
            {
                "b2b_duplicate_lead_id": earlier.id,
                "b2b_duplicate_partner_id": partner.id,
            }
        )
        found = earlier or partner
        self.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "Possible duplicate: this application has the credit code or the "
                "e-mail domain and phone of %s.",
                found.display_name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        for record in [*earlier, *partner]:
            record.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "A new dealer application looks like a duplicate of this "
                    "record: %s.",
                    self.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True


class CrmTeam(models.Model):
    _inherit = "crm.team"

    def _b2b_next_application_user(self):
        """The member of the team who receives the next dealer application:
        round robin over the active members, the one whose last application
        is the oldest (a member without one first). Empty without members."""
        self.ensure_one()
        members = self.crm_team_member_ids.filtered("active").user_id
        if not members:
            return self.user_id
        last = dict(
            self.env["crm.lead"]
            .with_context(active_test=False)
            ._read_group(
                [
                    ("b2b_is_application", "=", True),
                    ("team_id", "=", self.id),
                    ("user_id", "in", members.ids),
                ],
                ["user_id"],
                ["id:max"],
            )
        )
        return min(members, key=lambda user: (last.get(user, 0), user.id))
