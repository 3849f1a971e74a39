# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import B2bCreditCommon

CREDIT_BUTTONS = (
    "action_b2b_credit_hold",
    "action_b2b_credit_release",
    "action_b2b_credit_increase",
)
READ_BUTTONS = ("action_b2b_credit_statement", "action_b2b_credit_audit")


@tagged("post_install", "-at_install")
class TestBackendRoles(B2bCreditCommon):
    """The dealer form's credit tab and banner, as each backend role sees and
    uses them (readme/USAGE.md: who does what)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dealer_manager = cls._b2b_internal_user(
            "b2b_credit_dealer_manager",
            "b2b_base.b2b_base_group_manager",
            name="Dealer Manager",
        )
        cls.salesman = cls._b2b_internal_user(
            "b2b_credit_salesman",
            "b2b_base.b2b_base_group_salesman_own",
            name="Own Dealers Salesman",
        )
        cls.dealer.user_id = cls.salesman
        cls.held = cls._create_dealer("Held Dealer", user_id=cls.salesman.id)
        cls.held.with_user(cls.credit_manager)._b2b_credit_set_hold("Bounced cheque")
        # Grace 10 days (tier); read on 2026-03-01: due before 2026-02-19 is
        # overdue beyond grace.
        cls.late = cls._create_dealer("Late Dealer", user_id=cls.salesman.id)
        cls.late_contact = cls.env["res.partner"].create(
            {"name": "Buyer of Late Dealer", "parent_id": cls.late.id}
        )
        cls.late_oldest = cls._invoice(
            300.0, cls.late, date="2026-01-02", due="2026-01-20"
        )
        cls._invoice(120.0, cls.late_contact, date="2026-01-02", due="2026-01-25")
        cls._invoice(200.0, cls.late, date="2026-01-02", due="2026-02-05")
        cls._invoice(100.0, cls.late, date="2026-01-02", due="2026-02-25")  # grace
        cls._invoice(50.0, cls.late, date="2026-01-02", due="2026-03-31")  # not due

    def _form_arch(self, user):
        view = self.env.ref("base.view_partner_form")
        views = (
            self.env["res.partner"]
            .with_user(user)
            .get_views([(view.id, "form")])["views"]
        )
        return etree.fromstring(views["form"]["arch"])

    def _buttons(self, arch):
        page = arch.xpath("//page[@name='b2b_credit']")
        self.assertTrue(page, "the credit tab is shown")
        return {button.get("name") for button in page[0].iter("button")}

    def _run_wizard(self, user, action, **values):
        self.assertIn(
            action["name"], ("Put on Hold", "Release Hold", "Temporary Increase")
        )
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        for name, value in values.items():
            setattr(wizard, name, value)
        return wizard.save().action_confirm()

    def _audit(self, dealer, event):
        return self.env["b2b.credit.audit"].search(
            [("partner_id", "=", dealer.id), ("event", "=", event)]
        )

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------
    def test_buttons_per_role(self):
        for user in (self.dealer_manager, self.credit_manager):
            self.assertEqual(
                self._buttons(self._form_arch(user)),
                set(CREDIT_BUTTONS + READ_BUTTONS),
                user.login,
            )
        # The salesperson reads the credit of their dealers: statement and
        # audit log, no hold or limit change.
        self.assertEqual(
            self._buttons(self._form_arch(self.salesman)), set(READ_BUTTONS)
        )
        with self.assertRaises(AccessError):
            self.dealer.with_user(self.salesman).action_b2b_credit_hold()
        with self.assertRaises(AccessError):
            self.dealer.with_user(self.salesman).action_b2b_credit_increase()
        with self.assertRaises(AccessError):
            self.env["res.partner.credit.hold"].with_user(self.salesman).create(
                {"partner_id": self.dealer.id, "mode": "hold", "reason": "No"}
            )
        # The audit log opens for them, scoped to their dealers.
        action = self.held.with_user(self.salesman).action_b2b_credit_audit()
        audit = (
            self.env["b2b.credit.audit"]
            .with_user(self.salesman)
            .search(action["domain"])
        )
        self.assertEqual(audit.mapped("reason"), ["Bounced cheque"])
        # Overriding a blocked document stays with credit control.
        self.assertFalse(
            self.env["b2b.credit.document.override"]
            .with_user(self.dealer_manager)
            .has_access("create")
        )

    def test_dealer_manager_holds_and_releases(self):
        dealer = self.dealer.with_user(self.dealer_manager)
        form = Form(dealer)
        self.assertFalse(form.b2b_credit_hold)
        self._run_wizard(
            self.dealer_manager, dealer.action_b2b_credit_hold(), reason="Dispute"
        )
        self.assertTrue(self.dealer.b2b_credit_hold)
        self.assertEqual(self.dealer.b2b_credit_hold_type, "manual")
        self.assertEqual(self.dealer.b2b_credit_hold_user_id, self.dealer_manager)
        hold = self._audit(self.dealer, "hold")
        self.assertEqual((hold.user_id, hold.reason), (self.dealer_manager, "Dispute"))
        form = Form(dealer)
        self.assertTrue(form.b2b_credit_hold)
        self.assertEqual(form.b2b_credit_hold_reason, "Dispute")
        self._run_wizard(
            self.dealer_manager, dealer.action_b2b_credit_release(), reason="Settled"
        )
        self.assertFalse(self.dealer.b2b_credit_hold)
        release = self._audit(self.dealer, "release")
        self.assertEqual(
            (release.user_id, release.reason, release.value_before),
            (self.dealer_manager, "Settled", "Manual"),
        )

    def test_dealer_manager_temporary_increase(self):
        dealer = self.dealer.with_user(self.dealer_manager)
        with freeze_time("2026-03-01"):
            self._run_wizard(
                self.dealer_manager,
                dealer.action_b2b_credit_increase(),
                amount=400.0,
                expiry_date=date(2026, 3, 15),
                reason="Trade fair",
            )
            self.assertEqual(self.dealer._b2b_credit_limit(self.company), 1400.0)
            form = Form(dealer)
            self.assertEqual(form.b2b_credit_limit_effective, 1400.0)
            self.assertEqual(form.b2b_credit_temp_expiry, "2026-03-15")
        audit = self._audit(self.dealer, "limit_increase")
        self.assertEqual(audit.user_id, self.dealer_manager)
        self.assertIn("1,400.00", audit.value_after)

    # ------------------------------------------------------------------
    # Banner
    # ------------------------------------------------------------------
    def test_banner_in_the_form_of_credit_readers(self):
        for user in (self.salesman, self.dealer_manager, self.invoicer):
            banner = self._form_arch(user).xpath("//div[@name='b2b_credit_banner']")
            self.assertTrue(banner, user.login)
            fields = {node.get("name") for node in banner[0].iter("field")}
            self.assertLessEqual(
                {
                    "b2b_credit_hold",
                    "b2b_credit_hold_reason",
                    "b2b_credit_overdue",
                    "b2b_credit_overdue_date",
                }
                - fields,
                {"b2b_credit_hold"},  # in the alert's invisible only
            )
        plain = self._b2b_internal_user("b2b_credit_plain", "base.group_user")
        self.assertFalse(
            self._form_arch(plain).xpath("//div[@name='b2b_credit_banner']")
        )

    @freeze_time("2026-03-01")
    def test_banner_of_a_held_dealer(self):
        form = Form(self.held.with_user(self.salesman))
        self.assertTrue(form.b2b_credit_hold)
        self.assertEqual(form.b2b_credit_hold_type, "manual")
        self.assertEqual(form.b2b_credit_hold_reason, "Bounced cheque")
        self.assertEqual(form.b2b_credit_overdue, 0.0)
        self.assertFalse(form.b2b_credit_overdue_date)

    @freeze_time("2026-03-01")
    def test_banner_of_an_overdue_dealer(self):
        late = self.late.with_user(self.salesman)
        form = Form(late)
        self.assertFalse(form.b2b_credit_hold)
        # 300 + 120 (its contact) + 200; 100 within grace, 50 not due.
        self.assertEqual(form.b2b_credit_overdue, 620.0)
        self.assertEqual(form.b2b_credit_overdue_date, "2026-01-20")
        # Paying the oldest one moves the date to the contact's invoice.
        self._register_payment(self.late_oldest, 300.0, date="2026-03-01")
        late.invalidate_recordset()
        self.assertEqual(late.b2b_credit_overdue, 320.0)
        self.assertEqual(late.b2b_credit_overdue_date, date(2026, 1, 25))
        # Not a dealer, or nothing overdue: no date.
        self.assertFalse(self.customer.b2b_credit_overdue_date)
        self.assertFalse(self.held.with_user(self.salesman).b2b_credit_overdue_date)

    @freeze_time("2026-03-01")
    def test_banner_date_is_one_query_for_many_partners(self):
        partners = (self.late | self.held | self.dealer | self.late_contact).with_user(
            self.salesman
        )
        partners.mapped("b2b_credit_overdue_date")  # warm the caches
        partners.invalidate_recordset(["b2b_credit_overdue_date"])
        with self._count_queries() as counted:
            dates = partners.mapped("b2b_credit_overdue_date")
        self.assertEqual(counted["count"], 1, counted["queries"])
        self.assertEqual(dates, [date(2026, 1, 20), False, False, date(2026, 1, 20)])
