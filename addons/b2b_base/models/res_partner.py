# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, create_index

DEALER_STATES = [
    ("prospect", "Prospect"),
    ("applied", "Applied"),
    ("review", "Under Review"),
    ("approved", "Approved"),
    ("suspended", "Suspended"),
    ("terminated", "Terminated"),
]

# Unforgeable marker put in the context by ``_b2b_set_state``: a Python object
# cannot travel through JSON-RPC / XML-RPC, so a remote caller cannot pass it.
_B2B_STATE_TOKEN = object()

# Context key (data import) allowing b2b managers and data files to create
# dealers directly in a status other than "prospect".
B2B_IMPORT_STATE_KEY = "b2b_import_state"


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_is_dealer = fields.Boolean(
        string="Is a Dealer",
        tracking=True,
        index=True,
        help="The company is a dealer of the brand (regional agent, wholesaler "
        "or retailer).",
    )
    b2b_tier_id = fields.Many2one(
        "b2b.dealer.tier",
        string="Dealer Tier",
        tracking=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    b2b_dealer_code = fields.Char(
        string="Dealer Code",
        copy=False,
        tracking=True,
        index="btree_not_null",
        help="Unique per company (case-insensitive).",
    )
    b2b_region_id = fields.Many2one(
        "b2b.dealer.region",
        string="Region",
        tracking=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    b2b_license_number = fields.Char(string="Business Licence No.", tracking=True)
    b2b_license_document = fields.Binary(
        string="Business Licence", attachment=True, copy=False
    )
    b2b_license_filename = fields.Char(string="Business Licence File Name", copy=False)
    b2b_state = fields.Selection(
        DEALER_STATES,
        string="Dealer Status",
        default="prospect",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    b2b_state_date = fields.Datetime(
        string="Status Changed On", readonly=True, copy=False
    )
    b2b_state_reason = fields.Text(string="Status Reason", readonly=True, copy=False)
    b2b_state_user_id = fields.Many2one(
        "res.users", string="Status Changed By", readonly=True, copy=False
    )
    b2b_can_order = fields.Boolean(
        string="Can Order",
        compute="_compute_b2b_can_order",
        search="_search_b2b_can_order",
        help="Approved dealers may order; prospects, suspended and terminated "
        "dealers may not.",
    )

    def init(self):
        res = super().init()
        # Case-insensitive lookups of dealer codes (uniqueness constraint).
        create_index(
            self.env.cr,
            "res_partner_b2b_dealer_code_upper_index",
            self._table,
            ["upper(b2b_dealer_code)"],
            where="b2b_dealer_code IS NOT NULL",
        )
        return res

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends(
        "commercial_partner_id.b2b_is_dealer", "commercial_partner_id.b2b_state"
    )
    def _compute_b2b_can_order(self):
        for partner in self:
            dealer = partner.commercial_partner_id
            partner.b2b_can_order = (
                dealer.b2b_is_dealer and dealer.b2b_state == "approved"
            )

    def _search_b2b_can_order(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on Can Order."))
        positive = (operator == "=") == value
        domain = [
            ("commercial_partner_id.b2b_is_dealer", "=", True),
            ("commercial_partner_id.b2b_state", "=", "approved"),
        ]
        return domain if positive else ["!", "&", *domain]

    # ------------------------------------------------------------------
    # Commercial fields: contacts inherit the dealer profile
    # ------------------------------------------------------------------
    @api.model
    def _b2b_commercial_fields(self):
        """The suite's commercial fields (the dealer profile)."""
        return ["b2b_is_dealer", "b2b_tier_id", "b2b_region_id", "b2b_state"]

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + self._b2b_commercial_fields()

    def _commercial_sync_to_children(self, fields_to_sync=None):
        # The contacts inherit the dealer profile: do not log one tracking
        # message per contact for each change of the dealer. Only the suite's
        # own fields are synced untracked: Odoo's (e.g. the tracked VAT) keep
        # the tracking messages plain Odoo logs on every contact.
        if fields_to_sync is None:
            fields_to_sync = self._commercial_fields()
        own = set(self._b2b_commercial_fields())
        odoo_fields = [name for name in fields_to_sync if name not in own]
        b2b_fields = [name for name in fields_to_sync if name in own]
        res = True
        if odoo_fields or not b2b_fields:
            res = super()._commercial_sync_to_children(odoo_fields)
        if b2b_fields:
            res = super(
                ResPartner, self.with_context(mail_notrack=True)
            )._commercial_sync_to_children(b2b_fields)
        return res

    def _b2b_prefetch_commercial_sync(self):
        """Odoo copies a commercial field (tier, credit limit, payment terms)
        to the contacts one company at a time (``_fields_sync``), and reads
        there the users and the contacts of each company's contacts: a query
        per company. Read them for the whole batch at once (a tier review
        changes thousands of dealers in one write)."""
        contacts = self.child_ids
        if contacts:
            contacts.fetch(["child_ids", "user_ids"])

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("b2b_dealer_code", "company_id")
    def _check_b2b_dealer_code_unique(self):
        """A dealer code is unique per company, case-insensitive.

        A shared partner (no company) clashes with every company. The check
        runs in one query whatever the number of records, and ignores the
        record rules of the current user (a salesperson who only sees their
        own dealers must not be able to reuse another rep's code).
        """
        partners = self.filtered("b2b_dealer_code")
        if not partners:
            return
        keys = {code.strip().upper() for code in partners.mapped("b2b_dealer_code")}
        self.flush_model(["b2b_dealer_code", "company_id"])
        rows = self.env.execute_query(
            SQL(
                "SELECT id FROM res_partner WHERE upper(b2b_dealer_code) IN %s",
                tuple(keys),
            )
        )
        candidates = self.sudo().browse([row[0] for row in rows]) | partners.sudo()
        seen = {}
        for partner in candidates:
            key = partner.b2b_dealer_code.strip().upper()
            for other in seen.get(key, []):
                if (
                    not partner.company_id
                    or not other.company_id
                    or partner.company_id == other.company_id
                ):
                    raise ValidationError(
                        self.env._(
                            "The dealer code %(code)s is already used by %(dealer)s.",
                            code=partner.b2b_dealer_code,
                            dealer=other.display_name,
                        )
                    )
            seen.setdefault(key, []).append(partner)

    @api.constrains("b2b_tier_id", "b2b_region_id", "company_id")
    def _check_b2b_company(self):
        """A dealer of company A cannot get a tier or region of company B.

        Not ``check_company=True`` on the fields: with ``account`` installed
        ``res.partner`` checks companies automatically and would forbid a
        shared partner (no company, the Odoo default) to use the tiers of the
        company it is used in. A shared partner may use any tier it can read.
        """
        for partner in self.sudo().filtered("company_id"):
            for fname in ("b2b_tier_id", "b2b_region_id"):
                value = partner[fname]
                if value.company_id and value.company_id != partner.company_id:
                    raise ValidationError(
                        self.env._(
                            "Incompatible companies: %(dealer)s belongs to "
                            "%(company)s but its %(field)s %(value)s belongs to "
                            "%(other)s.",
                            dealer=partner.display_name,
                            company=partner.company_id.name,
                            field=partner._fields[fname]._description_string(self.env),
                            value=value.display_name,
                            other=value.company_id.name,
                        )
                    )

    # ------------------------------------------------------------------
    # CRUD: the status only changes through ``_b2b_set_state``
    # ------------------------------------------------------------------
    @api.model
    def _b2b_get_protected_fields(self):
        """Fields only ``_b2b_set_state`` may write."""
        return {"b2b_state", "b2b_state_date", "b2b_state_reason", "b2b_state_user_id"}

    def _b2b_is_state_token_set(self):
        return self.env.context.get("b2b_state_token") is _B2B_STATE_TOKEN

    def _b2b_is_manager(self):
        return self.env.su or self.env.user.has_group("b2b_base.b2b_base_group_manager")

    def _b2b_inherits_state(self, vals, state):
        """True when ``vals`` make the partner a contact of a dealer in ``state``.

        Odoo syncs the commercial fields (``b2b_state`` among them) from the
        commercial partner to its contacts by writing them: the only direct
        write of the status that is allowed.
        """
        is_company = vals.get("is_company", self.is_company)
        if "parent_id" in vals:
            parent = self.browse(vals["parent_id"] or [])
        else:
            parent = self.parent_id
        if is_company or not parent:
            return False
        return parent.sudo().commercial_partner_id.b2b_state == state

    @api.model_create_multi
    def create(self, vals_list):
        if not self._b2b_is_state_token_set():
            protected = self._b2b_get_protected_fields()
            importing = self.env.context.get(B2B_IMPORT_STATE_KEY)
            for vals in vals_list:
                state = vals.get("b2b_state") or "prospect"
                others = {name for name in protected - {"b2b_state"} if vals.get(name)}
                if state == "prospect" and not others:
                    continue
                if importing and self._b2b_is_manager():
                    if state != "prospect":
                        vals.setdefault("b2b_state_date", fields.Datetime.now())
                        vals.setdefault("b2b_state_user_id", self.env.uid)
                    continue
                if others or not self.browse()._b2b_inherits_state(vals, state):
                    raise AccessError(
                        self.env._(
                            "A dealer is created as a prospect; its status then "
                            "changes through the lifecycle actions. Only dealer "
                            "managers may import dealers in another status."
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        token = self._b2b_is_state_token_set()
        protected = self._b2b_get_protected_fields() & vals.keys()
        if protected and not token:
            if protected - {"b2b_state"}:
                raise AccessError(self._b2b_state_write_error())
            for partner in self:
                if partner.b2b_state != vals[
                    "b2b_state"
                ] and not partner._b2b_inherits_state(vals, vals["b2b_state"]):
                    raise AccessError(self._b2b_state_write_error())
        if (
            "b2b_is_dealer" in vals
            and not vals["b2b_is_dealer"]
            and not token
            and not self._b2b_is_manager()
            and any(
                p.b2b_is_dealer and p.b2b_state != "prospect"
                for p in self
                if p.commercial_partner_id == p
            )
        ):
            raise AccessError(
                self.env._(
                    "Only dealer managers can remove the dealer flag of a dealer "
                    "that is past the prospect stage."
                )
            )
        detach = "parent_id" in vals or "is_company" in vals
        if detach:
            contacts = self.filtered(lambda p: p.commercial_partner_id != p)
        if len(self) > 1 and not vals.keys().isdisjoint(self._commercial_fields()):
            self._b2b_prefetch_commercial_sync()
        res = super().write(vals)
        if detach:
            contacts._b2b_reset_detached_contacts()
        return res

    def _b2b_state_write_error(self):
        return self.env._(
            "The dealer status cannot be written directly: use the lifecycle "
            "actions (apply, review, approve, suspend, reactivate, terminate)."
        )

    def _b2b_reset_detached_contacts(self):
        """A contact detached from its dealer does not keep the dealer status."""
        detached = self.filtered(
            lambda p: p.commercial_partner_id == p
            and (p.b2b_is_dealer or p.b2b_state != "prospect")
        )
        if detached:
            detached.with_context(b2b_state_token=_B2B_STATE_TOKEN).write(
                {
                    "b2b_is_dealer": False,
                    "b2b_state": "prospect",
                    "b2b_state_date": fields.Datetime.now(),
                    "b2b_state_reason": False,
                    "b2b_state_user_id": self.env.uid,
                }
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _b2b_action_state_change(self, new_state):
        """Open the reason dialog of a lifecycle transition."""
        self._b2b_check_state_access(new_state)
        self._b2b_check_transition(new_state)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Dealer Status"),
            "res_model": "b2b.dealer.state.change",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_ids": self.ids,
                "default_new_state": new_state,
            },
        }

    def action_b2b_apply(self):
        return self._b2b_action_state_change("applied")

    def action_b2b_review(self):
        return self._b2b_action_state_change("review")

    def action_b2b_return(self):
        """Send a dealer back one step (review → applied → prospect)."""
        states = set(self.mapped("b2b_state"))
        if states == {"review"}:
            return self._b2b_action_state_change("applied")
        if states == {"applied"}:
            return self._b2b_action_state_change("prospect")
        raise UserError(
            self.env._("Only applied or under review dealers can be returned.")
        )

    def action_b2b_approve(self):
        return self._b2b_action_state_change("approved")

    def action_b2b_suspend(self):
        return self._b2b_action_state_change("suspended")

    def action_b2b_reactivate(self):
        if set(self.mapped("b2b_state")) != {"suspended"}:
            raise UserError(self.env._("Only suspended dealers can be reactivated."))
        return self._b2b_action_state_change("approved")

    def action_b2b_terminate(self):
        return self._b2b_action_state_change("terminated")

    # ------------------------------------------------------------------
    # Lifecycle
    # ------------------------------------------------------------------
    @api.model
    def _b2b_get_transitions(self):
        """Allowed lifecycle transitions: {from_state: {to_state, ...}}.

        Modules may extend this mapping to add states or transitions.
        """
        return {
            "prospect": {"applied", "terminated"},
            "applied": {"review", "prospect", "terminated"},
            "review": {"approved", "applied", "terminated"},
            "approved": {"suspended", "terminated"},
            "suspended": {"approved", "terminated"},
            "terminated": set(),
        }

    @api.model
    def _b2b_get_reason_required_states(self):
        """Target states whose transition needs a written reason."""
        return {"suspended", "terminated", "prospect"}

    @api.model
    def _b2b_get_reason_required_transitions(self):
        """(from, to) transitions needing a reason besides the states above."""
        return {("review", "applied"), ("suspended", "approved")}

    @api.model
    def _b2b_get_manager_states(self):
        """Target states only dealer managers may set."""
        return {"approved", "suspended", "terminated"}

    def _b2b_is_reason_required(self, new_state):
        if new_state in self._b2b_get_reason_required_states():
            return True
        transitions = self._b2b_get_reason_required_transitions()
        return any((p.b2b_state, new_state) in transitions for p in self)

    def _b2b_state_label(self, state):
        return dict(self._fields["b2b_state"]._description_selection(self.env)).get(
            state, state
        )

    def _b2b_check_state_access(self, new_state):
        """Raise AccessError when the user may not move these dealers."""
        if self.env.su:
            return
        user = self.env.user
        if new_state in self._b2b_get_manager_states() and not user.has_group(
            "b2b_base.b2b_base_group_manager"
        ):
            raise AccessError(
                self.env._(
                    "Only dealer managers can set a dealer to %s.",
                    self._b2b_state_label(new_state),
                )
            )
        if not user.has_group("b2b_base.b2b_base_group_salesman_own"):
            raise AccessError(
                self.env._("Only dealer salespeople can change a dealer status.")
            )
        self.check_access("write")

    def _b2b_check_transition(self, new_state):
        """Raise UserError when one of the partners cannot go to ``new_state``."""
        if new_state not in dict(DEALER_STATES):
            raise UserError(self.env._("Unknown dealer status %s.", new_state))
        transitions = self._b2b_get_transitions()
        for partner in self:
            if partner != partner.commercial_partner_id:
                raise UserError(
                    self.env._(
                        "%s is a contact: change the status on its company.",
                        partner.display_name,
                    )
                )
            if not partner.b2b_is_dealer:
                raise UserError(self.env._("%s is not a dealer.", partner.display_name))
            if new_state not in transitions.get(partner.b2b_state, set()):
                raise UserError(
                    self.env._(
                        "%(dealer)s cannot go from %(from)s to %(to)s.",
                        dealer=partner.display_name,
                        **{
                            "from": partner._b2b_state_label(partner.b2b_state),
                            "to": partner._b2b_state_label(new_state),
                        },
                    )
                )

    def _b2b_set_state(self, new_state, reason=None):
        """Move the dealers to ``new_state``, checking the transition table.

        The only way to change ``b2b_state``. Works on commercial partners
        only; raises a translated UserError for forbidden transitions or a
        missing reason, an AccessError when the user may not do it. The
        reason is logged in the chatter with the status change.
        """
        self._b2b_check_transition(new_state)
        self._b2b_check_state_access(new_state)
        reason = (reason or "").strip()
        if not reason and self._b2b_is_reason_required(new_state):
            raise UserError(
                self.env._(
                    "A reason is required to set a dealer to %s.",
                    self._b2b_state_label(new_state),
                )
            )
        if not self:
            return True
        self.with_context(b2b_state_token=_B2B_STATE_TOKEN).write(
            {
                "b2b_state": new_state,
                "b2b_state_date": fields.Datetime.now(),
                "b2b_state_reason": reason or False,
                "b2b_state_user_id": self.env.uid,
            }
        )
        if reason:
            self._track_set_log_message(
                Markup("<p>%s</p>") % self.env._("Reason: %s", reason)
            )
        return True

    def _b2b_check_admin_buyers(self, leaving=None, deactivated=None):
        """An approved dealer whose team has active buyers keeps at least one
        active admin buyer (the one who manages the team in the portal).

        Checked by ``res.users.write`` before it deactivates an active admin
        of the dealer or takes the role away (``leaving``: users that are no
        longer active admins after the change, ``deactivated``: users that
        are no longer active), on every path (portal team page, backend,
        RPC). Deactivating the whole team at once stays possible.
        """
        if not self:
            return
        leaving = leaving or self.env["res.users"]
        deactivated = deactivated or self.env["res.users"]
        admin_group = self.env.ref("b2b_base.b2b_base_group_buyer_admin")
        # sudo: counting the dealer's active portal users, whoever changes
        # them (a dealer admin may not read the users of its own team).
        users = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("partner_id.commercial_partner_id", "in", self.ids),
                    ("share", "=", True),
                ]
            )
        )
        role_groups = users._b2b_role_groups()
        buyers, admins = set(), set()
        for user in users.filtered(lambda u: u.groups_id & role_groups):
            dealer = user.partner_id.commercial_partner_id.id
            if user not in deactivated:
                buyers.add(dealer)
            if admin_group in user.groups_id and user not in leaving:
                admins.add(dealer)
        for dealer in self.filtered(lambda d: d.id in buyers - admins):
            raise ValidationError(
                self.env._(
                    "%s needs at least one active administrator among its buyers.",
                    dealer.display_name,
                )
            )
