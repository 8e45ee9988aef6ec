package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/bmcanvas/bmcanvas/widgets"
)

// mainMenu is the window's menu bar, with the items whose label or state
// follows the document.
type mainMenu struct {
	main *fyne.MainMenu

	recent, save, undo, redo, backstage *fyne.MenuItem
	editNote, deleteNote                *fyne.MenuItem
	focus, clearFocus, testPlan         *fyne.MenuItem
	fit                                 *fyne.MenuItem

	// shown is the state of the items last drawn: the driver rebuilds the
	// whole menu bar on Refresh, so refresh skips it when nothing changed.
	shown string
}

// ctrl is the platform's shortcut modifier (Ctrl, or Cmd on macOS) with key.
func ctrl(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// ctrlShift is ctrl with Shift held too.
func ctrlShift(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

func menuItem(label string, shortcut fyne.Shortcut, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = shortcut
	return it
}

// newMainMenu builds the File, Edit, View, Canvas and Help menus.
func (e *Editor) newMainMenu() *mainMenu {
	m := &mainMenu{
		recent:     fyne.NewMenuItem("Open Recent", nil),
		save:       menuItem("Save", ctrl(fyne.KeyS), e.Save),
		undo:       menuItem("Undo", &fyne.ShortcutUndo{}, e.Undo),
		redo:       menuItem("Redo", ctrlShift(fyne.KeyZ), e.Redo),
		backstage:  menuItem("Show Backstage", ctrl(fyne.KeyB), e.ToggleBackstage),
		editNote:   menuItem("Edit Note", nil, func() { e.board.EditSelected() }),
		deleteNote: menuItem("Delete Note", nil, func() { e.board.DeleteSelected() }),
		focus:      fyne.NewMenuItem("Focus on Segment", nil),
		clearFocus: menuItem("Clear Focus", nil, func() { e.FocusSegment("") }),
		testPlan:   menuItem("Test Plan", ctrl(fyne.KeyT), e.ToggleTestPlan),
		fit:        menuItem("Zoom to Fit", ctrl(fyne.Key0), func() { e.SetZoom(widgets.Zoom{Fit: true}) }),
	}
	m.recent.ChildMenu = fyne.NewMenu("")
	m.focus.ChildMenu = fyne.NewMenu("")
	quit := menuItem("Quit", ctrl(fyne.KeyQ), e.Quit)
	quit.IsQuit = true
	sep := fyne.NewMenuItemSeparator
	file := fyne.NewMenu("File",
		menuItem("New…", ctrl(fyne.KeyN), e.New),
		menuItem("Open…", ctrl(fyne.KeyO), e.Open),
		m.recent,
		sep(),
		m.save,
		menuItem("Save As…", ctrlShift(fyne.KeyS), e.SaveAs),
		sep(),
		menuItem("Export…", ctrl(fyne.KeyE), e.ShowExport),
		sep(),
		quit,
	)
	edit := fyne.NewMenu("Edit",
		m.undo, m.redo,
		sep(),
		m.editNote, m.deleteNote,
	)
	view := fyne.NewMenu("View",
		m.backstage,
		sep(),
		menuItem("Find…", ctrl(fyne.KeyF), e.ShowFind),
		m.focus, m.clearFocus,
		sep(),
		m.testPlan,
		sep(),
		menuItem("Zoom In", ctrl(fyne.KeyEqual), e.ZoomIn),
		menuItem("Zoom Out", ctrl(fyne.KeyMinus), e.ZoomOut),
		m.fit,
		sep(),
		e.cmp.open, e.cmp.clear,
		sep(),
		menuItem("Workshop", &desktop.CustomShortcut{KeyName: fyne.KeyF5}, e.ShowWorkshop),
	)
	canvas := fyne.NewMenu("Canvas",
		menuItem("Canvas Details…", nil, e.ShowDetails),
		menuItem("Check Canvas", ctrlShift(fyne.KeyK), e.ShowCheck),
	)
	help := fyne.NewMenu("Help",
		menuItem("Keyboard Shortcuts", ctrl(fyne.KeySlash), e.ShowShortcuts),
		sep(),
		menuItem("About bmcanvas", nil, e.ShowAbout))
	m.main = fyne.NewMainMenu(file, edit, view, canvas, help)
	e.fillRecent(m)
	return m
}

// addShortcuts registers every menu shortcut on the window's canvas too,
// and Ctrl+Y for Redo, so that they fire whatever the menu bar does.
func (e *Editor) addShortcuts() {
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if it.Shortcut != nil {
				item := it
				e.win.Canvas().AddShortcut(it.Shortcut, func(fyne.Shortcut) {
					if item.Action != nil && !e.modalOpen() {
						item.Action()
					}
				})
			}
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
		}
	}
	for _, m := range e.menu.main.Items {
		walk(m.Items)
	}
	e.win.Canvas().AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { e.guarded(e.Redo)() })
	// Ctrl++ (Ctrl+Shift+=) and the keypad's + zoom in too.
	e.win.Canvas().AddShortcut(ctrlShift(fyne.KeyEqual), func(fyne.Shortcut) { e.guarded(e.ZoomIn)() })
	e.win.Canvas().AddShortcut(ctrl(fyne.KeyPlus), func(fyne.Shortcut) { e.guarded(e.ZoomIn)() })
}

// fillRecent lists the recent files under File › Open Recent.
func (e *Editor) fillRecent(m *mainMenu) {
	var items []*fyne.MenuItem
	for _, p := range e.recent.List() {
		path := p
		label := filepath.Base(path) + "  (" + filepath.Dir(path) + ")"
		items = append(items, fyne.NewMenuItem(label, func() { e.confirmDiscard(func() { e.OpenFile(path) }) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No recent files", nil)
		none.Disabled = true
		items = append(items, none)
	} else {
		items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Clear Recent", func() {
			e.recent.Clear()
			e.fillRecent(e.menu)
			e.menu.main.Refresh()
		}))
	}
	m.recent.ChildMenu.Items = items
}

// refresh relabels Undo and Redo after the edits they would reverse, and
// enables only what applies to the document.
func (m *mainMenu) refresh(e *Editor) {
	h := e.doc.History()
	m.undo.Label, m.undo.Disabled = "Undo", !h.CanUndo()
	if l := h.UndoLabel(); l != "" {
		m.undo.Label = "Undo " + l
	}
	m.redo.Label, m.redo.Disabled = "Redo", !h.CanRedo()
	if l := h.RedoLabel(); l != "" {
		m.redo.Label = "Redo " + l
	}
	c := e.doc.Canvas()
	m.backstage.Disabled = !c.Template().HasBackstage()
	m.backstage.Checked = c.BackstageShown()
	noNote := e.board.Selected() == ""
	m.editNote.Disabled, m.deleteNote.Disabled = noNote, noNote
	segments, focusState := e.focusMenuItems()
	m.focus.ChildMenu.Items = segments
	m.clearFocus.Disabled = e.Focus() == ""
	m.testPlan.Checked = e.plan.panel.Visible()
	m.fit.Checked = e.board.Zoom().Fit
	state := fmt.Sprint(m.undo.Label, m.undo.Disabled, m.redo.Label, m.redo.Disabled,
		m.backstage.Disabled, m.backstage.Checked, noNote, focusState, m.testPlan.Checked, e.cmp.clear.Disabled, m.fit.Checked)
	if state != m.shown {
		m.shown = state
		m.main.Refresh()
	}
}
