# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import Form, tagged

from .common import SALESMAN, B2bCrmCommon


@tagged("post_install", "-at_install")
class TestPlainCrm(B2bCrmCommon):
    """A lead that is no dealer application, in a company with nothing
    switched on, is plain Odoo CRM."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = cls._b2b_internal_user("crm_plain_seller", SALESMAN)
        cls.sales_team = cls.env["crm.team"].create(
            {
                "name": "Plain Team",
                "crm_team_member_ids": [(0, 0, {"user_id": cls.seller.id})],
            }
        )

    def test_plain_lead_and_conversion(self):
        Lead = self.env["crm.lead"].with_user(self.seller)
        lead = Lead.create(
            {
                "name": "Plain lead",
                "type": "lead",
                "contact_name": "Plain Contact",
                "partner_name": "Plain Co",
                "email_from": "plain@plain.example.com",
                "team_id": self.sales_team.id,
            }
        )
        self.assertFalse(lead.b2b_is_application)
        self.assertFalse(lead.b2b_application_state)
        self.assertNotIn(
            self.env.ref("b2b_crm.crm_tag_dealer_application"), lead.tag_ids
        )
        convert = Form(
            self.env["crm.lead2opportunity.partner"]
            .with_user(self.seller)
            .with_context(
                active_model="crm.lead", active_id=lead.id, active_ids=lead.ids
            )
        )
        convert.action = "create"
        convert.save().action_apply()
        self.assertEqual(lead.type, "opportunity")
        # the stage is one of Odoo's, never an application step
        self.assertFalse(lead.stage_id.b2b_application_state)
        partner = lead.partner_id.commercial_partner_id
        self.assertTrue(partner)
        self.assertFalse(partner.b2b_is_dealer)
        self.assertEqual(partner.b2b_state, "prospect")
        self.assertFalse(lead.b2b_dealer_id)

    def test_pipeline_columns(self):
        """The plain pipeline shows no application step; the application
        pipeline shows them all."""
        Lead = self.env["crm.lead"].with_user(self.seller)
        groups = Lead.with_context(default_team_id=self.sales_team.id).read_group(
            [("type", "=", "opportunity")], ["stage_id"], ["stage_id"]
        )
        stages = self.env["crm.stage"].browse([g["stage_id"][0] for g in groups])
        self.assertTrue(stages)
        self.assertFalse(stages.filtered("b2b_application_state"))
        groups = Lead.with_context(
            default_team_id=self.sales_team.id, b2b_application_pipeline=True
        ).read_group([("b2b_is_application", "=", True)], ["stage_id"], ["stage_id"])
        stages = self.env["crm.stage"].browse([g["stage_id"][0] for g in groups])
        self.assertEqual(
            stages.mapped("b2b_application_state"),
            ["new", "review", "approved", "rejected"],
        )

    def test_plain_lead_no_extra_query(self):
        """Creating a plain lead runs none of the module's logic: the count
        is Odoo's own (a regression guard: the module's fields are plain
        columns, its constraint only looks at leads with a credit code)."""
        Lead = self.env["crm.lead"].with_user(self.seller)
        values = {"name": "Q", "type": "opportunity", "team_id": self.sales_team.id}
        Lead.create(values)  # warm up
        self.env.flush_all()
        with self.assertQueryCount(__system__=18):
            Lead.create(dict(values, name="Q2"))
            self.env.flush_all()
