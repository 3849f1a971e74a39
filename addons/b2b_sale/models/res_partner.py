# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_delivery_address_id = fields.Many2one(
        "res.partner",
        string="Default Delivery Address",
        domain="[('id', 'child_of', id), ('type', '=', 'delivery')]",
        help="The address the dealer's new orders are delivered to, unless "
        "the buyer chooses another of the dealer's delivery addresses.",
    )

    @api.constrains("b2b_delivery_address_id")
    def _check_b2b_delivery_address(self):
        for partner in self.filtered("b2b_delivery_address_id"):
            if (
                partner.b2b_delivery_address_id.commercial_partner_id
                != partner.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "The default delivery address of %s must be one of its "
                        "own addresses.",
                        partner.display_name,
                    )
                )

    @api.model
    def _b2b_invoiced_volume(self, company, date_from, date_to, partner_ids=None):
        """Net invoiced volume per dealer: the untaxed amount of the posted
        customer invoices minus the posted credit notes of ``company``, in
        the company's currency, with an invoice date in ``[date_from,
        date_to]``, grouped by commercial partner.

        The one definition of "invoiced volume" every dealer figure uses
        (health, tier review, ...). One grouped query for any number of
        dealers: ``partner_ids`` limits it to those commercial partners
        (``None``: every customer of the company).

        :returns: ``{commercial_partner_id: amount}``; partners without
            invoices in the period are absent.
        """
        if partner_ids is not None and not isinstance(partner_ids, list | tuple):
            partner_ids = list(partner_ids)
        domain = [
            ("company_id", "=", company.id),
            ("move_type", "in", ("out_invoice", "out_refund")),
            ("state", "=", "posted"),
            ("invoice_date", ">=", date_from),
            ("invoice_date", "<=", date_to),
        ]
        if partner_ids is not None:
            if not partner_ids:
                return {}
            domain.append(("commercial_partner_id", "in", partner_ids))
        groups = self.env["account.move"]._read_group(
            domain, ["commercial_partner_id"], ["amount_untaxed_signed:sum"]
        )
        return {partner.id: amount for partner, amount in groups}
