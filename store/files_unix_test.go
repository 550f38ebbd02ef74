//go:build unix

package store

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// TestWriteOutputSpecialFiles: a FIFO, /dev/null and /dev/stdout are
// written through, never replaced by a regular file (as root, renaming
// over /dev/null would replace it for the whole system).
func TestWriteOutputSpecialFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	got := make(chan string, 1)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- string(b)
	}()
	if err := WriteOutput(ctx, fifo, false, writeString("through the pipe")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("the reader got %q", s)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v", fi.Mode())
	}
	assertOnlyFiles(t, dir, "out.fifo")

	// A FIFO with no reader: ctrl-c (ctx) ends the wait.
	cctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	if err := WriteOutput(cctx, fifo, false, writeString("x")); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("WriteOutput(FIFO with no reader) = %v, want the context's error", err)
	}

	before, err := os.Lstat(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	if err := WriteOutput(ctx, os.DevNull, true, writeString("gone")); err != nil {
		t.Fatal(err)
	}
	if after, err := os.Lstat(os.DevNull); err != nil || !os.SameFile(before, after) || after.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("%s was replaced", os.DevNull)
	}
	if !isFdLink("/dev/stdout") && runtime.GOOS == "linux" {
		t.Error("/dev/stdout is not seen as a link to a stream")
	}
	if isFdLink(fifo) || isFdLink(filepath.Join(dir, "none")) {
		t.Error("isFdLink of a FIFO or a missing file")
	}
}
