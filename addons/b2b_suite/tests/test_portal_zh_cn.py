# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import html
import logging
import re

from odoo.tests import tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import PoFileReader

from .common import B2bSuitePortalCommon
from .test_portal_responsive import MAIN_PAGES

_logger = logging.getLogger(__name__)

# Pages of Odoo's own portal (the suite may add nothing to them), and texts
# that must be in Chinese there.
CORE_TEXTS = {
    "/my": ["我的账户"],
    "/my/orders": ["订单日期"],
}
TEXT_NODE_RE = re.compile(r">([^<>]+)<")


@tagged("post_install", "-at_install")
class TestPortalZhCn(B2bSuitePortalCommon):
    """The dealer workspace renders in Chinese for a zh_CN dealer user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        modules = cls.env["ir.module.module"].search(
            [("state", "=", "installed"), ("name", "=like", "b2b\\_%")]
        )
        cls.suite_modules = modules.mapped("name")
        cls.env["ir.module.module"]._load_module_terms(
            ["portal", "sale", "account", *cls.suite_modules], ["zh_CN"]
        )
        cls.terms = cls._suite_terms(cls.suite_modules)
        # names of records (data, not UI texts), e.g. Odoo's "All" category
        data_names = set(cls.env["product.category"].search([]).mapped("name"))
        cls.terms = {
            src: dst for src, dst in cls.terms.items() if src not in data_names
        }

    @staticmethod
    def _suite_terms(modules):
        """English -> Chinese of every translated term of the suite."""
        terms = {}
        for module in modules:
            try:
                path = file_path(f"{module}/i18n/zh_CN.po")
            except FileNotFoundError:
                continue
            with open(path, "rb") as po_file:
                for entry in PoFileReader(po_file):
                    # texts of pages and controllers, not field labels
                    if entry["type"] not in ("model_terms", "code"):
                        continue
                    if entry["value"] and entry["value"] != entry["src"]:
                        terms[entry["src"].strip()] = entry["value"].strip()
        return terms

    @staticmethod
    def _texts(body):
        return {
            " ".join(html.unescape(text).split())
            for text in TEXT_NODE_RE.findall(body)
            if text.strip()
        }

    def _page(self, page, lang):
        self.users["a_admin"].lang = lang
        self._login("a_admin")
        # a language other than the default one is shown under /<lang>/...
        response = self.url_open(page)
        self.assertEqual(response.status_code, 200, f"{page} in {lang}")
        self.assertTrue(response.url.endswith(page), f"{page} in {lang}")
        return response.text

    def test_pages_in_chinese(self):
        self.assertTrue(self.terms, "the suite ships no Chinese translation")
        for page in MAIN_PAGES:
            english = self._page(page, "en_US")
            chinese = self._page(page, "zh_CN")
            # the suite's own texts of the page, found in its English version
            own = sorted(
                src
                for src in self._texts(english)
                if src in self.terms and not src.isdigit()
            )
            if page not in CORE_TEXTS:
                self.assertTrue(own, f"{page}: no text of the suite found")
            chinese_texts = self._texts(chinese)
            untranslated = [src for src in own if src in chinese_texts]
            self.assertFalse(untranslated, f"{page}: left in English")
            if own:
                shown = [self.terms[src] for src in own]
                shown = [text for text in shown if text in chinese_texts]
                self.assertTrue(shown, f"{page}: no Chinese text of the suite")
                _logger.info("%s in Chinese: %s", page, ", ".join(shown))
            for text in CORE_TEXTS.get(page, []):
                self.assertIn(text, chinese, page)

    def test_order_and_invoice_pages_in_chinese(self):
        """The order page (status, details, approvals) and Odoo's invoice
        pages, whose titles Odoo's own catalogue leaves in English."""
        pages = {
            self.order_a.get_portal_url(): ["状态"],
            "/my/invoices": ["发票和账单"],
            self.invoice_a.get_portal_url(): ["发票和账单", "沟通记录"],
        }
        for page, texts in pages.items():
            url = page.split("?")[0]
            english = self._page(url, "en_US")
            chinese = self._page(url, "zh_CN")
            if url.startswith("/my/orders/"):
                # the suite's page: none of its texts left in English (Odoo's
                # invoice pages carry Odoo's own texts, some untranslated)
                own = sorted(src for src in self._texts(english) if src in self.terms)
                untranslated = [src for src in own if src in self._texts(chinese)]
                self.assertFalse(untranslated, f"{url}: left in English")
            for text in texts:
                self.assertIn(text, chinese, url)

    def test_scripts_in_chinese(self):
        """Texts written by scripts: the portal chatter of every document
        (Odoo's discussion components) and the quick order's hints come with
        the frontend's translation file, in Chinese."""
        self.users["a_admin"].lang = "zh_CN"
        self._login("a_admin")
        response = self.url_open("/website/translations/1?lang=zh_CN")
        self.assertEqual(response.status_code, 200)
        modules = response.json()["modules"]
        hint = "%(quantity)s more for %(price)s each"
        expected = {
            "mail": {"The conversation is empty.": "对话内容为空"},
            "b2b_portal": {hint: "再订 %(quantity)s 件，每件 %(price)s"},
        }
        for module, texts in expected.items():
            found = modules.get(module, {}).get("messages", [])
            messages = {message["id"]: message["string"] for message in found}
            for src, value in texts.items():
                self.assertEqual(messages.get(src), value, f"{module}: {src}")
