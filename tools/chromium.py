"""Debian's Chromium and the flags it runs with, for the browser tests and the bench.

Playwright cannot download a browser here, so both drive /usr/bin/chromium
(installed by scripts/ensure-system-packages), headless and quiet on the network.
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
