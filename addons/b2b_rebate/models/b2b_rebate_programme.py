# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

#: invoices counted by a "paid invoices only" programme (credit notes always count)
PAID_STATES = ("paid", "in_payment", "reversed")

#: groups that configure programmes and settle them
CONFIGURE_GROUPS = ("account.group_account_manager", "account.group_account_user")


class B2bRebateProgramme(models.Model):
    """A dealer rebate programme (返利政策): who, what counts, the steps.

    The accrued rebate of each dealer and period is stored on
    ``b2b.rebate.accrual``; settlements are ledger lines
    (``b2b.rebate.ledger``) with their credit notes.
    """

    _name = "b2b.rebate.programme"
    _description = "Rebate Programme"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        help="Only running programmes accrue; a closed programme keeps its "
        "figures and can still be settled.",
    )
    period_type = fields.Selection(
        [
            ("month", "Monthly"),
            ("quarter", "Quarterly"),
            ("year", "Yearly"),
            ("custom", "Between the dates"),
        ],
        string="Period",
        default="quarter",
        required=True,
        tracking=True,
        help="Each calendar month, quarter or year between the dates is a "
        "period of its own (a target per period); 'Between the dates' makes "
        "one period of the whole programme.",
    )
    date_start = fields.Date(
        string="Start Date",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
        tracking=True,
    )
    date_end = fields.Date(string="End Date", tracking=True)
    # Scope
    tier_ids = fields.Many2many(
        "b2b.dealer.tier",
        "b2b_rebate_programme_tier_rel",
        string="Tiers",
        help="Dealers of these tiers (and of the regions below, when both are set).",
    )
    region_ids = fields.Many2many(
        "b2b.dealer.region", "b2b_rebate_programme_region_rel", string="Regions"
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "b2b_rebate_programme_partner_rel",
        string="Dealers",
        domain=[("b2b_is_dealer", "=", True), ("is_company", "=", True)],
        help="These dealers take part whatever their tier and region.",
    )
    excluded_partner_ids = fields.Many2many(
        "res.partner",
        "b2b_rebate_programme_excluded_rel",
        string="Excluded Dealers",
        domain=[("b2b_is_dealer", "=", True), ("is_company", "=", True)],
    )
    # What counts
    product_scope = fields.Selection(
        [
            ("all", "All products"),
            ("products", "Some products"),
            ("categories", "Some product categories"),
        ],
        string="Products",
        default="all",
        required=True,
    )
    product_ids = fields.Many2many(
        "product.product", "b2b_rebate_programme_product_rel", string="Products List"
    )
    categ_ids = fields.Many2many(
        "product.category",
        "b2b_rebate_programme_categ_rel",
        string="Product Categories",
        help="Products of these categories and of their sub-categories.",
    )
    basis = fields.Selection(
        [("amount", "Untaxed amount"), ("quantity", "Quantity")],
        string="Target On",
        default="amount",
        required=True,
        help="What the step thresholds measure. The rate always applies to "
        "the untaxed amount, in the company's currency.",
    )
    method = fields.Selection(
        [
            ("retroactive", "Retroactive (the reached rate on the whole volume)"),
            ("incremental", "Incremental (each slice at its own rate)"),
        ],
        default="retroactive",
        required=True,
        tracking=True,
    )
    paid_only = fields.Boolean(
        string="Paid Invoices Only",
        help="Only paid invoices count (credit notes always lower the volume).",
    )
    step_ids = fields.One2many("b2b.rebate.step", "programme_id", string="Steps")
    # Settlement
    settlement_mode = fields.Selection(
        [
            ("credit_note", "Credit note"),
            ("balance", "Rebate balance"),
        ],
        string="Settle As",
        default="credit_note",
        required=True,
        tracking=True,
        help="Credit note: each settlement is a customer credit note. Rebate "
        "balance: each settlement credits the dealer's rebate balance, which "
        "it spends as a discount line on its next orders (a claw-back takes "
        "back from the balance, by a customer invoice for what it no longer "
        "holds).",
    )
    journal_id = fields.Many2one(
        "account.journal",
        string="Credit Note Journal",
        check_company=True,
        domain="[('type', '=', 'sale')]",
        help="Sales journal of the rebate credit notes (default: the "
        "company's first sales journal).",
    )
    account_id = fields.Many2one(
        "account.account",
        string="Rebate Account",
        check_company=True,
        help="Account of the rebate lines (default: the journal's income account).",
    )
    accrual_ids = fields.One2many("b2b.rebate.accrual", "programme_id")
    accrual_count = fields.Integer(compute="_compute_accrual_count")

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    def _compute_accrual_count(self):
        groups = self.env["b2b.rebate.accrual"]._read_group(
            [("programme_id", "in", self.ids)], ["programme_id"], ["__count"]
        )
        counts = {programme.id: count for programme, count in groups}
        for programme in self:
            programme.accrual_count = counts.get(programme.id, 0)

    @api.constrains(
        "date_start",
        "date_end",
        "period_type",
        "product_scope",
        "product_ids",
        "categ_ids",
        "basis",
        "method",
        "state",
        "step_ids",
    )
    def _check_rules(self):
        for programme in self:
            error = programme._b2b_rule_error()
            if error:
                raise ValidationError(error)

    def _b2b_rule_error(self):
        """The first thing wrong with the programme's rules, or None."""
        self.ensure_one()
        _ = self.env._
        if self.date_end and self.date_end < self.date_start:
            return _("%s: the end date is before the start date.", self.name)
        if self.period_type == "custom" and not self.date_end:
            return _(
                "%s: a programme between dates needs an end date.",
                self.name,
            )
        if self.product_scope == "products" and not self.product_ids:
            return _("%s: choose the products that count.", self.name)
        if self.product_scope == "categories" and not self.categ_ids:
            return _("%s: choose the product categories that count.", self.name)
        if self.method == "incremental" and self.basis == "quantity":
            return _(
                "%s: an incremental programme measures the untaxed amount "
                "(slices of a quantity have no amount of their own).",
                self.name,
            )
        if self.state == "running" and not self.step_ids:
            return _("%s: a running programme needs at least one step.", self.name)
        return None

    # ------------------------------------------------------------------
    # CRUD: the companies running a programme are cached
    # ------------------------------------------------------------------
    @api.model
    @tools.ormcache()
    def _b2b_running_company_ids(self):
        """The companies with a running programme (cached: posting an
        invoice in a company without programme costs no query)."""
        # sudo: which companies run programmes, whoever posts an invoice
        programmes = self.sudo().search([("state", "=", "running")])
        return frozenset(programmes.company_id.ids)

    @api.model_create_multi
    def create(self, vals_list):
        programmes = super().create(vals_list)
        self.env.registry.clear_cache()
        return programmes

    def write(self, vals):
        res = super().write(vals)
        if {"state", "company_id", "active"} & vals.keys():
            self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _b2b_check_configure_access(self):
        if self.env.su:
            return
        if not any(self.env.user.has_group(group) for group in CONFIGURE_GROUPS):
            raise AccessError(
                self.env._("Only accountants and billing managers run rebates.")
            )
        self.check_access("write")

    def action_b2b_start(self):
        self._b2b_check_configure_access()
        if any(programme.state != "draft" for programme in self):
            raise UserError(self.env._("Only draft programmes can be started."))
        self.write({"state": "running"})
        self._b2b_compute()
        return True

    def action_b2b_close(self):
        self._b2b_check_configure_access()
        if any(programme.state != "running" for programme in self):
            raise UserError(self.env._("Only running programmes can be closed."))
        self._b2b_compute()
        self.write({"state": "closed"})
        return True

    def action_b2b_reopen(self):
        self._b2b_check_configure_access()
        if any(programme.state != "closed" for programme in self):
            raise UserError(self.env._("Only closed programmes can be reopened."))
        self.write({"state": "running"})
        return True

    def action_b2b_draft(self):
        self._b2b_check_configure_access()
        # sudo: the ledger is read whatever the user's own-dealer rules
        if (
            self.sudo()
            .env["b2b.rebate.ledger"]
            .search_count([("programme_id", "in", self.ids)], limit=1)
        ):
            raise UserError(
                self.env._(
                    "A programme with settlements cannot go back to draft: close it."
                )
            )
        self.write({"state": "draft"})
        return True

    def action_b2b_recompute(self):
        """Recompute the current and previous periods of the programmes now."""
        self._b2b_check_configure_access()
        self._b2b_compute()
        return True

    def action_b2b_settle_ended(self):
        """Settle every dealer's ended periods (true-up and claw-back included)."""
        self._b2b_check_configure_access()
        today = fields.Date.context_today(self)
        self._b2b_compute(day=today)
        accruals = self.env["b2b.rebate.accrual"].search(
            [
                ("programme_id", "in", self.ids),
                ("period_end", "<", today),
                ("to_settle_amount", "!=", 0),
            ]
        )
        moves = accruals._b2b_settle()
        return accruals._b2b_action_moves(moves)

    def action_b2b_view_accruals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "b2b_rebate.b2b_rebate_accrual_action"
        )
        action["domain"] = [("programme_id", "=", self.id)]
        action["context"] = {"search_default_group_period": 1}
        return action

    # ------------------------------------------------------------------
    # Periods, scope, basis
    # ------------------------------------------------------------------
    def _b2b_period_of(self, day):
        """``(start, end)`` of the programme's period containing ``day``, or
        None when ``day`` is outside the programme."""
        self.ensure_one()
        if day < self.date_start or (self.date_end and day > self.date_end):
            return None
        if self.period_type == "custom":
            return self.date_start, self.date_end
        if self.period_type == "month":
            start = day.replace(day=1)
            end = start + relativedelta(months=1, days=-1)
        elif self.period_type == "quarter":
            start = datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
            end = start + relativedelta(months=3, days=-1)
        else:
            start = datetime.date(day.year, 1, 1)
            end = datetime.date(day.year, 12, 31)
        return max(start, self.date_start), min(end, self.date_end or end)

    def _b2b_periods_to_compute(self, day):
        """The period of ``day`` and the one before (late invoices and credit
        notes of a period that ends are still counted before it is settled)."""
        self.ensure_one()
        periods = []
        current = self._b2b_period_of(day)
        if current:
            periods.append(current)
            before = self._b2b_period_of(current[0] - datetime.timedelta(days=1))
        else:
            last = self.date_end if self.date_end and day > self.date_end else None
            before = self._b2b_period_of(last) if last else None
        if before and before not in periods:
            periods.append(before)
        return periods

    def _b2b_dealer_domain(self):
        """The dealers the programme applies to (commercial partners)."""
        self.ensure_one()
        domain = [
            ("b2b_is_dealer", "=", True),
            ("is_company", "=", True),
            ("company_id", "in", [self.company_id.id, False]),
        ]
        filters = []
        if self.tier_ids:
            filters.append([("b2b_tier_id", "in", self.tier_ids.ids)])
        if self.region_ids:
            filters.append([("b2b_region_id", "in", self.region_ids.ids)])
        scope = expression.AND(filters) if filters else None
        if self.partner_ids:
            listed = [("id", "in", self.partner_ids.ids)]
            scope = expression.OR([scope, listed]) if scope else listed
        if scope:
            domain = expression.AND([domain, scope])
        if self.excluded_partner_ids:
            domain = expression.AND(
                [domain, [("id", "not in", self.excluded_partner_ids.ids)]]
            )
        return domain

    def _b2b_line_domain(self, date_from, date_to, partner_ids=None):
        """The invoice lines counted by the programme in ``[date_from,
        date_to]``: product lines of posted customer invoices and credit
        notes of the company, rebate documents excluded. The same domain
        computes the figures and opens the drill-down."""
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("parent_state", "=", "posted"),
            ("move_id.move_type", "in", ("out_invoice", "out_refund")),
            ("display_type", "=", "product"),
            ("invoice_date", ">=", date_from),
            ("invoice_date", "<=", date_to),
            ("move_id.b2b_rebate_programme_id", "=", False),
        ]
        rebate_product = self.env.ref(
            "b2b_rebate.product_product_b2b_rebate", raise_if_not_found=False
        )
        if rebate_product:
            # the rebate balance spent on an order is no volume either
            domain.append(("product_id", "!=", rebate_product.id))
        if partner_ids is not None:
            domain.append(("partner_id", "in", list(partner_ids)))
        if self.product_scope == "products":
            domain.append(("product_id", "in", self.product_ids.ids))
        elif self.product_scope == "categories":
            domain.append(("product_id.categ_id", "child_of", self.categ_ids.ids))
        if self.paid_only:
            domain += [
                "|",
                ("move_id.move_type", "=", "out_refund"),
                ("move_id.payment_state", "in", PAID_STATES),
            ]
        return domain

    def _b2b_basis(self, date_from, date_to, partner_ids):
        """``{partner_id: (amount, quantity)}``: the net untaxed amount (in
        the company's currency) and the net quantity of the counted lines, in
        one grouped query for any number of dealers."""
        self.ensure_one()
        if not partner_ids:
            return {}
        # sudo: the figures cover every dealer of the programme, whatever the
        # record rules of the user (or cron) who recomputes them; the domain
        # restricts them to the programme's company.
        groups = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                self._b2b_line_domain(date_from, date_to, partner_ids),
                ["partner_id", "move_type"],
                ["balance:sum", "quantity:sum"],
            )
        )
        result = {}
        for partner, move_type, balance, quantity in groups:
            amount, qty = result.get(partner.id, (0.0, 0.0))
            sign = -1 if move_type == "out_refund" else 1
            result[partner.id] = (amount - balance, qty + sign * quantity)
        return result

    # ------------------------------------------------------------------
    # Accrual
    # ------------------------------------------------------------------
    def _b2b_compute(self, day=None, partner_ids=None):
        """Recompute the accruals of the running programmes for the period of
        ``day`` (default today) and the one before; ``partner_ids`` limits it
        to those dealers."""
        day = day or fields.Date.context_today(self)
        for programme in self.filtered(lambda p: p.state == "running"):
            for start, end in programme._b2b_periods_to_compute(day):
                programme._b2b_compute_period(start, end, partner_ids)
        return True

    def _b2b_compute_period(self, start, end, partner_ids=None):
        """Upsert the accruals of one period: a constant number of queries
        for any number of dealers (search, one grouped query, one create,
        batched updates at flush)."""
        self.ensure_one()
        # sudo: the accruals are figures of the whole programme, kept by the
        # job for every dealer in scope whoever triggers the recompute.
        Accrual = self.env["b2b.rebate.accrual"].sudo()
        dealer_domain = self._b2b_dealer_domain()
        accrual_domain = [("programme_id", "=", self.id), ("period_start", "=", start)]
        if partner_ids is not None:
            dealer_domain = expression.AND(
                [dealer_domain, [("id", "in", list(partner_ids))]]
            )
            accrual_domain.append(("partner_id", "in", list(partner_ids)))
        dealers = self.env["res.partner"].sudo().search(dealer_domain)
        existing = Accrual.search(accrual_domain)
        basis = self._b2b_basis(start, end, dealers.ids)
        by_partner = {accrual.partner_id.id: accrual for accrual in existing}
        currency = self.currency_id
        to_create, to_update = [], []
        for dealer in dealers:
            amount, quantity = basis.get(dealer.id, (0.0, 0.0))
            amount = currency.round(amount)
            accrual = by_partner.pop(dealer.id, None)
            if accrual is None:
                to_create.append(
                    {
                        "programme_id": self.id,
                        "company_id": self.company_id.id,
                        "currency_id": self.currency_id.id,
                        "partner_id": dealer.id,
                        "period_start": start,
                        "period_end": end,
                        "amount": amount,
                        "quantity": quantity,
                    }
                )
            elif (
                currency.compare_amounts(accrual.amount, amount)
                or accrual.quantity != quantity
                or accrual.period_end != end
            ):
                to_update.append((accrual, amount, quantity))
        # dealers that left the scope: nothing accrues any more (a settled
        # rebate is clawed back at the next settlement)
        for accrual in by_partner.values():
            if accrual.amount or accrual.quantity:
                to_update.append((accrual, 0.0, 0.0))
        if to_update:
            Accrual._b2b_write_figures(self, to_update, end)
        if to_create:
            Accrual.create(to_create)
        return True

    def _b2b_accrual_values(self, amount, quantity):
        """The stored figures of an accrual of ``amount`` and ``quantity``."""
        self.ensure_one()
        value = quantity if self.basis == "quantity" else amount
        rebate, step, next_step = self._b2b_rebate_for(value, amount)
        return {
            "basis_value": value,
            "accrued_amount": rebate,
            "step_id": step.id or None,
            "rate": step.rate,
            "next_threshold": next_step.threshold,
            "next_rate": next_step.rate,
            "missing": next_step.threshold - value if next_step else 0.0,
        }

    def _b2b_rebate_for(self, basis_value, amount):
        """``(rebate, current step, next step)`` for a volume ``basis_value``
        (amount or quantity, as the programme measures it) and the untaxed
        ``amount`` the rate applies to. A step is reached at its threshold."""
        self.ensure_one()
        steps = self.step_ids.sorted(lambda s: (s.threshold, s.id))
        reached = steps.filtered(lambda s: s.threshold <= basis_value)
        if basis_value <= 0 or amount <= 0:
            reached = steps.browse()
        upcoming = (steps - reached).filtered(lambda s: s.threshold > basis_value)
        next_step = upcoming[:1]
        if not reached:
            return 0.0, steps.browse(), next_step
        current = reached[-1]
        if self.method == "retroactive":
            rebate = amount * current.rate / 100.0 + current.fixed_amount
        else:
            rebate = 0.0
            bounds = [s.threshold for s in steps] + [None]
            for index, step in enumerate(steps):
                if step not in reached:
                    break
                top = bounds[index + 1]
                upper = basis_value if top is None else min(basis_value, top)
                rebate += (upper - step.threshold) * step.rate / 100.0
                rebate += step.fixed_amount
        return self.currency_id.round(rebate), current, next_step
