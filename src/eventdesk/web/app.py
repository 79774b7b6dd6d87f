"""The eventdesk web app: the JSON API and the offline UI that reads it, in one FastAPI app.

    app = create_app("sqlite:///eventdesk.db")

Every HTML page is a static shell from `static/` whose script fetches the page's JSON twin
under `/api/`. Nothing is loaded from outside the app (air-gapped desks): the base map is
bundled, and the API reference at `/docs` is rendered by our own script from `/openapi.json`
instead of FastAPI's default page, which pulls Swagger UI from a CDN.

Around the routes, outermost first: `SecurityHeaders` (CSP and friends on every answer),
`guard.RequestGuard` (Host allow-list, body cap and write token, all decided before a byte of
the body is read) and `cache.ResponseCache` (API answers kept while the store is unchanged).
The write routes (`POST /api/articles`, and the review routes `POST /api/events/{id}/confirm`,
`reject`, `edit`, `split`, `merge`) exist only when a token is configured.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventdesk import __version__
from eventdesk.config import Config, load_config
from eventdesk.errors import BadParameterError, ConfigError, NotFoundError, StoreBusyError
from eventdesk.store import Store
from eventdesk.web import api, downloads, pages
from eventdesk.web.cache import ChangeCounter, ResponseCache
from eventdesk.web.guard import RequestGuard, allowed_host_set
from eventdesk.web.pages import STATIC_DIR

log = logging.getLogger(__name__)

TOKEN_ENV = "EVENTDESK_TOKEN"
SERVE_ARGS_ENV = "EVENTDESK_SERVE_ARGS"
# The write routes (ingest.router's): named here so a read-only app need not import the pipeline.
WRITE_PATHS = frozenset({"/api/articles"})
# The review routes (review.router's), likewise: a pattern, since they carry the event id.
REVIEW_PATHS = r"/api/events/[^/]+/(confirm|reject|edit|split|merge)"
# No inline script or style anywhere, no framing, nothing from another origin: article text
# is untrusted, so even a rendering bug must not be able to run or load anything.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


class SecurityHeaders:
    """ASGI middleware adding the CSP and friends to every response (streamed ones too)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(BadParameterError)
    async def bad_parameter(request: Request, exc: BadParameterError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(StoreBusyError)
    async def busy(request: Request, exc: StoreBusyError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=409)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{k: e[k] for k in ("loc", "msg", "type") if k in e} for e in exc.errors()]
        return JSONResponse({"detail": _validation_message(exc), "errors": errors}, status_code=422)


def create_app(
    db_url: str,
    *,
    token: str | None = None,
    allowed_hosts: Iterable[str] | str | None = None,
    max_body_bytes: int | None = None,
    cache_mb: int | None = None,
    config: Config | None = None,
) -> FastAPI:
    """Build the app over one store.

    Args:
        db_url: the database URL (`sqlite:///eventdesk.db`, `postgresql+psycopg://...`).
        token: the bearer token that enables `POST /api/articles`; defaults to the
            `EVENTDESK_TOKEN` environment variable. With neither, the route does not exist
            (a POST to it answers 404 saying ingest is disabled).
        allowed_hosts: Host names served besides 127.0.0.1, localhost and [::1]
            (default: the `web_allowed_hosts` setting); `"*"` allows any.
        max_body_bytes: the largest request body (default: `web_max_body_bytes`).
        cache_mb: memory for cached API answers, 0 for none (default: `web_cache_mb`).
        config: the settings the defaults above come from (default: `load_config()`).

    Returns:
        The FastAPI app; the store is opened now and closed when the app shuts down.

    Example:
        >>> app = create_app("sqlite:///eventdesk.db")  # doctest: +SKIP
    """
    cfg = config or load_config()
    max_body = cfg.web_max_body_bytes if max_body_bytes is None else max_body_bytes
    cache_bytes = (cfg.web_cache_mb if cache_mb is None else cache_mb) * 1_000_000
    for name, value in (("web_max_body_bytes", max_body), ("web_cache_mb", cache_bytes)):
        if value < 0:
            raise ConfigError(f"{name} is negative; set it to 0 or more in eventdesk.toml or EVENTDESK_{name.upper()}.")
    store = Store(db_url)
    counter = ChangeCounter(store.engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        counter.close()
        store.close()

    app = FastAPI(
        title="eventdesk",
        version=__version__,
        summary="Geocoded, source-attributed events from news articles.",
        docs_url=None,  # the default pages load Swagger UI / ReDoc from a CDN; see pages.docs
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    app.state.write_lock = threading.Lock()
    _install_error_handlers(app)
    for router in (api.router, downloads.router, pages.router):
        app.include_router(router)
    if app.state.token:  # a desk that only reads has no write route at all (nor loads the pipeline)
        from eventdesk.web import ingest, review

        app.include_router(ingest.router)
        app.include_router(review.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(ResponseCache, counter=counter, max_bytes=cache_bytes if counter.enabled else 0)
    app.add_middleware(
        RequestGuard,
        allowed_hosts=allowed_host_set(cfg.web_allowed_hosts if allowed_hosts is None else allowed_hosts),
        max_body_bytes=max_body,
        token=lambda: app.state.token,
        write_paths=WRITE_PATHS,
        review_paths=REVIEW_PATHS,
    )
    app.add_middleware(SecurityHeaders)
    log.info(
        "eventdesk web app over %s (ingest %s, cache %s)",
        db_url, "on" if app.state.token else "off", f"{cache_bytes // 1_000_000} MB" if counter.enabled and cache_bytes else "off",
    )  # fmt: skip
    return app


def app_from_environment() -> FastAPI:
    """The app for a worker process of `eventdesk serve --workers N` (uvicorn's factory).

    The parent passes its arguments in `EVENTDESK_SERVE_ARGS` (JSON: db_url, allowed_hosts).
    """
    import json

    args = json.loads(os.environ[SERVE_ARGS_ENV])
    return create_app(args["db_url"], allowed_hosts=args["allowed_hosts"])
