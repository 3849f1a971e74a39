# Dealer B2B for Odoo: the project's commands. See README.md.
.PHONY: help run test test-fast lint bench clean

help:
	@echo "make run                      serve the demo database on http://127.0.0.1:8069"
	@echo "make test                     run every test of the suite (Odoo + live server)"
	@echo "make test MODULES=b2b_base    Odoo tests of some modules (PYTEST=0 to skip pytest)"
	@echo "make test-fast MODULES=b2b_base ARGS='-k lifecycle'"
	@echo "                              module tests through pytest-odoo on the last test database"
	@echo "make lint                     ruff + pylint-odoo (OCA 18.0 settings) via pre-commit"
	@echo "make bench                    benchmarks (see bench/README.md)"
	@echo "make backup DB=name [OUT=f.zip] database + filestore into one zip (docs/DEPLOYMENT.md)"
	@echo "make restore FILE=f.zip DB=new [NEUTRALIZE=1]  restore it into a new database"

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh

test-fast:
	@bash scripts/test_fast.sh

lint:
	@bash scripts/lint.sh

bench:
	@bash scripts/bench.sh

clean:
	@bash scripts/clean.sh

.PHONY: backup restore

backup:
	@bash scripts/backup.sh "$(DB)" $(OUT)

restore:
	@bash scripts/restore.sh $(if $(filter 1,$(NEUTRALIZE)),--neutralize) "$(FILE)" "$(DB)"
