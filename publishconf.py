"""Settings for the production build (`make publish`).

They start from pelicanconf.py and change only what differs on the live site.
"""

import os
import runpy
from pathlib import Path

# Every setting of pelicanconf.py, read by its path: Pelican loads this file by
# path too, so pelicanconf is not importable as a module here.
globals().update(
    (name, value)
    for name, value in runpy.run_path(str(Path(__file__).with_name("pelicanconf.py"))).items()
    if name.isupper()
)

# The live address is `site_url` in content/practice.toml (the plugin
# practice_site.practice sets SITEURL from it). The SITEURL environment
# variable overrides it, for a preview on another address.
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
SITEURL_FROM_PRACTICE = True
RELATIVE_URLS = False
# After the build, list what is not yet real (tools/go_live.py): placeholders and
# unconfirmed assumptions. Every upload command refuses while that list is not empty.
GO_LIVE_CHECK = True
# The production site goes to output/, the folder to upload; previews go to preview/.
OUTPUT_PATH = "output"

DELETE_OUTPUT_DIRECTORY = True

# The live site has no live-preview script: neither the reference (base.html)
# nor the file itself (IGNORE_FILES also applies to the theme's static files).
DEV_RELOAD = False
IGNORE_FILES = [*globals().get("IGNORE_FILES", ["**/.*"]), "dev-reload.js"]

# Theme files carry a hash of their content in their names, so hosts can tell
# browsers to keep them for a year (plugins/practice_site/asset_hashing).
ASSET_HASHING = True
# Styles and scripts minified (rcssmin, rjsmin) before they are hashed: fewer bytes
# to download, the same behaviour (plugins/practice_site/asset_hashing/minify.py).
ASSET_MINIFY = True

# A .br (brotli) and a .gz (gzip) copy beside every text file, made once at build
# time (plugins/practice_site/precompression); Apache (.htaccess) and nginx
# (`make nginx-config`) send them to browsers that accept them. Copies already
# made for the same content are reused from the cache folder (not part of the site).
PLUGINS = [*PLUGINS, "practice_site.precompression"]  # noqa: F821 - PLUGINS comes from pelicanconf.py
PRECOMPRESSION = {
    "suffixes": [".html", ".css", ".js", ".svg", ".xml", ".json"],
    "cache": str(Path(__file__).resolve().parent / ".cache" / "compressed"),
}
