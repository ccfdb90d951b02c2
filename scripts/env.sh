# Sourced by the scripts: one place for the environment every step needs.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# trunk 0.21.14 is pinned (0.22 needs a newer rustc than this machine has).
export TRUNK_SKIP_VERSION_CHECK=true
# No test tool may download a browser: Debian's Chromium is used everywhere.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMEDRIVER=/usr/bin/chromedriver
export CHROME_PATH=/usr/bin/chromium

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
