# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CODE, CODE_2, CODE_3, PDF, PNG, B2bCrmCommon


@tagged("post_install", "-at_install")
class TestApplication(B2bCrmCommon):
    """One submission, one application lead: pipeline, assignment, files,
    duplicates, nothing half-created."""

    def test_application_lead(self):
        lead = self._b2b_application(files=[("a.pdf", PDF), ("b.png", PNG)])
        self.assertTrue(lead.b2b_is_application)
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(
            lead.stage_id, self.env.ref("b2b_crm.crm_stage_application_new")
        )
        self.assertEqual(lead.b2b_application_state, "new")
        self.assertEqual(lead.team_id, self.team)
        self.assertIn(lead.user_id, self.rep_1 | self.rep_2)
        self.assertEqual(lead.country_id, self.env.ref("base.cn"))
        self.assertIn(self.env.ref("b2b_crm.crm_tag_dealer_application"), lead.tag_ids)
        self.assertEqual(lead.b2b_email_domain, "hz-test.example.com")
        self.assertEqual(lead.b2b_phone_key, "13800000001")
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "=", lead.id)], order="id"
        )
        self.assertEqual(attachments.mapped("name"), ["a.pdf", "b.png"])
        self.assertEqual(
            attachments.mapped("mimetype"), ["application/pdf", "image/png"]
        )
        self.assertEqual(attachments[0].raw, PDF)

    def test_round_robin_in_team(self):
        users = [
            self._b2b_application(b2b_credit_code=code, phone=phone).user_id
            for code, phone in ((CODE, "1301"), (CODE_2, "1302"), (CODE_3, "1303"))
        ]
        self.assertEqual(users[0], self.rep_1)
        self.assertEqual(users[1], self.rep_2)
        self.assertEqual(users[2], self.rep_1)

    def test_region_without_team(self):
        region = self.env["b2b.dealer.region"].create({"name": "No team"})
        lead = self._b2b_application(b2b_region_id=region.id)
        self.assertEqual(
            lead.team_id, self.env.ref("b2b_crm.crm_team_dealer_application")
        )

    def test_duplicate_credit_code(self):
        first = self._b2b_application()
        second = self._b2b_application(
            email_from="other@elsewhere.example.com", phone="+86 139 9999 9999"
        )
        self.assertNotEqual(first, second)
        self.assertEqual(second.b2b_duplicate_lead_id, first)
        self.assertIn("duplicate", second.message_ids[0].body)
        self.assertIn(second.name, first.message_ids[0].body)
        self.assertFalse(first.b2b_duplicate_lead_id)

    def test_duplicate_email_domain_and_phone(self):
        first = self._b2b_application()
        second = self._b2b_application(
            b2b_credit_code=CODE_2,
            email_from="li@HZ-test.example.com",
            phone="0086 138-0000-0001",
        )
        self.assertEqual(second.b2b_duplicate_lead_id, first)
        # same domain, other phone: not a duplicate
        third = self._b2b_application(
            b2b_credit_code=CODE_3, email_from="wu@hz-test.example.com", phone="1399"
        )
        self.assertFalse(third.b2b_duplicate_lead_id)

    def test_duplicate_partner(self):
        company = self.env["res.partner"].create(
            {"name": "Existing Co", "is_company": True, "vat": CODE}
        )
        lead = self._b2b_application()
        self.assertEqual(lead.b2b_duplicate_partner_id, company)
        self.assertIn(lead.name, company.message_ids[0].body)

    def test_file_refusals(self):
        Lead = self.env["crm.lead"]
        with self.assertRaisesRegex(UserError, "not a PDF"):
            Lead._b2b_check_files([("licence.pdf", b"MZ\x90\x00 not a pdf")])
        with self.assertRaisesRegex(UserError, "10 MB"):
            Lead._b2b_check_files([("big.pdf", PDF + b"0" * (10 * 1024 * 1024))])
        with self.assertRaises(UserError):
            Lead._b2b_check_files([("empty.png", b"")])
        with self.assertRaises(UserError):
            Lead._b2b_check_files([("a.pdf", PDF)] * 6)
        self.assertTrue(Lead._b2b_check_files([("a.jpg", b"\xff\xd8\xff\xe0JFIF")]))

    def test_nothing_half_created(self):
        """A failure after the lead was created leaves no lead, attachment
        or note behind."""
        Lead = self.env["crm.lead"]
        count = Lead.search_count([("b2b_is_application", "=", True)])
        attachments = self.env["ir.attachment"].search_count([])
        with (
            patch.object(
                type(self.env["ir.attachment"]),
                "create",
                side_effect=UserError("disk full"),
            ),
            self.assertRaises(UserError),
        ):
            self._b2b_application()
        self.assertEqual(Lead.search_count([("b2b_is_application", "=", True)]), count)
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)

    def test_values_from_form(self):
        Lead = self.env["crm.lead"]
        post = {
            "partner_name": " Shop ",
            "credit_code": CODE.lower(),
            "contact_name": "Li",
            "phone": "13800000001",
            "email": "LI@Shop.example.com",
            "state_id": str(self.state_zj.id),
            "region_id": str(self.region.id),
            "license_number": "L1",
            "license_expiry": "2999-01-01",
            "annual_volume": "1000",
        }
        values = Lead._b2b_application_values(post)
        self.assertEqual(values["partner_name"], "Shop")
        self.assertEqual(values["b2b_credit_code"], CODE)
        self.assertEqual(values["email_from"], "li@shop.example.com")
        self.assertEqual(values["b2b_region_id"], self.region.id)
        self.assertEqual(values["b2b_license_expiry"], date(2999, 1, 1))
        bad = dict(
            post,
            credit_code="91350100M000100Y44",
            email="nope",
            license_expiry="2000-01-01",
            annual_volume="-5",
            contact_name="",
        )
        with self.assertRaises(UserError) as error:
            Lead._b2b_application_values(bad)
        message = str(error.exception)
        for part in (
            "contact name",
            "credit code",
            "e-mail",
            "expired",
            "annual volume",
        ):
            self.assertIn(part, message)
        # unknown state or region ids are dropped, not trusted
        values = Lead._b2b_application_values(
            dict(post, state_id="999999", region_id="x")
        )
        self.assertFalse(values["state_id"])
        self.assertFalse(values["b2b_region_id"])

    def test_unexpected_values_refused(self):
        with self.assertRaises(UserError):
            self.env["crm.lead"].sudo()._b2b_application_create(
                dict(self._b2b_values(), user_id=self.rep_1.id), [("a.pdf", PDF)]
            )
