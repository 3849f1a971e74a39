# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from contextlib import ExitStack, contextmanager
from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import Form, tagged

from odoo.addons.b2b_base.tests.common import B2bQueryLogMixin

from .common import SALESMAN, B2bCrmCommon


@tagged("post_install", "-at_install")
class TestPlainOdoo(B2bQueryLogMixin, B2bCrmCommon):
    """A lead that is no dealer application, of a customer that is no
    dealer, in a company with nothing switched on, is plain Odoo CRM: the
    module's code does not run (no ``_b2b_*`` method of a lead or team is
    called but the stage guard of ``write``), no query reads or writes a
    table of the suite, Odoo's stages, won / lost and conversion are
    untouched."""

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
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Plain Customer Co",
                "is_company": True,
                "email": "buyer@plain-customer.example.com",
                # a field of the module on a customer that is no dealer
                "b2b_license_expiry": date(2026, 1, 1),
            }
        )
        cls.lost_reason = cls.env["crm.lost.reason"].create({"name": "Too expensive"})
        cls.application_stages = cls.env["crm.stage"].search(
            [("b2b_application_state", "!=", False)]
        )

    def setUp(self):
        super().setUp()
        self.assertFalse(self.company.b2b_crm_suspend_expired)
        self.Lead = self.env["crm.lead"].with_user(self.seller)

    @contextmanager
    def _no_module_code(self, allowed=("_b2b_check_stage_move",)):
        """Fail if any ``_b2b_*`` / ``action_b2b_*`` method of ``crm.lead``
        or ``crm.team`` but ``allowed`` runs in the block: by default the
        stage guard of ``write`` (a stage move reads the target stage's
        application step, from the cache Odoo's own write fills)."""
        called = []
        with ExitStack() as stack:
            self._spy_module_methods(stack, called)
            yield called
        self.assertEqual(
            [name for name in called if name not in allowed],
            [],
            "the module's code ran on a plain lead",
        )

    def _spy_module_methods(self, stack, called):
        for model in ("crm.lead", "crm.team"):
            cls = type(self.env[model])
            for name in dir(cls):
                if not name.startswith(("_b2b", "action_b2b")):
                    continue
                method = getattr(cls, name)
                if not callable(method):
                    continue

                def spy(*args, _name=name, _method=method, **kwargs):
                    called.append(_name)
                    return _method(*args, **kwargs)

                stack.enter_context(patch.object(cls, name, spy))

    def _plain_opportunity(self, name="Plain opportunity", **values):
        return self.Lead.create(
            {
                "name": name,
                "type": "opportunity",
                "partner_id": self.customer.id,
                "team_id": self.sales_team.id,
                "expected_revenue": 1000.0,
                **values,
            }
        )

    def test_plain_lead_and_conversion(self):
        with self._no_module_code():
            lead, queries = self._b2b_log_queries(
                self.Lead.create,
                {
                    "name": "Plain lead",
                    "type": "lead",
                    "contact_name": "Plain Contact",
                    "partner_name": "Plain Co",
                    "email_from": "plain@plain.example.com",
                    "team_id": self.sales_team.id,
                },
            )
            self.assertEqual(self._b2b_tables(queries), {})
            convert = Form(
                self.env["crm.lead2opportunity.partner"]
                .with_user(self.seller)
                .with_context(
                    active_model="crm.lead", active_id=lead.id, active_ids=lead.ids
                )
            )
            convert.action = "create"
            __, queries = self._b2b_log_queries(convert.save().action_apply)
            self.assertEqual(self._b2b_tables(queries), {})
        self.assertFalse(lead.b2b_is_application)
        self.assertFalse(lead.b2b_application_state)
        self.assertNotIn(
            self.env.ref("b2b_crm.crm_tag_dealer_application"), lead.tag_ids
        )
        self.assertEqual(lead.type, "opportunity")
        # the stage is one of Odoo's, never an application step
        self.assertNotIn(lead.stage_id, self.application_stages)
        partner = lead.partner_id.commercial_partner_id
        self.assertTrue(partner)
        self.assertFalse(partner.b2b_is_dealer)
        self.assertEqual(partner.b2b_state, "prospect")
        self.assertFalse(lead.b2b_dealer_id)

    def test_won_and_lost(self):
        """Won goes to Odoo's won stage (not the application pipeline's
        "Approved", which is a won stage too), lost archives with the reason,
        restore brings it back: as in Odoo, with none of the module's code."""
        won = self._plain_opportunity("Won one")
        lost = self._plain_opportunity("Lost one")
        no_team = self._plain_opportunity("No team", team_id=False)
        with self._no_module_code():
            __, queries = self._b2b_log_queries(won.action_set_won_rainbowman)
            self.assertEqual(self._b2b_tables(queries), {})
            __, queries = self._b2b_log_queries(no_team.action_set_won)
            self.assertEqual(self._b2b_tables(queries), {})
            wizard = (
                self.env["crm.lead.lost"]
                .with_user(self.seller)
                .create({"lead_ids": lost.ids, "lost_reason_id": self.lost_reason.id})
            )
            __, queries = self._b2b_log_queries(wizard.action_lost_reason_apply)
            self.assertEqual(self._b2b_tables(queries), {})
        for lead in won | no_team:
            self.assertTrue(lead.stage_id.is_won)
            self.assertNotIn(lead.stage_id, self.application_stages)
            self.assertEqual(lead.probability, 100)
        self.assertFalse(lost.active)
        self.assertEqual(lost.lost_reason_id, self.lost_reason)
        self.assertEqual(lost.probability, 0)
        with self._no_module_code():
            lost.action_unarchive()
        self.assertTrue(lost.active)
        self.assertFalse(lost.lost_reason_id)
        # the customer is still no dealer
        self.assertFalse(self.customer.b2b_is_dealer)
        self.assertEqual(self.customer.b2b_state, "prospect")

    def test_write_no_module_code_no_extra_query(self):
        """Editing a plain opportunity (revenue, stage) runs no query on a
        table of the suite and no module code but the stage guard (which
        reads the target stage Odoo's write reads anyway: no query of its
        own); the count is Odoo's own (a regression guard: 27 before the
        guard existed)."""
        lead = self._plain_opportunity()
        stages = self.env["crm.stage"].search(
            [("b2b_application_state", "=", False), ("team_id", "=", False)],
            order="sequence",
            limit=2,
        )
        lead.write({"expected_revenue": 1500.0, "stage_id": stages[0].id})  # warm up
        self.env.flush_all()
        self.env.invalidate_all()
        with self._no_module_code(), self.assertQueryCount(__system__=27):
            __, queries = self._b2b_log_queries(
                lead.write, {"expected_revenue": 2000.0, "stage_id": stages[1].id}
            )
        self.assertEqual(self._b2b_tables(queries), {})
        self.assertEqual(lead.stage_id, stages[1])

    def test_pipeline_columns(self):
        """The plain pipeline shows no application step; the application
        pipeline shows them all."""
        groups = self.Lead.with_context(default_team_id=self.sales_team.id).read_group(
            [("type", "=", "opportunity")], ["stage_id"], ["stage_id"]
        )
        stages = self.env["crm.stage"].browse([g["stage_id"][0] for g in groups])
        self.assertTrue(stages)
        self.assertFalse(stages & self.application_stages)
        groups = self.Lead.with_context(
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
        values = {"name": "Q", "type": "opportunity", "team_id": self.sales_team.id}
        self.Lead.create(values)  # warm up
        self.env.flush_all()
        with self._no_module_code(), self.assertQueryCount(__system__=18):
            self.Lead.create(dict(values, name="Q2"))
            self.env.flush_all()

    def test_licence_job_ignores_customers(self):
        """The daily licence job leaves a customer that is no dealer alone
        (its licence date is in the past), and suspends nobody in a company
        that did not switch it on."""
        dealer = self._b2b_dealer(
            "Expired Dealer",
            "PLAIN-EXP",
            self.tier,
            state="approved",
            user_id=self.rep_1.id,
            b2b_license_expiry=date(2026, 5, 1),
        )
        self.customer.user_id = self.rep_1
        with freeze_time("2026-06-01"):
            self.env["res.partner"].sudo()._b2b_cron_license_expiry()
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "res.partner"), ("res_id", "=", self.customer.id)]
        )
        self.assertFalse(activities)
        self.assertFalse(self.customer.b2b_is_dealer)
        self.assertEqual(self.customer.b2b_state, "prospect")
        self.assertEqual(dealer.b2b_state, "approved")

    def test_spy_sees_module_code(self):
        """The guard of the other tests works: an application runs the
        module's code and it is seen."""
        called = []
        with ExitStack() as stack:
            self._spy_module_methods(stack, called)
            self._b2b_application()
        self.assertIn("_b2b_application_create", called)
        self.assertIn("_b2b_credit_code_is_valid", called)
