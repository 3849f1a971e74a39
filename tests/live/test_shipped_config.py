"""The shipped `config/odoo.conf` works: every PDF renders under it.

Starts Odoo exactly as `make run` does (the shipped configuration, with the
addons path, data directory and master password appended; only the ports, the
database filter and the log file come from the command line), so its worker
count and memory limits are in force. wkhtmltopdf runs as a child of a worker
and inherits its address-space limit: a limit too low for it makes every PDF
fail with "Wkhtmltopdf failed (error code: -11)".

Downloads, over HTTP as their users do: Odoo's own invoice PDF (backend and
portal), the backend dealer statement, the portal statement (dealer's finance
user), and the price list (portal and backend). Each must be a PDF whose text
(pdftotext) holds the Chinese names of the dealer and product.
"""

import os
import re
import secrets
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest
import requests

from tests.conftest import ROOT, odoo_cmd
from tests.live.conftest import LiveServer, _free_port
from tests.live.test_dealer_isolation import _transition


class ShippedConfigServer(LiveServer):
    """A server started with config/odoo.conf, as scripts/run.sh does."""

    def __init__(self, odoo_env, db):
        super().__init__(odoo_env, db)
        self.admin_passwd = secrets.token_urlsafe(12)
        self.conf = Path(tempfile.mkdtemp(prefix="b2b-conf-")) / "odoo.conf"
        self.conf.write_text(
            (ROOT / "config" / "odoo.conf").read_text()
            + f"addons_path = {odoo_env['addons_path']}\n"
            + f"admin_passwd = {self.admin_passwd}\n"
            + f"data_dir = {odoo_env['data_dir']}\n"
        )

    def command(self):
        return [
            *odoo_cmd(self.odoo_env, self.db),
            "-c",
            str(self.conf),
            f"--db-filter=^{self.db}$",
            "--http-interface=127.0.0.1",
            f"--http-port={self.port}",
            f"--gevent-port={_free_port()}",
            f"--logfile={self.logfile}",
        ]

    def session(self, login, password):
        """A browser-like session logged in through /web/login."""
        http = requests.Session()
        page = http.get(f"{self.url}/web/login", timeout=60)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        resp = http.post(
            f"{self.url}/web/login",
            data={"login": login, "password": password, "csrf_token": token},
            timeout=60,
        )
        assert resp.ok and "/web/login" not in resp.url, f"{login} cannot log in"
        return http


def _config_options():
    options = {}
    for line in (ROOT / "config" / "odoo.conf").read_text().splitlines():
        if "=" in line and not line.lstrip().startswith(";"):
            key, value = line.split("=", 1)
            options[key.strip()] = value.strip()
    return options


@pytest.fixture(scope="module")
def shipped(odoo_env):
    server = ShippedConfigServer(odoo_env, odoo_env["live_db"]).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def pdf_world(shipped):
    s = shipped
    tag = s.unique("pdf")
    # Names entirely in Chinese, unique to this run: Odoo's Latin web font
    # (Lato) is embedded by wkhtmltopdf without a text map, so pdftotext
    # reads back only the glyphs of the CJK fonts.
    cjk_tag = "".join("零一二三四五六七八九甲乙丙丁戊己"[int(c, 16)] for c in tag[-10:])
    ref = {
        r["name"]: r["res_id"]
        for r in s.admin(
            "ir.model.data",
            "search_read",
            [
                ("module", "in", ["base", "b2b_base"]),
                (
                    "name",
                    "in",
                    ["group_portal", "b2b_base_group_buyer_finance"],
                ),
            ],
            fields=["name", "res_id"],
        )
    }
    tier = s.admin("b2b.dealer.tier", "create", [{"name": f"金牌 {tag}", "code": tag}])[
        0
    ]
    dealer_name = f"华东经销商{cjk_tag}"
    dealer = s.admin(
        "res.partner",
        "create",
        [
            {
                "name": dealer_name,
                "is_company": True,
                "b2b_is_dealer": True,
                "b2b_tier_id": tier,
                "b2b_dealer_code": tag,
            }
        ],
    )[0]
    for state in ("applied", "review", "approved"):
        _transition(s, dealer, state)
    product_name = f"测试产品{cjk_tag}"
    product = s.admin(
        "product.product",
        "create",
        [
            {
                "name": product_name,
                "default_code": f"SKU-{tag}",
                "list_price": 88.0,
                "sale_ok": True,
            }
        ],
    )[0]
    invoice = s.admin(
        "account.move",
        "create",
        [
            {
                "move_type": "out_invoice",
                "partner_id": dealer,
                "invoice_line_ids": [
                    (0, 0, {"product_id": product, "quantity": 3, "price_unit": 88.0})
                ],
            }
        ],
    )[0]
    s.admin("account.move", "action_post", [invoice])
    invoice_name = s.admin("account.move", "read", [invoice], ["name"])[0]["name"]
    contact = s.admin(
        "res.partner", "create", [{"name": f"财务 {tag}", "parent_id": dealer}]
    )[0]
    login = f"finance-{tag}"
    s.admin(
        "res.users",
        "create",
        [
            {
                "name": f"财务 {tag}",
                "login": login,
                "password": login,
                "partner_id": contact,
                "groups_id": [
                    (6, 0, [ref["group_portal"], ref["b2b_base_group_buyer_finance"]])
                ],
            }
        ],
    )
    return {
        "dealer": dealer,
        "dealer_name": dealer_name,
        "product_name": product_name,
        "invoice": invoice,
        "invoice_name": invoice_name,
        "finance": (login, login),
    }


def _pdf_text(resp, label):
    keep = os.environ.get("B2B_KEEP_PDFS")
    if keep:  # to look at them: B2B_KEEP_PDFS=/some/dir
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / f"{re.sub(r'[^a-z]+', '_', label)}.pdf").write_bytes(resp.content)
    assert resp.status_code == 200, f"{label}: HTTP {resp.status_code}"
    assert resp.headers["Content-Type"].startswith(
        "application/pdf"
    ), f"{label}: {resp.headers['Content-Type']}: {resp.text[:300]}"
    assert resp.content.startswith(b"%PDF-"), label
    res = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", "-", "-"],
        input=resp.content,
        capture_output=True,
        check=True,
    )
    # NFKC: pdftotext may read a CJK glyph back as its Kangxi radical (⼆ for 二)
    return unicodedata.normalize("NFKC", res.stdout.decode("utf-8"))


def test_shipped_config_is_in_force(shipped):
    """The server under test really runs the shipped limits and workers."""
    options = _config_options()
    assert int(options["workers"]) >= 2
    # a hard limit below ~1.5 GB of address space kills wkhtmltopdf
    assert int(options["limit_memory_hard"]) >= 2 * 1024**3
    cmdline = Path(f"/proc/{shipped.proc.pid}/cmdline").read_bytes().split(b"\0")
    assert str(shipped.conf).encode() in cmdline
    assert not any(arg.startswith(b"--limit-memory") for arg in cmdline)


def test_every_pdf_renders_with_chinese_text(shipped, pdf_world):
    s, w = shipped, pdf_world
    admin = s.session("admin", "admin")
    backend = {
        "invoice (backend)": f"/report/pdf/account.report_invoice/{w['invoice']}",
        "statement (backend)": (
            f"/report/pdf/b2b_credit.report_res_partner_statement/{w['dealer']}"
        ),
        "price list (backend)": f"/b2b/price_list/{w['dealer']}/pdf",
    }
    texts = {}
    for label, path in backend.items():
        texts[label] = _pdf_text(admin.get(s.url + path, timeout=240), label)

    finance = s.session(*w["finance"])
    portal = {
        "invoice (portal)": (
            f"/my/invoices/{w['invoice']}?report_type=pdf&download=true"
        ),
        "statement (portal)": "/my/b2b/statement/pdf",
        "price list (portal)": "/my/b2b/price_list/pdf",
    }
    for label, path in portal.items():
        texts[label] = _pdf_text(finance.get(s.url + path, timeout=240), label)

    for label, text in texts.items():
        assert w["dealer_name"] in text, f"{label}: no dealer name in {text[:500]!r}"
    for label in ("invoice (backend)", "invoice (portal)"):
        assert w["product_name"] in texts[label], f"{label}: {texts[label][:500]!r}"
    for label in ("statement (backend)", "statement (portal)"):
        # the statement lists the posted invoice
        assert w["invoice_name"] in texts[label], f"{label}: {texts[label][:500]!r}"
    log = s.log_text()
    assert "Wkhtmltopdf failed" not in log
    assert " ERROR " not in log, log[-3000:]
