# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Invoice profiles (开票信息): the title, tax id and bank data a dealer's
invoices are issued to, ordinary (普票) or special VAT (专票)."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.b2b_base.tools.credit_code import is_valid_credit_code

#: the buyer roles that keep the profiles and request invoices
FINANCE_ROLES = ("finance", "admin")
#: the profile fields a special VAT invoice needs
SPECIAL_FIELDS = ("address", "phone", "bank_name", "bank_account")
#: the profile fields a dealer fills in the portal, and their longest length
PORTAL_FIELDS = {
    "name": 128,
    "tax_id": 18,
    "address": 256,
    "phone": 32,
    "bank_name": 128,
    "bank_account": 64,
}


class B2bInvoiceProfile(models.Model):
    _name = "b2b.invoice.profile"
    _description = "Dealer Invoice Profile"
    _order = "is_default desc, name, id"
    _check_company_auto = True

    name = fields.Char(string="Invoice Title", required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    dealer_id = fields.Many2one(
        "res.partner",
        string="Dealer",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("b2b_is_dealer", "=", True), ("is_company", "=", True)],
        check_company=True,
    )
    kind = fields.Selection(
        [("ordinary", "Ordinary invoice"), ("special", "Special VAT invoice")],
        required=True,
        default="ordinary",
        help="Ordinary or special VAT invoice: a special VAT invoice needs the "
        "address, phone, bank and account.",
    )
    tax_id = fields.Char(
        string="Tax ID",
        required=True,
        help="Unified social credit code (18 characters).",
    )
    address = fields.Char()
    phone = fields.Char()
    bank_name = fields.Char(string="Bank")
    bank_account = fields.Char()
    is_default = fields.Boolean(string="Default")

    @api.model
    def _b2b_profile_errors(self, values):
        """The problems of a profile's ``values`` (tax ID, the fields a special
        VAT invoice needs), one message each."""
        errors = []
        tax_id = "".join(str(values.get("tax_id") or "").split()).upper()
        if not is_valid_credit_code(tax_id):
            errors.append(
                self.env._(
                    "%s is not a valid tax ID: a unified social credit code "
                    "has 18 characters (digits and capitals except I, O, S, "
                    "V, Z) and ends with its check character.",
                    tax_id,
                )
            )
        if values.get("kind") == "special":
            missing = [
                self._fields[name].get_description(self.env)["string"]
                for name in SPECIAL_FIELDS
                if not str(values.get(name) or "").strip()
            ]
            if missing:
                errors.append(
                    self.env._(
                        "A special VAT invoice profile needs: %s.", ", ".join(missing)
                    )
                )
        return errors

    @api.constrains("tax_id", "kind", *SPECIAL_FIELDS)
    def _check_profile(self):
        for profile in self:
            errors = self._b2b_profile_errors(
                {name: profile[name] for name in ("tax_id", "kind", *SPECIAL_FIELDS)}
            )
            if errors:
                raise ValidationError("\n".join(errors))

    @api.constrains("dealer_id")
    def _check_dealer(self):
        for profile in self:
            if profile.dealer_id != profile.dealer_id.commercial_partner_id:
                raise ValidationError(
                    self.env._("An invoice profile belongs to the dealer company.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._b2b_normalize(vals)
        return super().create(vals_list)

    def write(self, vals):
        if self.env.user.share and {"dealer_id", "company_id"} & set(vals):
            # the record rules check the records before a write, not after:
            # a buyer never moves a profile to another dealer or company
            raise AccessError(
                self.env._("The dealer of an invoice profile cannot be changed.")
            )
        self._b2b_normalize(vals)
        return super().write(vals)

    @api.model
    def _b2b_normalize(self, vals):
        if vals.get("tax_id"):
            vals["tax_id"] = "".join(str(vals["tax_id"]).split()).upper()

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    @api.model
    def _b2b_check_finance_user(self):
        """The dealer of the current user, a finance or admin buyer."""
        user = self.env.user
        dealer = user._b2b_dealer() if user.share else self.env["res.partner"]
        if not self.env.company.b2b_invoice_request:
            raise AccessError(
                self.env._(
                    "Invoice requests are not switched on for %s.",
                    self.env.company.name,
                )
            )
        if not dealer or not any(user._b2b_has_role(code) for code in FINANCE_ROLES):
            raise AccessError(
                self.env._(
                    "Only the finance or admin buyers of a dealer may manage "
                    "its invoice profiles and invoice requests."
                )
            )
        return dealer

    @api.model
    def _b2b_portal_values(self, form):
        """The profile values of the portal form (strings, trimmed, cut)."""
        values = {
            name: str(form.get(name) or "").strip()[:size]
            for name, size in PORTAL_FIELDS.items()
        }
        values["kind"] = "special" if form.get("kind") == "special" else "ordinary"
        values["is_default"] = bool(form.get("is_default"))
        return values

    def _b2b_portal_save(self, form):
        """Create (``self`` empty) or update the profile from the portal form
        as the current finance or admin buyer, for its own dealer; the access
        rights and record rules apply (no sudo)."""
        dealer = self._b2b_check_finance_user()
        values = self._b2b_portal_values(form)
        errors = self._b2b_profile_errors(values)
        if errors:
            raise ValidationError("\n".join(errors))
        if self:
            self.ensure_one()
            if self.dealer_id != dealer:
                raise AccessError(self.env._("This is not your dealer's profile."))
            self.write(values)
            profile = self
        else:
            profile = self.create(
                {**values, "dealer_id": dealer.id, "company_id": self.env.company.id}
            )
        if values["is_default"]:
            (profile._b2b_dealer_profiles(dealer) - profile).write(
                {"is_default": False}
            )
        return profile

    def _b2b_dealer_profiles(self, dealer):
        return self.search(
            [("dealer_id", "=", dealer.id), ("company_id", "=", self.env.company.id)]
        )
