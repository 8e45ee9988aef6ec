//go:build windows

package main

import (
	"os"
	"syscall"
)

// The Windows build is linked with -H windowsgui, so that opening the
// editor from the Start menu or by double-clicking a canvas shows no
// console window. A program of that kind gets no console, though, and the
// commands (bmcanvas.exe validate, lint, export…) must still print where
// they were typed. So, when started with arguments, the program attaches
// to the console of the process that started it (cmd.exe, PowerShell,
// Windows Terminal) and sends standard output and error there, unless
// they were redirected to a file or a pipe, which it leaves alone.
// Started from Explorer there is no parent console and nothing changes.
//
// The shell does not wait for a windowsgui program, though: the prompt
// comes back at once, the output follows it, and the exit code is lost.
// So the zip also holds bmcanvas.com (packaging/windows/console), a
// console program that cmd and PowerShell pick before bmcanvas.exe for
// "bmcanvas …": it runs bmcanvas.exe with its own standard handles, which
// this code then leaves alone, waits, and passes the exit code on. What
// is here serves "bmcanvas.exe …" typed in full.

const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1

var (
	kernel32      = syscall.NewLazyDLL("kernel32.dll")
	attachConsole = kernel32.NewProc("AttachConsole")
	setStdHandle  = kernel32.NewProc("SetStdHandle")
)

func init() {
	if len(os.Args) < 2 {
		return // the editor with its template chooser
	}
	needOut := !usable(syscall.STD_OUTPUT_HANDLE)
	needErr := !usable(syscall.STD_ERROR_HANDLE)
	if !needOut && !needErr {
		return
	}
	if r, _, _ := attachConsole.Call(attachParentProcess); r == 0 {
		return // no console to attach to: started from Explorer
	}
	con, err := os.OpenFile("CONOUT$", os.O_RDWR, 0)
	if err != nil {
		return
	}
	if needOut {
		os.Stdout = con
		setStd(syscall.STD_OUTPUT_HANDLE, con)
	}
	if needErr {
		os.Stderr = con
		setStd(syscall.STD_ERROR_HANDLE, con)
	}
}

// setStd makes f the process's standard handle n, for code that asks
// Windows rather than package os (such as C libraries).
func setStd(n int, f *os.File) {
	setStdHandle.Call(uintptr(n), f.Fd())
}

// usable reports whether the standard handle n leads somewhere: a console,
// a file or a pipe the program was started with.
func usable(n int) bool {
	h, err := syscall.GetStdHandle(n)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != syscall.FILE_TYPE_UNKNOWN
}
