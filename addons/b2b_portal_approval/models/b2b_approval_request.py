# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import models

INBOX_URL = "/my/b2b/approvals"


class B2bApprovalRequest(models.Model):
    _inherit = "b2b.approval.request"

    def _b2b_notify_approvers(self, line, users):
        """Portal approvers get an e-mail whose link opens their portal inbox
        (the engine's generic notification would point to the backend)."""
        portal_users = users.filtered("share")
        res = super()._b2b_notify_approvers(line, users - portal_users)
        if portal_users:
            url = f"{self.get_base_url()}{INBOX_URL}"
            self.message_notify(
                partner_ids=portal_users.partner_id.ids,
                subject=self.env._(
                    "Approve %(doc)s: %(step)s", doc=self.res_name, step=line.name
                ),
                body=Markup('<p>%s</p><p><a href="%s">%s</a></p>')
                % (
                    self.env._("%s waits for your approval.", self.res_name),
                    url,
                    self.env._("Open my approvals"),
                ),
            )
        return res

    def _get_access_action(self, access_uid=None, force_website=False):
        """Links to a request (e-mails, /mail/view) open the portal inbox for
        portal users."""
        self.ensure_one()
        user = self.env["res.users"].sudo().browse(access_uid) if access_uid else None
        user = user or self.env.user
        if user.share and self.scope == "dealer":
            return {
                "type": "ir.actions.act_url",
                "url": INBOX_URL,
                "target": "self",
                "res_id": self.id,
            }
        return super()._get_access_action(
            access_uid=access_uid, force_website=force_website
        )
