//go:build !unix

package store

import "os"

// writable reports whether path is not marked read-only. Elsewhere than on
// Unix, SQLite's own errors say the rest.
func writable(path string) bool {
	fi, err := os.Stat(path)
	return err != nil || fi.Mode().Perm()&0o200 != 0
}

// openNonblock: no FIFOs to wait on here.
const openNonblock = 0

// setBlocking: nothing was opened without waiting here.
func setBlocking(*os.File) error { return nil }
