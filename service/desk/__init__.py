"""The desk: server-rendered pages where an editor searches, reads each fact's values with
their sources, and follows them to the articles. No JavaScript needed; nothing is loaded
from another host (the pages' style and GraphiQL's assets are served from `static/`)."""
