# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo_test_helper import FakeModelLoader

from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.b2b_base.tests.factory import B2bTestFactory

DOC_MODEL = "b2b.approval.test.document"


class B2bApprovalCommon(B2bTestFactory, TransactionCase):
    """A test-only document model, dealers and internal / portal users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .models import B2bApprovalTestDocument

        cls.loader.update_registry((B2bApprovalTestDocument,))
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.doc_model = cls.env["ir.model"]._get(DOC_MODEL)
        cls.env["ir.model.access"].create(
            [
                {
                    "name": "test document user",
                    "model_id": cls.doc_model.id,
                    "group_id": cls.env.ref("base.group_user").id,
                    "perm_read": True,
                    "perm_write": True,
                    "perm_create": True,
                    "perm_unlink": True,
                },
                {
                    "name": "test document portal",
                    "model_id": cls.doc_model.id,
                    "group_id": cls.env.ref("base.group_portal").id,
                    "perm_read": True,
                    "perm_write": True,
                    "perm_create": True,
                },
            ]
        )
        cls.company = cls.env.company
        cls.tier_std = cls.env["b2b.dealer.tier"].create(
            {"name": "Standard", "code": "APV-STD", "company_id": False}
        )
        cls.tier_gold = cls.env["b2b.dealer.tier"].create(
            {"name": "Gold", "code": "APV-GLD", "company_id": False}
        )
        cls.dealer = cls._b2b_dealer(
            "Dealer A", "APV-A", cls.tier_std, state="approved"
        )
        cls.dealer_gold = cls._b2b_dealer(
            "Dealer G", "APV-G", cls.tier_gold, state="approved"
        )
        cls.dealer_b = cls._b2b_dealer(
            "Dealer B", "APV-B", cls.tier_std, state="approved"
        )
        cls.approver_group = cls.env["res.groups"].create({"name": "Test Approvers"})
        cls.requester = cls._b2b_internal_user("apv_requester", name="Requester")
        cls.approver1 = cls._b2b_internal_user("apv_approver1", name="Approver 1")
        cls.approver2 = cls._b2b_internal_user("apv_approver2", name="Approver 2")
        cls.director = cls._b2b_internal_user("apv_director", name="Director")
        cls.outsider = cls._b2b_internal_user("apv_outsider", name="Outsider")
        cls.approver_group.users = [
            Command.link(cls.requester.id),
            Command.link(cls.approver1.id),
        ]
        cls.role_approver = cls.env.ref("b2b_base.b2b_buyer_role_approver")
        cls.role_finance = cls.env.ref("b2b_base.b2b_buyer_role_finance")

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    @classmethod
    def _create_rule(cls, steps, domain="[]", **vals):
        """A rule on the test model; ``steps`` are dicts of step values."""
        return cls.env["b2b.approval.rule"].create(
            {
                "name": vals.pop("name", "Test rule"),
                "model_id": cls.doc_model.id,
                "domain": domain,
                "step_ids": [
                    Command.create({"name": f"Step {i}", "sequence": i, **step})
                    for i, step in enumerate(steps, start=1)
                ],
                **vals,
            }
        )

    @classmethod
    def _users_step(cls, *users, **vals):
        return {
            "approver_type": "user",
            "user_ids": [Command.set([u.id for u in users])],
            **vals,
        }

    def _create_doc(self, user=None, **vals):
        Doc = self.env[DOC_MODEL].with_user(user or self.requester)
        return Doc.create({"partner_id": self.dealer.id, **vals})

    def _request(self, doc, scope="seller"):
        return doc._b2b_approval_requests(scope=scope)[:1]

    def _approve_all(self, request):
        """Approve every step with every approver, in order."""
        for line in request.line_ids.sorted("sequence"):
            for user in line.approver_user_ids:
                if line.state == "pending":
                    line.with_user(user).action_approve()
