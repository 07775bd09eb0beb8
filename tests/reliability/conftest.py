"""Reliability tests: bad input, crashes, concurrency, attacks and backups, on real components.

`db_url` (a SQLite file and a database on a throwaway PostgreSQL server) comes from
minutebook.testing.pytest_plugin; MINUTEBOOK_SKIP_PG=1 skips the PostgreSQL half.
"""
