package app

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/widgets"
)

// workshopMode is the editor while it shows workshop mode in place of the
// board: the widget, and the ticker that redraws its timer.
type workshopMode struct {
	view *widgets.Workshop
	stop chan struct{}
}

// InWorkshop reports whether the window shows workshop mode.
func (e *Editor) InWorkshop() bool { return e.workshop != nil }

// Workshop returns the workshop mode's widget, nil when it is not shown.
func (e *Editor) Workshop() *widgets.Workshop {
	if e.workshop == nil {
		return nil
	}
	return e.workshop.view
}

// ShowWorkshop fills the screen with workshop mode: the blocks one at a
// time in the template's order, with dot voting. Escape returns to the
// board.
func (e *Editor) ShowWorkshop() {
	if e.workshop != nil {
		return
	}
	e.board.CommitEdit()
	ws := widgets.NewWorkshop(e.doc.Canvas())
	ws.OnEdit = func(label string, op func(*bmc.Canvas) error) error {
		err := e.edit(label, op)
		ws.SetCanvas(e.doc.Canvas())
		return err
	}
	ws.OnExit = e.CloseWorkshop
	ws.OnStartVote = e.askStartVote
	ws.OnShortcut = e.workshopShortcut
	m := &workshopMode{view: ws, stop: make(chan struct{})}
	e.workshop = m
	e.win.SetMainMenu(nil)
	e.win.SetContent(ws)
	e.win.SetFullScreen(true)
	e.win.Canvas().Focus(ws)
	go func() {
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-m.stop:
				return
			case <-tick.C:
				fyne.Do(ws.Tick)
			}
		}
	}()
}

// CloseWorkshop returns from workshop mode to the board.
func (e *Editor) CloseWorkshop() {
	m := e.workshop
	if m == nil {
		return
	}
	close(m.stop)
	e.workshop = nil
	e.win.SetFullScreen(false)
	e.win.SetMainMenu(e.menu.main)
	e.win.SetContent(e.window)
	e.board.SetCanvas(e.doc.Canvas())
	e.refresh()
	e.win.Canvas().Focus(e.board)
}

// workshopShortcut runs the shortcuts typed in workshop mode: undo and
// redo (the workshop shows the result), save.
func (e *Editor) workshopShortcut(s fyne.Shortcut) {
	ws := e.workshop.view
	switch s.ShortcutName() {
	case (&fyne.ShortcutUndo{}).ShortcutName():
		e.Undo()
	case (&fyne.ShortcutRedo{}).ShortcutName(), ctrlShift(fyne.KeyZ).ShortcutName(), ctrl(fyne.KeyY).ShortcutName():
		e.Redo()
	case ctrl(fyne.KeyS).ShortcutName():
		e.Save()
	}
	ws.SetCanvas(e.doc.Canvas())
}

// askStartVote asks how many dots each person gets and starts the vote.
func (e *Editor) askStartVote() {
	var options []string
	for i := 1; i <= 10; i++ {
		options = append(options, strconv.Itoa(i))
	}
	dots := widget.NewSelect(options, nil)
	dots.SetSelected("3")
	items := []*widget.FormItem{{Text: "Dots per person", Widget: dots,
		HintText: "People vote in turn on this computer; each sees only their own dots until the vote is closed."}}
	d := dialog.NewForm("Start a dot vote", "Start", "Cancel", items, func(ok bool) {
		if ws := e.Workshop(); ws != nil {
			if ok {
				n, _ := strconv.Atoi(dots.Selected)
				ws.StartVote(n)
			}
			e.win.Canvas().Focus(ws)
		}
	}, e.win)
	d.Show()
}
