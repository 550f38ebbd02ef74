// Package store keeps the journal: one SQLite file holding one check-in per
// day, and the races the runner trains for. It is the only package that
// writes SQL.
//
// # The file
//
// Open creates a missing journal with mode 0600 (its folders 0700) before
// SQLite opens it, so the umask cannot make it readable by others; SQLite
// creates the -wal and -shm files beside it with the same mode. An empty
// file is adopted as a new journal and made 0600; any other file keeps its
// mode, and Store.Warnings reports one others may read or write. The
// journal uses write-ahead logging (journal_mode=WAL, synchronous=NORMAL),
// waits up to 5 s for a lock held by another laceup process
// (busy_timeout), and writes in transactions begun with BEGIN IMMEDIATE, so
// several laceups can save at once and every save lands whole.
//
// Opening an up-to-date journal writes nothing and costs one query beyond
// SQLite's own opening; reading commands never write.
//
// Within one process, do not open the journal file outside this package
// while a Store has it open (os.Open, os.ReadFile...): closing any
// descriptor of a file drops every POSIX lock the process holds on it,
// including the SHARED lock by which SQLite tells other processes the
// journal is in use. Open itself never does (see readHeader).
//
// A journal is marked by PRAGMA application_id = 0x6c616365 ("lace") and
// versioned by PRAGMA user_version. Open refuses, without changing a byte
// of the file, and with an error that names it:
//   - a journal of a newer schema version than this laceup knows
//     (*SchemaTooNewError, matching ErrNewerSchema);
//   - a folder, a file that is not a SQLite database, and a SQLite database
//     of another program, i.e. one with another application_id, or with
//     none but with tables or a user_version (*NotJournalError, matching
//     ErrNotJournal). laceup never adds its table to someone else's
//     database. An empty file or an empty SQLite database becomes a journal.
//
// # Damage, full disks, read-only files
//
// Every error names the file. A damaged journal (cut short, or a page
// SQLite cannot read: SQLITE_CORRUPT, SQLITE_NOTADB) gives a *CorruptError
// (ErrCorrupt) whose message says how to rescue the check-ins, and laceup
// leaves its bytes as they were: Open finds a file cut short from its
// header before SQLite opens it, and the first write of each Store runs
// PRAGMA quick_check (about 2 ms on a ten-year journal) inside its
// transaction, because SQLite otherwise notices damage only in the pages a
// statement reads and would rewrite a damaged page. Reads are not checked
// beforehand: a read that meets damage fails with the same error. A write
// that fails (a full disk, ErrDiskFull; a read-only file or folder,
// ErrReadOnly; a cancelled context) is rolled back whole.
//
// # Reads and writes
//
// What a screen or a command shows comes from one moment of the journal:
// Snapshot reads a day's meter (its 68-day window, the load series from
// the model's last state before it, the streaks and the races) in one read
// transaction, and Period reads what the readings of a range of days need
// the same way. Save writes a day; SaveAnswers merges a
// partial check-in into the saved day in one write transaction, so
// concurrent edits of one day keep every answer. AddRace, Races and
// RemoveRace keep the races the runner trains for, one a day.
//
// # Files: import, export, backup, settings
//
// All returns every check-in for an export; Import writes many in one
// transaction, all or none, even if the process is killed; Backup writes a
// consistent copy with VACUUM INTO. Every file laceup writes besides the
// journal goes through one atomic helper (a private temporary file, synced
// and renamed into place: WriteFile for an export), and CheckOutput refuses
// an output path that is the journal, one of its files, or a folder. Create
// opens a journal to be filled anew (laceup demo). The settings file,
// config.toml, is read by the sub-package settings.
//
// # The schema
//
// Migrations are the SQL files in migrations/, embedded and applied in
// order, each in one transaction that also sets user_version to its
// number. The tables, as the sqlite3 shell shows them:
//
//	checkins (STRICT, WITHOUT ROWID)
//	  date          TEXT    PRIMARY KEY, YYYY-MM-DD, a real calendar day
//	  mood          INTEGER 1-5
//	  motivation    INTEGER 1-5
//	  sleep_hours   REAL    0-24
//	  effort        INTEGER 0-10 (CR-10; 0 is a rest day)
//	  minutes       INTEGER 0-1440, NULL when not given
//	  sleep_quality INTEGER 1-5, NULL when not given
//	  note          TEXT    '' when empty, never NULL
//	  created_at    TEXT    UTC, RFC 3339 to the second (2026-03-14T07:05:00Z)
//	  updated_at    TEXT    likewise; created_at is kept when a day is edited
//	  legs          INTEGER 1-5, NULL when not given (migration 0002)
//	  day_type      TEXT    normal, sick, injured, travel or race; normal
//	                        for every day from before migration 0002
//
//	races (STRICT, WITHOUT ROWID; migration 0003)
//	  date          TEXT    PRIMARY KEY, YYYY-MM-DD, a real calendar day,
//	                        past or future
//	  name          TEXT    at most 80 characters, '' when not given
//	  created_at    TEXT    UTC, RFC 3339 to the second, as in checkins
//	  updated_at    TEXT    likewise; created_at is kept when renamed
//
//	runs (STRICT, WITHOUT ROWID; migration 0004): kept by triggers on
//	checkins, never written by laceup itself
//	  start         TEXT    PRIMARY KEY, the first day of a run of
//	                        consecutive days with a check-in
//	  end           TEXT    its last day; runs never touch or overlap
//
//	load_states (STRICT, WITHOUT ROWID; migration 0008): the load model's
//	state (slump.LoadState) at the end of every Sunday up to yesterday,
//	added by every write (keepLoadStates) and removed by triggers on
//	checkins and activities when a change reaches back before them
//	  day           TEXT    PRIMARY KEY, the day the state ends
//	  model         INTEGER slump.LoadModel: others are ignored, replaced
//	  first         TEXT    the journal's first check-in
//	  fitness, fatigue, acute, chronic  REAL
//	  unknown       INTEGER bit i: day-i had no known load
//
// CHECK constraints repeat the ranges of package slump, so a row written by
// hand in the shell is held to the same rules; Save and Import validate
// with slump.Checkin.Validate before they write, so their errors are
// *slump.FieldError and never a constraint failure (AddRace likewise, with
// slump.Race.Validate). They also refuse a note
// with a NUL byte, which C programs such as the sqlite3 shell would cut the
// note short at.
package store
