#!/usr/bin/env bash
# Browser tests (tests/web/test_browser.py) drive Debian's chromium through Playwright for
# Python; Playwright's own browser download cannot work offline, so the system one is used.
# Called from .ci/run before the tests; a no-op when chromium is already installed.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version || true
