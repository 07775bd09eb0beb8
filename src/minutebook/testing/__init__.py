"""Helpers for tests that need real services (a throwaway PostgreSQL server)."""
