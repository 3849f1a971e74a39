from . import b2b_dealer_state_change
