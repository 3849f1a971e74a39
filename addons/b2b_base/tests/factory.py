# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The records every module's tests set up: dealers, their buyers, internal
users, products and sales orders, made one way for the whole suite.

``B2bTestFactory`` is a mixin of class methods only (no ``setUpClass`` of its
own), for any ``TransactionCase`` or ``HttpCase``, in the way of OCA's
``CommonTierValidation``::

    class MyCommon(B2bTestFactory, TransactionCase):
        @classmethod
        def setUpClass(cls):
            super().setUpClass()
            cls.dealer = cls._b2b_dealer("Dealer A", "DA", tier, state="approved")
            cls.buyer = cls._b2b_buyer(cls.dealer, "da_buyer")

The records are created in ``cls.env`` (the test's environment, with the
context the common gave it) unless a user is given.
"""

from odoo import Command
from odoo.tests import new_test_user

#: the group of a buyer role, by the role's short name
BUYER_ROLE_GROUP = "b2b_base.b2b_base_group_buyer_%s"


class B2bTestFactory:
    """Class methods creating the suite's usual test records."""

    @classmethod
    def _b2b_dealer(cls, name, code, tier=None, state=None, **vals):
        """A dealer company (``res.partner``) with its code and tier.

        ``state``: none, a prospect (as a salesman creates it); otherwise
        the dealer is created in that status, as a dealer manager imports it
        (the ``b2b_import_state`` context). ``vals``: more partner values.
        """
        values = {"name": name, "is_company": True, "b2b_is_dealer": True}
        if code:
            values["b2b_dealer_code"] = code
        if tier:
            values["b2b_tier_id"] = tier.id
        Partner = cls.env["res.partner"]
        if state:
            values["b2b_state"] = state
            Partner = Partner.with_context(b2b_import_state=True)
        return Partner.create({**values, **vals})

    @classmethod
    def _b2b_role_groups(cls, roles):
        """The groups' xml ids of ``roles`` (a role's short name such as
        ``"purchaser"``, or any group's xml id)."""
        return [role if "." in role else BUYER_ROLE_GROUP % role for role in roles]

    @classmethod
    def _b2b_buyer(cls, dealer, login, roles=("purchaser",), name=None, **vals):
        """A portal user of ``dealer`` (a contact of it, named ``name`` or
        the login, e-mail ``<login>@example.com``) with the groups of its
        buyer ``roles`` (none: a plain portal user; ``dealer`` may then be
        any company). ``vals``: more user values."""
        contact = cls.env["res.partner"].create(
            {
                "name": name or login,
                "parent_id": dealer.id,
                "email": f"{login}@example.com",
            }
        )
        groups = ",".join(["base.group_portal", *cls._b2b_role_groups(roles)])
        return new_test_user(
            cls.env,
            login=login,
            groups=groups,
            name=contact.name,
            partner_id=contact.id,
            **vals,
        )

    @classmethod
    def _b2b_internal_user(cls, login, groups="base.group_user", **vals):
        """An internal user (``new_test_user``); ``groups``: xml ids, as a
        comma-separated string or an iterable. ``vals``: more user values."""
        if not isinstance(groups, str):
            groups = ",".join(groups)
        return new_test_user(cls.env, login=login, groups=groups, **vals)

    @classmethod
    def _b2b_product(cls, name, sku=None, price=100.0, storable=False, **vals):
        """A goods product (``product.product``, Odoo's ``consu`` type)
        with its SKU (internal reference) and sale price; ``storable``:
        tracked in stock. ``vals`` (e.g. ``type="service"``,
        ``taxes_id=False``) come last."""
        values = {"name": name, "list_price": price, "type": "consu"}
        if sku:
            values["default_code"] = sku
        if storable:
            values["is_storable"] = True
        return cls.env["product.product"].create({**values, **vals})

    @classmethod
    def _b2b_order(
        cls, partner, lines=(), user=None, confirm=False, sudo=False, **vals
    ):
        """A sales order of ``partner``; ``lines``: ``(product, qty)`` or
        ``(product, qty, line values)``.

        Created (and confirmed if ``confirm``) as ``user`` if given, through
        ``sudo`` if asked (as the portal does for a portal user); the order is
        returned in that environment. ``vals``: more order values.
        """
        Order = cls.env["sale.order"]
        if user:
            Order = Order.with_user(user)
        if sudo:
            Order = Order.sudo()
        order = Order.create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": line[0].id,
                            "product_uom_qty": line[1],
                            **(line[2] if len(line) > 2 else {}),
                        }
                    )
                    for line in lines
                ],
                **vals,
            }
        )
        if confirm:
            order.action_confirm()
        return order
