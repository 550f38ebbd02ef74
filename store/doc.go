// Package store keeps the journal: one SQLite file holding one check-in per
// day. It is the only package that writes SQL.
//
// # The file
//
// Open creates a missing journal with mode 0600 (its folders 0700) before
// SQLite opens it, so the umask cannot make it readable by others; SQLite
// creates the -wal and -shm files beside it with the same mode. The journal
// uses write-ahead logging (journal_mode=WAL, synchronous=NORMAL), waits up
// to 5 s for a lock held by another laceup process (busy_timeout), and
// starts every transaction with BEGIN IMMEDIATE.
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
// # The schema
//
// Migrations are the SQL files in migrations/, embedded and applied in
// order, each in one transaction that also sets user_version to its
// number. The table, as the sqlite3 shell shows it:
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
//
// CHECK constraints repeat the ranges of package slump, so a row written by
// hand in the shell is held to the same rules; Save validates with
// slump.Checkin.Validate before it writes, so its errors are
// *slump.FieldError and never a constraint failure.
package store
