from . import b2b_agreement
