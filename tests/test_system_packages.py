"""The project's scripts install the Debian packages a fresh machine lacks.

`make run`, `make test` and `make lint` call `b2b_ensure_system_packages`
(scripts/lib.sh). These tests make packages look missing (shims of
dpkg-query and apt-get first on PATH) and check what the scripts do: install
exactly the missing ones as root, and stop with the exact command to run for
a user who cannot install them. tests/test_make_run.py checks that `make run`
itself goes through the same installation.
"""

import os
import subprocess

from tests.conftest import ROOT, fake_missing_packages

LIB = ROOT / "scripts" / "lib.sh"


def _ensure(tmp_path, missing, purposes, extra_env=None, extra_shims=None):
    bin_dir = tmp_path / "bin"
    log = tmp_path / "apt.log"
    fake_missing_packages(bin_dir, missing, log)
    for name, body in (extra_shims or {}).items():
        (bin_dir / name).write_text(body)
        (bin_dir / name).chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}")
    env.pop("B2B_SYSTEM_PACKAGES", None)
    env.update(extra_env or {})
    res = subprocess.run(
        ["bash", "-c", f'source "{LIB}" && b2b_ensure_system_packages {purposes}'],
        cwd="/",
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    calls = log.read_text().splitlines() if log.exists() else []
    return res, calls


def test_missing_packages_are_installed(tmp_path):
    missing = ["libldap2-dev", "libsasl2-dev", "wkhtmltopdf", "fonts-noto-cjk"]
    res, calls = _ensure(tmp_path, missing, "build run test")
    assert res.returncode == 0, res.stderr
    assert calls[0] == "apt-get update -qq"
    install = calls[1].split()
    assert install[:5] == ["apt-get", "install", "-y", "-qq", "--no-install-recommends"]
    assert install[5:] == missing
    assert "Installing Debian packages: " + " ".join(missing) in res.stderr


def test_each_purpose_installs_only_its_packages(tmp_path):
    missing = ["libldap2-dev", "chromium", "nginx"]
    res, calls = _ensure(tmp_path, missing, "build run")
    assert res.returncode == 0, res.stderr
    # chromium and nginx are for tests only: make run does not install them
    assert calls[1].split()[5:] == ["libldap2-dev"]


def test_nothing_missing_installs_nothing(tmp_path):
    res, calls = _ensure(tmp_path, [], "build run test")
    assert res.returncode == 0, res.stderr
    assert calls == []


def test_opt_out(tmp_path):
    res, calls = _ensure(
        tmp_path, ["wkhtmltopdf"], "run", extra_env={"B2B_SYSTEM_PACKAGES": "0"}
    )
    assert res.returncode == 0, res.stderr
    assert calls == []


def test_user_without_rights_gets_the_command(tmp_path):
    res, calls = _ensure(
        tmp_path,
        ["libldap2-dev", "wkhtmltopdf"],
        "build run",
        extra_shims={
            # not root, and sudo asks for a password
            "id": (
                '#!/bin/sh\n[ "$1" = "-u" ] && { echo 1000; exit 0; }\n'
                'exec /usr/bin/id "$@"\n'
            ),
            "sudo": "#!/bin/sh\nexit 1\n",
        },
    )
    assert res.returncode == 2
    assert calls == []
    assert "Missing Debian packages: libldap2-dev wkhtmltopdf" in res.stderr
    assert (
        "sudo apt-get install --no-install-recommends libldap2-dev wkhtmltopdf"
        in res.stderr
    )
