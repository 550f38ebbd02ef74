-- 0005: the days deleted from the journal, so that a deletion travels in
-- an export and import --merge newer on another machine deletes the day
-- too, unless that machine edited it later. A day has a check-in or a
-- tombstone, never both: saving a day removes its tombstone.

CREATE TABLE tombstones (
    date       TEXT NOT NULL PRIMARY KEY
                    CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(date) IS date),
    deleted_at TEXT NOT NULL -- UTC, RFC 3339 to the second, as updated_at
) STRICT, WITHOUT ROWID;

-- A check-in saved on a day removes the day's tombstone, however it is
-- saved (laceup, an import, the sqlite3 shell).
CREATE TRIGGER tombstones_clear AFTER INSERT ON checkins
BEGIN
    DELETE FROM tombstones WHERE date = NEW.date;
END;
