from . import test_agreement_rebate
