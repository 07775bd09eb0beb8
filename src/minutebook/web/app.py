"""The web application: HTML pages and the JSON API over one store, in one FastAPI app.

`create_app(db_url)` opens (and migrates) the database once; each request gets its own
SQLAlchemy session. Routes are sync functions, so FastAPI runs them in its thread pool and a
slow query never blocks the event loop.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException

from minutebook.store.db import open_db
from minutebook.web.security import CSP, SecurityHeaders, SignInRateLimit  # noqa: F401 - CSP re-exported

HERE = Path(__file__).resolve().parent
API = "/api/v1"


def source_url(src: dict[str, Any] | None) -> str | None:
    """Link to the provenance page for a row's source ({pack_id, page, line, text})."""
    if not src or not src.get("pack_id"):
        return None
    params: dict[str, Any] = {k: src[k] for k in ("page", "line") if src.get(k) is not None}
    if src.get("text"):
        params["hl"] = str(src["text"])[:300]
    query = urlencode(params)
    return f"/packs/{src['pack_id']}/source" + (f"?{query}" if query else "") + "#hl"


def make_templates() -> Environment:
    # autoescape for every template, whatever its name: pack text may contain markup
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["source_url"] = source_url
    from minutebook.web.queries_items import rag_class  # noqa: PLC0415 - avoid an import cycle at load
    env.globals["rag_class"] = rag_class
    return env


def create_app(db_url: str | None = None) -> FastAPI:
    engine = open_db(db_url)
    factory = sessionmaker(engine, expire_on_commit=False)
    app = FastAPI(title="Minutebook", version="1", description="Committee records extracted from agenda packs.",
                  openapi_url=f"{API}/openapi.json", docs_url=None, redoc_url=None)  # Swagger UI needs a CDN
    app.state.engine = engine
    app.state.sessions = factory
    app.state.templates = make_templates()

    app.add_middleware(SignInRateLimit)  # inside SecurityHeaders, so a 429 carries the headers too
    app.add_middleware(SecurityHeaders)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith(API)

    # Starlette's HTTPException also covers FastAPI's and the router's own 404/405
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if is_api(request):
            return JSONResponse({"error": {"status": exc.status_code, "message": str(exc.detail)}},
                                status_code=exc.status_code)
        return render(request, "error.html", {"status": exc.status_code, "message": exc.detail},
                      status=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [{"where": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg", "")}
                    for e in exc.errors()]
        if is_api(request):
            return JSONResponse({"error": {"status": 422, "message": "invalid request", "details": problems}},
                                status_code=422)
        message = "; ".join(f"{p['where']}: {p['message']}" for p in problems)
        return render(request, "error.html", {"status": 422, "message": message}, status=422)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        # never a traceback to the client; the server log has it
        import logging  # noqa: PLC0415

        logging.getLogger("minutebook.web").exception("error on %s", request.url.path)
        if is_api(request):
            return JSONResponse({"error": {"status": 500, "message": f"internal error ({type(exc).__name__})"}},
                                status_code=500)
        return PlainTextResponse("internal error", status_code=500)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> PlainTextResponse:
        # trivial endpoint: the load bench's baseline
        return PlainTextResponse("ok")

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    from minutebook.web import routes_api, routes_pages, routes_source  # noqa: PLC0415

    app.include_router(routes_api.router, prefix=API)
    app.include_router(routes_pages.router)
    app.include_router(routes_source.router)
    from minutebook.web import auth_pages, routes_edit, routes_edit_api  # noqa: PLC0415 - the officer's side

    app.include_router(routes_edit_api.router, prefix=API)
    app.include_router(auth_pages.router)
    app.include_router(routes_edit.router)
    return app


def get_session(request: Request) -> Iterator[Session]:
    factory: sessionmaker[Session] = request.app.state.sessions
    with factory() as session:
        yield session


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    env: Environment = request.app.state.templates
    html = env.get_template(template).render(request=request, current_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)
