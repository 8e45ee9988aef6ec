package app

import (
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/widgets"
)

// boardKeys are the keys the board itself takes, for the shortcut list.
var boardKeys = [][2]string{
	{"Select a note", "Tab, Shift+Tab, arrow keys"},
	{"Edit the selected note", "Enter or F2"},
	{"Keep the text / cancel while editing", "Ctrl+Enter, Tab or click away / Escape"},
	{"Add a note to the focused block", "Insert or Ctrl+Enter"},
	{"Move the selected note", "Ctrl+arrow keys"},
	{"Delete the selected note", "Delete"},
	{"Colour the selected note", "1–7"},
	{"Note menu", "Shift+F10 or the Menu key"},
	{"The focused block's prompts", "F1 or ?"},
	{"Scroll the focused block", "Page Up, Page Down, mouse wheel"},
	{"Zoom with the mouse", "Ctrl+mouse wheel"},
	{"Clear the focus or selection; close a dialog", "Escape"},
	{"Apply a dialog", "Enter (Ctrl+Enter in a text of several lines)"},
}

// ShowShortcuts lists every keyboard shortcut: the menus' and the
// board's.
func (e *Editor) ShowShortcuts() {
	form := widget.NewForm()
	for _, r := range e.shortcutRows() {
		key := widget.NewLabel(r[1])
		key.TextStyle.Monospace = true
		form.Append(r[0], key)
	}
	scroll := container.NewVScroll(form)
	scroll.SetMinSize(fyne.NewSize(520, min(560, e.win.Canvas().Size().Height-160)))
	d := dialog.NewCustom("Keyboard shortcuts", "Close", scroll, e.win)
	e.showDialog(d, nil)
}

// shortcutRows returns what each shortcut does and its keys: the menu
// items with shortcuts in menu order, then the board's keys.
func (e *Editor) shortcutRows() [][2]string {
	var rows [][2]string
	for _, m := range e.menu.main.Items {
		for _, it := range m.Items {
			if it.Shortcut == nil || it.IsSeparator {
				continue
			}
			label := strings.TrimSuffix(it.Label, "…")
			switch it {
			case e.menu.undo:
				label = "Undo"
			case e.menu.redo:
				label = "Redo"
			}
			keys := shortcutText(it.Shortcut)
			if it == e.menu.redo {
				keys += " or " + modifierName() + "+Y"
			}
			if label == "Zoom In" {
				keys += " or " + modifierName() + "++"
			}
			rows = append(rows, [2]string{m.Label + " › " + label, keys})
		}
	}
	return append(rows, boardKeys...)
}

// modifierName is the name of the platform's shortcut key.
func modifierName() string {
	if runtime.GOOS == "darwin" {
		return "Cmd"
	}
	return "Ctrl"
}

// shortcutText writes a shortcut as people read it, such as "Ctrl+Shift+S".
func shortcutText(s fyne.Shortcut) string {
	switch s.(type) {
	case *fyne.ShortcutUndo:
		return modifierName() + "+Z"
	case *fyne.ShortcutRedo:
		return modifierName() + "+Shift+Z"
	}
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return s.ShortcutName()
	}
	var parts []string
	m := cs.Modifier
	if m&fyne.KeyModifierShortcutDefault != 0 || m&fyne.KeyModifierControl != 0 {
		parts = append(parts, modifierName())
	}
	if m&fyne.KeyModifierAlt != 0 {
		parts = append(parts, "Alt")
	}
	if m&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	return strings.Join(append(parts, string(cs.KeyName)), "+")
}

// SetZoom sets the board's zoom, as the View menu does.
func (e *Editor) SetZoom(z widgets.Zoom) {
	e.board.SetZoom(z)
	e.refreshActions()
}

// ZoomIn draws the board larger.
func (e *Editor) ZoomIn() {
	e.board.ZoomIn()
	e.refreshActions()
}

// ZoomOut draws the board smaller.
func (e *Editor) ZoomOut() {
	e.board.ZoomOut()
	e.refreshActions()
}
