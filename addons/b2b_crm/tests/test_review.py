# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

import psycopg2.errors

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.portal.wizard.portal_wizard import PortalWizardUser

from .common import CODE, B2bCrmCommon

CHECKLIST = {
    "b2b_check_number": True,
    "b2b_check_expiry": True,
    "b2b_check_document": True,
}


@tagged("post_install", "-at_install")
class TestReview(B2bCrmCommon):
    """Review, approval in one transaction (idempotent), rejection by e-mail."""

    def setUp(self):
        super().setUp()
        self.lead = self._b2b_application()
        self.lead.b2b_tier_id = self.tier
        self.as_reviewer = self.lead.with_user(self.reviewer)
        self.sent = []
        patcher = patch.object(
            PortalWizardUser,
            "_send_email",
            autospec=True,
            side_effect=lambda wizard_user: self.sent.append(wizard_user.user_id.id),
        )
        patcher.start()
        self.addCleanup(patcher.stop)

    def _dealers(self):
        return self.env["res.partner"].search(
            [("vat", "=", CODE), ("is_company", "=", True)]
        )

    def test_review_step(self):
        self.lead.with_user(self.lead.user_id).action_b2b_review()
        self.assertEqual(self.lead.b2b_application_state, "review")
        with self.assertRaises(UserError):
            self.as_reviewer.action_b2b_review()

    def test_approve_needs_checklist(self):
        self.as_reviewer.write({"b2b_check_number": True, "b2b_check_expiry": True})
        with self.assertRaisesRegex(UserError, "Licence Document Checked"):
            self.as_reviewer.action_b2b_approve()
        self.assertFalse(self._dealers())

    def test_salesperson_cannot_approve(self):
        self.lead.write(CHECKLIST)
        with self.assertRaises(AccessError):
            self.lead.with_user(self.lead.user_id).action_b2b_approve()
        with self.assertRaises(AccessError):
            self.lead.with_user(self.lead.user_id).action_b2b_reject()
        self.assertFalse(self._dealers())

    def test_approve(self):
        self.as_reviewer.action_b2b_review()
        self.as_reviewer.write(CHECKLIST)
        action = self.as_reviewer.action_b2b_approve()
        dealer = self.lead.b2b_dealer_id
        self.assertEqual(action["res_id"], dealer.id)
        self.assertEqual(dealer, self._dealers())
        self.assertTrue(dealer.is_company and dealer.b2b_is_dealer)
        self.assertEqual(dealer.b2b_state, "approved")
        self.assertEqual(dealer.b2b_state_user_id, self.reviewer)
        self.assertEqual(dealer.b2b_tier_id, self.tier)
        self.assertEqual(dealer.b2b_region_id, self.region)
        self.assertEqual(dealer.user_id, self.lead.user_id)
        self.assertEqual(dealer.b2b_license_number, "LIC-0001")
        self.assertEqual(dealer.b2b_license_expiry, self.lead.b2b_license_expiry)
        self.assertTrue(dealer.b2b_license_document)
        self.assertEqual(self.lead.b2b_application_state, "approved")
        self.assertEqual(self.lead.partner_id.parent_id, dealer)
        # the applicant: a portal user of the dealer, its admin buyer, invited
        # with Odoo's portal invitation
        user = self.lead.partner_id.user_ids
        self.assertEqual(len(user), 1)
        self.assertTrue(user.has_group("base.group_portal"))
        self.assertEqual(user.login, "zhang@hz-test.example.com")
        self.assertIn("admin", user.b2b_role_ids.mapped("code"))
        self.assertEqual(self.sent, [user.id])
        self.assertEqual(dealer.b2b_application_ids, self.lead)

    def test_approve_twice(self):
        """A double click: the second approval creates nothing."""
        self.lead.write(CHECKLIST)
        self.as_reviewer.action_b2b_approve()
        dealer = self.lead.b2b_dealer_id
        users = self.env["res.users"].search_count([])
        self.as_reviewer.action_b2b_approve()
        self.assertEqual(self._dealers(), dealer)
        self.assertEqual(self.env["res.users"].search_count([]), users)
        self.assertEqual(len(self.sent), 1)

    def test_approve_stale_record(self):
        """Another tab still shows the application under review: its approval
        rereads the locked row and creates nothing."""
        self.lead.write(CHECKLIST)
        self.as_reviewer.action_b2b_approve()
        dealer = self.lead.b2b_dealer_id
        self.env.flush_all()
        # what the other tab read before the first approval
        review = self.env.ref("b2b_crm.crm_stage_application_review")
        self.env.cache.update(self.lead, self.lead._fields["b2b_dealer_id"], [None])
        self.env.cache.update(self.lead, self.lead._fields["stage_id"], [review.id])
        self.assertFalse(self.as_reviewer.b2b_dealer_id)
        self.assertEqual(self.as_reviewer.b2b_application_state, "review")
        action = self.as_reviewer.action_b2b_approve()
        self.assertEqual(action["res_id"], dealer.id)
        self.assertEqual(self._dealers(), dealer)
        self.assertEqual(len(self.sent), 1)
        self.assertEqual(self.lead.b2b_application_state, "approved")

    def test_approve_locked_elsewhere(self):
        """The row is locked by another transaction deciding on it: NOWAIT
        makes PostgreSQL refuse at once, the reviewer is told to reload and
        nothing is created."""
        self.lead.write(CHECKLIST)
        cursor_class = type(self.env.cr)
        execute = cursor_class.execute

        def locked(cr, query, *args, **kwargs):
            if "FOR UPDATE NOWAIT" in str(getattr(query, "code", query)):
                raise psycopg2.errors.LockNotAvailable("could not obtain lock")
            return execute(cr, query, *args, **kwargs)

        with (
            patch.object(cursor_class, "execute", autospec=True, side_effect=locked),
            self.assertRaisesRegex(UserError, "Someone else"),
        ):
            self.as_reviewer.action_b2b_approve()
        self.assertFalse(self._dealers())
        self.assertFalse(self.sent)

    def test_decision_only_through_the_actions(self):
        """Dragging an application to Approved or Rejected in the kanban (a
        stage write, also over RPC) is refused: no dealer without the
        approval, no rejection without the e-mailed reason."""
        self.lead.write(CHECKLIST)
        for xmlid in ("approved", "rejected"):
            stage = self.env.ref(f"b2b_crm.crm_stage_application_{xmlid}")
            with self.assertRaisesRegex(UserError, "Approve and Reject buttons"):
                self.as_reviewer.write({"stage_id": stage.id})
        self.assertEqual(self.lead.b2b_application_state, "new")
        # the review step is a free move, and the approval reaches Approved
        self.as_reviewer.write(
            {"stage_id": self.env.ref("b2b_crm.crm_stage_application_review").id}
        )
        self.as_reviewer.action_b2b_approve()
        self.assertEqual(self.lead.b2b_application_state, "approved")
        # writing the stage it already has (a module update of demo data)
        self.lead.write({"stage_id": self.lead.stage_id.id})
        self.assertTrue(self._dealers())

    def test_decision_stage_refused_at_creation(self):
        """An application cannot be born approved or rejected either: not by
        import or RPC ``create``, not by a quick create in the kanban column
        (``default_stage_id``)."""
        for xmlid in ("approved", "rejected"):
            stage = self.env.ref(f"b2b_crm.crm_stage_application_{xmlid}")
            Lead = self.env["crm.lead"].with_user(self.reviewer)
            with self.assertRaises(UserError) as refused:
                Lead.create(
                    {
                        "name": "Imported application",
                        "b2b_is_application": True,
                        "team_id": self.lead.team_id.id,
                        "stage_id": stage.id,
                    }
                )
            self.assertIn("cannot be created", str(refused.exception))
            # assertRaises (not ...Regex) rolls back as the RPC call would
            with self.assertRaises(UserError) as refused:
                Lead.with_context(default_stage_id=stage.id).create(
                    {"name": "Quick create", "team_id": self.lead.team_id.id}
                )
            self.assertIn("cannot be created", str(refused.exception))
        self.assertFalse(
            self.env["crm.lead"].search(
                [("name", "in", ("Imported application", "Quick create"))]
            )
        )
        # the new and review stages are free, as in plain Odoo
        review = self.env.ref("b2b_crm.crm_stage_application_review")
        lead = (
            self.env["crm.lead"]
            .with_user(self.reviewer)
            .create(
                {
                    "name": "In review",
                    "team_id": self.lead.team_id.id,
                    "stage_id": review.id,
                }
            )
        )
        self.assertEqual(lead.stage_id, review)

    def test_approve_needs_tier(self):
        self.lead.write(dict(CHECKLIST, b2b_tier_id=False))
        with self.assertRaisesRegex(UserError, "tier"):
            self.as_reviewer.action_b2b_approve()
        self.assertFalse(self._dealers())
        self.assertFalse(self.sent)

    def test_reviewer_without_email(self):
        """The portal invitation is sent from the reviewer: a reviewer
        without an e-mail address gets a clear error before anything is
        created, and approves once the address is set."""
        self.lead.write(CHECKLIST)
        self.reviewer.email = False
        with self.assertRaisesRegex(UserError, "no e-mail address"):
            self.as_reviewer.action_b2b_approve()
        self.assertFalse(self._dealers())
        self.assertFalse(self.sent)
        self.reviewer.email = "reviewer@brand.example.com"
        self.as_reviewer.action_b2b_approve()
        self.assertEqual(self.lead.b2b_application_state, "approved")
        self.assertEqual(len(self.sent), 1)

    def test_approve_already_rejected(self):
        self.lead.write(CHECKLIST)
        self.as_reviewer._b2b_reject("Incomplete")
        with self.assertRaises(UserError):
            self.as_reviewer.action_b2b_approve()
        self.assertFalse(self._dealers())

    def test_reject_requires_reason_and_mails_it(self):
        action = self.as_reviewer.action_b2b_reject()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(self.reviewer)
            .with_context(**action["context"])
        )
        with self.assertRaises(AssertionError):
            wizard_form.save()  # the reason is required
        wizard_form.reason = "  "
        wizard = wizard_form.save()
        with self.assertRaisesRegex(UserError, "reason"):
            wizard.action_reject()
        self.assertEqual(self.lead.b2b_application_state, "new")
        wizard.reason = "Your licence does not cover wholesale."
        wizard.action_reject()
        self.assertEqual(self.lead.b2b_application_state, "rejected")
        self.assertEqual(
            self.lead.b2b_reject_reason, "Your licence does not cover wholesale."
        )
        mail = self.env["mail.mail"].search(
            [("model", "=", "crm.lead"), ("res_id", "=", self.lead.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.email_to, "zhang@hz-test.example.com")
        self.assertIn("does not cover wholesale", str(mail.body_html))
        with self.assertRaises(UserError):
            self.as_reviewer._b2b_reject("again")
