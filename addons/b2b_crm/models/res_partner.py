# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models

#: days before the expiry of a licence when the salesperson gets an activity
LICENSE_WARNING_DAYS = 30


class ResPartner(models.Model):
    _inherit = "res.partner"

    b2b_license_expiry = fields.Date(
        string="Business Licence Expiry",
        tracking=True,
        index="btree_not_null",
        copy=False,
    )
    b2b_application_ids = fields.One2many(
        "crm.lead", "b2b_dealer_id", string="Dealer Applications", readonly=True
    )

    # ------------------------------------------------------------------
    # Licence expiry (daily job)
    # ------------------------------------------------------------------
    @api.model
    def _b2b_license_dealer_domain(self):
        return [
            ("b2b_is_dealer", "=", True),
            ("is_company", "=", True),
            ("b2b_state", "=", "approved"),
            ("b2b_license_expiry", "!=", False),
        ]

    @api.model
    def _b2b_cron_license_expiry(self, today=None):
        """Daily: one activity for the salesperson of each approved dealer whose
        licence expires within 30 days (none while one is open), then the
        suspension of the dealers whose licence has expired, in the companies
        that switched it on (``res.company.b2b_crm_suspend_expired``).

        Set-based: one search of the dealers, one of the open activities, one
        batch of activities, one lifecycle change for all suspended dealers.
        """
        today = fields.Date.to_date(today) or fields.Date.context_today(self)
        activity_type = self.env.ref("b2b_crm.mail_activity_type_license_expiry")
        base = self._b2b_license_dealer_domain()
        expiring = self.search(
            [
                *base,
                ("user_id", "!=", False),
                (
                    "b2b_license_expiry",
                    "<=",
                    today + timedelta(days=LICENSE_WARNING_DAYS),
                ),
            ]
        )
        if expiring:
            open_ids = {
                activity.res_id
                for activity in self.env["mail.activity"].search(
                    [
                        ("res_model", "=", "res.partner"),
                        ("res_id", "in", expiring.ids),
                        ("activity_type_id", "=", activity_type.id),
                    ]
                )
            }
            model_id = self.env["ir.model"]._get_id("res.partner")
            # quick update: no e-mail per activity (one query set per dealer);
            # the salesperson sees them in the activity menu
            self.env["mail.activity"].with_context(
                mail_activity_quick_update=True
            ).create(
                [
                    {
                        "res_model_id": model_id,
                        "res_id": dealer.id,
                        "activity_type_id": activity_type.id,
                        "user_id": dealer.user_id.id,
                        "date_deadline": dealer.b2b_license_expiry,
                        "summary": self.env._(
                            "Business licence expires on %s",
                            dealer.b2b_license_expiry,
                        ),
                    }
                    for dealer in expiring
                    if dealer.id not in open_ids
                ]
            )
        companies = self.env["res.company"].search(
            [("b2b_crm_suspend_expired", "=", True)]
        )
        if not companies:
            return True
        expired = self.search(
            [
                *base,
                ("b2b_license_expiry", "<", today),
                "|",
                ("company_id", "in", companies.ids),
                "&",
                ("company_id", "=", False),
                ("user_id.company_id", "in", companies.ids),
            ]
        )
        if expired:
            expired._b2b_set_state(
                "suspended", self.env._("The business licence has expired.")
            )
        return True
