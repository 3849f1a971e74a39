# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.tests import tagged

from .common import B2bSuitePortalCommon

# The main pages of the dealer workspace, as a dealer admin sees them.
MAIN_PAGES = [
    "/my",
    "/my/b2b/catalogue",
    "/my/b2b/quick_order",
    "/my/orders",
    "/my/b2b/statement",
    "/my/b2b/approvals",
    "/my/b2b/team",
]

# Loads each page in a frame of the phone's size and compares the width of the
# page with the visible width of the screen
# (document.documentElement.scrollWidth <= window.innerWidth, less the scroll
# bar when there is one).
CHECK_PAGES_JS = """
(async function () {
    const pages = %s;
    const failures = [];
    const fits = (doc, win, page) => {
        const width = doc.documentElement.scrollWidth;
        // the visible width: without a vertical scroll bar, if any
        const screen = Math.min(win.innerWidth, doc.documentElement.clientWidth);
        if (width > screen) {
            failures.push(`${page}: ${width}px wide on a ${screen}px screen`);
        }
        console.info(`${page}: ${width}px wide on a ${screen}px screen`);
    };
    if (window.innerWidth > 375) {
        failures.push(`the screen is ${window.innerWidth}px wide, not a phone's`);
    }
    fits(document, window, window.location.pathname);
    for (const page of pages) {
        const frame = document.createElement("iframe");
        frame.style.cssText = `position:fixed;top:0;left:0;border:0;` +
            `width:${window.innerWidth}px;height:${window.innerHeight}px`;
        await new Promise((resolve) => {
            frame.onload = resolve;
            frame.src = page;
            document.body.appendChild(frame);
        });
        // let fonts and the page's own scripts settle
        await new Promise((resolve) => setTimeout(resolve, 500));
        const doc = frame.contentDocument;
        if (!doc || !doc.getElementById("wrapwrap")) {
            failures.push(`${page}: not rendered`);
        } else if (frame.contentWindow.location.pathname !== page) {
            const landed = frame.contentWindow.location.pathname;
            failures.push(`${page}: redirected to ${landed}`);
        } else {
            fits(doc, frame.contentWindow, page);
        }
        frame.remove();
    }
    if (failures.length) {
        console.error("Horizontal scrolling on a phone: " + failures.join(" | "));
    } else {
        console.log("test successful");
    }
})();
"""


@tagged("post_install", "-at_install")
class TestPortalResponsive(B2bSuitePortalCommon):
    browser_size = "375x667"
    touch_enabled = True

    def test_main_pages_fit_a_phone(self):
        self._login("a_admin")
        for page in MAIN_PAGES:
            response = self.url_open(page, allow_redirects=False)
            self.assertEqual(response.status_code, 200, f"{page} for a dealer admin")
        self.browser_js(
            "/my",
            CHECK_PAGES_JS % json.dumps(MAIN_PAGES),
            login="mx_a_admin",
            timeout=120,
        )
