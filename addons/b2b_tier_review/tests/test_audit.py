# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import Command
from odoo.tests import Form, tagged

from .common import REF, B2bTierReviewCommon


@tagged("post_install", "-at_install")
class TestTierAudit(B2bTierReviewCommon):
    """Every change of a dealer's tier is audited, whatever its path; a
    change reprices new orders only."""

    def _changes(self, dealer=None):
        return self.Change.search([("partner_id", "=", (dealer or self.dealer).id)])

    def test_review_change_audited_with_its_figures(self):
        self._invoice(self.dealer, 320000.0)
        self._run()
        change = self._changes()
        self.assertEqual(len(change), 1)
        self.assertRecordValues(
            change,
            [
                {
                    "company_id": self.company.id,
                    "tier_before_id": self.silver.id,
                    "tier_after_id": self.gold.id,
                    "reason": "review",
                    "volume": 320000.0,
                    "threshold_before": 100000.0,
                    "threshold_after": 300000.0,
                    "hysteresis": 10.0,
                    "review_date": REF,
                    "direction": "up",
                }
            ],
        )
        self.assertEqual(change.proposal_id.partner_id, self.dealer)
        self.assertEqual(change.user_id, self.env.user)

    def test_manager_approval_audited_as_the_manager(self):
        self.company.b2b_tier_review_mode = "approve"
        self._invoice(self.dealer, 320000.0)
        self._run()
        self._open().with_user(self.manager).action_approve()
        self.assertEqual(self._changes().user_id, self.manager)

    def test_manual_change_in_the_backend_form(self):
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.dealer.id}
        )
        with Form(self.dealer.with_user(self.manager)) as form:
            form.b2b_tier_id = self.gold
        change = self._changes()
        self.assertEqual(len(change), 1, "the dealer only, not its contact")
        self.assertEqual(change.reason, "manual")
        self.assertEqual(change.user_id, self.manager)
        self.assertEqual(change.tier_before_id, self.silver)
        self.assertEqual(change.tier_after_id, self.gold)
        self.assertEqual(contact.b2b_tier_id, self.gold)
        self.assertFalse(self._changes(contact))

    def test_write_without_a_change_is_not_audited(self):
        self.dealer.write({"b2b_tier_id": self.silver.id})
        self.dealer.write({"name": "Renamed"})
        self.assertFalse(self._changes())

    def test_context_cannot_fake_a_review(self):
        """A remote caller can only put JSON in the context: a string is no
        proof of a review."""
        self.dealer.with_context(b2b_tier_change_info="review").write(
            {"b2b_tier_id": self.gold.id}
        )
        self.assertEqual(self._changes().reason, "manual")

    def test_override_audited(self):
        until = datetime.date.today() + datetime.timedelta(days=30)
        self.env["res.partner.tier.override"].with_user(self.manager).create(
            {
                "partner_id": self.dealer.id,
                "tier_id": self.gold.id,
                "date_end": until,
                "reason": "Launch campaign",
            }
        ).action_confirm()
        change = self._changes()
        self.assertEqual(change.reason, "override")
        self.assertIn("Launch campaign", change.note)
        self.assertEqual(self.dealer.b2b_tier_override_until, until)
        self.assertTrue(self.dealer.b2b_tier_override_active)
        # same tier again: the override itself is still audited
        self.env["res.partner.tier.override"].with_user(self.manager).create(
            {
                "partner_id": self.dealer.id,
                "tier_id": self.gold.id,
                "date_end": until,
                "reason": "Extended",
            }
        ).action_confirm()
        self.assertEqual(len(self._changes()), 2)
        self.dealer.with_user(self.manager).action_b2b_tier_override_end()
        self.assertFalse(self.dealer.b2b_tier_override_until)

    def test_review_syncs_the_contacts(self):
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.dealer.id}
        )
        self._invoice(self.dealer, 320000.0)
        self._run()
        self.assertEqual(contact.b2b_tier_id, self.gold)
        self.assertEqual(len(self._changes()), 1)

    def test_confirmed_orders_are_never_repriced(self):
        product = self._b2b_product("Widget", price=100.0, taxes_id=False)
        Pricelist = self.env["product.pricelist"]
        for tier, price in ((self.silver, 90.0), (self.gold, 80.0)):
            tier.pricelist_id = Pricelist.create(
                {
                    "name": f"{tier.name} prices",
                    "item_ids": [
                        Command.create(
                            {
                                "applied_on": "0_product_variant",
                                "product_id": product.id,
                                "compute_price": "fixed",
                                "fixed_price": price,
                            }
                        )
                    ],
                }
            )
        self.dealer.invalidate_recordset()
        confirmed = self._b2b_order(self.dealer, [(product, 10)], confirm=True)
        draft = self._b2b_order(self.dealer, [(product, 10)])
        self.assertEqual(confirmed.order_line.price_unit, 90.0)
        self._invoice(self.dealer, 320000.0)
        self._run()
        self.assertEqual(self.dealer.b2b_tier_id, self.gold)
        self.env.invalidate_all()
        self.assertEqual(confirmed.order_line.price_unit, 90.0)
        self.assertEqual(confirmed.amount_untaxed, 900.0)
        self.assertEqual(draft.order_line.price_unit, 90.0, "a draft keeps its prices")
        new = self._b2b_order(self.dealer, [(product, 10)])
        self.assertEqual(new.pricelist_id, self.gold.pricelist_id)
        self.assertEqual(new.order_line.price_unit, 80.0)
