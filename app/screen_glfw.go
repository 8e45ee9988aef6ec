package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// Fyne 2.7 tells an application neither the screen's size nor the
// window's place; GLFW, which its desktop driver runs on, does. These
// functions must run on the main goroutine once the driver has started
// (in App.Lifecycle's OnStarted, or a callback); before then, or on a
// platform without GLFW, they report that they do not know.

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
// whose GL context is current (the editor's), else the primary one.
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

// windowPos returns the window's place on the screen, in screen pixels.
func windowPos() (x, y int, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	win := glfw.GetCurrentContext()
	if win == nil {
		return 0, 0, false
	}
	x, y = win.GetPos()
	return x, y, true
}

// placeWindow moves the window to x, y in screen pixels when that place
// lies on a monitor's work area.
func placeWindow(x, y int) {
	defer func() { _ = recover() }()
	win := glfw.GetCurrentContext()
	if win == nil {
		return
	}
	for _, m := range glfw.GetMonitors() {
		mx, my, mw, mh := m.GetWorkarea()
		if x >= mx && y >= my && x < mx+mw-100 && y < my+mh-100 {
			win.SetPos(x, y)
			return
		}
	}
}
