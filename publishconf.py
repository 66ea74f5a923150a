"""Settings for the production build (`make publish`).

They start from pelicanconf.py and change only what differs on the live site.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The live address of the site, without a trailing slash. PLACEHOLDER domain:
# set SITEURL in the environment (or edit here) to the practice's own.
SITEURL = os.environ.get("SITEURL", "https://www.example.com").rstrip("/")
RELATIVE_URLS = False

DELETE_OUTPUT_DIRECTORY = True

# The live site has no live-preview script: neither the reference (base.html)
# nor the file itself (IGNORE_FILES also applies to the theme's static files).
DEV_RELOAD = False
IGNORE_FILES = [*globals().get("IGNORE_FILES", ["**/.*"]), "dev-reload.js"]
