-- 0007: the nights a watch measured (Garmin's sleepData, laceup activities
-- import), one row per wake-up day. Like the activities they stand beside the
-- check-ins: the form offers a night's hours as the answer to "last night's
-- sleep", and only the runner's check-in is read by the meter.

CREATE TABLE nights (
    day           TEXT    NOT NULL PRIMARY KEY
                          CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(day) IS day),
    source        TEXT    NOT NULL CHECK (source IN ('garmin')),
    sleep_seconds INTEGER NOT NULL CHECK (sleep_seconds BETWEEN 1 AND 86400), -- deep + light + REM, at most a day
    score         INTEGER          CHECK (score BETWEEN 0 AND 100)              -- the watch's sleep score
) STRICT, WITHOUT ROWID;

-- The meter reads the sessions of up to 1000 days on every reading (the
-- load series; store.sessionsQuery): an index that holds the columns it
-- reads, in the order it reads them, answers that from the index alone,
-- with no lookup of each row and no sort. It replaces 0006's index on day.
DROP INDEX activities_day;
CREATE INDEX activities_meter ON activities (day, start, rpe, moving_minutes);
