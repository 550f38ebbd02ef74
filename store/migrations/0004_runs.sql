-- 0004: the runs of consecutive days with a check-in, kept by triggers, so
-- the check-in streaks read a run or two instead of every date of the
-- journal (the meter's cost does not grow with the journal's age).
--
-- A run is a maximal span of consecutive calendar days that all have a
-- check-in: start and end (YYYY-MM-DD, both included). Runs never touch
-- or overlap: between two runs lies at least one day without a check-in.
-- The triggers keep that true for every insert and delete of a check-in,
-- whoever makes it (laceup, an import, the sqlite3 shell); laceup never
-- changes a check-in's date, but a change of date is a delete and an
-- insert here too.

CREATE TABLE runs (
    start TEXT NOT NULL PRIMARY KEY,
    end   TEXT NOT NULL,
    CHECK (start <= end)
) STRICT, WITHOUT ROWID;

-- The runs of the check-ins there are: a date minus its rank among the
-- dates is the same for every day of one run.
INSERT INTO runs (start, end)
SELECT min(date), max(date)
FROM (SELECT date, julianday(date) - row_number() OVER (ORDER BY date) AS run FROM checkins)
GROUP BY run;

-- A new day joins the run that ends the day before, the one that starts
-- the day after, both (merging them), or neither (a run of its own).
CREATE TRIGGER runs_insert AFTER INSERT ON checkins
BEGIN
    -- Extend the run before over the day and the run after, if any.
    UPDATE runs
    SET end = coalesce((SELECT end FROM runs WHERE start = date(NEW.date, '+1 day')), NEW.date)
    WHERE end = date(NEW.date, '-1 day');
    -- That run now covers the run after: drop it.
    DELETE FROM runs
    WHERE start = date(NEW.date, '+1 day')
      AND EXISTS (SELECT 1 FROM runs WHERE start < date(NEW.date, '+1 day') AND end >= date(NEW.date, '+1 day'));
    -- No run before: start the run after a day early, or a new run.
    UPDATE runs SET start = NEW.date
    WHERE start = date(NEW.date, '+1 day')
      AND NOT EXISTS (SELECT 1 FROM runs WHERE end = NEW.date);
    INSERT INTO runs (start, end)
    SELECT NEW.date, NEW.date
    WHERE NOT EXISTS (SELECT 1 FROM runs WHERE start <= NEW.date AND end >= NEW.date);
END;

-- A day taken out splits its run in two, shortens it, or ends it.
CREATE TRIGGER runs_delete AFTER DELETE ON checkins
BEGIN
    -- The days after it in its run become a run of their own.
    INSERT INTO runs (start, end)
    SELECT date(OLD.date, '+1 day'), end FROM runs
    WHERE start <= OLD.date AND end > OLD.date;
    -- Its run ends the day before it, or goes if it started on it.
    UPDATE runs SET end = date(OLD.date, '-1 day')
    WHERE start < OLD.date AND end >= OLD.date;
    DELETE FROM runs WHERE start = OLD.date;
END;

CREATE TRIGGER runs_update AFTER UPDATE OF date ON checkins
WHEN OLD.date <> NEW.date
BEGIN
    SELECT RAISE(ABORT, 'laceup: a check-in keeps its date; delete it and check in on the other day');
END;
