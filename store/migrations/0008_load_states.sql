-- 0008: the load model's state at the end of some days (slump.LoadState):
-- fitness, fatigue, both EWMAs of the ratio and the unknown days, as they
-- stand after every load up to the day. The meter continues the model from
-- the last state before its window, reading the days after it, instead of
-- every load since the first check-in: its cost does not grow with the
-- journal's age, and its figures are those of the whole journal.
--
-- laceup adds a state for every Sunday up to yesterday at the end of each
-- write (store.keepLoadStates). A state depends on every load up to its
-- day, so the triggers below remove each state a change could alter (a
-- change of what a load reads: a check-in's date, effort and minutes, a
-- session's source, day, start, rating and moving minutes),
-- whoever makes the change (laceup, an import, the sqlite3 shell): a
-- check-in's, from its date on; a session's, from 2 days before its day on
-- (a session recorded twice counts once, on the day of the watch's own
-- record, and the copies of one session may be dated up to 2 days apart,
-- each in its own time zone: slump.CopyDays). A session replaced by INSERT
-- OR REPLACE or UPDATE OR REPLACE goes without a DELETE trigger, so the
-- BEFORE triggers remove the states its row reached first. A reader that
-- finds no state reads the loads, as before: a state only saves work.
--
-- model is slump.LoadModel, the version of the model that made the state:
-- a laceup whose model differs reads none of these and replaces them.
-- unknown has bit i set when the day i days before day had no known load.

CREATE TABLE load_states (
    day     TEXT    NOT NULL PRIMARY KEY CHECK (date(day) IS day),
    model   INTEGER NOT NULL,
    first   TEXT    NOT NULL CHECK (date(first) IS first AND first <= day),
    fitness REAL    NOT NULL,
    fatigue REAL    NOT NULL,
    acute   REAL    NOT NULL,
    chronic REAL    NOT NULL,
    unknown INTEGER NOT NULL CHECK (unknown >= 0)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER load_states_checkin_insert AFTER INSERT ON checkins
BEGIN
    DELETE FROM load_states WHERE day >= NEW.date;
END;

CREATE TRIGGER load_states_checkin_update AFTER UPDATE OF date, effort, minutes ON checkins
WHEN OLD.date IS NOT NEW.date OR OLD.effort IS NOT NEW.effort OR OLD.minutes IS NOT NEW.minutes
BEGIN
    DELETE FROM load_states WHERE day >= min(OLD.date, NEW.date);
END;

CREATE TRIGGER load_states_checkin_delete AFTER DELETE ON checkins
BEGIN
    DELETE FROM load_states WHERE day >= OLD.date;
END;

CREATE TRIGGER load_states_activity_insert AFTER INSERT ON activities
BEGIN
    DELETE FROM load_states WHERE day >= date(NEW.day, '-2 days');
END;

CREATE TRIGGER load_states_activity_update AFTER UPDATE ON activities
WHEN OLD.source IS NOT NEW.source OR OLD.day IS NOT NEW.day OR OLD.start IS NOT NEW.start
  OR OLD.rpe IS NOT NEW.rpe OR OLD.moving_minutes IS NOT NEW.moving_minutes
BEGIN
    DELETE FROM load_states WHERE day >= date(min(OLD.day, NEW.day), '-2 days');
END;

CREATE TRIGGER load_states_activity_delete AFTER DELETE ON activities
BEGIN
    DELETE FROM load_states WHERE day >= date(OLD.day, '-2 days');
END;

-- The row an INSERT OR REPLACE, or an UPDATE OR REPLACE, would replace.
-- A BEFORE INSERT trigger fires for an INSERT that ON CONFLICT DO NOTHING
-- then skips, as laceup's re-import of a session it has does: only a row
-- that differs in what the load reads counts.
CREATE TRIGGER load_states_activity_replace BEFORE INSERT ON activities
WHEN EXISTS (SELECT 1 FROM activities WHERE source = NEW.source AND source_id = NEW.source_id
             AND (day IS NOT NEW.day OR start IS NOT NEW.start OR rpe IS NOT NEW.rpe
                  OR moving_minutes IS NOT NEW.moving_minutes))
BEGIN
    DELETE FROM load_states WHERE day >= (SELECT date(day, '-2 days') FROM activities
                                          WHERE source = NEW.source AND source_id = NEW.source_id);
END;

CREATE TRIGGER load_states_activity_rekey BEFORE UPDATE OF source, source_id ON activities
BEGIN
    DELETE FROM load_states WHERE day >= (SELECT date(day, '-2 days') FROM activities
                                          WHERE source = NEW.source AND source_id = NEW.source_id);
END;
