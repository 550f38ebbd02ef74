//go:build !unix

package store

import (
	"os"
	"time"
)

// lockTemp does nothing where there is no flock: removeIfAbandoned goes by
// age instead.
func lockTemp(string) (unlock func()) { return func() {} }

// removeIfAbandoned removes the temporary file at path, and the files
// named path+side for each of sides, if it is over an hour old: no export
// or backup takes that long.
func removeIfAbandoned(path string, sides []string) {
	if fi, err := os.Stat(path); err == nil && time.Since(fi.ModTime()) > time.Hour {
		for _, side := range sides {
			os.Remove(path + side) //nolint:errcheck // best effort
		}
		os.Remove(path) //nolint:errcheck // best effort
	}
}
