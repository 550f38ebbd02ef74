-- 0006: the training sessions imported from Strava, Garmin or FIT files
-- (laceup activities import), one row per session. They stand beside the
-- check-ins: an import never writes a check-in. Source and source_id (the
-- source's own id for the session) identify a session, so importing the
-- same file again finds the same rows, and an edited export updates them.

CREATE TABLE activities (
    source          TEXT    NOT NULL CHECK (source IN ('strava', 'garmin', 'fit')),
    source_id       TEXT    NOT NULL CHECK (length(source_id) BETWEEN 1 AND 100),
    day             TEXT    NOT NULL
                            CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(day) IS day),
    start           TEXT    NOT NULL, -- UTC, RFC 3339 to the second
    sport           TEXT    NOT NULL,
    name            TEXT    NOT NULL DEFAULT '',
    moving_minutes  REAL             CHECK (moving_minutes >= 0),
    elapsed_minutes REAL             CHECK (elapsed_minutes >= 0),
    distance_m      REAL             CHECK (distance_m >= 0),
    rpe             INTEGER          CHECK (rpe BETWEEN 1 AND 10), -- CR-10; NULL: not rated, never 0
    PRIMARY KEY (source, source_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX activities_day ON activities (day);
