# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Review of dealer applications: review, approve (the dealer, its admin
buyer), reject (the reason e-mailed)."""

import psycopg2.errors
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

MANAGER_GROUP = "b2b_base.b2b_base_group_manager"
#: the application steps only the Approve and Reject actions lead to
DECISION_STATES = ("approved", "rejected")


class CrmLead(models.Model):
    _inherit = "crm.lead"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        # The application pipeline shows its own steps, whichever team the
        # application belongs to; plain pipelines are untouched.
        res = super()._read_group_stage_ids(stages, domain)
        if self.env.context.get("b2b_application_pipeline"):
            res |= (
                self.env["crm.stage"]
                .sudo()
                .search([("b2b_application_state", "!=", False)])
            )
            res = (
                res.filtered("b2b_application_state")
                .sorted(lambda stage: (stage.sequence, stage.id))
                .with_env(stages.env)
            )
        return res

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        if not self.env.context.get("b2b_application_decision"):
            # after super(): the stage may come from the values, a
            # default_stage_id (kanban quick create in a column) or the team
            decided = leads.filtered(
                lambda lead: lead.stage_id.b2b_application_state in DECISION_STATES
            )
            if decided:
                raise UserError(
                    self.env._(
                        "An application is approved or rejected with its Approve "
                        "and Reject buttons, it cannot be created in the %s stage.",
                        decided[0].stage_id.name,
                    )
                )
        return leads

    def write(self, vals):
        if vals.get("stage_id") and not self.env.context.get(
            "b2b_application_decision"
        ):
            self._b2b_check_stage_move(vals["stage_id"])
        return super().write(vals)

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------
    def _b2b_check_stage_move(self, stage_id):
        """Approved and rejected are reached through the actions only (the
        dealer created, the reason e-mailed), never by moving the stage
        (kanban drag and drop, import, RPC write). Other moves are free: the
        target stage's step is read from the cache Odoo's write fills anyway."""
        stage = self.env["crm.stage"].browse(stage_id)
        if stage.b2b_application_state in DECISION_STATES and self.filtered(
            lambda lead: lead.stage_id != stage
        ):
            raise UserError(
                self.env._(
                    "An application is approved or rejected with its Approve "
                    "and Reject buttons, not by moving it to the %s stage.",
                    stage.name,
                )
            )

    def _b2b_check_application(self, states):
        """Raise UserError unless every lead is an application in ``states``."""
        for lead in self:
            if not lead.b2b_is_application:
                raise UserError(
                    self.env._("%s is not a dealer application.", lead.name)
                )
            if lead.b2b_application_state not in states:
                raise UserError(
                    self.env._(
                        "The application %(name)s is %(step)s: this action is "
                        "not possible any more.",
                        name=lead.name,
                        step=lead.stage_id.name,
                    )
                )

    def _b2b_check_reviewer(self):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._("Only dealer managers can approve or reject applications.")
            )
        self.check_access("write")

    def _b2b_lock(self):
        """Lock the application rows (``FOR UPDATE NOWAIT``) and reread them:
        a second approval (double click, another tab, another worker) waits
        for nothing and sees the first one's result."""
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM crm_lead WHERE id IN %s FOR UPDATE NOWAIT",
                        tuple(self.ids),
                    )
                )
        except psycopg2.errors.LockNotAvailable as error:
            raise UserError(
                self.env._(
                    "Someone else is deciding on this application right now. "
                    "Please reload the page."
                )
            ) from error
        self.invalidate_recordset()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_b2b_review(self):
        """Start the review of new applications."""
        self.check_access("write")
        self._b2b_check_application({"new"})
        self.write({"stage_id": self._b2b_application_stage("review").id})
        return True

    def action_b2b_approve(self):
        """Approve the application: see ``_b2b_approve``."""
        self.ensure_one()
        dealer = self._b2b_approve()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": dealer.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_b2b_reject(self):
        self.ensure_one()
        self._b2b_check_reviewer()
        self._b2b_check_application({"new", "review"})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject Application"),
            "res_model": "b2b.crm.lead.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_id": self.id},
        }

    # ------------------------------------------------------------------
    # Approval
    # ------------------------------------------------------------------
    def _b2b_approve(self):
        """In one transaction: the dealer company and its contact, the dealer
        approved through the lifecycle of ``b2b_base``, the applicant invited
        as the dealer's admin buyer (Odoo's portal invitation), the lead
        approved and linked. Idempotent: approving an approved application
        again returns its dealer and creates nothing."""
        self.ensure_one()
        self._b2b_check_reviewer()
        self._b2b_lock()
        if self.b2b_dealer_id:
            return self.b2b_dealer_id
        self._b2b_check_application({"new", "review"})
        missing = [
            self._fields[name]._description_string(self.env)
            for name in ("b2b_check_number", "b2b_check_expiry", "b2b_check_document")
            if not self[name]
        ]
        if missing:
            raise UserError(
                self.env._(
                    "Please complete the licence checklist first: %s.",
                    ", ".join(missing),
                )
            )
        if not self.email_from or not self.contact_name:
            raise UserError(
                self.env._("The application needs the applicant's name and e-mail.")
            )
        if not self.b2b_tier_id:
            raise UserError(
                self.env._(
                    "Please choose the dealer's tier first: it decides its prices, "
                    "credit terms and order rules."
                )
            )
        if not self.env.user.email:
            # Odoo's portal invitation is sent from the reviewer's address
            raise UserError(
                self.env._(
                    "Your user has no e-mail address, and the applicant's portal "
                    "invitation is sent from it. Please set it in your "
                    "preferences, then approve again."
                )
            )
        if self.b2b_license_expiry and self.b2b_license_expiry < fields.Date.today():
            raise UserError(self.env._("The business licence has expired."))
        dealer = self._b2b_approve_dealer()
        contact = self._b2b_approve_contact(dealer)
        for state in ("applied", "review", "approved"):
            if dealer.b2b_state != state:
                dealer._b2b_set_state(state)
        self._b2b_invite_admin(contact)
        self.with_context(b2b_application_decision=True).write(
            {
                "b2b_dealer_id": dealer.id,
                "partner_id": contact.id,
                "stage_id": self._b2b_application_stage("approved").id,
            }
        )
        self.message_post(
            body=Markup("<p>%s</p>")
            % self.env._("Application approved: dealer %s.", dealer.display_name),
            subtype_xmlid="mail.mt_note",
        )
        return dealer

    def _b2b_dealer_values(self):
        """Values of the dealer company made from the application.

        The credit code goes to ``vat`` (Odoo's Tax ID): in China the unified
        social credit code is the company's taxpayer identification number,
        printed on its invoices (fapiao).
        """
        self.ensure_one()
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "=", self.id)],
            order="id",
            limit=1,
        )
        return {
            "name": self.partner_name or self.contact_name,
            "is_company": True,
            "b2b_is_dealer": True,
            "vat": self.b2b_credit_code,
            "b2b_tier_id": self.b2b_tier_id.id,
            "b2b_region_id": self.b2b_region_id.id,
            "user_id": self.user_id.id,
            "b2b_license_number": self.b2b_license_number,
            "b2b_license_expiry": self.b2b_license_expiry,
            "b2b_license_document": attachment.datas,
            "b2b_license_filename": attachment.name,
            "email": self.email_from,
            "phone": self.phone,
            "street": self.street,
            "city": self.city,
            "state_id": self.state_id.id,
            "country_id": self.country_id.id,
        }

    def _b2b_approve_dealer(self):
        """The dealer company: the company the reviewer linked to the lead,
        else a new one."""
        values = self._b2b_dealer_values()
        dealer = self.partner_id.commercial_partner_id
        if not dealer:
            return self.env["res.partner"].create(values)
        if dealer.b2b_is_dealer and dealer.b2b_state not in (
            "prospect",
            "applied",
            "review",
        ):
            raise UserError(self.env._("%s is already a dealer.", dealer.display_name))
        dealer.write(
            {
                key: value
                for key, value in values.items()
                if key not in ("name", "email", "phone") and (value or not dealer[key])
            }
        )
        return dealer

    def _b2b_approve_contact(self, dealer):
        contact = (
            self.partner_id if self.partner_id != dealer else self.partner_id.browse()
        )
        if contact and contact.parent_id == dealer:
            return contact
        return self.env["res.partner"].create(
            {
                "name": self.contact_name,
                "parent_id": dealer.id,
                "type": "contact",
                "email": self.email_from,
                "phone": self.phone,
            }
        )

    def _b2b_invite_admin(self, contact):
        """Invite ``contact`` as the dealer's admin buyer, through Odoo's
        portal wizard (the path of the portal's team invitations): the
        portal user is created and receives Odoo's invitation e-mail."""
        wizard = self.env["portal.wizard"].create(
            {"partner_ids": [fields.Command.link(contact.id)]}
        )
        wizard.user_ids.action_grant_access()
        user = contact.with_context(active_test=False).user_ids[:1]
        # sudo: the reviewer (dealer manager) may not edit users; scoped to
        # the admin role of the user just created for this dealer
        user.sudo().write(
            {
                "groups_id": [
                    fields.Command.link(
                        self.env.ref("b2b_base.b2b_base_group_buyer_admin").id
                    )
                ]
            }
        )
        return user

    # ------------------------------------------------------------------
    # Rejection
    # ------------------------------------------------------------------
    def _b2b_reject(self, reason):
        """Reject the applications with ``reason``, e-mailed to the applicant."""
        self._b2b_check_reviewer()
        reason = (reason or "").strip() if isinstance(reason, str) else ""
        if not reason:
            raise UserError(self.env._("Please give the reason of the rejection."))
        self._b2b_lock()
        self._b2b_check_application({"new", "review"})
        self.with_context(b2b_application_decision=True).write(
            {
                "b2b_reject_reason": reason,
                "stage_id": self._b2b_application_stage("rejected").id,
            }
        )
        template = self.env.ref("b2b_crm.mail_template_application_rejected")
        for lead in self:
            template.send_mail(lead.id)
            lead.message_post(
                body=Markup("<p>%s</p>")
                % self.env._("Application rejected, e-mailed reason: %s", reason),
                subtype_xmlid="mail.mt_note",
            )
        return True
