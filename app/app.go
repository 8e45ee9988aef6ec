// Package app is the bmcanvas desktop editor: one window holding the board,
// its menus and toolbar, file handling with unsaved-change prompts, undo
// and redo, the template chooser, the details form and the PDF export
// dialog. Run starts it; the rest builds on any fyne.App, so that tests can
// drive the editor in Fyne's test driver.
package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	// Imported first thing so that Fyne does not complain about LANG=C.UTF-8.
	_ "github.com/bmcanvas/bmcanvas/app/internal/locale"
	"github.com/bmcanvas/bmcanvas/assets"
	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/export"
	"github.com/bmcanvas/bmcanvas/widgets"
)

// ID is the application ID, as in FyneApp.toml; Fyne keeps the
// preferences (the recent files) under it.
const ID = "io.github.bmcanvas"

// Icon is the application icon.
var Icon = fyne.NewStaticResource("bmcanvas.png", assets.Icon)

// Editor is the editor window: the document being edited, the board that
// shows it, and the menus and toolbar that act on it.
type Editor struct {
	app    fyne.App
	win    fyne.Window
	doc    *Document
	board  *widgets.Board
	recent *RecentFiles

	menu    *mainMenu
	toolbar *toolbar
	find    *findBar
	plan    *testPlan
	profit  *profitLine
	focus   *focusNote
	// content is the window's content: the board with the bars and panel
	// around it; top holds the toolbar and find bar, footer the profit
	// line and the focus reminder.
	content, top, footer *fyne.Container

	// dialogs are the dialogs open over the window, newest last (see
	// showDialog).
	dialogs []*openDialog

	// exportOptions are the choices of the last PDF export.
	exportOptions export.Options
	// quit ends the program once unsaved changes are dealt with.
	quit func()
}

// NewEditor builds the editor in w on an empty, untitled Business Model
// Canvas: content, menus, shortcuts, title, file drop and the close prompt.
func NewEditor(a fyne.App, w fyne.Window) *Editor {
	// The Save dialog must not empty a file before it is saved over.
	installLazyFileWriter()
	c, _ := bmc.New(bmc.BusinessModelCanvas.ID) // a built-in template: cannot fail
	e := &Editor{
		app:    a,
		win:    w,
		doc:    NewDocument(c, ""),
		recent: NewRecentFiles(a.Preferences()),
		quit:   a.Quit,
	}
	e.exportOptions = defaultExportOptions()
	e.board = widgets.NewBoard(c)
	e.board.OnEdit = e.edit
	e.board.OnError = e.showError
	e.board.OnSelect = func(string) {
		e.refreshActions()
		e.markTestPlan()
	}
	e.board.ContextMenuExtra = e.noteMenuExtra
	e.board.OnFocusChange = func(string) { e.refreshActions() }
	e.board.OnZoom = func(widgets.Zoom) { e.refreshActions() }
	e.menu = e.newMainMenu()
	e.toolbar = e.newToolbar()
	e.find = e.newFindBar()
	e.plan = e.newTestPlan()
	e.profit = newProfitLine()
	e.focus = e.newFocusNote()
	w.SetMainMenu(e.menu.main)
	e.addShortcuts()
	w.Canvas().SetOnTypedKey(e.typedKey)
	e.top = container.NewVBox(e.toolbar.bar, e.find.bar)
	e.footer = container.NewBorder(nil, nil, e.profit.bar, e.focus.box)
	footer := container.NewVBox(widget.NewSeparator(), e.footer)
	e.content = container.NewBorder(e.top, footer, nil, e.plan.panel, e.board)
	// The tip layer lies over everything, taking no input.
	w.SetContent(container.NewStack(e.content, widgets.NewTipLayer()))
	w.SetCloseIntercept(e.closeWindow)
	w.SetOnDropped(e.dropped)
	e.refresh()
	return e
}

// Document returns the document being edited.
func (e *Editor) Document() *Document { return e.doc }

// Board returns the board widget.
func (e *Editor) Board() *widgets.Board { return e.board }

// setDocument shows d in place of the current document, with no segment
// in focus.
func (e *Editor) setDocument(d *Document) {
	e.doc = d
	e.board.SetCanvas(d.Canvas())
	e.FocusSegment("")
	e.refresh()
}

// edit is the board's OnEdit: every change to the canvas goes through the
// document's history here.
func (e *Editor) edit(label string, op func(*bmc.Canvas) error) error {
	changed, err := e.doc.Edit(label, op)
	if err != nil {
		e.board.Refresh()
		return err
	}
	if changed {
		e.board.Refresh()
		e.refresh()
	}
	return nil
}

// Undo reverses the last edit.
func (e *Editor) Undo() {
	if e.forwardToEntry(&fyne.ShortcutUndo{}) {
		return
	}
	if e.doc.Undo() {
		e.board.SetCanvas(e.doc.Canvas())
		e.refresh()
	}
}

// Redo repeats the last undone edit.
func (e *Editor) Redo() {
	if e.forwardToEntry(&fyne.ShortcutRedo{}) {
		return
	}
	if e.doc.Redo() {
		e.board.SetCanvas(e.doc.Canvas())
		e.refresh()
	}
}

// forwardToEntry hands undo and redo to a text field being typed in, such
// as a note being edited, so that they act on its text; it reports whether
// there was one.
func (e *Editor) forwardToEntry(s fyne.Shortcut) bool {
	type undoable interface {
		fyne.Shortcutable
		Undo()
		Redo()
	}
	if f, ok := e.win.Canvas().Focused().(undoable); ok {
		f.TypedShortcut(s)
		return true
	}
	return false
}

// ToggleBackstage hides or shows the backstage blocks, for templates that
// have them.
func (e *Editor) ToggleBackstage() {
	c := e.doc.Canvas()
	if !c.Template().HasBackstage() {
		return
	}
	e.board.CommitEdit()
	c = e.doc.Canvas()
	e.board.SetBackstageShown(!c.BackstageShown())
}

// ShowNote selects a note on the board, scrolls it into view and gives the
// board the keyboard, so that Enter edits the note; it first reveals the
// backstage when the note sits there and it is hidden.
func (e *Editor) ShowNote(id string) {
	c := e.doc.Canvas()
	block, _, ok := c.Find(id)
	if !ok {
		return
	}
	if b, _ := c.Template().Block(block); b != nil && b.Backstage && !c.BackstageShown() {
		e.ToggleBackstage()
	}
	e.board.Select(id)
	e.win.Canvas().Focus(e.board)
}

// refresh brings the title, menus, toolbar, find bar, test plan and profit
// line up to date with the document.
func (e *Editor) refresh() {
	e.win.SetTitle(e.doc.WindowTitle())
	e.applyFind()
	e.refreshTestPlan()
	e.profit.refresh(e.doc.Canvas())
	e.refreshActions()
}

// setShown shows or hides a part of the window around the board, such as
// the find bar, and lays the window out again.
func (e *Editor) setShown(part *fyne.Container, shown bool) {
	if part.Visible() == shown {
		return
	}
	if shown {
		part.Show()
	} else {
		part.Hide()
	}
	if e.content == nil {
		return // still being built
	}
	// A container lays out again only when refreshed or resized.
	e.top.Refresh()
	e.footer.Refresh()
	e.content.Refresh()
}

// typedKey handles the keys no widget took: in a dialog, Escape closes it
// and Enter applies it; else Escape closes the find bar, or else clears
// the focus on a segment.
func (e *Editor) typedKey(ev *fyne.KeyEvent) {
	if e.dialogKey(ev) {
		return
	}
	if ev.Name != fyne.KeyEscape {
		return
	}
	if e.find.bar.Visible() {
		e.CloseFind()
		return
	}
	e.FocusSegment("")
}

// refreshActions enables, disables and relabels the menu items and toolbar
// buttons.
func (e *Editor) refreshActions() {
	e.menu.refresh(e)
	e.toolbar.refresh(e)
	e.focus.refresh(e)
}
