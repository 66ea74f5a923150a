"""Settings for building the practice's site (development build).

The therapist edits the block marked PRACTICE DETAILS below. Everything else is
how the site is put together and rarely needs to change.
"""

# ---------------------------------------------------------------------------
# PRACTICE DETAILS: edit these. They appear in the header, the footer and the
# search-engine data of every page. Values in [square brackets] and the 555
# telephone number are PLACEHOLDERS: replace them with the practice's own.
# ---------------------------------------------------------------------------
PRACTICE = {
    "name": "[Practice name]",
    "therapist": "[Therapist name], [credentials]",
    "city": "[City, State]",
    "phone": "(555) 010-0199",
    "email": "hello@example.com",
    "booking_url": "https://example.com/book",
}

# The telephone number in the form phones dial (tel: links), made from the above.
PRACTICE_PHONE_TEL = "+1" + "".join(c for c in PRACTICE["phone"] if c.isdigit())[-10:]

# ---------------------------------------------------------------------------
# PRICING: edit these. Every price, session length and session count the site
# shows comes from here: the costs page, the FAQ's cost answer and the cost
# calculator. In the Markdown pages, write a placeholder such as
# {price:hourly_rate} instead of typing a price (the README lists the names).
# Amounts are whole US dollars; lengths are whole hours; counts whole sessions.
# The build checks these values and stops with a plain message if one is wrong.
# ---------------------------------------------------------------------------
PRICING = {
    # The practice's rate, in dollars per hour, for every kind of session.
    "hourly_rate": 150,
    # The medical screen with the prescriber, in dollars. It is paid to the
    # prescriber, not to the practice, and is shown as a separate line.
    "medical_screen_fee": 500,
    # Session lengths in hours. The practice's page does not say how long the
    # intake, preparation and integration sessions are: 1 hour each is an
    # ASSUMPTION. Please check these three and change them if they differ.
    "intake_hours": 1,
    "preparation_hours": 1,
    "integration_hours": 1,
    # The first medicine session is scheduled for this many hours.
    "first_medicine_hours": 3,
    # Later medicine sessions may be shorter: the shortest and longest a
    # visitor can choose, and the length the calculator starts with.
    "later_medicine_hours": {"min": 2, "max": 3, "default": 3},
    # How many sessions a typical course has: the fewest, the most, and the
    # number the calculator starts with.
    "preparation_sessions": {"min": 1, "max": 3, "default": 2},
    "medicine_sessions": {"min": 4, "max": 6, "default": 5},
    # Integration sessions: how many a visitor can choose, and how many the
    # calculator suggests for each medicine session (one after each).
    "integration_sessions": {"min": 1, "max": 12, "per_medicine_session": 1},
    # The sessions that out-of-network insurance benefits may reimburse (with
    # a superbill from the practice). Choose from: "intake", "preparation",
    # "medicine", "integration".
    "reimbursable_sessions": ["preparation", "integration"],
}

# ---------------------------------------------------------------------------
# Site settings: how the site is built.
# ---------------------------------------------------------------------------
SITENAME = PRACTICE["name"]
AUTHOR = PRACTICE["therapist"]
SITEURL = ""  # development: links work from `make devserver`; see publishconf.py
RELATIVE_URLS = True

PATH = "content"
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = []  # the site has no blog
STATIC_PATHS = []  # the theme brings its own styles, scripts and icon
# robots.txt is a template so that it can name the sitemap's full address.
TEMPLATE_PAGES = {"site/robots.txt": "robots.txt"}

THEME = "theme"
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
    },
    "output_format": "html5",
}

# Our plugins are one package, plugins/practice_site, installed into .venv in
# editable mode (pyproject.toml), so Pelican imports them by their full names.
PLUGINS = [
    "pelican.plugins.sitemap",
    "practice_site.cost_calculator",
    "practice_site.faq",
    "practice_site.markdown_reader",
    "practice_site.security_headers",
    "practice_site.template_cache",
]

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
