"""Settings for building the practice's site (development build).

Only how the site is built lives here. The practice's details and prices are in
content/practice.toml, which the plugin practice_site.practice reads into the
settings PRACTICE, PRICING, PRACTICE_PHONE_TEL, SITENAME and AUTHOR.
"""

# ---------------------------------------------------------------------------
# Site settings: how the site is built.
# ---------------------------------------------------------------------------
SITEURL = ""  # development: links work from `make devserver`; see publishconf.py
RELATIVE_URLS = True

PATH = "content"
# Development builds go to preview/; output/ only ever holds the production site
# (publishconf.py), so that it is always safe to upload.
OUTPUT_PATH = "preview"
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = []  # the site has no blog
STATIC_PATHS = []  # the theme brings its own styles, scripts and icon
# robots.txt is a template so that it can name the sitemap's full address.
TEMPLATE_PAGES = {"site/robots.txt": "robots.txt"}

THEME = "theme"
# Every template of the theme escapes what it prints: a title, description or
# practice detail with & " ' < appears exactly as typed, and can never break a
# page. HTML that the build makes itself (a page's Markdown, the FAQ answers,
# JSON-LD) is marked safe where it is printed (see theme/README.md).
JINJA_ENVIRONMENT = {"autoescape": True}
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
DEFAULT_DATE = "fs"

# Pages live at /<slug>.html; the home page sets `Save_as: index.html`.
PAGE_URL = "{slug}.html"
PAGE_SAVE_AS = "{slug}.html"
PAGE_ORDER_BY = "order"  # each page's `Order:` sets its place in the menu

# No blog, so no index, archive, tag, category, author or feed pages.
DIRECT_TEMPLATES = []
INDEX_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""
ARTICLE_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
TAG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.smarty": {},
        "markdown.extensions.toc": {"permalink": False},
        # Lists as people type them: numbered lists keep their first number, and a list
        # right under a line of text or nested by two spaces is still a list
        # (plugins/practice_site/markdown_lists.py).
        "markdown.extensions.sane_lists": {},
        "practice_site.markdown_lists": {},
    },
    "output_format": "html5",
}

# Our plugins are one package, plugins/practice_site, installed into .venv in
# editable mode (pyproject.toml), so Pelican imports them by their full names.
# practice_site.practice comes first: the others read the settings it sets.
PLUGINS = [
    "practice_site.practice",
    "pelican.plugins.sitemap",
    "practice_site.cost_calculator",
    "practice_site.faq",
    "practice_site.practice_pages",
    "practice_site.markdown_reader",
    "practice_site.security_headers",
    "practice_site.template_cache",
    "practice_site.extra_files",
    "practice_site.asset_hashing",
]

# Content hashes in the theme's file names (plugins/practice_site/asset_hashing), so
# that browsers keep them for a year. Off for the live preview, so that an edited
# style sheet keeps its name; publishconf.py switches it on.
ASSET_HASHING = False
# Minified styles and scripts (asset_hashing/minify.py): on only in publishconf.py,
# so that the preview serves them as written.
ASSET_MINIFY = False

# The FAQ: one Markdown file per question in content/faq/ (plugins/practice_site/faq).
FAQ_COLLECTION = {
    "path": "faq",  # the folder inside content/ that holds the questions
    "page_template": "faq",  # the FAQ page says `Template: faq` and shows them all
    "question_heading_level": 2,  # each question is an <h2> on the FAQ page
}

SITEMAP = {
    "format": "xml",
    "exclude": [r"^robots\.txt$"],
    "priorities": {"articles": 0.5, "indexes": 0.5, "pages": 0.8},
    "changefreqs": {"articles": "monthly", "indexes": "monthly", "pages": "monthly"},
}

# The Content-Security-Policy every page carries (and, from the quality-gates
# work, the `_headers` file). No 'unsafe-inline': pages have no inline script
# or style. `frame-ancestors` only works as a real header, so it is not here.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'"
)

# Live preview: development pages load theme/static/js/dev-reload.js, which
# reloads them after each rebuild (tools/devserver.py). publishconf.py turns it off.
DEV_RELOAD = True

# The security headers the host sends with every page: plugins/practice_site/security_headers
# writes them into output/_headers (read by Netlify and Cloudflare Pages; the
# README shows the same for nginx and Apache). The Content-Security-Policy
# header is CONTENT_SECURITY_POLICY above plus `csp_header_only`, the directives
# browsers honour only in a real header.
SECURITY_HEADERS = {
    "path": "/*",
    "csp_header_only": ["frame-ancestors 'none'"],
    # Browser features the site never uses, switched off for it and anything it could embed.
    "permissions_off": [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "clipboard-read",
        "display-capture",
        "encrypted-media",
        "gamepad",
        "geolocation",
        "gyroscope",
        "hid",
        "identity-credentials-get",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "otp-credentials",
        "payment",
        "picture-in-picture",
        "publickey-credentials-create",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "storage-access",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    ],
    "headers": {
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        # Two years, as the HSTS preload list asks; only honoured over HTTPS.
        "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
        # For browsers that predate frame-ancestors.
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    },
}

# Pelican's own cache would hide plugin changes between runs.
LOAD_CONTENT_CACHE = False

# The privacy notice (content/pages/privacy.md) lists these promises, word for
# word. Each one is proven in Chromium on every page of every build by
# tests/test_gates_privacy.py, which has one check per "id" and fails when a
# promise has no check or a check has no promise: change both together.
PRIVACY_PROMISES = [
    {"id": "no-cookies", "text": "This site sets no cookies."},
    {
        "id": "no-storage",
        "text": "It stores nothing in your browser: no local storage, no session storage, "
        "no databases, no saved copies of pages.",
    },
    {
        "id": "no-tracking",
        "text": "It uses no analytics and no trackers. Pages only ask for their own files, "
        "and send nothing about you back.",
    },
    {
        "id": "no-other-sites",
        "text": "Everything it shows comes from this site. No fonts, scripts, maps, videos or "
        "booking widgets load from other sites.",
    },
]
