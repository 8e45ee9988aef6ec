package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// Fyne 2.7 does not tell an application the screen's size; GLFW, which
// its desktop driver runs on, does. workArea must run on the main
// goroutine once the driver has started (in App.Lifecycle's OnStarted);
// before then, or on a platform without GLFW, it reports that it does not
// know. Neither tells the window's place: Fyne keeps its GLFW window to
// itself, so the window manager places the window.

// workArea returns the work area of the monitor the window is on (the
// primary one when that cannot be told), in Fyne's units at scale.
func workArea(scale float32) (s screen, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	m := currentMonitor()
	if m == nil {
		return screen{}, false
	}
	x, y, w, h := m.GetWorkarea()
	if w <= 0 || h <= 0 {
		return screen{}, false
	}
	if scale <= 0 {
		scale = 1
	}
	return screen{
		pos:  fyne.NewPos(float32(x)/scale, float32(y)/scale),
		size: fyne.NewSize(float32(w)/scale, float32(h)/scale),
	}, true
}

// currentMonitor returns the monitor that holds the middle of the window
// whose GL context is current, if one is, else the primary one.
func currentMonitor() *glfw.Monitor {
	if win := glfw.GetCurrentContext(); win != nil {
		wx, wy := win.GetPos()
		ww, wh := win.GetSize()
		cx, cy := wx+ww/2, wy+wh/2
		for _, m := range glfw.GetMonitors() {
			x, y, w, h := m.GetWorkarea()
			if cx >= x && cy >= y && cx < x+w && cy < y+h {
				return m
			}
		}
	}
	return glfw.GetPrimaryMonitor()
}
