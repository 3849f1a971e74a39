# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

#: the buyer's status of an order, in the order a buyer follows it
BUYER_STATUSES = [
    ("draft", "Draft"),
    ("refused", "Refused"),
    ("waiting_dealer", "Waiting for our approver"),
    ("rejected", "Rejected by our approver"),
    ("waiting_seller", "Waiting for the brand"),
    ("rejected_seller", "Rejected by the brand"),
    ("approved", "Approved: to submit"),
    ("confirmed", "Confirmed"),
    ("shipped_partly", "Partly shipped"),
    ("shipped", "Shipped"),
    ("invoiced", "Invoiced"),
    ("cancelled", "Cancelled"),
]
#: statuses in which the buyer may change the lines and submit (again)
EDITABLE_STATUSES = ("draft", "refused", "rejected", "rejected_seller", "approved")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    b2b_submit_error = fields.Text(
        string="Refusal at Submission",
        copy=False,
        readonly=True,
        help="Why the dealer's last submission of this quotation was refused "
        "(credit, order rules...), as the buyer was told; cleared by a "
        "successful submission.",
    )
    b2b_buyer_status = fields.Selection(
        BUYER_STATUSES,
        string="Order Status",
        compute="_compute_b2b_buyer_status",
        help="The one status a dealer's buyer follows an order by, in the "
        "portal lists, on the order and on the home.",
    )
    b2b_buyer_status_reason = fields.Text(
        string="Status Reason", compute="_compute_b2b_buyer_status"
    )

    @api.depends("state", "invoice_status", "b2b_submit_error")
    def _compute_b2b_buyer_status(self):
        for order, (status, reason) in self._b2b_buyer_statuses().items():
            order.b2b_buyer_status = status
            order.b2b_buyer_status_reason = reason

    def _b2b_buyer_statuses(self):
        """{order: (status, reason)} for the orders of ``self``, in batch.
        Approval modules refine the quotations' statuses (waiting, rejected,
        approved) by extending it."""
        result = {}
        for order in self:
            if order.state == "cancel":
                result[order] = ("cancelled", False)
            elif order.state in ("draft", "sent"):
                if order.b2b_submit_error:
                    result[order] = ("refused", order.b2b_submit_error)
                else:
                    result[order] = ("draft", False)
            elif order.invoice_status == "invoiced":
                result[order] = ("invoiced", False)
            else:
                delivery = order.delivery_status
                result[order] = (
                    {"full": "shipped", "partial": "shipped_partly"}.get(
                        delivery, "confirmed"
                    ),
                    False,
                )
        return result

    def _b2b_buyer_can_edit(self):
        """Whether the dealer's buyer may change the lines and submit."""
        self.ensure_one()
        return self.b2b_buyer_status in EDITABLE_STATUSES

    # ------------------------------------------------------------------
    # Submission by the dealer's buyer (portal)
    # ------------------------------------------------------------------
    def _b2b_buyer_submit(self):
        """Submit the quotation as its dealer's buyer: confirm it (every check
        runs in ``action_confirm``: order rules and credit before any approval,
        then approvals, then the confirmation) and keep the refusal on the
        order so that the buyer and their colleagues see why it stopped.

        :returns: ``(status, error message or None)``
        """
        self.ensure_one()
        if not self._b2b_buyer_can_edit():
            raise UserError(
                self.env._(
                    "%(order)s cannot be submitted: it is %(status)s.",
                    order=self.name,
                    status=dict(
                        self._fields["b2b_buyer_status"]._description_selection(
                            self.env
                        )
                    )[self.b2b_buyer_status],
                )
            )
        try:
            with self.env.cr.savepoint():
                self.action_confirm()
        except (UserError, ValidationError) as error:
            message = str(error)
            self.b2b_submit_error = message
            self.message_post(
                body=self.env._("Submission refused: %s", message),
                subtype_xmlid="mail.mt_comment",
            )
            return self.b2b_buyer_status, message
        if self.b2b_submit_error:
            self.b2b_submit_error = False
        return self.b2b_buyer_status, None

    # ------------------------------------------------------------------
    # What the buyer may change before submitting
    # ------------------------------------------------------------------
    def _b2b_buyer_delivery_addresses(self):
        """The delivery addresses the buyer may choose: the dealer's delivery
        contacts (the dealer's default one first), else the dealer itself."""
        self.ensure_one()
        dealer = self.partner_id.commercial_partner_id
        # sudo: the addresses of the order's own dealer
        Partner = self.env["res.partner"].sudo()
        addresses = Partner.search(
            [
                ("id", "child_of", dealer.id),
                ("type", "=", "delivery"),
                ("active", "=", True),
            ],
            order="name, id",
        )
        default = dealer.sudo().b2b_delivery_address_id
        if default in addresses:
            addresses = default | (addresses - default)
        return addresses or dealer.sudo()

    def _b2b_buyer_today(self):
        """Today in the buyer's time zone (the earliest requested date)."""
        return fields.Date.context_today(self).isoformat()

    def _b2b_buyer_check_editable(self):
        self.ensure_one()
        if not self._b2b_buyer_can_edit():
            raise UserError(
                self.env._(
                    "%s cannot be changed any more: it has been submitted.",
                    self.name,
                )
            )

    def _b2b_buyer_set_details(
        self, client_ref=None, address_id=None, date=None, note=None
    ):
        """The buyer's PO number, delivery address, requested date and note,
        validated (an address of the dealer, a date not in the past)."""
        self._b2b_buyer_check_editable()
        vals = {}
        if client_ref is not None:
            vals["client_order_ref"] = (str(client_ref).strip()[:64]) or False
        if address_id not in (None, "", False):
            try:
                address_id = int(address_id)
            except (TypeError, ValueError):
                address_id = 0
            address = self._b2b_buyer_delivery_addresses().filtered(
                lambda a: a.id == address_id
            )
            if not address:
                raise UserError(self.env._("Choose one of your delivery addresses."))
            vals["partner_shipping_id"] = address.id
        if date is not None:
            if date in ("", False):
                vals["commitment_date"] = False
            else:
                try:
                    day = fields.Date.to_date(str(date)[:10])
                except ValueError:
                    day = None
                if not day or day < fields.Date.context_today(self):
                    raise UserError(
                        self.env._("The requested date must be today or later.")
                    )
                # noon: the same calendar day in every time zone of the dealer
                vals["commitment_date"] = fields.Datetime.to_datetime(
                    f"{day.isoformat()} 12:00:00"
                )
        if note is not None:
            note = str(note).strip()[:2000]
            current = self.note and self.note.striptags().strip() or ""
            if note != current:
                vals["note"] = note or False
        # only what changed: an unchanged address does not reset an approval
        vals = {
            name: value
            for name, value in vals.items()
            if name == "note"
            or (self[name].id if name == "partner_shipping_id" else self[name]) != value
        }
        if vals:
            self.write(vals)
        return True

    def _b2b_buyer_update_lines(self, quantities, new_rows=()):
        """Change the quotation's lines as its buyer: ``quantities`` maps line
        ids to a new quantity (0 removes the line), ``new_rows`` are quick
        order rows (sku, qty) validated by the one line validator. Nothing is
        written unless every change is valid.

        :returns: the validation of the new rows (``b2b.quick.order``)
        """
        self._b2b_buyer_check_editable()
        QuickOrder = self.env["b2b.quick.order"]
        lines = self.order_line.filtered(
            lambda ln: ln.product_id and not ln.display_type and not ln.is_downpayment
        )
        commands = []
        for line_id, raw in (quantities or {}).items():
            line = lines.filtered(lambda ln, line_id=line_id: ln.id == line_id)
            if not line:
                raise UserError(self.env._("This line is not on the order."))
            quantity = (
                0.0 if str(raw).strip() in ("0", "") else QuickOrder._b2b_parse_qty(raw)
            )
            if quantity is None:
                raise UserError(
                    self.env._(
                        "The quantity %(qty)s of %(product)s is not a number.",
                        qty=str(raw)[:20],
                        product=line.product_id.display_name,
                    )
                )
            if not quantity:
                commands.append(Command.unlink(line.id))
            elif quantity != line.product_uom_qty:
                commands.append(Command.update(line.id, {"product_uom_qty": quantity}))
        validation = None
        rows = [row for row in new_rows if (row.get("sku") or "").strip()]
        if rows:
            validation = QuickOrder._b2b_validate(rows)
            bad = [entry for entry in validation["entries"] if entry["error"]]
            if bad:
                raise UserError(
                    "\n".join(f"{entry['sku']}: {entry['error']}" for entry in bad)
                )
            commands += [
                Command.create(
                    {
                        "product_id": entry["product"].id,
                        "product_uom_qty": entry["quantity"],
                    }
                )
                for entry in validation["entries"]
            ]
        if commands:
            self.write({"order_line": commands, "b2b_submit_error": False})
        return validation
