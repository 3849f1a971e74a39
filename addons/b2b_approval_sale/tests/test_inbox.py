# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import SALESMAN, B2bApprovalSaleCommon

ACTION = "b2b_approval_sale.b2b_approval_request_action_dealer_inbox"
MENU = "b2b_approval_sale.b2b_approval_request_menu_dealer_inbox"


@tagged("post_install", "-at_install")
class TestDealerApprovalInbox(B2bApprovalSaleCommon):
    """The seller-side inbox under Sales > Dealers, used by a salesperson who
    approves the quotations of their dealer (own dealers only, no manager
    right of any kind)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.approver = cls._b2b_internal_user(
            "aps_inbox_approver",
            [SALESMAN, "b2b_base.b2b_base_group_salesman_own"],
            name="Dealer Salesperson",
        )
        cls.dealer.user_id = cls.approver
        cls._create_rule(
            [{"approver_type": "user", "user_ids": [Command.set(cls.approver.ids)]}],
            "[('amount_untaxed', '>', 1000), ('amount_untaxed', '<=', 5000)]",
            name="Salesperson approves",
        )
        cls._create_rule(
            [
                {
                    "approver_type": "user",
                    "user_ids": [Command.set(cls.sales_manager.ids)],
                }
            ],
            "[('amount_untaxed', '>', 5000)]",
            name="Sales manager approves",
        )
        # Submitted by the dealer's purchaser in the portal (sudo, as the
        # portal does): the salesperson of the dealer decides the first
        # three, the sales manager the last one.
        cls.order_mine = cls._submit(20, "Mine")
        cls.order_mine_too = cls._submit(25, "Mine too")
        cls.order_to_reject = cls._submit(30, "To reject")
        cls.order_other = cls._submit(60, "Other")
        cls.request_mine = cls._request(cls.order_mine)
        cls.request_mine_too = cls._request(cls.order_mine_too)
        cls.request_to_reject = cls._request(cls.order_to_reject)
        cls.request_other = cls._request(cls.order_other)

    @classmethod
    def _submit(cls, qty, ref):
        order = cls._b2b_order(
            cls.dealer,
            [(cls.product, qty)],
            user_id=cls.approver.id,
            client_order_ref=ref,
        )
        order.with_user(cls.purchaser).sudo().action_confirm()
        return order

    @classmethod
    def _request(cls, order):
        request = order._b2b_approval_requests(scope="seller")[:1]
        assert request.state == "pending", request
        return request

    def _inbox(self, filters=("filter_my_turn",)):
        """The requests the inbox lists to the approver with ``filters`` of
        its search view on (the action's default: "Waiting for Me")."""
        Request = self.env["b2b.approval.request"].with_user(self.approver)
        action = (
            self.env["ir.actions.actions"].with_user(self.approver)._for_xml_id(ACTION)
        )
        search = Request.get_views([(action["search_view_id"][0], "search")])
        arch = etree.fromstring(search["views"]["search"]["arch"])
        domain = list(safe_eval(action.get("domain") or "[]"))
        for name in filters:
            node = arch.find(f".//filter[@name='{name}']")
            domain += safe_eval(node.get("domain"), {"uid": self.approver.id})
        return Request.search(domain)

    def test_menu_and_action_open_for_the_approver(self):
        menu = self.env.ref(MENU)
        self.assertEqual(menu.parent_id, self.env.ref("b2b_base.b2b_base_menu_root"))
        self.assertEqual(menu.parent_id.parent_id, self.env.ref("sale.sale_menu_root"))
        visible = self.env["ir.ui.menu"].with_user(self.approver)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        self.assertIn(menu.parent_id.id, visible)
        action = (
            self.env["ir.actions.actions"].with_user(self.approver)._for_xml_id(ACTION)
        )
        self.assertEqual(action["res_model"], "b2b.approval.request")
        self.assertEqual(menu.action.id, action["id"])
        context = safe_eval(action["context"])
        self.assertEqual(context, {"search_default_filter_my_turn": 1})
        # The views of b2b_approval, as the approver gets them.
        views = (
            self.env["b2b.approval.request"]
            .with_user(self.approver)
            .get_views([(view_id, mode) for view_id, mode in action["views"]])
        )["views"]
        self.assertEqual(set(views), {"list", "form"})
        self.assertEqual(
            views["list"]["id"],
            self.env.ref("b2b_approval.b2b_approval_request_view_list").id,
        )
        list_arch = etree.fromstring(views["list"]["arch"])
        self.assertTrue(list_arch.xpath("//header/button[@name='action_approve']"))
        form_arch = etree.fromstring(views["form"]["arch"])
        for button in ("action_approve", "action_open_reject"):
            self.assertTrue(form_arch.xpath(f"//header/button[@name='{button}']"))

    def test_inbox_lists_what_waits_for_the_approver(self):
        mine = self.request_mine | self.request_mine_too | self.request_to_reject
        self.assertEqual(self._inbox(), mine)
        self.assertEqual(
            sorted(self._inbox().mapped("res_name")),
            sorted(
                [
                    self.order_mine.name,
                    self.order_mine_too.name,
                    self.order_to_reject.name,
                ]
            ),
        )
        # The others are one filter away: the sales manager's request too.
        everything = self._inbox(filters=("filter_pending",))
        self.assertEqual(everything, mine | self.request_other)
        self.assertEqual(self._inbox(filters=("filter_scope_seller",)), everything)
        self.assertFalse(self._inbox(filters=("filter_scope_dealer",)))
        self.assertFalse(self._inbox(filters=("filter_decided_by_me",)))
        # The sales manager's inbox holds their request only.
        self.assertEqual(
            self.env["b2b.approval.request"]
            .with_user(self.sales_manager)
            .search([("line_ids.b2b_is_my_turn", "=", True)]),
            self.request_other,
        )

    def test_approve_and_reject_from_the_inbox(self):
        # The form shows the decision buttons on the approver's requests only.
        with Form(self.request_mine.with_user(self.approver)) as form:
            self.assertTrue(form.b2b_is_my_turn)
            self.assertEqual(form.current_line_id.name, "Step 1")
        with Form(self.request_other.with_user(self.approver)) as form:
            self.assertFalse(form.b2b_is_my_turn)
        with self.assertRaises(AccessError):
            self.request_other.with_user(self.approver).action_approve()
        # The list's "Approve" on the selected requests.
        selected = (self.request_mine | self.request_mine_too).with_user(self.approver)
        selected.action_approve()
        self.assertEqual(set(selected.mapped("state")), {"approved"})
        self.assertEqual(
            self.request_mine.line_ids.decided_by_id, self.approver, "recorded"
        )
        self.assertEqual(self.order_mine.b2b_approval_state, "approved")
        # "Reject" on the form opens the reason wizard.
        action = self.request_to_reject.with_user(self.approver).action_open_reject()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.approver)
            .with_context(**action["context"])
        )
        wizard.reason = "Prices to be renegotiated"
        wizard.save().action_reject()
        self.assertEqual(self.request_to_reject.state, "rejected")
        self.assertEqual(
            self.request_to_reject.line_ids.comment, "Prices to be renegotiated"
        )
        self.assertEqual(self.order_to_reject.b2b_approval_state, "rejected")
        # Nothing waits any more; what was decided is under "Decided by Me".
        self.assertFalse(self._inbox())
        self.assertEqual(
            self._inbox(filters=("filter_decided_by_me",)),
            self.request_mine | self.request_mine_too | self.request_to_reject,
        )
        self.assertEqual(
            self._inbox(filters=("filter_rejected",)), self.request_to_reject
        )
