package app

import (
	"fmt"
	"image/color"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// comparison is View › Compare with…: a side panel that lists what changed
// between an older version of the canvas, picked as a file, and the
// canvas as it is now, note by note, and the same marks on the board's
// notes as the change poster prints (new, removed, moved, edited), kept up
// to date while you edit until it is cleared. Tapping a note's row selects
// the note on the board. The ghosts of removed notes are the board's
// alone: the document never holds them.
type comparison struct {
	panel  *fyne.Container
	header *widget.Label
	empty  *widget.Label
	list   *fyne.Container
	rows   []*pickRow

	// old is the version compared with, nil when there is none; name is
	// its file's name.
	old  *bmc.Canvas
	name string

	open, clear *fyne.MenuItem
}

// newComparison builds the panel, hidden, and its two View menu items.
func (e *Editor) newComparison() *comparison {
	p := &comparison{
		header: widget.NewLabelWithStyle("Changes", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		empty:  widget.NewLabel("No changes: the canvas is as it was."),
		list:   container.NewVBox(),
		open:   menuItem("Compare with…", nil, e.CompareWith),
		clear:  menuItem("Clear Comparison", nil, e.ClearComparison),
	}
	p.header.Wrapping = fyne.TextWrapWord
	p.empty.Wrapping = fyne.TextWrapWord
	p.empty.Importance = widget.LowImportance
	p.empty.TextStyle.Italic = true
	p.clear.Disabled = true
	closeButton := widget.NewButtonWithIcon("", theme.CancelIcon(), e.ClearComparison)
	closeButton.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil, nil, closeButton, p.header)
	scroll := container.NewVScroll(container.NewVBox(p.empty, p.list))
	width := canvas.NewRectangle(color.Transparent) // nil crashes the software painter (screenshots, tests)
	width.SetMinSize(fyne.NewSize(testPlanWidth, 0))
	body := container.NewBorder(head, nil, nil, nil, container.NewStack(width, scroll))
	p.panel = container.NewBorder(nil, nil, widget.NewSeparator(), nil, container.NewPadded(body))
	p.panel.Hide()
	return p
}

// CompareWith lets the user pick an older version of the canvas to
// compare the canvas with.
func (e *Editor) CompareWith() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			e.showError(fmt.Errorf("compare: %w", err))
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		e.CompareWithFile(path)
	}, e.win)
	d.SetFilter(storage.NewExtensionFileFilter(canvasExtensions))
	e.setDialogFolder(d)
	d.Resize(dialogSize(e.win, 900, 640))
	d.Show()
}

// CompareWithFile compares the canvas with the version in the file at
// path and lists the changes beside the board until ClearComparison. A
// file that cannot be loaded is reported and changes nothing.
func (e *Editor) CompareWithFile(path string) error {
	old, err := bmc.LoadFile(path)
	if err != nil {
		e.showLoadError(path, err, true)
		return err
	}
	e.CompareWithCanvas(old, filepath.Base(path))
	return nil
}

// CompareWithCanvas shows the changes since old, named name (a file's
// name, or git's REV:PATH), in the side panel and on the board, until the
// comparison is cleared.
func (e *Editor) CompareWithCanvas(old *bmc.Canvas, name string) {
	e.cmp.old, e.cmp.name = old, name
	e.cmp.clear.Disabled = false
	e.setShown(e.cmp.panel, true)
	e.refreshComparison()
	e.refreshActions()
}

// ClearComparison hides the list of changes and the marks on the board.
func (e *Editor) ClearComparison() {
	e.cmp.old = nil
	e.board.SetChanges(nil)
	e.cmp.clear.Disabled = true
	e.setShown(e.cmp.panel, false)
	e.refreshActions()
}

// Comparison returns the changes from the version compared with to the
// canvas, or nil when there is no comparison.
func (e *Editor) Comparison() *bmc.Diff {
	if e.cmp.old == nil {
		return nil
	}
	return bmc.Compare(e.cmp.old, e.doc.Canvas())
}

// refreshComparison lists the changes again and marks them on the
// board. It runs after every edit, undo and open while a comparison is
// shown.
func (e *Editor) refreshComparison() {
	p := e.cmp
	d := e.Comparison()
	if d == nil {
		return
	}
	e.board.SetChanges(bmc.NoteMarks(d))
	p.header.SetText(fmt.Sprintf("Changes since %s · %s", p.name, d.Summary()))
	var objects []fyne.CanvasObject
	p.rows = p.rows[:0]
	if lines := headerChanges(d); len(lines) > 0 {
		row := newPickRow(nil, "Header", strings.Join(lines, "\n"), "")
		objects = append(objects, row)
	}
	for _, group := range changesByNote(d) {
		row := changeRow(d, group)
		id := group[0].Note
		if group[0].Kind != bmc.ChangeRemoved {
			row.NoteID = id
			row.OnTapped = func() { e.ShowNote(id) }
			row.SetCurrent(id == e.board.Selected())
			p.rows = append(p.rows, row)
		}
		objects = append(objects, row)
	}
	p.list.Objects = objects
	p.empty.Hidden = !d.Equal()
	p.list.Refresh()
	p.panel.Refresh()
}

// markComparison lights up the row of the note selected on the board.
func (e *Editor) markComparison() {
	markCurrent(e.cmp.rows, e.board.Selected())
}

// headerChanges describes the changes of the template, header and view,
// one per line.
func headerChanges(d *bmc.Diff) []string {
	var out []string
	for _, ch := range d.Changes {
		switch ch.Kind {
		case bmc.ChangeTemplate:
			out = append(out, fmt.Sprintf("Template: %s → %s", ch.Old, ch.New))
		case bmc.ChangeHeader:
			out = append(out, fmt.Sprintf("%s: %s → %s", fieldName(ch.Field), orNothing(ch.Old), orNothing(ch.New)))
		case bmc.ChangeView:
			out = append(out, fmt.Sprintf("Backstage: %s → %s", ch.Old, ch.New))
		}
	}
	return out
}

// fieldName names a header field for people.
func fieldName(key string) string {
	switch key {
	case "designed_for":
		return "Designed for"
	case "designed_by":
		return "Designed by"
	}
	return strings.ToUpper(key[:1]) + key[1:]
}

func orNothing(s string) string {
	if s == "" {
		return "(empty)"
	}
	return "“" + s + "”"
}

// changesByNote groups the note changes of d by note, in d's order.
func changesByNote(d *bmc.Diff) [][]bmc.Change {
	var out [][]bmc.Change
	at := map[string]int{}
	for _, ch := range d.Changes {
		if ch.Note == "" {
			continue
		}
		i, ok := at[ch.Note]
		if !ok {
			i = len(out)
			at[ch.Note] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], ch)
	}
	return out
}

// changeRow is the row of one note's changes: what happened and where as
// its heading, the note's text, and each changed field.
func changeRow(d *bmc.Diff, changes []bmc.Change) *pickRow {
	title := func(c *bmc.Canvas, block string) string {
		if b, ok := c.Template().Block(block); ok {
			return b.Title
		}
		return block
	}
	first := changes[0]
	heading := "Changed in " + title(d.New, first.Block)
	text := ""
	if n, ok := d.New.Note(first.Note); ok {
		text = n.Text
	}
	var details []string
	for _, ch := range changes {
		switch ch.Kind {
		case bmc.ChangeAdded:
			heading = "New in " + title(d.New, ch.Block)
		case bmc.ChangeRemoved:
			heading, text = "Removed from "+title(d.Old, ch.Block), ch.Old
		case bmc.ChangeMoved:
			heading = fmt.Sprintf("Moved from %s to %s", title(d.Old, ch.Old), title(d.New, ch.New))
		case bmc.ChangeReordered:
			details = append(details, fmt.Sprintf("Place %d → %d", ch.OldPos, ch.NewPos))
		case bmc.ChangeText:
			details = append(details, "Was: "+ch.Old)
		case bmc.ChangeColor:
			details = append(details, fmt.Sprintf("Colour %s → %s", ch.Old, ch.New))
		case bmc.ChangeStatus:
			details = append(details, fmt.Sprintf("Status %s → %s", ch.Old, ch.New))
		case bmc.ChangeEvidence:
			details = append(details, fmt.Sprintf("Evidence %s → %s", orNothing(ch.Old), orNothing(ch.New)))
		case bmc.ChangeAmount:
			details = append(details, fmt.Sprintf("Amount %s → %s", orNone(ch.Old), orNone(ch.New)))
		case bmc.ChangeTags:
			details = append(details, "Tags "+listChange(ch, func(s string) string { return s }))
		case bmc.ChangeSegments:
			details = append(details, "Segments "+listChange(ch, func(id string) string { return segmentName(d, id) }))
		case bmc.ChangePersonas:
			details = append(details, "Personas "+listChange(ch, func(s string) string { return s }))
		case bmc.ChangeLinks:
			details = append(details, "Links "+listChange(ch, func(id string) string { return segmentName(d, id) }))
		}
	}
	if strings.TrimSpace(text) == "" {
		text = "(empty note)"
	}
	return newPickRow(nil, heading, text, strings.Join(details, "\n"))
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// listChange writes what came and went in a list: "+a −b", or
// "reordered" when only the order changed.
func listChange(ch bmc.Change, name func(string) string) string {
	if delta := ch.Delta(name); delta != "" {
		return delta
	}
	return "reordered"
}

// segmentName names a segment by the first line of its text.
func segmentName(d *bmc.Diff, id string) string {
	n, ok := d.Note(id)
	if !ok {
		return id
	}
	return segmentLabel(n)
}
