"""The practice site's own Pelican plugins and the helpers they share.

One package, installed into `.venv` in editable mode by the Makefile (see
pyproject.toml), so Pelican, `tools/`, the tests and the bench import the same
modules under the same names. Pelican loads the plugins by their full names
(`PLUGINS` in pelicanconf.py):

- `practice_site.practice`: the practice's details and prices, read from
  content/practice.toml into the settings (listed first: the others read them);
- `practice_site.faq`: the FAQ collection (content/faq/), its accordion page,
  `{faq:SLUG}` embeds and the FAQPage JSON-LD;
- `practice_site.cost_calculator`: the `PRICING` setting, `{price:NAME}`
  placeholders and the cost-calculator widget;
- `practice_site.security_headers`: `output/_headers` from the security settings;
- `practice_site.markdown_reader` and `practice_site.template_cache`: the same
  reading and templates, faster (one Markdown converter per build; compiled
  templates kept between builds);
- `practice_site.extra_files`: content/extra/ copied to the site root as it is.

Shared modules: `problems` (how every check reports a mistake in plain words),
`html_tools` (the small HTML parsers the build uses), `sanitiser` (the nh3
allow-list for HTML the editor writes or pastes) and `markdown_lists` (a
Markdown extension in MARKDOWN: lists as people type them).
"""
