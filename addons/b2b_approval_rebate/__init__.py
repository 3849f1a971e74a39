from . import models


def post_init_hook(env):
    # the approval state labels of the settlements (see b2b_approval_account)
    env["b2b.approval.mixin"]._b2b_approval_load_terms()
