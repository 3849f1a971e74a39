# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The demo story of the suite: orders of dealers A and B in every state.

Demo only: called once by ``demo/sale_order_demo.xml`` (a ``<function>`` of a
demo file runs at installation, not on upgrades). It lives in ``demo/``
because it is set-up code that ships no behaviour, and in ``b2b_suite``
because it needs every module of the suite (portal quick order, approvals,
credit, deliveries, invoices and payments).

Every step goes through the business methods a user would trigger: the
portal's quick order (``b2b.quick.order``) as the dealer's purchaser,
``action_confirm`` (dealer chain, credit, seller chain), the approval
decisions of the dealer's approver and finance and of the dealer manager,
``button_validate`` of the deliveries, ``_create_invoices`` and
``action_post``, ``account.payment.register``, and the credit override of a
credit manager with its audited reason. Dates are relative to today.
"""

import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

XMLID = "b2b_suite.sale_order_demo_%s"

#: (key, dealer, lines (SKU, quantity), flow, days ago of each step).
#: The flows: ``paid``, ``invoiced``, ``partial`` (invoice partly paid),
#: ``delivered``, ``confirmed`` (delivery open), ``approved`` (dealer chain,
#: then seller, then confirmed), ``override`` (over the credit limit, passed
#: by the credit manager's override), ``wait_dealer``, ``wait_seller``,
#: ``reject_dealer``, ``reject_seller``, ``refused`` (submitted as the portal
#: does, refused for credit), ``draft``, ``cancel``. In date order,
#: so that invoices and payments are numbered chronologically.
STORY = [
    ("a_paid", "a", [("TS-RED-M", 24), ("BTL-750", 12)], "paid",
     {"order": 75, "delivery": 73, "invoice": 70, "payment": 45}),
    ("b_paid", "b", [("TS-RED-S", 20), ("CAP-BLK", 12)], "paid",
     {"order": 65, "delivery": 63, "invoice": 60, "payment": 32}),
    ("a_invoiced_overdue", "a",
     [("TS-BLU-M", 24), ("MUG-CER-01", 48), ("BAG-CAN-01", 20)], "invoiced",
     {"order": 45, "delivery": 43, "invoice": 40}),
    ("a_invoiced_partial", "a", [("BTL-500", 30), ("CAP-BLK", 24)], "partial",
     {"order": 15, "delivery": 13, "invoice": 12, "payment": 5}),
    ("b_invoiced", "b", [("BTL-500", 12), ("MUG-CER-01", 24)], "invoiced",
     {"order": 12, "delivery": 11, "invoice": 10}),
    ("a_delivered", "a", [("TS-RED-S", 40), ("TS-BLU-S", 20)], "delivered",
     {"order": 4, "delivery": 2}),
    ("b_delivered", "b", [("TS-BLU-M", 30)], "delivered",
     {"order": 5, "delivery": 3}),
    ("b_confirmed", "b", [("BAG-CAN-01", 20), ("BTL-750", 6)], "confirmed",
     {"order": 2}),
    ("a_confirmed", "a",
     [("TS-RED-S", 200), ("TS-BLU-S", 200), ("TS-RED-M", 100), ("TS-BLU-M", 100),
      ("BTL-500", 48)], "approved", {"order": 1}),
    # submitted while dealer B was within its limit: it waits for B's approver
    ("b_waiting_dealer", "b", [("TS-RED-M", 60)], "wait_dealer", {}),
    ("b_over_limit", "b",
     [("TS-RED-S", 150), ("TS-BLU-S", 150), ("MUG-CER-01", 96)], "override",
     {"order": 1}),
    ("a_waiting_dealer", "a", [("BTL-750", 60), ("MUG-CER-01", 96)],
     "wait_dealer", {}),
    ("a_waiting_seller", "a", [("BTL-500", 300), ("TS-BLU-S", 100)],
     "wait_seller", {}),
    ("a_rejected", "a", [("CAP-BLK", 100), ("UMB-FLD-01", 60)], "reject_dealer",
     {}),
    ("a_rejected_seller", "a", [("BTL-750", 324)], "reject_seller", {}),
    # dealer B is over its limit now: the submission is refused at once, with
    # the reason, before anybody is asked to approve it
    ("b_refused", "b", [("BTL-500", 240), ("TS-BLU-M", 60)], "refused", {}),
    # data/order.csv, ready to be submitted (it needs dealer A's approver)
    ("a_draft", "a",
     [("TS-RED-S", 30), ("TS-BLU-S", 30), ("BTL-500", 24), ("MUG-CER-01", 48),
      ("CAP-BLK", 12)], "draft", {}),
    # submitting it is refused: dealer B is over its credit limit
    ("b_draft", "b", [("CAP-BLK", 30), ("UMB-FLD-01", 12)], "draft", {}),
    ("a_cancelled", "a", [("BAG-CAN-01", 40), ("MUG-CER-01", 24)], "cancel", {}),
    ("b_cancelled", "b", [("MUG-CER-01", 48)], "cancel", {}),
]  # fmt: skip

#: decisions of each approval flow: (who, approve?, comment or reason)
DECISIONS = {
    "approved": [
        ("approver", True, "Season stock for the new stores."),
        ("finance", True, "Within this quarter's budget."),
        ("manager", True, "Good volume, approved."),
    ],
    "override": [
        ("approver", True, "Summer campaign stock."),
        ("finance", True, "Paid from the campaign budget."),
    ],
    "wait_seller": [
        ("approver", True, "Needed for the summer campaign."),
        ("finance", True, "Budget confirmed."),
    ],
    "reject_dealer": [
        ("approver", False, "This month's budget is spent: order again next month."),
    ],
    "reject_seller": [
        ("approver", True, "Needed for the summer campaign."),
        ("finance", True, "Budget confirmed."),
        ("manager", False, "Too much for one delivery: split it over two months."),
    ],
}

PARTIAL_PAYMENT = 2000.0
OVERRIDE_REASON = (
    "Summer campaign agreed with the dealer: one order above the credit "
    "limit, the next ones wait for the payments (demo)."
)


class DemoStoryError(Exception):
    """A step of the demo story did not end where it should."""


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.model
    def _b2b_demo_create_story(self):
        """Create the demo story once; never break an installation.

        A step the suite's rules refuse (e.g. demo rules changed by hand)
        leaves the story out, with a note in the log: the rest of the demo
        data stays installed.
        """
        if self.env.ref(XMLID % STORY[0][0], raise_if_not_found=False):
            return False  # already there
        actors = self._b2b_demo_actors()
        if not actors:
            _logger.info("Demo story skipped: the demo users are missing.")
            return False
        try:
            with self.env.cr.savepoint():
                for key, dealer, lines, flow, days in STORY:
                    order = self._b2b_demo_story_order(
                        actors[dealer], lines, flow, days
                    )
                    self.env["ir.model.data"]._update_xmlids(
                        [{"xml_id": XMLID % key, "record": order, "noupdate": True}]
                    )
        except (UserError, DemoStoryError) as error:
            _logger.info("Demo story not created: %s", error)
            return False
        return True

    @api.model
    def _b2b_demo_actors(self):
        """{dealer letter: {role: user}}: the dealer's purchaser, approver and
        finance, and the backend administrator and dealer manager."""
        ref = self.env.ref
        staff = {
            "admin": ref("base.user_admin", raise_if_not_found=False),
            "manager": ref("b2b_base.res_users_b2b_manager", raise_if_not_found=False),
        }
        actors = {}
        for dealer in ("a", "b"):
            users = {
                role: ref(
                    f"b2b_base.res_users_dealer_{dealer}_{role}",
                    raise_if_not_found=False,
                )
                for role in ("purchaser", "approver", "finance")
            }
            actors[dealer] = dict(users, **staff)
        if not all(user for users in actors.values() for user in users.values()):
            return {}
        return actors

    @api.model
    def _b2b_demo_story_order(self, users, lines, flow, days):
        """One order of the story, brought to the end of its ``flow``."""
        purchaser = users["purchaser"]
        admin = users["admin"]
        order = self._b2b_demo_quick_order(purchaser, lines)
        if flow == "draft":
            return order
        if flow == "cancel":
            order.with_user(purchaser).sudo().action_cancel()
            return self._b2b_demo_expect(order, "cancel")
        if flow == "refused":
            # the portal's "Submit": the refusal stays on the order
            __, error = order.with_user(purchaser).sudo()._b2b_buyer_submit()
            if not error:
                raise DemoStoryError(f"{order.name} was not refused")
            return self._b2b_demo_expect(order, "draft")
        if flow == "override":
            # the credit manager lets this one order pass the limit (audited)
            order.with_user(admin)._b2b_credit_grant_override(OVERRIDE_REASON)
        # the purchaser submits the quotation (the portal's "Submit")
        order.with_user(purchaser).sudo().action_confirm()
        for role, approve, text in DECISIONS.get(flow, []):
            request = order._b2b_approval_requests(states=("pending",))[:1]
            if not request:
                raise DemoStoryError(f"{order.name}: no approval waits for {role}")
            decide = request.with_user(users[role])
            if approve:
                decide.action_approve(text)
            else:
                decide.action_reject(text)
        if flow in ("wait_dealer", "wait_seller", "reject_dealer", "reject_seller"):
            return self._b2b_demo_expect(order, "draft")
        self._b2b_demo_expect(order, "sale")
        order.date_order = self._b2b_demo_date(days["order"], hour=10)
        if "delivery" in days:
            self._b2b_demo_deliver(order.with_user(admin), days["delivery"])
        if "invoice" in days:
            invoice = self._b2b_demo_invoice(order.with_user(admin), days["invoice"])
            if "payment" in days:
                amount = PARTIAL_PAYMENT if flow == "partial" else None
                self._b2b_demo_pay(invoice, days["payment"], amount)
        return order

    @api.model
    def _b2b_demo_quick_order(self, purchaser, lines):
        """A draft quotation of ``purchaser`` made by the portal's quick order."""
        quick = self.env["b2b.quick.order"].with_user(purchaser)
        rows = [
            {"line": number, "sku": sku, "qty": str(qty)}
            for number, (sku, qty) in enumerate(lines, start=1)
        ]
        validation = quick._b2b_validate(rows)
        if validation["invalid"]:
            errors = [entry["error"] for entry in validation["entries"]]
            raise DemoStoryError(f"quick order refused: {errors}")
        return quick._b2b_create_order(validation["entries"]).sudo()

    @api.model
    def _b2b_demo_expect(self, order, state):
        if order.state != state:
            raise DemoStoryError(f"{order.name} is {order.state}, not {state}")
        return order

    @api.model
    def _b2b_demo_date(self, days, hour=None):
        today = fields.Date.context_today(self) - timedelta(days=days)
        if hour is None:
            return today
        return fields.Datetime.to_datetime(today) + timedelta(hours=hour)

    @api.model
    def _b2b_demo_deliver(self, order, days):
        """Validate the delivery of ``order`` (all of it is in stock)."""
        pickings = order.picking_ids.filtered(lambda p: p.state != "done")
        pickings.action_assign()
        if pickings.filtered(lambda p: p.state != "assigned"):
            raise DemoStoryError(f"{order.name}: the delivery is not ready")
        if pickings.button_validate() is not True:
            raise DemoStoryError(f"{order.name}: the delivery needs a wizard")
        pickings.date_done = self._b2b_demo_date(days, hour=15)

    @api.model
    def _b2b_demo_invoice(self, order, days):
        """Invoice ``order`` and post the invoice, dated ``days`` ago."""
        invoice = order._create_invoices()
        invoice.invoice_date = self._b2b_demo_date(days)
        invoice.action_post()
        return invoice

    @api.model
    def _b2b_demo_pay(self, invoice, days, amount=None):
        """Register the dealer's payment of ``invoice`` (all or ``amount``)."""
        vals = {"payment_date": self._b2b_demo_date(days)}
        if amount:
            vals["amount"] = amount
        register = (
            self.env["account.payment.register"]
            .with_user(invoice.env.user)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(vals)
        )
        register.action_create_payments()
        if invoice.payment_state not in (
            ("partial",) if amount else ("paid", "in_payment")
        ):
            raise DemoStoryError(f"{invoice.name} is {invoice.payment_state}")
