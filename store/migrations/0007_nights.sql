-- 0007: the nights a watch measured (Garmin's sleepData, laceup activities
-- import), one row per wake-up day. Like the activities they stand beside the
-- check-ins: the form offers a night's hours as the answer to "last night's
-- sleep", and only the runner's check-in is read by the meter.

CREATE TABLE nights (
    day           TEXT    NOT NULL PRIMARY KEY
                          CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(day) IS day),
    source        TEXT    NOT NULL CHECK (source IN ('garmin')),
    sleep_seconds INTEGER NOT NULL CHECK (sleep_seconds BETWEEN 1 AND 259200), -- deep + light + REM
    score         INTEGER          CHECK (score BETWEEN 0 AND 100)              -- the watch's sleep score
) STRICT, WITHOUT ROWID;
