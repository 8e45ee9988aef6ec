//go:build !unix

package bmc

import (
	"io/fs"
	"os"
)

// writable reports whether the file's mode lets it be written; Windows's
// read-only attribute shows as a mode without write bits.
func writable(_ string, st fs.FileInfo) bool { return st.Mode().Perm()&0o222 != 0 }

// keepOwner does nothing where files have no Unix owner.
func keepOwner(*os.File, fs.FileInfo) {}

// linkCount returns 1: hard links are not looked for here.
func linkCount(fs.FileInfo) uint64 { return 1 }

// processRuns reports whether a process with the given ID exists.
func processRuns(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
