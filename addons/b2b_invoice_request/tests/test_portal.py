# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

import lxml.html

from odoo.tests import tagged

from .common import PDF, TAX_ID_2, B2bInvoiceRequestCommon


@tagged("post_install", "-at_install")
class TestInvoiceRequestPortal(B2bInvoiceRequestCommon):
    def _get(self, url, login="pa_finance"):
        self.authenticate(login, login)
        return self.url_open(url)

    def test_roles(self):
        for login in ("pa_finance", "pa_admin"):
            for url in (
                "/my/b2b/invoice_requests",
                "/my/b2b/invoice_requests/new",
                "/my/b2b/invoice_profiles",
            ):
                with self.subTest(login=login, url=url):
                    self.assertEqual(self._get(url, login).status_code, 200)
        response = self._get("/my/b2b/invoice_requests", "pa_buyer")
        self.assertEqual(response.status_code, 403)
        self.assertIn("b2b_role_denied", response.text)
        self.assertEqual(
            self._get("/my/b2b/invoice_requests", "p_plain").status_code, 404
        )

    def test_home(self):
        self._request(self.a_finance, {self.cap_line: 1})
        html = self._get("/my").text
        self.assertIn('id="b2b_invoice_requests_link"', html)
        self.assertIn('name="b2b_card_invoice_requests"', html)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["b2b_invoice_request_count"]}
        )
        self.assertEqual(counters["b2b_invoice_request_count"], 1)
        html = self._get("/my", "pa_buyer").text
        self.assertNotIn("b2b_invoice_requests_link", html)

    def test_request_through_the_form(self):
        html = self._get("/my/b2b/invoice_requests/new").text
        self.assertEqual(html.count('name="b2b_invoice_line"'), 2)
        self.assertNotIn(self.order_b.name, html)
        # the whole order, at the delivered quantities
        response = self._post(
            "/my/b2b/invoice_requests/new",
            {
                "profile_id": self.profile.id,
                "order_ids": self.order.id,
                f"order_of_{self.cap_line.id}": self.order.id,
                f"qty_{self.cap_line.id}": "4",
                f"order_of_{self.mug_line.id}": self.order.id,
                f"qty_{self.mug_line.id}": "6",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn('id="b2b_invoice_requested"', response.text)
        request = self.env["b2b.invoice.request"].search(
            [("dealer_id", "=", self.dealer_a.id)]
        )
        self.assertEqual(request.line_ids.sale_line_id, self.order.order_line)
        self.assertEqual(request.requested_by_id, self.a_finance)
        # nothing left to request; a second post of the same lines is refused
        html = self._get("/my/b2b/invoice_requests/new").text
        self.assertIn('id="b2b_invoice_nothing"', html)
        response = self._post(
            "/my/b2b/invoice_requests/new",
            {
                "profile_id": self.profile.id,
                f"line_{self.cap_line.id}": "1",
                f"qty_{self.cap_line.id}": "1",
            },
        )
        self.assertIn('id="b2b_invoice_request_errors"', response.text)
        self.assertEqual(
            self.env["b2b.invoice.request"].search_count(
                [("dealer_id", "=", self.dealer_a.id)]
            ),
            1,
        )

    def test_profile_form(self):
        self.authenticate("pa_finance", "pa_finance")
        response = self._post(
            "/my/b2b/invoice_profiles/save",
            {"name": "Bad", "tax_id": "91350100M000100Y44", "kind": "ordinary"},
        )
        self.assertIn('id="b2b_invoice_profile_errors"', response.text)
        self.assertIn("not a valid tax ID", response.text)
        response = self._post(
            "/my/b2b/invoice_profiles/save",
            {"name": "Special", "tax_id": "91350100M000100Y44", "kind": "special"},
        )
        # both problems at once
        self.assertIn("needs", response.text)
        self.assertIn("not a valid tax ID", response.text)
        response = self._post(
            "/my/b2b/invoice_profiles/save",
            {
                "name": "Special",
                "tax_id": TAX_ID_2,
                "kind": "special",
                "address": "Addr",
                "phone": "123",
                "bank_name": "Bank",
                "bank_account": "456",
            },
        )
        self.assertIn('id="b2b_invoice_profile_saved"', response.text)
        profile = self.env["b2b.invoice.profile"].search([("name", "=", "Special")])
        self.assertEqual(profile.dealer_id, self.dealer_a)
        # another dealer's profile: 404 for editing, saving and removing
        self.assertEqual(
            self.url_open(
                f"/my/b2b/invoice_profiles?edit={self.profile_b.id}"
            ).status_code,
            404,
        )
        response = self._post(
            "/my/b2b/invoice_profiles/save",
            {"profile_id": self.profile_b.id, "name": "Mine", "tax_id": TAX_ID_2},
        )
        self.assertEqual(response.status_code, 404)
        response = self._post(f"/my/b2b/invoice_profiles/{self.profile_b.id}/archive")
        self.assertEqual(response.status_code, 404)
        self.assertTrue(self.profile_b.active)
        self._post(f"/my/b2b/invoice_profiles/{profile.id}/archive")
        self.assertFalse(profile.active)

    def test_issued_download_and_rejected_reason(self):
        issued = self._request(self.a_finance, {self.cap_line: 4})
        rejected = self._request(self.a_finance, {self.mug_line: 6})
        url = f"/my/b2b/invoice_requests/{issued.id}"
        self.assertEqual(self._get(url + "/file").status_code, 404)
        issued = issued.with_user(self.accountant)
        issued.action_b2b_create_invoice()
        issued.invoice_ids.action_post()
        issued.write(
            {
                "einvoice_number": "24312000000012345678",
                "einvoice_file": base64.b64encode(PDF),
                "einvoice_filename": "fapiao.pdf",
            }
        )
        issued.action_b2b_issue()
        rejected.with_user(self.accountant)._b2b_reject("Title missing")
        html = self._get(url).text
        self.assertIn('id="b2b_invoice_download"', html)
        self.assertIn("24312000000012345678", html)
        self.assertIn('data-b2b-state="issued"', html)
        self.assertIn(issued.invoice_ids.name, html)
        self.assertIn("o_portal_chatter", html)
        response = self._get(url + "/file")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, PDF)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        html = self._get(f"/my/b2b/invoice_requests/{rejected.id}").text
        self.assertIn('id="b2b_invoice_request_reject_reason"', html)
        self.assertIn("Title missing", html)
        # dealer B's users see neither
        for path in (url, url + "/file"):
            self.assertEqual(self._get(path, "pb_finance").status_code, 404)

    def test_thread(self):
        """The dealer's finance buyer writes in the request's thread (the
        portal chatter posts with the page's token); finance reads it."""
        invoice_request = self._request(self.a_finance, {self.cap_line: 1})
        html = self._get(f"/my/b2b/invoice_requests/{invoice_request.id}").text
        token = invoice_request.sudo().access_token
        self.assertIn(f'data-token="{token}"', html)
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "b2b.invoice.request",
                "thread_id": invoice_request.id,
                "post_data": {"body": "Please use the March price list."},
                "token": token,
            },
        )
        message = invoice_request.message_ids[0]
        self.assertIn("March price list", message.body)
        self.assertEqual(message.author_id, self.a_finance.partner_id)

    def test_form_figures_are_the_request_amounts(self):
        """The form shows each line's quantity, unit price and amounts (the
        model's figures); the request of the ticked lines amounts to their
        sum; the JSON figures leave other dealers' lines out."""
        html = self._get("/my/b2b/invoice_requests/new").text
        tree = lxml.html.fromstring(html)
        shown = {}
        for li in tree.xpath("//li[@name='b2b_invoice_line']"):
            box = li.xpath(".//*[@name='b2b_invoice_line_figures']")[0]
            shown[int(li.get("data-line-id"))] = (
                float(box.get("data-untaxed")),
                float(box.get("data-total")),
            )
            self.assertTrue(li.xpath(".//*[@name='b2b_line_price_unit']")[0].text)
        figures = self.cap_line._b2b_invoice_request_amounts()[self.cap_line.id]
        self.assertEqual(figures["quantity"], 4)
        self.assertEqual(
            shown[self.cap_line.id], (figures["untaxed"], figures["total"])
        )
        self.assertTrue(figures["untaxed"])
        self.assertIn('id="b2b_invoice_total"', html)
        # the whole order ticked: its request amounts to what the form showed
        self._post(
            "/my/b2b/invoice_requests/new",
            {
                "profile_id": self.profile.id,
                "order_ids": self.order.id,
                f"order_of_{self.cap_line.id}": self.order.id,
                f"qty_{self.cap_line.id}": "4",
                f"order_of_{self.mug_line.id}": self.order.id,
                f"qty_{self.mug_line.id}": "6",
            },
        )
        request = self.env["b2b.invoice.request"].search(
            [("dealer_id", "=", self.dealer_a.id)]
        )
        self.assertAlmostEqual(
            request.amount_untaxed, sum(untaxed for untaxed, _total in shown.values())
        )
        self.assertAlmostEqual(
            request.amount_total, sum(total for _untaxed, total in shown.values())
        )
        # the invoice created from it has the same amounts
        request.with_user(self.accountant).action_b2b_create_invoice()
        self.assertAlmostEqual(
            request.invoice_ids.amount_untaxed, request.amount_untaxed
        )
        self.assertAlmostEqual(request.invoice_ids.amount_total, request.amount_total)

    def test_json_amounts(self):
        self.authenticate("pa_finance", "pa_finance")
        cap_b = self.order_b.order_line
        result = self.make_jsonrpc_request(
            "/my/b2b/invoice_requests/amounts",
            {"quantities": {str(self.cap_line.id): "2", str(cap_b.id): "2"}},
        )
        self.assertEqual(list(result["amounts"]), [str(self.cap_line.id)])
        figures = self.cap_line._b2b_invoice_request_amounts({self.cap_line.id: 2})
        self.assertEqual(
            result["amounts"][str(self.cap_line.id)]["total"],
            figures[self.cap_line.id]["total"],
        )
        result = self.make_jsonrpc_request(
            "/my/b2b/invoice_requests/amounts",
            {"quantities": {str(self.cap_line.id): "x"}},
        )
        self.assertIn("error", result)

    def test_home_card_is_a_counter_card(self):
        """The card is one of the small counter cards, not a tall panel."""
        tree = lxml.html.fromstring(self._get("/my").text)
        cards = tree.xpath(
            "//div[@id='b2b_portal_home_cards']/div[@name='b2b_card_invoice_requests']"
        )
        self.assertEqual(len(cards), 1)
        self.assertIn("o_portal_index_card", cards[0].get("class"))
