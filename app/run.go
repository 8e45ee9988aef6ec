package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"

	fyneapp "fyne.io/fyne/v2/app"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// Run opens the editor and returns when it is closed. With a path it opens
// that canvas file (a file that does not exist is an error, returned before
// any window opens); without one it offers the template chooser. The
// window follows the system's light or dark theme.
func Run(path string) error { return RunComparing(path, nil, "") }

// RunComparing is Run with the canvas compared with the older version
// old, named oldName (a file's name, or git's REV:PATH), as View › Compare
// with… does, when old is not nil.
func RunComparing(path string, old *bmc.Canvas, oldName string) (err error) {
	if err := checkDisplay(runtime.GOOS, os.Getenv); err != nil {
		return err
	}
	defer func() {
		// The windowing library panics when it cannot start (no usable
		// display or OpenGL); say so instead of printing a stack trace.
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot open the editor's window: %v; the commands (bmcanvas help) work without one", r)
		}
	}()
	if path != "" {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s does not exist; create it with \"bmcanvas new -o %s\", or run bmcanvas alone to pick a template", path, path)
		} else if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return fmt.Errorf("%s: cannot open: %w", path, err)
		}
	}
	a := fyneapp.NewWithID(ID)
	a.SetIcon(Icon)
	w := a.NewWindow(AppName)
	w.SetIcon(Icon)
	w.SetMaster()
	e := NewEditor(a, w)
	e.keepRecovery(recoveryDir(runtime.GOOS, os.Getenv))
	// The window opens at the size it had last time, or small; once the
	// driver runs and knows the screen, it fits the screen (fitWindow).
	first := savedSize(a.Preferences())
	if first.Width < minWindowSize.Width || first.Height < minWindowSize.Height {
		first = minWindowSize
	}
	w.Resize(first)
	a.Lifecycle().SetOnStarted(func() { fitWindow(a, w) })
	remember := func() { rememberWindow(a.Preferences(), w) }
	w.SetOnClosed(remember)
	quit := e.quit
	e.quit = func() {
		remember()
		quit()
	}
	// GLFW names the window's class after its first title: "bmcanvas", so
	// that docks match the window with the menu entry (StartupWMClass).
	w.SetTitle(AppName)
	w.Show()
	e.refresh()
	e.Start(path)
	if old != nil {
		e.CompareWithCanvas(old, oldName)
	}
	stop := e.watchDisk(DiskPollInterval)
	a.Run()
	stop()
	e.recovery.Close(e.doc)
	return nil
}

// checkDisplay reports, on systems that draw windows through X11 or
// Wayland, that there is no display to open a window on, as over SSH
// without forwarding.
func checkDisplay(goos string, getenv func(string) string) error {
	switch goos {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
	default:
		return nil
	}
	if getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("cannot open the editor: no display (neither DISPLAY nor WAYLAND_DISPLAY is set); " +
			"the commands work without one: bmcanvas validate, lint, export, poster (bmcanvas help)")
	}
	return nil
}
