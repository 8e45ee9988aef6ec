//go:build unix

package bmc

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// writable reports whether this process may change the file: its mode has
// a write bit (which root too respects here) and the system agrees.
func writable(path string, st fs.FileInfo) bool {
	return st.Mode().Perm()&0o222 != 0 && syscall.Access(path, 2 /* W_OK */) == nil
}

// keepOwner gives f the owner and group of old where the system allows:
// a user may keep the group of a file only if they belong to it, and only
// root may keep another user's ownership. Failures are ignored.
func keepOwner(f *os.File, old fs.FileInfo) {
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		if f.Chown(int(st.Uid), int(st.Gid)) != nil {
			f.Chown(-1, int(st.Gid))
		}
	}
}

// linkCount returns how many hard links the file has.
func linkCount(st fs.FileInfo) uint64 {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return uint64(s.Nlink)
	}
	return 1
}

// processRuns reports whether a process with the given ID exists.
func processRuns(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
