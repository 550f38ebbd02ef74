//go:build unix

package store

import "golang.org/x/sys/unix"

// writable reports whether this process may write to path, a file or a
// folder, as the kernel decides (modes, read-only mounts, the immutable
// attribute, which stops even root).
func writable(path string) bool {
	return unix.Access(path, unix.W_OK) == nil
}

// openNonblock opens a FIFO without waiting for a writer.
const openNonblock = unix.O_NONBLOCK
