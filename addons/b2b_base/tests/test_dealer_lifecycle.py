# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import B2bBaseCommon


@tagged("post_install", "-at_install")
class TestDealerLifecycle(B2bBaseCommon):
    def test_new_dealer_is_prospect(self):
        self.assertEqual(self.dealer.b2b_state, "prospect")
        self.assertFalse(self.dealer.b2b_can_order)
        self.assertEqual(self.dealer_contact.b2b_state, "prospect")

    def test_full_lifecycle(self):
        """prospect → applied → review → approved → suspended → approved → terminated"""
        rep = self.dealer.with_user(self.rep_own)
        rep._b2b_set_state("applied")
        self.assertEqual(self.dealer.b2b_state, "applied")
        self.assertEqual(self.dealer.b2b_state_user_id, self.rep_own)
        self.assertTrue(self.dealer.b2b_state_date)
        rep._b2b_set_state("review")
        self.assertEqual(self.dealer.b2b_state, "review")

        mgr = self.dealer.with_user(self.manager)
        mgr._b2b_set_state("approved")
        self.assertEqual(self.dealer.b2b_state, "approved")
        self.assertTrue(self.dealer.b2b_can_order)
        # contacts inherit the status of the commercial partner at once
        self.assertEqual(self.dealer_contact.b2b_state, "approved")
        self.assertTrue(self.dealer_contact.b2b_can_order)

        mgr._b2b_set_state("suspended", "Overdue invoices")
        self.assertEqual(self.dealer.b2b_state, "suspended")
        self.assertEqual(self.dealer.b2b_state_reason, "Overdue invoices")
        self.assertFalse(self.dealer.b2b_can_order)
        self.assertFalse(self.dealer_contact.b2b_can_order)

        mgr._b2b_set_state("approved", "Paid")
        self.assertTrue(self.dealer.b2b_can_order)
        mgr._b2b_set_state("terminated", "Agreement ended")
        self.assertEqual(self.dealer.b2b_state, "terminated")
        self.assertEqual(self.dealer_contact.b2b_state, "terminated")

    def test_return_steps(self):
        rep = self.dealer.with_user(self.rep_own)
        rep._b2b_set_state("applied")
        rep._b2b_set_state("review")
        rep._b2b_set_state("applied", "Licence missing")
        self.assertEqual(self.dealer.b2b_state, "applied")
        rep._b2b_set_state("prospect", "Not interested yet")
        self.assertEqual(self.dealer.b2b_state, "prospect")

    def test_refused_transitions(self):
        mgr = self.dealer.with_user(self.manager)
        with self.assertRaisesRegex(UserError, "cannot go from Prospect to Approved"):
            mgr._b2b_set_state("approved")
        with self.assertRaisesRegex(UserError, "cannot go from Prospect to Suspended"):
            mgr._b2b_set_state("suspended", "why not")
        mgr._b2b_set_state("terminated", "Closed")
        with self.assertRaisesRegex(UserError, "cannot go from Terminated to Prospect"):
            mgr._b2b_set_state("prospect", "Reopen")
        self.assertEqual(self.dealer.b2b_state, "terminated")
        with self.assertRaisesRegex(UserError, "Unknown dealer status"):
            mgr._b2b_set_state("bogus")

    def test_refused_on_contact_and_non_dealer(self):
        with self.assertRaisesRegex(UserError, "is a contact"):
            self.dealer_contact.with_user(self.manager)._b2b_set_state("applied")
        customer = self.Partner.create({"name": "Plain Customer", "is_company": True})
        with self.assertRaisesRegex(UserError, "is not a dealer"):
            customer.with_user(self.manager)._b2b_set_state("applied")

    def test_reason_required(self):
        self._approve(self.dealer)
        mgr = self.dealer.with_user(self.manager)
        with self.assertRaisesRegex(UserError, "A reason is required"):
            mgr._b2b_set_state("suspended")
        with self.assertRaisesRegex(UserError, "A reason is required"):
            mgr._b2b_set_state("suspended", "   ")
        with self.assertRaisesRegex(UserError, "A reason is required"):
            mgr._b2b_set_state("terminated")
        mgr._b2b_set_state("suspended", "Overdue")
        # reactivation also needs a reason
        with self.assertRaisesRegex(UserError, "A reason is required"):
            mgr._b2b_set_state("approved")
        self.assertEqual(self.dealer.b2b_state, "suspended")

    def test_only_managers_approve_and_suspend(self):
        rep = self.dealer.with_user(self.b2b_user)
        rep._b2b_set_state("applied")
        rep._b2b_set_state("review")
        with self.assertRaisesRegex(AccessError, "Only dealer managers"):
            rep._b2b_set_state("approved")
        with self.assertRaisesRegex(AccessError, "Only dealer managers"):
            rep.action_b2b_approve()
        with self.assertRaisesRegex(AccessError, "Only dealer managers"):
            rep._b2b_set_state("terminated", "no")
        self.assertEqual(self.dealer.b2b_state, "review")
        self._approve_from_review()
        with self.assertRaisesRegex(AccessError, "Only dealer managers"):
            rep._b2b_set_state("suspended", "Overdue")
        with self.assertRaisesRegex(AccessError, "Only dealer managers"):
            rep.action_b2b_suspend()
        self.assertEqual(self.dealer.b2b_state, "approved")

    def _approve_from_review(self):
        self.dealer.with_user(self.manager)._b2b_set_state("approved")

    def test_other_rep_cannot_move_dealer(self):
        """A rep restricted to own dealers cannot move another rep's dealer."""
        with self.assertRaises(AccessError):
            self.dealer.with_user(self.rep_other)._b2b_set_state("applied")
        self.assertEqual(self.dealer.b2b_state, "prospect")

    def test_internal_user_without_b2b_group(self):
        user = self.env["res.users"].create(
            {
                "name": "Plain",
                "login": "b2b_plain_user",
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            self.ref("base.group_user"),
                            self.ref("base.group_partner_manager"),
                        ],
                    )
                ],
            }
        )
        with self.assertRaisesRegex(AccessError, "Only dealer salespeople"):
            self.dealer.with_user(user)._b2b_set_state("applied")

    def test_direct_write_refused(self):
        self._approve(self.dealer)
        for user in (self.rep_own, self.manager):
            with self.assertRaisesRegex(AccessError, "cannot be written directly"):
                self.dealer.with_user(user).write({"b2b_state": "suspended"})
            with self.assertRaisesRegex(AccessError, "cannot be written directly"):
                self.dealer.with_user(user).write({"b2b_state_reason": "x"})
        # a forged context key does not help
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            self.dealer.with_user(self.manager).with_context(
                b2b_state_token=True
            ).write({"b2b_state": "prospect"})
        # not even sudo: only _b2b_set_state changes the status
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            self.dealer.sudo().write({"b2b_state": "terminated"})
        # nor by writing the contact
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            self.dealer_contact.with_user(self.manager).write(
                {"b2b_state": "suspended"}
            )
        self.assertEqual(self.dealer.b2b_state, "approved")
        self.assertEqual(self.dealer_contact.b2b_state, "approved")
        # writing the unchanged value is harmless
        self.dealer.with_user(self.rep_own).write({"b2b_state": "approved"})

    def test_create_in_other_state(self):
        vals = {
            "name": "Imported",
            "is_company": True,
            "b2b_is_dealer": True,
            "b2b_state": "approved",
        }
        with self.assertRaisesRegex(AccessError, "created as a prospect"):
            self.Partner.with_user(self.b2b_user).create(vals)
        with self.assertRaisesRegex(AccessError, "created as a prospect"):
            self.Partner.with_user(self.b2b_user).with_context(
                b2b_import_state=True
            ).create(vals)
        # a manager needs the import context key
        with self.assertRaisesRegex(AccessError, "created as a prospect"):
            self.Partner.with_user(self.manager).create(vals)
        dealer = (
            self.Partner.with_user(self.manager)
            .with_context(b2b_import_state=True)
            .create(vals)
        )
        self.assertEqual(dealer.b2b_state, "approved")
        self.assertEqual(dealer.b2b_state_user_id, self.manager)
        self.assertTrue(dealer.b2b_state_date)
        # a contact created under an approved dealer inherits its status
        contact = self.Partner.with_user(self.b2b_user).create(
            {"name": "Colleague", "parent_id": dealer.id, "b2b_state": "approved"}
        )
        self.assertEqual(contact.b2b_state, "approved")
        self.assertTrue(contact.b2b_can_order)

    def test_detached_contact_loses_status(self):
        self._approve(self.dealer)
        self.dealer_contact.with_user(self.rep_own).parent_id = False
        self.assertEqual(self.dealer_contact.b2b_state, "prospect")
        self.assertFalse(self.dealer_contact.b2b_is_dealer)
        self.assertFalse(self.dealer_contact.b2b_can_order)

    def test_remove_dealer_flag_needs_manager(self):
        self._approve(self.dealer)
        self.dealer.with_user(self.manager)._b2b_set_state("suspended", "Overdue")
        with self.assertRaisesRegex(AccessError, "Only dealer managers"):
            self.dealer.with_user(self.b2b_user).b2b_is_dealer = False
        self.assertTrue(self.dealer.b2b_is_dealer)
        # a prospect may lose the flag
        prospect = self._create_dealer("Prospect X", "PX-1", user=self.rep_own)
        prospect.with_user(self.rep_own).b2b_is_dealer = False
        self.assertFalse(prospect.b2b_is_dealer)

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_reason_in_chatter(self):
        self._flush_tracking()  # log the creation of the dealer first
        self._approve(self.dealer)
        self._flush_tracking()
        self.dealer.with_user(self.manager)._b2b_set_state(
            "suspended", "Overdue invoices 60 days"
        )
        self._flush_tracking()
        self.dealer.invalidate_recordset(["message_ids"])
        message = self.dealer.message_ids[:1]
        self.assertIn("Overdue invoices 60 days", message.body)
        tracked = message.sudo().tracking_value_ids.filtered(
            lambda t: t.field_id.name == "b2b_state"
        )
        self.assertEqual(tracked.old_value_char, "Approved")
        self.assertEqual(tracked.new_value_char, "Suspended")
        # the contacts follow silently (no tracking message per contact)
        self.dealer_contact.invalidate_recordset(["message_ids"])
        self.assertEqual(self.dealer_contact.b2b_state, "suspended")
        self.assertFalse(
            self.dealer_contact.message_ids.sudo().tracking_value_ids.filtered(
                lambda t: t.field_id.name == "b2b_state"
            )
        )

    def test_wizard(self):
        self._approve(self.dealer)
        action = self.dealer.with_user(self.manager).action_b2b_suspend()
        self.assertEqual(action["res_model"], "b2b.dealer.state.change")
        wizard_form = Form(
            self.env["b2b.dealer.state.change"]
            .with_user(self.manager)
            .with_context(**action["context"])
        )
        self.assertTrue(wizard_form.reason_required)
        self.assertEqual(wizard_form.current_state_label, "Approved")
        wizard_form.reason = "Overdue"
        wizard_form.save().action_confirm()
        self.assertEqual(self.dealer.b2b_state, "suspended")
        self.assertEqual(self.dealer.b2b_state_reason, "Overdue")

        action = self.dealer.with_user(self.manager).action_b2b_reactivate()
        self.assertEqual(action["context"]["default_new_state"], "approved")
        with self.assertRaisesRegex(UserError, "Only suspended dealers"):
            self._create_dealer("Y", "Y-1").with_user(
                self.manager
            ).action_b2b_reactivate()
        with self.assertRaisesRegex(UserError, "cannot go from Suspended to Applied"):
            self.dealer.with_user(self.manager)._b2b_action_state_change("applied")

    def test_wizard_apply_as_rep(self):
        action = self.dealer.with_user(self.rep_own).action_b2b_apply()
        wizard = (
            self.env["b2b.dealer.state.change"]
            .with_user(self.rep_own)
            .with_context(**action["context"])
            .create({})
        )
        self.assertFalse(wizard.reason_required)
        wizard.action_confirm()
        self.assertEqual(self.dealer.b2b_state, "applied")
        action = self.dealer.with_user(self.rep_own).action_b2b_return()
        self.assertEqual(action["context"]["default_new_state"], "prospect")

    def test_can_order_search(self):
        approved = self._approve(self._create_dealer("Approved B", "DT-B"))
        customer = self.Partner.create({"name": "Not a dealer"})
        partners = self.dealer | self.dealer_contact | approved | customer
        domain = [("id", "in", partners.ids)]
        can = self.Partner.search(domain + [("b2b_can_order", "=", True)])
        self.assertEqual(can, approved)
        cannot = self.Partner.search(domain + [("b2b_can_order", "=", False)])
        self.assertEqual(cannot, self.dealer | self.dealer_contact | customer)
        self.assertEqual(
            self.Partner.search(domain + [("b2b_can_order", "!=", True)]), cannot
        )
        with self.assertRaisesRegex(UserError, "Unsupported search"):
            self.Partner.search([("b2b_can_order", "in", [True])])

    def test_contacts_inherit_profile(self):
        self.assertEqual(self.dealer_contact.b2b_tier_id, self.tier_gold)
        self.assertTrue(self.dealer_contact.b2b_is_dealer)
        self.assertEqual(self.dealer_contact.b2b_region_id, self.region_east)
        self.dealer.with_user(self.manager).b2b_tier_id = self.tier_std
        self.assertEqual(self.dealer_contact.b2b_tier_id, self.tier_std)
        new_contact = self.Partner.with_user(self.rep_own).create(
            {"name": "New Buyer", "parent_id": self.dealer.id}
        )
        self.assertEqual(new_contact.b2b_tier_id, self.tier_std)
        self.assertEqual(new_contact.b2b_state, "prospect")
