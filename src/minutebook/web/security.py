"""Security headers for every response, as pure ASGI middleware.

Pure ASGI (not @app.middleware("http")) because BaseHTTPMiddleware buffers and costs a task
per request; this only rewrites the response-start message. The policy is strict: scripts
only from this origin (htmx, vega, our chart loader) - no inline script, no eval (vega runs
with its AST interpreter, vega-embed `ast: true`). Inline style attributes stay allowed
because vega's SVG renderer sets them; images include the rendered page PNGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")

# Sent on every response, HTML or JSON: nosniff stops a browser from running a JSON body or
# an uploaded-looking text as script; X-Frame-Options is frame-ancestors for old browsers.
HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


class SecurityHeaders:
    """Adds HEADERS to every HTTP response (replacing any same-named header a route set)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                ours = {name for name, _ in HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in ours]
                message = {**message, "headers": headers + HEADERS}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class TokenBucket:
    """Per-key token buckets: `burst` attempts at once, then one more every `per` seconds.

    In-process and per app instance: enough for one `minutebook serve`; behind several
    workers each has its own budget (a front proxy's limit would then be the real one).
    """

    def __init__(self, burst: int, per: float, max_keys: int = 10_000) -> None:
        self.burst, self.per, self.max_keys = burst, per, max_keys
        self.buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last refill time)

    def take(self, key: str, now: float) -> float:
        """0 if allowed (a token is spent), else the seconds until the next token."""
        tokens, last = self.buckets.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) / self.per)
        if tokens < 1:
            self.buckets[key] = (tokens, now)
            return (1 - tokens) * self.per
        if key not in self.buckets and len(self.buckets) >= self.max_keys:
            # bounded memory under a spray of addresses: forget buckets that are full again
            self.buckets = {k: v for k, v in self.buckets.items()
                            if v[0] + (now - v[1]) / self.per < self.burst}
        self.buckets[key] = (tokens - 1, now)
        return 0.0


# Sign-in attempts per client address: 10 at once, then one every 6 s (10 a minute), which
# stops password guessing while a person mistyping a few times never notices.
SIGN_IN_BURST, SIGN_IN_EVERY = 10, 6.0


class SignInRateLimit:
    """429 for POST /sign-in beyond the client address's token bucket (pure ASGI)."""

    def __init__(self, app: ASGIApp, burst: int = SIGN_IN_BURST, per: float = SIGN_IN_EVERY,
                 paths: tuple[str, ...] = ("/sign-in",)) -> None:
        self.app, self.paths = app, paths
        self.bucket = TokenBucket(burst, per)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] in self.paths:
            import time  # noqa: PLC0415

            client = scope.get("client")
            wait = self.bucket.take(client[0] if client else "?", time.monotonic())
            if wait > 0:
                retry = str(int(wait) + 1).encode()
                await send({"type": "http.response.start", "status": 429,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"retry-after", retry)]})
                await send({"type": "http.response.body",
                            "body": b"Too many sign-in attempts from this address; try again in " + retry
                                    + b" seconds.\n"})
                return
        await self.app(scope, receive, send)
