# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dealer credit: holds (manual and automatic), temporary increases, and
the backend actions that open their wizards."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL
from odoo.tools.misc import formatLang


# The model is split over files by concern, as Odoo core splits its large
# models (one class per concern, same _inherit).
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # Holds and temporary increases
    # ------------------------------------------------------------------
    @api.model
    def _b2b_credit_hold_groups(self):
        """XML ids of the groups whose users put dealers on hold, release
        them and grant temporary limit increases: credit control and the
        dealer managers (overrides of blocked documents stay with credit
        control, see ``b2b.credit.document.mixin``)."""
        return [
            "b2b_credit.b2b_credit_group_manager",
            "b2b_base.b2b_base_group_manager",
        ]

    def _b2b_credit_check_manager(self):
        user = self.env.user
        if not any(user.has_group(group) for group in self._b2b_credit_hold_groups()):
            raise AccessError(
                self.env._(
                    "Only credit managers and dealer managers may change credit "
                    "holds and limits."
                )
            )

    def _b2b_credit_set_hold(self, reason, hold_type="manual", company=None):
        """Put the dealers on hold in ``company`` (default: the current one).
        Manual holds need a credit or dealer manager."""
        reason = (reason or "").strip()
        hold_types = dict(
            self._fields["b2b_credit_hold_type"]._description_selection(self.env)
        )
        if hold_type not in hold_types:
            raise UserError(self.env._("Unknown hold type."))
        if hold_type == "manual":
            self._b2b_credit_check_manager()
            if not reason:
                raise UserError(self.env._("A reason is required to put a hold."))
        company = self._b2b_credit_hold_company(company)
        audit = self.env["b2b.credit.audit"]
        event = "hold" if hold_type == "manual" else "auto_hold"
        dealers = self.commercial_partner_id.with_company(company)
        for dealer in dealers:
            audit._b2b_log(
                dealer,
                event,
                company_id=company.id,
                value_before=self._b2b_credit_hold_label(dealer),
                value_after=hold_types[hold_type],
                reason=reason,
            )
        # Hold fields are read-only in the interface and set only here, after
        # the manager check above (or by the automatic job).
        dealers.sudo().write(
            {
                "b2b_credit_hold": True,
                "b2b_credit_hold_type": hold_type,
                "b2b_credit_hold_reason": reason,
                "b2b_credit_hold_date": fields.Datetime.now(),
                "b2b_credit_hold_user_id": self.env.user.id,
            }
        )
        return True

    def _b2b_credit_release_hold(self, reason, auto=False, company=None):
        """Release the hold of the dealers in ``company`` (default: the current
        one); credit or dealer manager unless ``auto``."""
        reason = (reason or "").strip()
        if not auto:
            self._b2b_credit_check_manager()
            if not reason:
                raise UserError(self.env._("A reason is required to release a hold."))
        company = self._b2b_credit_hold_company(company)
        dealers = self.commercial_partner_id.with_company(company).filtered(
            "b2b_credit_hold"
        )
        audit = self.env["b2b.credit.audit"]
        for dealer in dealers:
            audit._b2b_log(
                dealer,
                "auto_release" if auto else "release",
                company_id=company.id,
                value_before=self._b2b_credit_hold_label(dealer),
                value_after=self.env._("Released"),
                reason=reason,
            )
        # See _b2b_credit_set_hold.
        dealers.sudo().write(
            {
                "b2b_credit_hold": False,
                "b2b_credit_hold_type": False,
                "b2b_credit_hold_reason": False,
                "b2b_credit_hold_date": False,
                "b2b_credit_hold_user_id": False,
            }
        )
        return True

    def _b2b_credit_hold_company(self, company):
        """The company of a hold: ``company`` or the current one, which must
        be one of the user's companies."""
        company = company or self.env.company
        if not isinstance(company, models.BaseModel) or company._name != "res.company":
            raise UserError(self.env._("A hold applies to a company."))
        company.ensure_one()
        if not self.env.su and company not in self.env.user.company_ids:
            raise AccessError(self.env._("You cannot change holds in this company."))
        return company

    def _b2b_credit_hold_label(self, dealer):
        if not dealer.b2b_credit_hold:
            return self.env._("No hold")
        return dict(
            self._fields["b2b_credit_hold_type"]._description_selection(self.env)
        ).get(dealer.b2b_credit_hold_type, "")

    def _b2b_credit_grant_increase(self, amount, expiry, reason, company=None):
        """Temporary limit increase of ``amount`` until ``expiry`` (audited)."""
        self._b2b_credit_check_manager()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("A reason is required to raise a limit."))
        if amount <= 0:
            raise UserError(self.env._("The increase must be positive."))
        if not expiry or expiry < fields.Date.context_today(self):
            raise UserError(self.env._("The expiry date must be today or later."))
        company = company or self.env.company
        audit = self.env["b2b.credit.audit"]
        for dealer in self.commercial_partner_id:
            before = dealer._b2b_credit_limit(company)
            if not before:
                raise UserError(
                    self.env._(
                        "%s has no credit limit: there is nothing to increase.",
                        dealer.display_name,
                    )
                )
            # See _b2b_credit_set_hold: set only here, after the manager check.
            dealer.sudo().write(
                {"b2b_credit_temp_increase": amount, "b2b_credit_temp_expiry": expiry}
            )
            audit._b2b_log(
                dealer,
                "limit_increase",
                company_id=company.id,
                value_before=formatLang(
                    self.env, before, currency_obj=company.currency_id
                ),
                value_after=self.env._(
                    "%(limit)s until %(date)s",
                    limit=formatLang(
                        self.env,
                        dealer._b2b_credit_limit(company),
                        currency_obj=company.currency_id,
                    ),
                    date=fields.Date.to_string(expiry),
                ),
                reason=reason,
            )
        return True

    # ------------------------------------------------------------------
    # Automatic holds
    # ------------------------------------------------------------------
    @api.model
    def _b2b_credit_overdue_dealers_by_company(self, companies):
        """{company id: ids of the dealers with receivables of that company
        overdue beyond their grace period} (one query)."""
        if not companies:
            return {}
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT aml.company_id, dealer.id
                  FROM account_move_line aml
                  JOIN account_account acc ON acc.id = aml.account_id
                  JOIN res_partner rp ON rp.id = aml.partner_id
                  JOIN res_partner dealer ON dealer.id = rp.commercial_partner_id
                 WHERE aml.company_id = ANY(%(companies)s)
                   AND aml.parent_state = 'posted'
                   AND acc.account_type = 'asset_receivable'
                   AND aml.reconciled IS NOT TRUE
                   AND aml.amount_residual > 0
                   AND dealer.b2b_is_dealer
                   AND aml.date_maturity
                       < %(today)s::date - COALESCE(dealer.b2b_credit_grace_days, 0)
                """,
                companies=companies.ids,
                today=fields.Date.context_today(self),
            )
        )
        result = {company.id: set() for company in companies}
        for company_id, dealer_id in self.env.cr.fetchall():
            result[company_id].add(dealer_id)
        return result

    @api.model
    def _b2b_credit_overdue_amounts(self, company, dealer_ids, today=None):
        """{dealer id: amount of its receivables in ``company`` overdue
        beyond its grace period} for the commercial partners ``dealer_ids``,
        in one grouped query: the ``overdue`` figure of the credit decision
        (``b2b.credit.exposure._b2b_receivable_cte``, the dealer form's
        *Overdue Beyond Grace*) for a batch of dealers. Dealers with nothing
        overdue are absent. Used by the dealer health job."""
        if not dealer_ids:
            return {}
        self.env.flush_all()
        return dict(
            self.env.execute_query(
                SQL(
                    """
                    SELECT dealer.id, SUM(aml.amount_residual)
                      FROM account_move_line aml
                      JOIN account_account acc ON acc.id = aml.account_id
                      JOIN res_partner rp ON rp.id = aml.partner_id
                      JOIN res_partner dealer ON dealer.id = rp.commercial_partner_id
                     WHERE aml.company_id = %(company)s
                       AND dealer.id = ANY(%(dealers)s)
                       AND aml.parent_state = 'posted'
                       AND acc.account_type = 'asset_receivable'
                       AND aml.reconciled IS NOT TRUE
                       AND aml.amount_residual > 0
                       AND aml.date_maturity < %(today)s::date
                           - GREATEST(COALESCE(dealer.b2b_credit_grace_days, 0), 0)
                     GROUP BY dealer.id
                    """,
                    company=company.id,
                    dealers=list(dealer_ids),
                    today=today or fields.Date.context_today(self),
                )
            )
        )

    @api.model
    def _b2b_credit_cron_auto_hold(self):
        """Daily, per company with automatic holds: hold the dealers overdue
        beyond grace in that company, release the others' automatic holds."""
        # sudo: the job acts in every company, whatever the companies of the
        # user it runs as; holds are audited as automatic.
        partners = self.sudo()
        companies = self.env["res.company"].sudo().search([])
        auto_companies = companies.filtered("b2b_credit_auto_hold")
        overdue = partners._b2b_credit_overdue_dealers_by_company(auto_companies)
        for company in auto_companies:
            to_hold = (
                partners.browse(overdue[company.id])
                .with_company(company)
                .filtered(lambda p: not p.b2b_credit_hold)
            )
            if to_hold:
                to_hold._b2b_credit_set_hold(
                    self.env._("Invoices overdue beyond the grace period."),
                    "auto",
                    company=company,
                )
        partners._b2b_credit_release_auto_holds(companies=companies, overdue=overdue)
        # Forget expired temporary increases.
        self.search(
            [("b2b_credit_temp_expiry", "<", fields.Date.context_today(self))]
        ).sudo().write(
            {"b2b_credit_temp_increase": 0.0, "b2b_credit_temp_expiry": False}
        )
        return True

    @api.model
    def _b2b_credit_release_auto_holds(
        self, dealers=None, companies=None, overdue=None
    ):
        """Release, in each of ``companies`` (default: all), the automatic
        holds of dealers with nothing overdue beyond grace there any more (a
        company without automatic holds has nothing overdue).

        :param overdue: result of :meth:`_b2b_credit_overdue_dealers_by_company`
            when the caller has it already
        """
        if companies is None:
            companies = self.env["res.company"].sudo().search([])
        domain = [("b2b_credit_hold", "=", True), ("b2b_credit_hold_type", "=", "auto")]
        if dealers is not None:
            domain.append(("id", "in", dealers.commercial_partner_id.ids))
        # sudo: automatic holds are set and released by the system, for every
        # company whatever the user who reconciles or runs the job.
        partners = self.sudo()
        held = {
            company: partners.with_company(company).search(domain)
            for company in companies
        }
        held = {company: dealers for company, dealers in held.items() if dealers}
        if not held:
            return
        if overdue is None:
            overdue = partners._b2b_credit_overdue_dealers_by_company(
                self.env["res.company"]
                .browse([company.id for company in held])
                .filtered("b2b_credit_auto_hold")
            )
        for company, company_held in held.items():
            late = overdue.get(company.id, set())
            to_release = company_held.filtered(lambda p, late=late: p.id not in late)
            to_release._b2b_credit_release_hold(
                self.env._("Nothing is overdue beyond the grace period any more."),
                auto=True,
                company=company,
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_b2b_credit_audit(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_credit.b2b_credit_audit_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {}
        return action

    def action_b2b_credit_release(self):
        return self._b2b_credit_open_wizard("release")

    def action_b2b_credit_hold(self):
        return self._b2b_credit_open_wizard("hold")

    def _b2b_credit_open_wizard(self, mode):
        self.ensure_one()
        self._b2b_credit_check_manager()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Put on Hold")
            if mode == "hold"
            else self.env._("Release Hold"),
            "res_model": "res.partner.credit.hold",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_id": self.commercial_partner_id.id,
                "default_mode": mode,
            },
        }

    def action_b2b_credit_increase(self):
        self.ensure_one()
        self._b2b_credit_check_manager()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Temporary Increase"),
            "res_model": "res.partner.credit.increase",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }
