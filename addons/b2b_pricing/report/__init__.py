from . import b2b_price_list_report
