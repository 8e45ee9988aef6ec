package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// findHint is the find bar's placeholder: the query syntax in brief.
const findHint = "Find notes: words, color:blue, tag:physical, status:hypothesis"

// findBar is the bar above the board that filters it: the query, how many
// notes match, what in the query is not understood, and a close button.
type findBar struct {
	bar         *fyne.Container
	entry       *findEntry
	count       *widget.Label
	problems    *widget.Label
	closeButton *widget.Button
}

// findEntry is the find bar's text field; Escape closes the bar.
type findEntry struct {
	widget.Entry
	onEscape func()
}

func newFindEntry() *findEntry {
	en := &findEntry{}
	en.ExtendBaseWidget(en)
	return en
}

// TypedKey closes the find bar on Escape and edits the query otherwise.
func (en *findEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && en.onEscape != nil {
		en.onEscape()
		return
	}
	en.Entry.TypedKey(ev)
}

// newFindBar builds the find bar, hidden.
func (e *Editor) newFindBar() *findBar {
	f := &findBar{
		entry:    newFindEntry(),
		count:    widget.NewLabel(""),
		problems: widget.NewLabel(""),
	}
	f.entry.SetPlaceHolder(findHint)
	f.entry.OnChanged = func(string) { e.applyFind() }
	f.entry.onEscape = e.CloseFind
	f.problems.Importance = widget.DangerImportance
	f.problems.Truncation = fyne.TextTruncateEllipsis
	f.problems.Hidden = true
	f.closeButton = widget.NewButtonWithIcon("", theme.CancelIcon(), e.CloseFind)
	f.closeButton.Importance = widget.LowImportance
	icon := widget.NewIcon(theme.SearchIcon())
	right := container.NewHBox(f.count, f.closeButton)
	entryRow := container.NewBorder(nil, nil, icon, right, f.entry)
	f.bar = container.NewVBox(entryRow, f.problems)
	f.bar.Hide()
	return f
}

// ShowFind shows the find bar and puts the cursor in it, its query
// selected for typing over.
func (e *Editor) ShowFind() {
	e.board.CommitEdit()
	e.setShown(e.find.bar, true)
	e.win.Canvas().Focus(e.find.entry)
	e.find.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.applyFind()
}

// CloseFind clears the query and hides the find bar, so that every note is
// bright again, and gives the keyboard back to the board.
func (e *Editor) CloseFind() {
	if !e.find.bar.Visible() {
		return
	}
	e.find.entry.SetText("")
	e.setShown(e.find.bar, false)
	e.applyFind()
	e.win.Canvas().Focus(e.board)
	e.refreshActions()
}

// Find sets the find bar's query and shows the bar; the board dims the
// notes that do not match.
func (e *Editor) Find(query string) {
	e.setShown(e.find.bar, true)
	e.find.entry.SetText(query)
	e.applyFind()
}

// applyFind filters the board by the find bar's query and shows the count
// and the query's problems. It runs after every change to the query or the
// canvas.
func (e *Editor) applyFind() {
	f := e.find
	c := e.doc.Canvas()
	q := bmc.ParseQuery(f.entry.Text)
	var match map[string]bool
	if !f.bar.Visible() || q.Empty() {
		f.count.SetText("")
	} else {
		match = c.Select(q)
		f.count.SetText(fmt.Sprintf("%d of %s", len(match), counted(c.NoteCount(), "1 note", "%d notes")))
	}
	e.board.SetFilter(match)
	f.problems.SetText(strings.Join(q.Problems, " · "))
	hide := len(q.Problems) == 0 || !f.bar.Visible()
	if f.problems.Hidden != hide {
		f.problems.Hidden = hide
		f.bar.Refresh()
		if e.content != nil {
			e.top.Refresh()
			e.content.Refresh()
		}
	}
}

// counted writes n with the singular form for one and the plural format
// otherwise, such as counted(3, "1 note", "%d notes").
func counted(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}
