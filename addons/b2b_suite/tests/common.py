# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Two dealers, their buyers and documents, each carrying unique markers.

Every document of dealer A and of dealer B holds a marker string (order
reference and note, line description, invoice line, saved list name, user and
dealer names). ``MARKERS`` says which actors may see each marker, and through
which document's access token; the cross-module tests check that no response
ever shows a marker to anybody else.
"""

import base64

from odoo import Command, fields
from odoo.tests import HttpCase

from odoo.addons.b2b_base.tests.factory import B2bTestFactory

# actor -> (login, dealer, buyer roles); "public" has no user, "c2_internal"
# is an internal user of another company.
ACTORS = {
    "a_admin": ("mx_a_admin", "a", ("admin",)),
    "a_purch1": ("mx_a_purch1", "a", ("purchaser",)),
    "a_purch2": ("mx_a_purch2", "a", ("purchaser",)),
    "a_fin": ("mx_a_fin", "a", ("finance",)),
    "a_appr": ("mx_a_appr", "a", ("approver",)),
    "b_user": ("mx_b_user", "b", ("admin", "purchaser", "finance")),
    "b_follower": ("mx_b_follower", "b", ("purchaser",)),
    # a portal user of B without buyer role (invited with Odoo's own wizard)
    "b_plain_follower": ("mx_b_plain", "b", ()),
    "public": (None, None, ()),
    "c2_internal": ("mx_c2_internal", None, ()),
}
A_USERS = frozenset(("a_admin", "a_purch1", "a_purch2", "a_fin", "a_appr"))
A_WIDE = frozenset(("a_admin", "a_fin", "a_appr"))
A_INVOICES = frozenset(("a_admin", "a_fin"))
B_USERS = frozenset(("b_user", "b_follower", "b_plain_follower"))

# marker -> (actors entitled to see it, targets whose access token shows it)
MARKERS = {
    "ZQXADEALER": (A_USERS, {"order_a", "order_a2", "invoice_a"}),
    "ZQXAUSR": (A_USERS, {"order_a", "order_a2", "invoice_a"}),
    "ZQXATIER": (A_USERS, set()),
    "ZQXAP1ORD": (A_WIDE | {"a_purch1"}, {"order_a"}),
    "ZQXAP1LINE": (A_WIDE | {"a_purch1"}, {"order_a"}),
    "ZQXAP2ORD": (A_WIDE | {"a_purch2"}, {"order_a2"}),
    "ZQXAINV": (A_INVOICES, {"invoice_a"}),
    "ZQXASLIP": (A_INVOICES, set()),
    "ZQXAPROF": (A_INVOICES, set()),
    "ZQXAIREQ": (A_INVOICES, set()),
    "ZQXAAGR": (A_USERS, set()),
    "ZQXAP1LIST": (frozenset({"a_purch1"}), set()),
    "ZQXASHLIST": (A_USERS, set()),
    "ZQXBDEALER": (B_USERS, set()),
    "ZQXBUSR": (B_USERS, set()),
    "ZQXBTIER": (B_USERS, set()),
    "ZQXBORD": (B_USERS, set()),
    "ZQXBINV": (frozenset({"b_user"}), set()),
}


class B2bSuitePortalCommon(B2bTestFactory, HttpCase):
    """Dealer A (admin, two purchasers, finance, approver), dealer B (a user,
    a purchaser and a user without buyer role, both following A's documents),
    an internal user of another company, and documents of both dealers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        env = cls.env
        cls.company = env.company
        cls.company2 = env["res.company"].create({"name": "MX Other Company"})
        cls.tier_a = env["b2b.dealer.tier"].create(
            {"name": "Tier ZQXATIER", "code": "MX-TA", "company_id": False}
        )
        cls.tier_b = env["b2b.dealer.tier"].create(
            {"name": "Tier ZQXBTIER", "code": "MX-TB", "company_id": False}
        )
        cls.dealer_a = cls._create_dealer("Alpha ZQXADEALER", "MX-A", cls.tier_a)
        cls.dealer_b = cls._create_dealer("Beta ZQXBDEALER", "MX-B", cls.tier_b)
        cls.users = {}
        for actor, (login, dealer, roles) in ACTORS.items():
            if actor == "public":
                continue
            if actor == "c2_internal":
                cls.users[actor] = cls._b2b_internal_user(
                    login,
                    "base.group_user,sales_team.group_sale_salesman",
                    name="MX Internal Other Company",
                    company_id=cls.company2.id,
                    company_ids=[Command.set(cls.company2.ids)],
                )
                continue
            cls.users[actor] = cls._create_buyer(
                cls.dealer_a if dealer == "a" else cls.dealer_b, login, roles
            )
        cls.product = cls._b2b_product(
            "MX Widget", "MX-WIDGET", price=10.0, taxes_id=False
        )
        # Dealer-side approval of the orders of A's first purchaser.
        env["b2b.approval.rule"].create(
            {
                "name": "MX dealer approval",
                "model_id": env["ir.model"]._get("sale.order").id,
                "scope": "dealer",
                "domain": "[('client_order_ref', '=', 'ZQXAP1ORD')]",
                "step_ids": [
                    Command.create(
                        {
                            "name": "Dealer approver",
                            "approver_type": "role",
                            "role_id": env.ref("b2b_base.b2b_buyer_role_approver").id,
                        }
                    )
                ],
            }
        )
        purch1 = cls.users["a_purch1"]
        cls.order_a = cls._create_order(purch1, "ZQXAP1ORD", "ZQXAP1LINE")
        cls.order_a.action_quotation_sent()
        cls.order_a.with_user(purch1).sudo()._b2b_approval_submit(requester=purch1)
        cls.request_a = cls.order_a._b2b_approval_requests(scope="dealer")
        cls.order_a2 = cls._create_order(cls.users["a_purch2"], "ZQXAP2ORD", "MX line")
        cls.order_a2.action_confirm()
        cls.order_b = cls._create_order(cls.users["b_user"], "ZQXBORD", "ZQXBORD line")
        cls.order_b.action_confirm()
        cls.invoice_a = cls._create_invoice(cls.dealer_a, "ZQXAINV")
        cls.invoice_b = cls._create_invoice(cls.dealer_b, "ZQXBINV")
        # B's users follow A's documents: that must grant nothing.
        follower = (cls.users["b_follower"] | cls.users["b_plain_follower"]).partner_id
        for document in (cls.order_a, cls.order_a2, cls.invoice_a):
            document.message_subscribe(partner_ids=follower.ids)
        cls.lists = {}
        if "b2b.order.list" in env:
            cls.lists["own"] = cls._create_list(purch1, "List ZQXAP1LIST", False)
            cls.lists["shared"] = cls._create_list(
                cls.users["a_purch2"], "List ZQXASHLIST", True
            )
        cls.finance = {}
        if "b2b.payment.slip" in env:
            cls._create_finance_documents()
        if "b2b.invoice.request" in env:
            cls._create_invoice_request()
        if "b2b.agreement" in env:
            cls._create_agreement()
        for record in (cls.order_a, cls.order_a2, cls.order_b, cls.invoice_a):
            record._portal_ensure_token()
        env.flush_all()

    @classmethod
    def _create_finance_documents(cls):
        """Dealer A's payment slip (declared by its finance buyer) and its
        statement snapshot of this month (b2b_finance_portal)."""
        cls.company.b2b_statement_confirmation = True
        png = base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        )
        cls.finance["slip_a"] = (
            cls.env["b2b.payment.slip"]
            .with_user(cls.users["a_fin"])
            ._b2b_declare(
                {
                    "amount": "123.0",
                    "date": fields.Date.to_string(fields.Date.today()),
                    "bank_reference": "ZQXASLIP",
                    "payer_account": "6222 0000 1111",
                    "invoice_ids": [str(cls.invoice_a.id)],
                },
                "slip.png",
                png,
            )
            .with_env(cls.env)
        )
        today = fields.Date.today()
        # sudo: the monthly job freezes statements as the superuser
        cls.finance["snapshot_a"] = (
            cls.env["b2b.statement.snapshot"]
            .sudo()
            ._b2b_create_snapshots(
                cls.dealer_a, cls.company, today.replace(day=1), today
            )
            .with_env(cls.env)
        )

    @classmethod
    def _create_invoice_request(cls):
        """Dealer A's invoice profile and its finance buyer's invoice request
        for the delivered order of A's second purchaser
        (b2b_invoice_request)."""
        cls.company.b2b_invoice_request = True
        cls.finance["profile_a"] = cls.env["b2b.invoice.profile"].create(
            {
                "dealer_id": cls.dealer_a.id,
                "name": "Alpha ZQXAPROF Trading",
                "tax_id": "91350100M000100Y43",
                "is_default": True,
            }
        )
        picking = cls.order_a2.picking_ids
        picking.action_assign()
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        picking._action_done()
        cls.finance["invoice_request_a"] = (
            cls.env["b2b.invoice.request"]
            .with_user(cls.users["a_fin"])
            ._b2b_portal_request(
                cls.finance["profile_a"].id,
                {str(line.id): "3" for line in cls.order_a2.order_line},
                "ZQXAIREQ note",
            )
            .with_env(cls.env)
        )

    @classmethod
    def _create_agreement(cls):
        """Dealer A's agreement of this year, sent for signature
        (b2b_agreement)."""
        template = cls.env["b2b.agreement.template"].create(
            {
                "name": "MX agreement",
                "body_html": "<p>ZQXAAGR <t t-out='object.dealer_id.name'/></p>",
            }
        )
        today = fields.Date.today()
        agreement = cls.env["b2b.agreement"]._b2b_generate(
            cls.dealer_a,
            today.replace(month=1, day=1),
            today.replace(month=12, day=31),
            template=template,
        )
        agreement.action_b2b_send()
        cls.finance["agreement_a"] = agreement

    # ------------------------------------------------------------------
    # Data helpers
    # ------------------------------------------------------------------
    @classmethod
    def _create_dealer(cls, name, code, tier):
        return cls._b2b_dealer(
            name, code, tier, state="approved", email=f"{code.lower()}@example.com"
        )

    @classmethod
    def _create_buyer(cls, dealer, login, roles):
        marker = "ZQXAUSR" if dealer == cls.dealer_a else "ZQXBUSR"
        return cls._b2b_buyer(dealer, login, roles, name=f"{marker} {login}")

    @classmethod
    def _create_order(cls, user, ref, line_name):
        """An order placed by ``user`` for its own contact, as the portal does."""
        return cls._b2b_order(
            user.partner_id,
            [(cls.product, 3, {"name": line_name})],
            user=user,
            sudo=True,
            client_order_ref=ref,
            note=f"Note {ref}",
        ).with_env(cls.env)

    @classmethod
    def _create_invoice(cls, dealer, marker):
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": dealer.id,
                "ref": marker,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": f"Goods {marker}",
                            "quantity": 1,
                            "price_unit": 123.0,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    @classmethod
    def _create_list(cls, user, name, shared):
        return cls.env["b2b.order.list"].create(
            {
                "name": name,
                "dealer_id": user.partner_id.commercial_partner_id.id,
                "user_id": user.id,
                "shared": shared,
                "line_ids": [
                    Command.create({"product_id": cls.product.id, "quantity": 2})
                ],
            }
        )

    # ------------------------------------------------------------------
    # HTTP helpers
    # ------------------------------------------------------------------
    def _login(self, actor):
        """Open a session for ``actor`` (public: an anonymous session)."""
        login = ACTORS[actor][0]
        return self.authenticate(login, login)
