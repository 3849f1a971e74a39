# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common import B2bAgreementCommon


class AgreementTourMixin:
    def test_tour_sign_agreement(self):
        agreement = self._agreement()
        self.start_tour("/my", "b2b_agreement_sign", login="pa_admin")
        self.assertEqual(agreement.state, "signed")
        self.assertEqual(agreement.signer_id, self.a_admin)
        self.assertEqual(agreement.signed_by, "Pa Admin")
        self.assertTrue(agreement.signature)
        self.assertTrue(agreement.attachment_id)


@tagged("post_install", "-at_install")
class TestAgreementTour(AgreementTourMixin, B2bAgreementCommon, HttpCase):
    allow_inherited_tests_method = True


@tagged("post_install", "-at_install")
class TestAgreementTourPhone(AgreementTourMixin, B2bAgreementCommon, HttpCase):
    allow_inherited_tests_method = True
    browser_size = "375x667"
    touch_enabled = True
