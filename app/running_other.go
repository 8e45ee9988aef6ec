//go:build !unix && !windows

package app

// processRunning cannot tell on this system, and says no: a recovery file
// is offered rather than kept back.
func processRunning(int) bool { return false }
