"""Whether the HTML intake uses Babel at all: it does not, so the image ships no locale data.

Babel comes in through courlan (trafilatura's URL library), whose only use of it is
`lang_filter` (`Locale.parse` on URL path segments, for trafilatura's crawler, sitemaps
and feeds). Factdesk calls `trafilatura.bare_extraction`, which never filters URLs by
language, so the Dockerfile deletes Babel's locale data (35 MB) but root and English.
A missing locale would not fail loudly there: courlan counts an UnknownLocaleError as no
evidence. So this watches for any call into Babel, not for errors.

It runs the intake's HTML door (`service.ingest.intake.take_copy`) over a page full of
what trafilatura's metadata and date code read (language attributes, canonical and
alternate links with language paths, Open Graph, a French date) and over any pages named
on the command line, with a profile hook that notes every Babel function called (its
modules' import aside), prints each and exits 1 if there was any.
tests/ingest/parse/test_html_story.py runs it in the dev environment, scripts/container-check in
the image: `python - [page.html ...] < tests/babel_probe.py`.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import FrameType

PAGE = """<!doctype html>
<html lang="fr-FR"><head><meta charset="utf-8">
<title>Le conseil vote le budget du port | Le Quotidien</title>
<link rel="canonical" href="https://www.example.fr/fr-fr/politique/2024/03/03/budget-port.html">
<link rel="alternate" hreflang="de-DE" href="https://www.example.fr/de-de/politik/haushalt.html">
<link rel="alternate" hreflang="x-default" href="https://www.example.fr/en-gb/budget.html">
<meta property="og:url" content="https://www.example.fr/pt-br/politica/orcamento.html">
<meta property="og:locale" content="fr_FR">
<meta property="og:site_name" content="Le Quotidien">
<meta name="author" content="Claire Dubois">
<meta property="article:published_time" content="2024-03-03T09:30:00+01:00">
</head><body>
<nav><a href="/es-es/">Español</a> <a href="/zh-hant-tw/">中文</a>
<a href="/sr-latn/">Srpski</a></nav>
<article><h1>Le conseil vote le budget du port</h1>
<p class="date">Publié le 3 mars 2024 à 9 h 30</p>
<p>Le conseil municipal a voté dimanche un budget de 12 millions d'euros pour le port,
par 23 voix contre 8, après trois heures de débat.</p>
<p>« Ce budget protège l'emploi », a déclaré la maire, Anne Martin, devant la presse.</p>
<p>L'opposition a dénoncé une hausse de 4 % des taxes portuaires, la troisième en
cinq ans, et annoncé un recours devant le tribunal administratif.</p>
</article><footer>© 2024 Le Quotidien</footer></body></html>
"""


def babel_directory() -> str:
    spec = importlib.util.find_spec("babel")
    assert spec is not None, "babel is not installed"
    assert spec.submodule_search_locations, "babel is not a package"
    return os.path.realpath(next(iter(spec.submodule_search_locations)))


def main(pages: list[str]) -> int:
    babel = babel_directory() + os.sep
    called: set[str] = set()

    def watch(frame: FrameType, event: str, arg: object) -> None:
        code = frame.f_code
        if event == "call":
            where = os.path.realpath(code.co_filename)
            if where.startswith(babel):
                called.add(f"{where[len(babel) :]}:{code.co_name}")

    from service.ingest.intake import take_copy

    # What the intake imports on first use, imported first: what Babel runs to define
    # itself is not a use.
    importlib.import_module("trafilatura")

    texts = [PAGE, *(Path(page).read_text(encoding="utf-8") for page in pages)]
    for text in texts:
        sys.setprofile(watch)
        try:
            copy = take_copy(text, max_bytes=len(text.encode()) + 1, html=True)
        finally:
            sys.setprofile(None)
        assert copy.converted_from_html, "the page was not read as HTML"
        assert copy.text.strip(), "the page gave no copy"
    for name in sorted(called):
        print(f"Babel called: {name}")
    print(f"{len(texts)} pages read; Babel functions called: {len(called)}", file=sys.stderr)
    return 1 if called else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
