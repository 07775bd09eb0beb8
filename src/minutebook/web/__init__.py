"""The web UI and JSON API over the store (FastAPI + Jinja2 + htmx); see app.create_app."""
