#!/bin/sh
# Make headless Chromium available for the briefing browser tests.
# Idempotent: does nothing when /usr/bin/chromium exists. Installs Debian's chromium package only
# when running as root (CI runs `make test` as root on a fresh machine); never downloads a browser build.
set -eu

BROWSER=/usr/bin/chromium

if [ -x "$BROWSER" ]; then
    echo "install-browser: $BROWSER already present"
    exit 0
fi

if [ "$(id -u)" != "0" ]; then
    echo "install-browser: $BROWSER missing and not root; browser tests will be skipped (install the Debian package chromium)"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: $BROWSER missing and apt-get not available; browser tests will be skipped"
    exit 0
fi

echo "install-browser: installing Debian package chromium"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "install-browser: installed $("$BROWSER" --version 2>/dev/null || echo chromium)"
