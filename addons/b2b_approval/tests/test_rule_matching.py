# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import B2bApprovalCommon


@tagged("post_install", "-at_install")
class TestRuleMatching(B2bApprovalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        step = cls._users_step(cls.approver1)
        cls.rule_amount = cls._create_rule(
            [step], "[('amount', '>', 1000)]", name="Amount", sequence=10
        )
        cls.rule_gold_discount = cls._create_rule(
            [step],
            "[('discount', '>', 10)]",
            name="Gold discount",
            sequence=20,
            tier_ids=[cls.tier_gold.id],
        )
        cls.rule_dealer_b = cls._create_rule(
            [step],
            "[('amount', '>', 50)]",
            name="Dealer B",
            dealer_ids=[cls.dealer_b.id],
        )

    def _matching(self, doc):
        return doc._b2b_approval_matching("seller").get(
            doc, self.env["b2b.approval.rule"]
        )

    def test_threshold(self):
        self.assertFalse(self._matching(self._create_doc(amount=1000)))
        self.assertEqual(
            self._matching(self._create_doc(amount=1000.01)), self.rule_amount
        )

    def test_tier_and_condition(self):
        """The discount rule applies to gold dealers only, above 10 %."""
        std = self._create_doc(discount=20)
        gold_low = self._create_doc(discount=5, partner_id=self.dealer_gold.id)
        gold_high = self._create_doc(discount=20, partner_id=self.dealer_gold.id)
        both = self._create_doc(
            discount=20, amount=5000, partner_id=self.dealer_gold.id
        )
        self.assertFalse(self._matching(std))
        self.assertFalse(self._matching(gold_low))
        self.assertEqual(self._matching(gold_high), self.rule_gold_discount)
        self.assertEqual(
            self._matching(both), self.rule_amount | self.rule_gold_discount
        )

    def test_contact_of_dealer_uses_commercial_partner(self):
        contact = self.env["res.partner"].create(
            {"name": "Gold buyer", "parent_id": self.dealer_gold.id}
        )
        doc = self._create_doc(discount=20, partner_id=contact.id)
        self.assertEqual(self._matching(doc), self.rule_gold_discount)

    def test_dealer_filter(self):
        self.assertFalse(self._matching(self._create_doc(amount=100)))
        doc_b = self._create_doc(amount=100, partner_id=self.dealer_b.id)
        self.assertEqual(self._matching(doc_b), self.rule_dealer_b)

    def test_company_scope_inactive_and_state(self):
        other = self.env["res.company"].create({"name": "Other approval company"})
        self.rule_amount.company_id = other
        self.assertFalse(self._matching(self._create_doc(amount=5000)))
        self.rule_amount.company_id = False
        self.assertEqual(
            self._matching(self._create_doc(amount=5000)), self.rule_amount
        )
        self.rule_amount.active = False
        self.assertFalse(self._matching(self._create_doc(amount=5000)))
        self.rule_amount.active = True
        confirmed = self._create_doc(amount=5000, state="confirmed")
        self.assertFalse(
            self._matching(confirmed), "only documents before the transition"
        )

    def test_dealer_scope_rules_apart(self):
        dealer_rule = self._create_rule(
            [self._users_step(self.approver2)], "[('amount', '>', 10)]", scope="dealer"
        )
        doc = self._create_doc(amount=20)
        self.assertFalse(self._matching(doc))
        self.assertEqual(doc._b2b_approval_matching("dealer")[doc], dealer_rule)

    def test_no_rule_confirms(self):
        doc = self._create_doc(amount=10)
        doc.action_confirm()
        self.assertEqual(doc.state, "confirmed")
        self.assertEqual(doc.b2b_approval_state, "none")
        self.assertFalse(doc.b2b_approval_request_ids)

    def test_invalid_configuration(self):
        with self.assertRaises(ValidationError):
            self._create_rule([self._users_step(self.approver1)], "[('nope', '=', 1)]")
        with self.assertRaises(ValidationError):
            self._create_rule([{"approver_type": "user"}])
        with self.assertRaises(ValidationError):
            self._create_rule(
                [{"approver_type": "field", "approver_field": "partner_id"}]
            )
        with self.assertRaises(ValidationError):
            self._create_rule([])
        with self.assertRaises(ValidationError):
            self.env["b2b.approval.rule"].create(
                {
                    "name": "Not approvable",
                    "model_id": self.env["ir.model"]._get("res.partner").id,
                    "step_ids": [(0, 0, self._users_step(self.approver1, name="S"))],
                }
            )

    def test_rule_form(self):
        """The rule form (steps inline) creates a working rule."""
        manager = self.env.ref("base.user_admin")
        # The engine's own form: the fake document model of these tests
        # reloads this module's models, without the fields that glue modules
        # add to the rule (and their views would name); the same arch as a
        # primary view carries no extension.
        base_form = self.env.ref("b2b_approval.b2b_approval_rule_view_form")
        view = self.env["ir.ui.view"].create(
            {
                "name": "b2b.approval.rule.form (engine only)",
                "model": "b2b.approval.rule",
                "type": "form",
                "arch": base_form.arch_db,
                "priority": 999,
            }
        )
        with Form(self.env["b2b.approval.rule"].with_user(manager), view=view) as form:
            form.name = "Form rule"
            form.model_id = self.doc_model
            form.domain = "[('amount', '>', 77777)]"
            with form.step_ids.new() as step:
                step.name = "Boss"
                step.approver_type = "user"
                step.user_ids.add(self.director)
                step.mode = "all"
        rule = form.record
        self.assertEqual(rule.step_ids.user_ids, self.director)
        doc = self._create_doc(amount=80000)
        self.assertIn(rule, self._matching(doc))
