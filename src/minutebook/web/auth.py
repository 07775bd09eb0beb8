"""Accounts, sessions, API tokens and CSRF: who may write.

Reading stays public; every write needs an officer (role officer or admin). A browser signs
in and gets a random session token in an HttpOnly, SameSite=Lax cookie; the database keeps
only its sha256 (server-side sessions, so signing out really ends one) together with the
session's CSRF token, which every form must echo back. Scripts use a bearer API token
(also stored hashed); a bearer token is not sent by the browser on its own, so API calls
made with one need no CSRF token, while API calls riding on the cookie must send
X-CSRF-Token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Annotated

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, HTTPException, Request
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from minutebook.store.schema import ApiToken, AppUser, UserSession
from minutebook.store.schema_base import utcnow
from minutebook.web.app import get_session

ROLES = ("officer", "admin")
SESSION_COOKIE = "mb_session"
LOGIN_CSRF_COOKIE = "mb_login_csrf"  # double-submit token for the sign-in form (no session yet)
SESSION_DAYS = 14
_HASHER = PasswordHasher()  # argon2id with the library's current parameters
# verified against when the user does not exist, so a wrong name costs as long as a wrong password
_DUMMY_HASH = _HASHER.hash("not a real password")


class AuthError(ValueError):
    """A user-facing problem with an account operation (bad role, duplicate name...)."""


@dataclass(frozen=True, slots=True)
class Officer:
    """The signed-in writer of a request."""

    id: int
    name: str
    role: str
    csrf: str | None  # None when authenticated by bearer token
    via: str  # "session" or "token"


def sha(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def create_user(db: Session, name: str, password: str, role: str = "officer") -> AppUser:
    name = name.strip()
    if role not in ROLES:
        raise AuthError(f"role must be one of {', '.join(ROLES)}")
    if not name or len(name) > 100:
        raise AuthError("the user name must be 1-100 characters")
    if len(password) < 8:
        raise AuthError("the password must be at least 8 characters")
    if db.scalars(select(AppUser).where(AppUser.name == name)).first() is not None:
        raise AuthError(f"user {name!r} already exists")
    user = AppUser(name=name, password_hash=hash_password(password), role=role)
    db.add(user)
    db.flush()
    return user


def authenticate(db: Session, name: str, password: str) -> AppUser | None:
    user = db.scalars(select(AppUser).where(AppUser.name == name.strip())).first()
    try:
        _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def new_api_token(db: Session, user: AppUser, label: str | None = None) -> str:
    """A new token for `user`; the clear token is returned once and never stored."""
    token = "mbt_" + secrets.token_urlsafe(32)
    db.add(ApiToken(user_id=user.id, token_hash=sha(token), label=label))
    db.flush()
    return token


def start_session(db: Session, user: AppUser) -> str:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    # expired sessions are swept here, on the rare write path, rather than by a job
    db.execute(delete(UserSession).where(UserSession.expires_at < now))
    db.add(UserSession(user_id=user.id, token_hash=sha(token), csrf=secrets.token_urlsafe(32),
                       expires_at=now + dt.timedelta(days=SESSION_DAYS)))
    db.flush()
    return token


def end_session(db: Session, token: str) -> None:
    db.execute(delete(UserSession).where(UserSession.token_hash == sha(token)))


def _from_session(db: Session, token: str) -> Officer | None:
    row = db.execute(select(UserSession, AppUser).join(AppUser, AppUser.id == UserSession.user_id)
                     .where(UserSession.token_hash == sha(token))).first()
    if row is None or row[0].expires_at < utcnow():
        return None
    sess, user = row
    return Officer(user.id, user.name, user.role, sess.csrf, "session")


def _from_token(db: Session, token: str) -> Officer | None:
    row = db.execute(select(ApiToken, AppUser).join(AppUser, AppUser.id == ApiToken.user_id)
                     .where(ApiToken.token_hash == sha(token))).first()
    if row is None:
        return None
    tok, user = row
    tok.last_used_at = utcnow()
    return Officer(user.id, user.name, user.role, None, "token")


def current_officer(request: Request, db: Annotated[Session, Depends(get_session)]) -> Officer | None:
    """The officer behind this request, or None for an anonymous reader."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return _from_token(db, header[7:].strip())
    cookie = request.cookies.get(SESSION_COOKIE)
    return _from_session(db, cookie) if cookie else None


MaybeOfficer = Annotated[Officer | None, Depends(current_officer)]


def require_officer(officer: MaybeOfficer) -> Officer:
    if officer is None or officer.role not in ROLES:
        raise HTTPException(401, "sign in as an officer to change records")
    return officer


def csrf_ok(officer: Officer, supplied: str | None) -> bool:
    """Token-authenticated calls carry no ambient credential; session calls must echo the token."""
    if officer.via == "token":
        return True
    return bool(supplied and officer.csrf and hmac.compare_digest(supplied, officer.csrf))


def require_api_writer(request: Request, officer: Annotated[Officer, Depends(require_officer)]) -> Officer:
    if not csrf_ok(officer, request.headers.get("x-csrf-token")):
        raise HTTPException(403, "missing or wrong X-CSRF-Token header")
    return officer


def set_cookie_flags(request: Request) -> dict[str, object]:
    # Secure only over https: the demo and the tests run on plain loopback http
    return {"httponly": True, "samesite": "lax", "secure": request.url.scheme == "https", "path": "/"}


def set_session_cookie(response: object, request: Request, token: str) -> None:
    response.set_cookie(SESSION_COOKIE, token, max_age=SESSION_DAYS * 86400,  # type: ignore[attr-defined]
                        **set_cookie_flags(request))


Writer = Annotated[Officer, Depends(require_api_writer)]
