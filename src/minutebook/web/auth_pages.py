"""Sign-in, sign-out and the account page (with API tokens)."""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from minutebook.store.schema import AppUser
from minutebook.web.app import get_session, render
from minutebook.web.auth import (
    LOGIN_CSRF_COOKIE, SESSION_COOKIE, MaybeOfficer, authenticate, csrf_ok, end_session, new_api_token,
    set_cookie_flags, set_session_cookie, start_session,
)

DB = Annotated[Session, Depends(get_session)]
router = APIRouter(include_in_schema=False)


def safe_next(target: str | None) -> str:
    # only local paths: an open redirect would let a phishing link bounce through the sign-in
    return target if target and target.startswith("/") and not target.startswith("//") else "/account"


def _sign_in_page(request: Request, next_url: str, error: str | None = None, status: int = 200) -> Response:
    token = secrets.token_urlsafe(32)
    resp = render(request, "sign_in.html", {"csrf": token, "next": next_url, "error": error}, status=status)
    resp.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=3600, **set_cookie_flags(request))  # type: ignore[arg-type]
    return resp


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_form(request: Request, next: str | None = None) -> Response:  # noqa: A002 - the query name
    return _sign_in_page(request, safe_next(next))


@router.post("/sign-in")
def sign_in(request: Request, db: DB, name: Annotated[str, Form()] = "", password: Annotated[str, Form()] = "",
            csrf_token: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/account") -> Response:  # noqa: A002
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not hmac.compare_digest(cookie, csrf_token):
        return _sign_in_page(request, safe_next(next), "The form expired. Please sign in again.", 403)
    user = authenticate(db, name, password)
    if user is None:
        return _sign_in_page(request, safe_next(next), "That name and password do not match an account.", 401)
    token = start_session(db, user)
    db.commit()
    resp = RedirectResponse(safe_next(next), status_code=303)
    set_session_cookie(resp, request, token)
    resp.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    return resp


@router.post("/sign-out")
def sign_out(request: Request, db: DB, officer: MaybeOfficer, csrf_token: Annotated[str, Form()] = "") -> Response:
    if officer is not None and officer.via == "session":
        if not csrf_ok(officer, csrf_token):
            return render(request, "error.html", {"status": 403, "message": "missing or wrong form token"}, 403)
        end_session(db, request.cookies.get(SESSION_COOKIE, ""))
        db.commit()
    resp = RedirectResponse("/", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, path="/")
    return resp


@router.get("/account", response_class=HTMLResponse)
def account(request: Request, officer: MaybeOfficer) -> Response:
    if officer is None:
        return RedirectResponse("/sign-in?next=/account", status_code=303)
    return render(request, "account.html", {"officer": officer, "csrf": officer.csrf, "token": None})


@router.post("/account/tokens", response_class=HTMLResponse)
def make_token(request: Request, db: DB, officer: MaybeOfficer, csrf_token: Annotated[str, Form()] = "",
               label: Annotated[str, Form()] = "") -> Response:
    if officer is None:
        return render(request, "error.html", {"status": 401, "message": "sign in first"}, 401)
    if not csrf_ok(officer, csrf_token):
        return render(request, "error.html", {"status": 403, "message": "missing or wrong form token"}, 403)
    user = db.get(AppUser, officer.id)
    assert user is not None
    token = new_api_token(db, user, label.strip()[:200] or None)
    db.commit()
    return render(request, "account.html", {"officer": officer, "csrf": officer.csrf, "token": token})
