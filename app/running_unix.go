//go:build unix

package app

import (
	"errors"
	"syscall"
)

// processRunning reports whether a process with the id pid is running.
func processRunning(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
