# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

#: context key of a :class:`TierChangeInfo` (why the tier changes)
TIER_CHANGE_KEY = "b2b_tier_change_info"


class TierChangeInfo:
    """Why a write changes dealers' tiers, for their audit lines.

    A Python object in the context: it cannot travel through JSON-RPC or
    XML-RPC, so a remote caller cannot pass a change off as a review or an
    override; every other write of ``b2b_tier_id`` is audited as manual.

    :param reason: ``review`` or ``override``
    :param values: {dealer id: more audit values (volume, thresholds, ...)}
    :param company: the company the change is audited in (default: the
        dealer's, else the current one)
    :param batch: the caller syncs the dealers' contacts itself, in one write
        per tier (see ``b2b.tier.review._b2b_apply``)
    """

    __slots__ = ("batch", "company", "note", "reason", "values")

    def __init__(self, reason, values=None, company=None, note=None, batch=False):
        self.reason = reason
        self.values = values or {}
        self.company = company
        self.note = note
        self.batch = batch


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_tier_override_until = fields.Date(
        string="Tier Override Until",
        copy=False,
        tracking=True,
        help="The tier review leaves the dealer's tier alone until this day "
        "(included).",
    )
    b2b_tier_override_reason = fields.Char(
        string="Tier Override Reason", copy=False, tracking=True
    )
    b2b_tier_override_active = fields.Boolean(
        string="Tier Overridden", compute="_compute_b2b_tier_override_active"
    )
    b2b_tier_change_ids = fields.One2many(
        "b2b.tier.change", "partner_id", string="Tier History", readonly=True
    )

    @api.depends("b2b_tier_override_until")
    @api.depends_context("date")
    def _compute_b2b_tier_override_active(self):
        today = fields.Date.context_today(self)
        for partner in self:
            until = partner.commercial_partner_id.b2b_tier_override_until
            partner.b2b_tier_override_active = bool(until and until >= today)

    # ------------------------------------------------------------------
    # Audit of every change of a dealer's tier
    # ------------------------------------------------------------------
    def write(self, vals):
        if "b2b_tier_id" not in vals:
            return super().write(vals)
        # the dealers themselves, not their contacts (Odoo syncs the tier to
        # them); fields already in cache for a form or a batch write
        dealers = self.filtered(
            lambda p: p.b2b_is_dealer and p.commercial_partner_id == p
        )
        before = {partner.id: partner.b2b_tier_id for partner in dealers}
        res = super().write(vals)
        changed = dealers.filtered(lambda p: p.b2b_tier_id != before[p.id])
        if changed:
            changed._b2b_log_tier_changes(before)
        return res

    def _b2b_log_tier_changes(self, before):
        """One audit line per dealer of ``self`` whose tier changed from
        ``before[dealer.id]``, in one ``create``."""
        info = self.env.context.get(TIER_CHANGE_KEY)
        if not isinstance(info, TierChangeInfo):
            info = TierChangeInfo("manual")
        vals_list = []
        for dealer in self:
            company = info.company or dealer.company_id or self.env.company
            vals_list.append(
                {
                    "partner_id": dealer.id,
                    "company_id": company.id,
                    "tier_before_id": before[dealer.id].id,
                    "tier_after_id": dealer.b2b_tier_id.id,
                    "reason": info.reason,
                    "note": info.note,
                    **info.values.get(dealer.id, {}),
                }
            )
        return self.env["b2b.tier.change"]._b2b_log(vals_list)

    def _commercial_sync_to_children(self, fields_to_sync=None):
        # the review writes the tier of many dealers at once and syncs their
        # contacts itself, in one write per tier instead of one per dealer
        info = self.env.context.get(TIER_CHANGE_KEY)
        if (
            isinstance(info, TierChangeInfo)
            and info.batch
            and fields_to_sync is not None
            and set(fields_to_sync) <= {"b2b_tier_id"}
        ):
            return True
        return super()._commercial_sync_to_children(fields_to_sync)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_b2b_tier_override(self):
        """Open the override dialog of the dealer (dealer managers)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_tier_review.res_partner_tier_override_action"
        )
        action["context"] = {
            "default_partner_id": self.commercial_partner_id.id,
            "default_tier_id": self.commercial_partner_id.b2b_tier_id.id,
        }
        return action

    def action_b2b_tier_override_end(self):
        """End the dealer's tier override today (dealer managers): the next
        review treats it like any other dealer."""
        self.env["res.partner.tier.override"]._b2b_check_manager()
        dealers = self.commercial_partner_id.filtered("b2b_tier_override_until")
        dealers.write(
            {"b2b_tier_override_until": False, "b2b_tier_override_reason": False}
        )
        return True

    def action_b2b_view_tier_changes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_tier_review.b2b_tier_change_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        return action
