"""GraphiQL's page, with every script and style served by Factdesk itself (vendored in
`static/vendor/`, provenance in its SOURCES.md): it works with the network unplugged and
under a content-security policy that allows only this server."""

from __future__ import annotations

from service.desk.templating import ENVIRONMENT

# GraphiQL's style sheet embeds its fonts and icons as data: URLs; its editor sets styles
# from script (allowed), and nothing it needs is inline.
GRAPHIQL_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
GRAPHIQL_HEADERS = {
    "Content-Security-Policy": GRAPHIQL_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def graphiql_html() -> str:
    return ENVIRONMENT.get_template("graphiql.html").render()
