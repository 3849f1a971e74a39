# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools import format_amount, format_date

from .common import B2bAgreementCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestAgreementGeneration(B2bAgreementCommon):
    def test_generate_renders_dealer_values(self):
        """The wizard (as a salesperson, from the dealer list) generates a
        draft per dealer with the template of its tier, else the company's,
        the body rendered with the dealer's data."""
        start = self.today.replace(day=1)
        wizard = Form(
            self.env["b2b.agreement.generate"]
            .with_user(self.salesman)
            .with_context(
                active_model="res.partner",
                active_ids=(self.dealer_a | self.dealer_b | self.customer).ids,
            )
        )
        wizard.date_start = start
        wizard.send = False
        action = wizard.save().action_generate()
        agreements = self.env["b2b.agreement"].search(action["domain"])
        self.assertEqual(agreements.dealer_id, self.dealer_a | self.dealer_b)
        a = agreements.filtered(lambda r: r.dealer_id == self.dealer_a)
        b = agreements - a
        self.assertEqual(a.template_id, self.template)
        self.assertEqual(b.template_id, self.template_gold)
        self.assertEqual(a.state, "draft")
        self.assertEqual(a.date_end, start.replace(year=start.year + 1) - timedelta(1))
        self.assertEqual((a.tier_id, a.region_id), (self.tier_silver, self.region))
        self.assertEqual(a.target_amount, 100000)
        for text in (
            self.dealer_a.name,
            "P-D1",
            self.tier_silver.name,
            self.region.name,
            format_date(self.env, a.date_start),
            format_date(self.env, a.date_end),
            format_amount(self.env, 100000, self.company.currency_id),
        ):
            self.assertIn(text, str(a.body).replace("&nbsp;", "\xa0"))
        self.assertIn(f"Gold: {self.dealer_b.name}", str(b.body))
        self.assertTrue(a.name.startswith("AGR/"))

    def test_generate_skips_overlapping_periods(self):
        first = self._agreement(send=False)
        again = self.env["b2b.agreement"]._b2b_generate(
            self.dealer_a | self.dealer_b,
            first.date_end - timedelta(days=5),
            first.date_end + timedelta(days=200),
        )
        self.assertEqual(again.dealer_id, self.dealer_b)
        first.action_b2b_cancel()
        self.assertEqual(
            self.env["b2b.agreement"]
            ._b2b_generate(self.dealer_a, first.date_start, first.date_end)
            .dealer_id,
            self.dealer_a,
        )

    def test_generate_without_template_refused(self):
        (self.template | self.template_gold).active = False
        with self.assertRaisesRegex(UserError, "No agreement template"):
            self._agreement(send=False)

    def test_generate_query_count(self):
        """The generation of many dealers costs the same queries per dealer
        (Odoo's sequence and create), no search per dealer."""
        dealers = [
            self._create_dealer(f"Gen dealer {i}", f"GEN{i}", self.tier_silver)
            for i in range(12)
        ]
        Agreement = self.env["b2b.agreement"]
        start = self.today.replace(day=1)

        def count(partners):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Agreement._b2b_generate(
                partners, start, start + timedelta(days=364)
            ).action_b2b_send()
            self.env.flush_all()
            return self.cr.sql_log_count - before

        small = count(dealers[0] | dealers[1])
        big = count(self.env["res.partner"].union(*dealers[2:]))
        # 10 dealers instead of 2: Odoo's per-record work only (sequence
        # number, mail followers and message of each agreement)
        per_dealer = (big - small) / 8
        _logger.info(
            "generation: 2 dealers %s queries, 10 dealers %s queries", small, big
        )
        self.assertLess(per_dealer, 25, (small, big))

    def test_send_announces_to_admin_buyers(self):
        agreement = self._agreement(send=False)
        agreement.with_user(self.salesman).action_b2b_send()
        self.assertEqual(agreement.state, "sent")
        self.assertTrue(agreement.sent_date)
        message = agreement.message_ids.filtered(
            lambda m: agreement.name in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(message.partner_ids, self.a_admin.partner_id)
        self.assertIn(self.a_admin.partner_id, agreement.message_partner_ids)
        with self.assertRaisesRegex(UserError, "Only draft"):
            agreement.action_b2b_send()

    def test_salesperson_own_dealers_only(self):
        own = self._b2b_internal_user(
            "ag_own",
            ["sales_team.group_sale_salesman", "b2b_base.b2b_base_group_salesman_own"],
        )
        other = self._b2b_internal_user("ag_other", "base.group_user")
        self.dealer_a.user_id = other
        agreement = self._agreement(send=False)
        Agreement = self.env["b2b.agreement"].with_user(own)
        self.assertFalse(Agreement.search([("id", "=", agreement.id)]))
        self.dealer_a.user_id = own
        self.assertEqual(Agreement.search([("id", "=", agreement.id)]), agreement)


@tagged("post_install", "-at_install")
class TestAgreementRenewal(B2bAgreementCommon):
    def test_renewal_sent_once(self):
        """30 days before the end the daily job generates and sends the next
        period's agreement, once."""
        signed = self._sign(
            self._agreement(
                start=self.today - timedelta(days=345),
                end=self.today + timedelta(days=20),
            )
        )
        far = self._sign(
            self._agreement(
                dealer=self.dealer_b,
                start=self.today - timedelta(days=300),
                end=self.today + timedelta(days=40),
            ),
            user=self.b_buyer,
        )
        Agreement = self.env["b2b.agreement"]
        renewals = Agreement._cron_b2b_agreement_daily()
        self.assertEqual(renewals.previous_id, signed)
        self.assertEqual(renewals.state, "sent")
        self.assertEqual(renewals.date_start, signed.date_end + timedelta(days=1))
        self.assertEqual(
            renewals.date_end,
            (signed.date_end + timedelta(days=1)).replace(year=signed.date_end.year + 1)
            - timedelta(days=1),
        )
        notice = renewals.message_ids.filtered(lambda m: signed.name in (m.body or ""))
        self.assertEqual(notice.partner_ids, self.a_admin.partner_id)
        self.assertFalse(far.renewal_ids)
        self.assertFalse(Agreement._cron_b2b_agreement_daily())
        self.assertEqual(signed.renewal_ids, renewals)

    def test_expiry(self):
        ended = self._sign(
            self._agreement(
                start=self.today - timedelta(days=10),
                end=self.today + timedelta(days=5),
            )
        )
        pending = self._agreement(
            dealer=self.dealer_b,
            start=self.today - timedelta(days=10),
            end=self.today - timedelta(days=1),
        )
        self.env.cr.execute(
            "UPDATE b2b_agreement SET date_end = %s WHERE id = %s",
            (self.today - timedelta(days=1), ended.id),
        )
        ended.invalidate_recordset()
        self.env["b2b.agreement"]._cron_b2b_agreement_daily()
        self.assertEqual(ended.state, "expired")
        self.assertEqual(pending.state, "expired")
        with self.assertRaisesRegex(UserError, "signed agreement cannot be changed"):
            ended.write({"state": "signed"})
