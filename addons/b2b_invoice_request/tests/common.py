# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo.addons.b2b_portal.tests.common import B2bPortalHttpCommon

#: valid unified social credit codes (check character included)
TAX_ID = "91350100M000100Y43"
TAX_ID_2 = "91330100MA2B00004H"
#: the smallest documents of each kind (their first bytes count)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


class B2bInvoiceRequestCommon(B2bPortalHttpCommon):
    """b2b_portal's dealers and buyers (dealer A: admin, purchasers,
    approver, finance; dealer B: purchaser + admin); an accountant of the
    billing group; dealer A's confirmed order of 10 caps and 6 mugs with 4
    caps and the 6 mugs delivered, dealer B's order of 10 caps all
    delivered; an ordinary profile for each dealer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.b2b_invoice_request = True
        cls.accountant = cls._b2b_internal_user(
            "ir_accountant",
            ("base.group_user", "account.group_account_invoice"),
        )
        cls.b_finance = cls._b2b_buyer(cls.dealer_b, "pb_finance", ("finance",))
        cls.order = cls._b2b_order(
            cls.a_buyer.partner_id, [(cls.cap, 10), (cls.mug, 6)], confirm=True
        )
        cls.cap_line, cls.mug_line = cls.order.order_line
        cls._deliver(cls.order, {cls.cap: 4, cls.mug: 6})
        cls.order_b = cls._b2b_order(
            cls.b_buyer.partner_id, [(cls.cap, 10)], confirm=True
        )
        cls._deliver(cls.order_b, {cls.cap: 10})
        Profile = cls.env["b2b.invoice.profile"]
        cls.profile = Profile.create(
            {
                "dealer_id": cls.dealer_a.id,
                "name": "Dealer A Trading Co.",
                "tax_id": TAX_ID,
                "is_default": True,
            }
        )
        cls.profile_b = Profile.create(
            {"dealer_id": cls.dealer_b.id, "name": "Dealer B Co.", "tax_id": TAX_ID_2}
        )

    @classmethod
    def _deliver(cls, order, quantities):
        """Deliver ``quantities`` (``{product: qty}``) of the order's open
        delivery; the rest stays in a backorder."""
        picking = order.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        picking.action_assign()
        for move in picking.move_ids:
            move.quantity = quantities.get(move.product_id, 0.0)
            move.picked = True
        picking.with_context(cancel_backorder=False)._action_done()
        return picking

    @classmethod
    def _request(cls, user, quantities, profile=None, note=""):
        """Request ``quantities`` (``{sale line: qty}``) as ``user``."""
        return (
            cls.env["b2b.invoice.request"]
            .with_user(user)
            ._b2b_portal_request(
                (profile or cls.profile).id,
                {str(line.id): str(qty) for line, qty in quantities.items()},
                note,
            )
            .with_env(cls.env)
        )
