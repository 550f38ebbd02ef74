-- 0001: the check-ins table. One row per calendar day; checking in again
-- updates the row (INSERT ... ON CONFLICT(date) DO UPDATE).
--
-- STRICT makes SQLite enforce the column types, so what the sqlite3 shell
-- shows is what laceup stored. WITHOUT ROWID stores the rows in date order
-- in the primary key itself, so a date range is one index walk.
--
-- note is NOT NULL DEFAULT '': an empty note is '', never NULL, so a query
-- in the shell never has to say "note IS NULL OR note = ''".
-- created_at and updated_at are UTC timestamps in RFC 3339 form,
-- e.g. 2026-03-14T07:05:00Z.
--
-- application_id marks the file as a laceup journal (0x6c616365, "lace"),
-- so laceup can tell its journal from another program's SQLite database.
-- The migration runner sets user_version in the same transaction.

CREATE TABLE checkins (
    date          TEXT    NOT NULL PRIMARY KEY
                          CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                                 AND date(date) IS date),
    mood          INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),
    motivation    INTEGER NOT NULL CHECK (motivation BETWEEN 1 AND 5),
    sleep_hours   REAL    NOT NULL CHECK (sleep_hours BETWEEN 0 AND 24),
    effort        INTEGER NOT NULL CHECK (effort BETWEEN 0 AND 10),
    minutes       INTEGER          CHECK (minutes BETWEEN 0 AND 1440),
    sleep_quality INTEGER          CHECK (sleep_quality BETWEEN 1 AND 5),
    note          TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
) STRICT, WITHOUT ROWID;

PRAGMA application_id = 1818321765;
