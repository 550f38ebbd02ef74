//go:build unix

package store

import (
	"os"
	"syscall"
)

// lockTemp holds an exclusive flock on the temporary file at path until
// unlock is called, on a descriptor of its own, so the lock outlives the
// writer's closing of the file until it has been renamed. The kernel drops
// it when the process dies, which is how removeIfAbandoned tells a file
// being written from one left by a killed process.
func lockTemp(path string) (unlock func()) {
	f, err := os.Open(path)
	if err != nil {
		return func() {}
	}
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX) != nil {
		f.Close()
		return func() {}
	}
	return func() { f.Close() }
}

// removeIfAbandoned removes the temporary file at path, and the files
// named path+side for each of sides, unless a live process holds its lock
// (see lockTemp).
func removeIfAbandoned(path string, sides []string) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil {
		for _, side := range sides {
			os.Remove(path + side) //nolint:errcheck // best effort
		}
		os.Remove(path) //nolint:errcheck // best effort
	}
}
