package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// Warnings returns what the user should know about the journal's files but
// that does not stop laceup: today, permissions that let other users in.
// Each warning is one sentence naming the file, its mode and the command
// that fixes it, e.g.
//
//	journal /home/ann/.local/share/laceup/journal.db is readable by other users (mode 0644): chmod 600 /home/ann/.local/share/laceup/journal.db
//
// It reports the journal, and its -wal and -shm files (which SQLite creates
// with the journal's mode) when they are looser than the journal, if group
// or others may read or write them; and the journal's folder if group or
// others may write to it, as they could then replace the journal or plant
// files beside it. (A folder others may only read shows them the file
// names, not the check-ins, and is the norm for a home folder, so it is not
// reported. A folder like /tmp, writable by all but sticky, is reported as
// shared, with no chmod to run.) Warnings never changes a mode; it returns nil on Windows,
// where modes do not say who may read a file.
func (s *Store) Warnings() []string {
	if runtime.GOOS == "windows" {
		return nil
	}
	var ws []string
	journal := os.FileMode(0o600)
	if fi, err := os.Stat(s.path); err == nil {
		journal = fi.Mode().Perm()
		if w := modeWarning("journal", s.path, journal, 0o077, "600"); w != "" {
			ws = append(ws, w)
		}
	}
	for _, side := range []string{"-wal", "-shm"} {
		p := s.path + side
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&^journal&0o077 != 0 {
			ws = append(ws, modeWarning("journal file", p, fi.Mode().Perm(), 0o077, "600"))
		}
	}
	dir := filepath.Dir(s.path)
	if fi, err := os.Stat(dir); err == nil && fi.Mode()&os.ModeSticky != 0 && fi.Mode().Perm()&0o002 != 0 {
		// Like /tmp: chmod is not the user's to run, nor the fix.
		ws = append(ws, fmt.Sprintf("the journal's folder %s is shared with other users (mode %04o): keep the journal in a folder of your own",
			dir, fi.Mode().Perm()|0o1000))
	} else if err == nil {
		if w := modeWarning("the journal's folder", dir, fi.Mode().Perm(), 0o022, "700"); w != "" {
			ws = append(ws, w)
		}
	}
	return ws
}

// modeWarning returns the warning for a file of mode perm if perm has one
// of the bits of mask, and "" if not.
func modeWarning(what, path string, perm, mask os.FileMode, fix string) string {
	bad := perm & mask
	if bad == 0 {
		return ""
	}
	var who string
	switch {
	case bad&0o044 != 0 && bad&0o022 != 0:
		who = "readable and writable"
	case bad&0o022 != 0:
		who = "writable"
	case bad&0o044 != 0:
		who = "readable"
	default:
		who = "executable"
	}
	return fmt.Sprintf("%s %s is %s by other users (mode %04o): chmod %s %s", what, path, who, perm, fix, ShellQuote(path))
}
