-- 0003: the races the runner is training for (laceup race add). One row
-- per calendar day; adding a race on a day that has one renames it
-- (INSERT ... ON CONFLICT(date) DO UPDATE). Past and future days alike: a
-- race is entered months ahead, or after it was run.
--
-- date has the same CHECK as checkins.date: YYYY-MM-DD, a real calendar
-- day. name is NOT NULL DEFAULT '': a race without a name is '', never
-- NULL; at most 80 characters, as package slump allows (Race.Validate).
-- created_at and updated_at are UTC timestamps in RFC 3339 form, as in
-- checkins; created_at is kept when a race is renamed.
--
-- STRICT and WITHOUT ROWID as checkins: the types are enforced, and the
-- rows are stored in date order, so the races from a day on are one
-- index walk.

CREATE TABLE races (
    date       TEXT NOT NULL PRIMARY KEY
                    CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                           AND date(date) IS date),
    name       TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 80),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
