package app

import (
	"fyne.io/fyne/v2"
)

// The window's sizes, in Fyne's units.
var (
	// designSize is the largest first size: what the editor is laid out
	// for on a large screen.
	designSize = fyne.NewSize(1400, 900)
	// minWindowSize is the smallest window the editor works in: a 800×600
	// screen, less the window's frame.
	minWindowSize = fyne.NewSize(800, 560)
)

// frameRoom is what a window manager's title bar and borders take around
// the window's content, left free when the window is fitted to a screen.
var frameRoom = fyne.NewSize(16, 48)

// Preference keys for the window's size when last closed.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
)

// screen is a monitor's work area (the screen less panels and task bars),
// in Fyne's units.
type screen struct {
	pos  fyne.Position
	size fyne.Size
}

// firstSize returns the size to open the window at on a screen: the size
// it had when last closed, when that fits; else the screen's work area,
// less room for the window's frame, but no larger than designSize. A
// zero screen (unknown) gives designSize, or the saved size.
func firstSize(s screen, saved fyne.Size) fyne.Size {
	if s.size.IsZero() {
		if saved.Width >= minWindowSize.Width && saved.Height >= minWindowSize.Height {
			return saved
		}
		return designSize
	}
	room := s.size.Subtract(frameRoom)
	if saved.Width >= minWindowSize.Width && saved.Height >= minWindowSize.Height &&
		saved.Width <= room.Width && saved.Height <= room.Height {
		return saved
	}
	return fyne.NewSize(min(designSize.Width, room.Width), min(designSize.Height, room.Height))
}

// savedSize returns the window size kept in the preferences, or zero.
func savedSize(p fyne.Preferences) fyne.Size {
	return fyne.NewSize(float32(p.Float(prefWidth)), float32(p.Float(prefHeight)))
}

// rememberWindow keeps the window's size in the preferences, for the next
// start.
func rememberWindow(p fyne.Preferences, w fyne.Window) {
	size := w.Canvas().Size()
	if size.Width < minWindowSize.Width/2 || size.Height < minWindowSize.Height/2 {
		return
	}
	p.SetFloat(prefWidth, float64(size.Width))
	p.SetFloat(prefHeight, float64(size.Height))
}

// fitWindow sizes the window for the screen it opened on, once the
// driver runs: the size it had when last closed if that fits, else the
// screen's work area (see firstSize).
func fitWindow(a fyne.App, w fyne.Window) {
	p := a.Preferences()
	s, ok := workArea(w.Canvas().Scale())
	if !ok {
		return
	}
	size := firstSize(s, savedSize(p))
	if size != w.Canvas().Size() {
		w.Resize(size)
	}
}
