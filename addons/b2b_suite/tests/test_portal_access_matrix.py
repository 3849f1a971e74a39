# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every HTTP route of the suite x actors x tokens x methods.

The routes are read from Odoo's routing map: every endpoint defined or
overridden by a ``b2b_*`` controller, the core portal pages a dealer uses, and
the suite's reports through ``/report``. Each route gets concrete URLs from
``PARAM_CASES`` / ``MODEL_CASES``; a route with an argument missing from those
tables fails the test, so that a route added later cannot go unchecked.

For each actor, each URL is requested with GET and/or POST (with a valid CSRF
token), without token, with the record's own access token and with the token
of another record. A response fails the test when it shows a marker (see
``common.MARKERS``) the actor is not entitled to, and a refusal fails it when
it differs between the real record and a record that does not exist.
"""

import hashlib
import hmac
import inspect
import io
import itertools
import json
import logging
import re
import time
import zipfile
from urllib.parse import quote, quote_plus, urlencode, urlsplit

from odoo.tests import tagged
from odoo.tools import html_escape

from .common import A_USERS, ACTORS, MARKERS, B2bSuitePortalCommon

_logger = logging.getLogger(__name__)

MISSING_ID = 987654321

# URL argument or endpoint parameter -> target (see ``_targets``) or the
# literal values to try.
PARAM_CASES = {
    "order_id": "order_a",
    "sale_order_id": "order_a",
    "invoice_id": "invoice_a",
    "move_id": "invoice_a",
    "partner_id": "dealer_a",
    "dealer_id": "dealer_a",
    "user_id": "user_a_purch1",
    "request_id": "request_a",
    "approval_id": "request_a",
    "line_id": "line_a",
    "list_id": "list_own",
    "order_list_id": "list_own",
    "slip_id": "slip_a",
    "snapshot_id": "snapshot_a",
    "invoice_request_id": "invoice_request_a",
    "profile_id": "profile_a",
    "agreement_id": "agreement_a",
    "fmt": ["pdf", "xlsx"],
    "page": [2],
    "access_token": None,  # given by the token variants
}
# Model of a ``model(...)`` converter -> target
MODEL_CASES = {
    "sale.order": "order_a",
    "account.move": "invoice_a",
    "res.partner": "dealer_a",
    "res.users": "user_a_purch1",
    "b2b.approval.request": "request_a",
    "b2b.approval.request.line": "line_a",
    "b2b.order.list": "list_own",
}
# Core routes a dealer uses, checked with the suite's own routes.
CORE_PATHS = {
    "/my",
    "/my/home",
    "/my/orders",
    "/my/quotes",
    "/my/invoices",
    "/my/orders/<int:order_id>",
    "/my/invoices/<int:invoice_id>",
    "/my/orders/<int:order_id>/decline",
}
# Extra query strings tried on GET (documents also as PDF).
QUERY_VARIANTS = {
    "/my/orders/<int:order_id>": [{}, {"report_type": "pdf", "download": "true"}],
    "/my/invoices/<int:invoice_id>": [{}, {"report_type": "pdf", "download": "true"}],
}
# Data a report reads from the URL (/report/...?options={...}): can the user
# pick another company, or the period?
REPORT_OPTIONS = {
    "b2b_credit.report_res_partner_statement": [
        {"company_id": 1, "date_from": "2000-01-01", "date_to": "2099-12-31"}
    ],
}
# Suite routes allowed to turn CSRF off (none).
CSRF_FREE_ROUTES = set()
# Odoo's RPC endpoints a suite module overrides (b2b_api: the API's error
# structure for calls of b2b.api that reach no operation): not pages, and
# authenticated by key, not by session; checked against a real multi-worker
# server in tests/live (test_api_answers, test_api_contract).
RPC_PATHS = {"/jsonrpc", "/xmlrpc/<service>", "/xmlrpc/2/<service>"}

CSRF_RE = re.compile(r"[0-9a-f]{40}o[0-9]{8,12}")
# Parts of a page that change with every request.
VOLATILE_RES = (
    CSRF_RE,
    # Odoo caches the footer (t-cache) for every user and company alike
    re.compile(r"<footer\b.*?</footer>", re.DOTALL),
    re.compile(r'"(server_time|session_id|max_time)"\s*:\s*"?[0-9a-zA-Z._-]*"?'),
)


@tagged("post_install", "-at_install")
class TestPortalAccessMatrix(B2bSuitePortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice_b._portal_ensure_token()
        cls.env.flush_all()

    # ------------------------------------------------------------------
    # Targets and route cases
    # ------------------------------------------------------------------
    def _targets(self):
        """name -> (record, actors entitled to it, other record of same type)."""
        A_WIDE = {"a_admin", "a_fin", "a_appr"}
        targets = {
            "order_a": (self.order_a, A_WIDE | {"a_purch1"}, self.order_b),
            "invoice_a": (self.invoice_a, {"a_admin", "a_fin"}, self.invoice_b),
            "dealer_a": (
                self.dealer_a,
                {"a_admin", "a_purch1", "a_purch2", "a_fin", "a_appr"},
                self.order_b,
            ),
            "user_a_purch1": (self.users["a_purch1"], {"a_admin"}, self.order_b),
            "request_a": (
                self.request_a,
                A_WIDE | {"a_purch1"},
                self.order_b,
            ),
        }
        targets["line_a"] = (self.request_a.line_ids[:1], {"a_appr"}, self.order_b)
        if self.lists:
            targets["list_own"] = (self.lists["own"], {"a_purch1"}, self.order_b)
        for name, record in self.finance.items():
            # payment slips, statements, invoice profiles and requests: the
            # dealer's finance and admin; the agreement: every buyer of A
            entitled = A_USERS if name == "agreement_a" else {"a_admin", "a_fin"}
            targets[name] = (record, set(entitled), self.order_b)
        return targets

    @staticmethod
    def _suite_owner(rule):
        """Module of the b2b controller defining or overriding ``rule``."""
        endpoint = rule.endpoint
        method_name = endpoint.__name__
        controller = type(endpoint.func.__self__)
        for cls in controller.mro():
            if method_name in cls.__dict__ and cls.__module__.startswith(
                "odoo.addons.b2b_"
            ):
                return cls.__module__.split(".")[2]
        return None

    def _route_cases(self):
        """(cases, problems): one case per concrete URL pattern."""
        targets = self._targets()
        routing_map = self.env["ir.http"].routing_map()
        cases, problems, seen = [], [], set()
        # one URL per endpoint: '/my' and '/my/home', or a list and its
        # '/page/<int:page>', run the same code
        rules = sorted(
            routing_map.iter_rules(), key=lambda r: (len(r.arguments), r.rule)
        )
        for rule in rules:
            owner = self._suite_owner(rule)
            if not owner and rule.rule not in CORE_PATHS:
                continue
            if rule.rule in RPC_PATHS:
                continue
            endpoint_key = (type(rule.endpoint.func.__self__), rule.endpoint.__name__)
            if endpoint_key in seen:
                continue
            seen.add(endpoint_key)
            routing = rule.endpoint.routing
            label = f"{rule.rule} ({owner or 'core'})"
            params = {}
            for arg in sorted(rule.arguments):
                model = getattr(rule._converters[arg], "model", None)
                params[arg] = PARAM_CASES.get(arg) or MODEL_CASES.get(model)
            # parameters the endpoint requires that are not in the URL
            signature = inspect.signature(rule.endpoint.func)
            for name, param in signature.parameters.items():
                if (
                    name not in params
                    and param.default is inspect.Parameter.empty
                    and param.kind not in (param.VAR_KEYWORD, param.VAR_POSITIONAL)
                ):
                    params[name] = PARAM_CASES.get(name)
            unknown = [name for name, case in params.items() if case is None]
            unknown += [
                name
                for name, case in params.items()
                if isinstance(case, str) and case not in targets
            ]
            if unknown:
                problems.append(f"{label}: no case for {', '.join(unknown)}")
                continue
            literal = {k: v for k, v in params.items() if isinstance(v, list)}
            record_args = {k: v for k, v in params.items() if isinstance(v, str)}
            methods = routing.get("methods") or ["GET", "POST*"]
            if routing["type"] == "json":
                methods = ["POST"]
            for combo in itertools.product(*literal.values()):
                values = dict(zip(literal, combo, strict=True))
                cases.append(
                    {
                        "label": label,
                        "rule": rule,
                        "args": set(rule.arguments),
                        "type": routing["type"],
                        "methods": [
                            m for m in methods if m in ("GET", "POST", "POST*")
                        ],
                        "csrf": routing.get("csrf", True),
                        "literal": values,
                        "records": {k: targets[v] for k, v in record_args.items()},
                        "targets": set(record_args.values()),
                        "queries": QUERY_VARIANTS.get(rule.rule, [{}]),
                        "compare": True,
                    }
                )
        cases += self._report_cases(targets)
        return cases, problems

    def _report_cases(self, targets):
        """The suite's reports reached through Odoo's generic /report route."""
        reports = self.env["ir.actions.report"].search([])
        xmlids = reports.get_external_id()
        cases = []
        for report in reports:
            if not xmlids[report.id].startswith("b2b_"):
                continue
            target = MODEL_CASES.get(report.model)
            if not target or target not in targets:
                continue
            cases.append(
                {
                    "label": f"/report/html/{report.report_name} (report)",
                    "path": f"/report/html/{report.report_name}/%s",
                    "args": {"docids"},
                    "type": "http",
                    "methods": ["GET"],
                    "csrf": True,
                    "literal": {},
                    "records": {"docids": targets[target]},
                    "targets": {target},
                    "queries": [{}]
                    + [
                        {"options": json.dumps(options)}
                        for options in REPORT_OPTIONS.get(report.report_name, [])
                    ],
                    # Odoo's report route answers "missing" and "forbidden"
                    # differently: only the markers are checked there.
                    "compare": False,
                }
            )
        return cases

    # ------------------------------------------------------------------
    # Requests
    # ------------------------------------------------------------------
    def _csrf(self, session):
        """What ``odoo.http.Request.csrf_token`` returns for ``session``."""
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        max_ts = int(time.time() + 60 * 60 * 24 * 365)
        msg = f"{session.sid}{max_ts}".encode()
        digest = hmac.new(secret.encode("ascii"), msg, hashlib.sha1).hexdigest()
        return f"{digest}o{max_ts}"

    def _url(self, case, mode):
        """Path of ``case`` for the real records (or missing ones)."""
        ids = {
            name: (record.id if mode == "real" else MISSING_ID)
            for name, (record, _e, _o) in case["records"].items()
        }
        if "path" in case:
            return case["path"] % ids["docids"], ids
        values = dict(case["literal"])
        rule = case["rule"]
        for name, ident in ids.items():
            converter = rule._converters.get(name)
            if converter is None:
                values[name] = ident
            elif getattr(converter, "model", None):
                values[name] = (ident, "")
            else:
                values[name] = ident
        url_values = {k: v for k, v in values.items() if k in rule.arguments}
        path = rule.build(url_values, append_unknown=False)[1]
        return path, values

    def _send(self, case, method, path, values, token, csrf, query):
        params = {k: v for k, v in values.items() if k not in case["args"]}
        if token:
            params["access_token"] = token
        if case["type"] == "json":
            body = json.dumps(
                {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
            )
            return self.url_open(
                path, data=body, headers={"Content-Type": "application/json"}
            )
        if method == "GET":
            # a refusal's redirect is compared, not followed
            params.update(query)
            url = f"{path}?{urlencode(params)}" if params else path
            return self.url_open(url, allow_redirects=False)
        # POST: where it leads may show what the request created
        data = dict(params, csrf_token=csrf) if csrf else dict(params, probe="1")
        return self.url_open(path, data=data)

    def _request(self, case, method, path, values, token, csrf, query):
        """One request, whose effects are rolled back afterwards."""
        savepoint = self.cr.savepoint(flush=False)
        try:
            response = self._send(case, method, path, values, token, csrf, query)
        finally:
            savepoint.close(rollback=True)
            if method == "POST":
                # caches filled by the request from now rolled-back data
                self.registry.clear_cache()
                self.registry.clear_cache("groups")
            self.env.invalidate_all()
        return response

    @staticmethod
    def _text(response):
        """Everything readable in the body: HTML, JSON, XLSX cells, PDF text."""
        content = response.content or b""
        parts = [content.decode("utf-8", "replace")]
        if content[:2] == b"PK":
            try:
                with zipfile.ZipFile(io.BytesIO(content)) as archive:
                    for name in archive.namelist():
                        parts.append(archive.read(name).decode("utf-8", "replace"))
            except zipfile.BadZipFile:
                parts.append("<bad zip>")
        if content[:4] == b"%PDF":
            from odoo.tools.pdf import PdfFileReader

            try:
                reader = PdfFileReader(io.BytesIO(content), strict=False)
                parts.extend(page.extract_text() or "" for page in reader.pages)
            except Exception as error:
                parts.append(f"<unreadable pdf {error}>")
        return "\n".join(parts)

    @staticmethod
    def _normalize(text, path, final_url):
        forms = {path, quote(path, safe=""), quote_plus(path), html_escape(path)}
        for form in sorted(forms, key=len, reverse=True):
            text = text.replace(form, "<URL>")
        for regex in VOLATILE_RES:
            text = regex.sub("<VOLATILE>", text)
        final = urlsplit(final_url)
        final = (final.path + "?" + final.query).replace(path, "<URL>")
        final = final.replace(quote(path, safe=""), "<URL>")
        return text, final

    # ------------------------------------------------------------------
    # The matrix
    # ------------------------------------------------------------------
    def _token_variants(self, case, actor):
        """[(kind, token, target granted by the token)]."""
        variants = [("none", None, None)]
        targets = case["targets"]
        if len(targets) == 1:
            name = next(iter(targets))
            record, _entitled, other = next(iter(case["records"].values()))
            if "access_token" in record._fields:
                variants.append(("own", record.access_token, name))
            variants.append(("other", other.access_token, None))
        elif actor not in A_USERS:
            # a token of A's order opens no list page of A's data
            variants.append(("other", self.order_a.access_token, None))
        return variants

    def _check_markers(self, actor, granted, text):
        leaks = []
        for marker, (entitled, token_targets) in MARKERS.items():
            if marker not in text:
                continue
            if actor in entitled or (granted and granted in token_targets):
                self.seen_markers.add(marker)
                continue
            leaks.append(marker)
        return leaks

    def _run_actor(self, actor, cases, findings, stats):
        session = self._login(actor)
        csrf = self._csrf(session)
        for case in cases:
            entitled = None
            for _record, record_entitled, _other in case["records"].values():
                entitled = (
                    set(record_entitled)
                    if entitled is None
                    else entitled & record_entitled
                )
            compare = case["compare"] and entitled is not None and actor not in entitled
            modes = ("real", "missing") if compare else ("real",)
            for method, (kind, token, granted), query in itertools.product(
                case["methods"], self._token_variants(case, actor), case["queries"]
            ):
                if (method.startswith("POST") or kind == "other") and query:
                    # the PDF of a document: without token and with its own
                    continue
                if kind == "own" and entitled is not None and actor in entitled:
                    # the token adds nothing to what the actor may see
                    continue
                if method == "POST*":
                    # a page that also accepts POST: once, without token, when
                    # it acts on a record
                    if kind != "none" or not case["records"]:
                        continue
                    method = "POST"
                if (compare and kind == "own") or query:
                    # the record's own token opens it (a share link)
                    modes_now = ("real",)
                else:
                    modes_now = modes
                results = {}
                for mode in modes_now:
                    path, values = self._url(case, mode)
                    response = self._request(
                        case, method, path, values, token, csrf, query
                    )
                    stats["requests"] += 1
                    text = self._text(response)
                    where = (
                        f"{case['label']} {method} {path} token={kind} "
                        f"query={query} actor={actor} -> {response.status_code}"
                    )
                    if response.status_code >= 500:
                        findings.append(f"SERVER ERROR: {where}")
                        _logger.info(findings[-1])
                    if mode == "real":
                        leaks = self._check_markers(
                            actor, granted if mode == "real" else None, text
                        )
                        if leaks:
                            findings.append(f"LEAK {leaks}: {where}")
                            _logger.info(findings[-1])
                        if response.status_code == 200 and actor != "public":
                            stats["ok"] += 1
                    results[mode] = (
                        response.status_code,
                        *self._normalize(
                            text, path, response.headers.get("Location") or response.url
                        ),
                    )
                if len(results) == 2 and results["real"] != results["missing"]:
                    real, missing = results["real"], results["missing"]
                    findings.append(
                        f"EXISTENCE ORACLE: {case['label']} {method} token={kind} "
                        f"actor={actor}: real={real[0]} {real[2]} "
                        f"missing={missing[0]} {missing[2]} "
                        f"{self._first_difference(real[1], missing[1])}"
                    )
                    _logger.info(findings[-1])

    @staticmethod
    def _first_difference(left, right):
        if left == right:
            return ""
        index = next(
            (i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b),
            min(len(left), len(right)),
        )
        return (
            f"body differs at {index}: {left[max(index - 80, 0) : index + 80]!r} "
            f"vs {right[max(index - 80, 0) : index + 80]!r}"
        )

    def test_access_matrix(self):
        cases, problems = self._route_cases()
        self.assertFalse(
            problems,
            "Suite routes without a case in the access matrix (add them to "
            "PARAM_CASES / MODEL_CASES):\n" + "\n".join(problems),
        )
        labels = {case["label"] for case in cases}
        self.assertTrue(
            any("(b2b_pricing)" in label for label in labels),
            f"the routing map gave no suite route: {sorted(labels)}",
        )
        findings, stats = [], {"requests": 0, "ok": 0}
        self.seen_markers = set()
        started = time.time()
        for actor in ACTORS:
            self._run_actor(actor, cases, findings, stats)
        _logger.info(
            "access matrix: %s routes, %s cases, %s actors, %s requests in %.1fs",
            len(labels),
            len(cases),
            len(ACTORS),
            stats["requests"],
            time.time() - started,
        )
        for label in sorted(labels):
            _logger.info("access matrix covers %s", label)
        _logger.info(
            "access matrix: markers shown to entitled actors: %s",
            sorted(self.seen_markers),
        )
        # The markers do show where they should: the matrix is not vacuous.
        expected = {
            "ZQXADEALER",
            "ZQXATIER",
            "ZQXAP1ORD",
            "ZQXAP1LINE",
            "ZQXAP2ORD",
            "ZQXAINV",
            "ZQXAP1LIST",
            "ZQXASHLIST",
            "ZQXBORD",
        }
        unseen = expected - self.seen_markers
        if unseen:
            findings.append(f"markers never shown to an entitled actor: {unseen}")
        self.assertFalse(
            findings,
            f"{len(findings)} access problem(s):\n" + "\n".join(findings[:200]),
        )

    def test_post_without_csrf_refused(self):
        """Every POST route of the suite (http) refuses a request without
        CSRF token, and none turns CSRF off."""
        cases, _problems = self._route_cases()
        self._login("a_admin")
        checked = 0
        for case in cases:
            if case["type"] != "http" or not {"POST", "POST*"} & set(case["methods"]):
                continue
            if "(core)" in case["label"]:
                continue
            self.assertTrue(
                case["csrf"] or case["label"] in CSRF_FREE_ROUTES,
                f"{case['label']} turns CSRF protection off",
            )
            path, values = self._url(case, "real")
            response = self._request(case, "POST", path, values, None, None, {})
            self.assertEqual(
                response.status_code, 400, f"{case['label']} accepted a POST w/o CSRF"
            )
            checked += 1
        _logger.info("POST without CSRF refused on %s suite routes", checked)
        self.assertGreater(checked, 0, "no POST route of the suite was found")
