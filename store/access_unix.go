//go:build unix

package store

import (
	"os"

	"golang.org/x/sys/unix"
)

// writable reports whether this process may write to path, a file or a
// folder, as the kernel decides (modes, read-only mounts, the immutable
// attribute, which stops even root).
func writable(path string) bool {
	return unix.Access(path, unix.W_OK) == nil
}

// openNonblock opens a FIFO without waiting for a writer.
const openNonblock = unix.O_NONBLOCK

// setBlocking clears O_NONBLOCK, which ReadInput opened f with, so that
// reading a stream waits for its data.
func setBlocking(f *os.File) error {
	return unix.SetNonblock(int(f.Fd()), false)
}
