# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import datetime, safe_eval

SCOPES = [("seller", "Seller"), ("dealer", "Dealer")]


class B2bApprovalRule(models.Model):
    """When a document needs approval, and by whom (ordered steps)."""

    _name = "b2b.approval.rule"
    _description = "Approval Rule"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    model_id = fields.Many2one(
        "ir.model",
        string="Document Model",
        required=True,
        ondelete="cascade",
        domain=[("transient", "=", False)],
    )
    model_name = fields.Char(
        related="model_id.model", store=True, index=True, string="Model Name"
    )
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        index=True,
        help="Empty: the rule applies to every company.",
    )
    scope = fields.Selection(
        SCOPES,
        required=True,
        default="seller",
        help="Seller: approved inside the brand before the document is "
        "confirmed. Dealer: approved inside the dealer before the document is "
        "sent to the brand.",
    )
    domain = fields.Char(
        string="Condition",
        default="[]",
        required=True,
        help="Documents matching this domain need the approval, e.g. amount "
        "above a threshold or discount above a percentage.",
    )
    tier_ids = fields.Many2many(
        "b2b.dealer.tier",
        "b2b_approval_rule_tier_rel",
        "rule_id",
        "tier_id",
        string="Dealer Tiers",
        help="Only for documents of dealers of these tiers (empty: any).",
    )
    dealer_ids = fields.Many2many(
        "res.partner",
        "b2b_approval_rule_dealer_rel",
        "rule_id",
        "partner_id",
        string="Dealers",
        domain=[("b2b_is_dealer", "=", True)],
        help="Only for documents of these dealers (empty: any).",
    )
    step_ids = fields.One2many(
        "b2b.approval.step", "rule_id", string="Steps", copy=True
    )
    harmless_field_ids = fields.Many2many(
        "ir.model.fields",
        "b2b_approval_rule_harmless_field_rel",
        "rule_id",
        "field_id",
        string="Harmless Fields",
        domain="[('model_id', '=', model_id), ('store', '=', True)]",
        help="Changing these fields does not reset the approval (e.g. notes, "
        "delivery address). Any other change of the document does.",
    )
    auto_transition = fields.Boolean(
        string="Proceed Automatically",
        help="When the last step approves, the document proceeds (e.g. the "
        "order is confirmed) without a new click.",
    )
    description = fields.Text(translate=True)

    @api.constrains("model_id", "domain")
    def _check_model_domain(self):
        for rule in self:
            model = self.env.get(rule.model_name)
            if model is None or not hasattr(model, "_b2b_approval_blocked"):
                raise ValidationError(
                    self.env._(
                        "%s does not support approvals.", rule.model_id.display_name
                    )
                )
            try:
                model.search_count(rule._b2b_get_domain(), limit=1)
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "Invalid condition on rule %(rule)s: %(error)s",
                        rule=rule.name,
                        error=error,
                    )
                ) from error

    @api.constrains("step_ids")
    def _check_steps(self):
        for rule in self:
            if not rule.step_ids:
                raise ValidationError(
                    self.env._("Rule %s needs at least one step.", rule.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        self.env.registry.clear_cache()  # _b2b_get_rule_ids
        return rules

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()  # _b2b_get_rule_ids
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()  # _b2b_get_rule_ids
        return res

    @api.model
    @tools.ormcache("model_name", "scope")
    def _b2b_get_rule_ids(self, model_name, scope):
        """Ids of the active rules of ``model_name`` for ``scope`` (cached: a
        document without rules costs no query)."""
        # sudo: rules are configuration; the company is checked per document.
        return tuple(
            self.sudo()
            .search([("model_name", "=", model_name), ("scope", "=", scope)])
            .ids
        )

    def _b2b_get_domain(self):
        self.ensure_one()
        return safe_eval(
            self.domain or "[]",
            {
                "datetime": datetime,
                "context_today": datetime.datetime.today,
                "user": self.env.user,
            },
        )

    def _b2b_match(self, document, dealer):
        """True when this rule applies to ``document`` (no query per rule)."""
        self.ensure_one()
        if self.scope == "dealer" and not dealer.b2b_is_dealer:
            # Approved inside the dealer, by its buyers: a customer that is
            # not a dealer has none, its documents are plain Odoo (without
            # this, a dealer-side rule with no tier refused their orders).
            return False
        if self.company_id and "company_id" in document._fields:
            if document.company_id and document.company_id != self.company_id:
                return False
        if self.tier_ids and dealer.b2b_tier_id.id not in self.tier_ids.ids:
            return False
        if self.dealer_ids and dealer.id not in self.dealer_ids.ids:
            return False
        return bool(document.filtered_domain(self._b2b_get_domain()))
