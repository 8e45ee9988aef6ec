package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// testPlanWidth is the test plan panel's width.
const testPlanWidth = 320

// noEvidence stands in for the evidence of a hypothesis not tested yet.
const noEvidence = "no evidence yet"

// testPlan is the side panel that lists every hypothesis on the canvas
// with its block and evidence, for planning customer and partner
// interviews; tapping one selects its note on the board.
type testPlan struct {
	panel  *fyne.Container
	header *widget.Label
	empty  *widget.Label
	list   *fyne.Container
	rows   []*pickRow
}

// newTestPlan builds the panel, hidden.
func (e *Editor) newTestPlan() *testPlan {
	p := &testPlan{
		header: widget.NewLabelWithStyle("Test plan", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		empty: widget.NewLabel("No hypotheses yet. Mark what you need to test with customers or partners " +
			"as a hypothesis: right-click a note, Status, Hypothesis."),
		list: container.NewVBox(),
	}
	p.empty.Wrapping = fyne.TextWrapWord
	p.empty.Importance = widget.LowImportance
	p.empty.TextStyle.Italic = true
	closeButton := widget.NewButtonWithIcon("", theme.CancelIcon(), e.ToggleTestPlan)
	closeButton.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil, nil, closeButton, p.header)
	scroll := container.NewVScroll(container.NewVBox(p.empty, p.list))
	width := canvas.NewRectangle(nil)
	width.SetMinSize(fyne.NewSize(testPlanWidth, 0))
	line := widget.NewSeparator()
	body := container.NewBorder(head, nil, nil, nil, container.NewStack(width, scroll))
	p.panel = container.NewBorder(nil, nil, line, nil, container.NewPadded(body))
	p.panel.Hide()
	return p
}

// ToggleTestPlan shows or hides the test plan panel.
func (e *Editor) ToggleTestPlan() {
	e.setShown(e.plan.panel, !e.plan.panel.Visible())
	e.refreshTestPlan()
	e.refreshActions()
}

// refreshTestPlan lists the canvas's hypotheses again. It runs after every
// edit, undo and open, while the panel is shown.
func (e *Editor) refreshTestPlan() {
	p := e.plan
	if !p.panel.Visible() {
		return
	}
	c := e.doc.Canvas()
	hs := c.Hypotheses()
	p.header.SetText(fmt.Sprintf("Test plan · %s", counted(len(hs), "1 hypothesis", "%d hypotheses")))
	p.rows = p.rows[:0]
	objects := make([]fyne.CanvasObject, 0, len(hs))
	for _, h := range hs {
		block := h.Block
		if b, ok := c.Template().Block(h.Block); ok {
			block = b.Title
		}
		evidence := strings.TrimSpace(h.Note.Evidence)
		if evidence == "" {
			evidence = noEvidence
		}
		text := strings.TrimSpace(h.Note.Text)
		if text == "" {
			text = "(empty note)"
		}
		row := newPickRow(nil, block, text, evidence)
		if evidence == noEvidence {
			row.detail.TextStyle.Italic = true
			row.detail.Importance = widget.WarningImportance
		}
		id := h.Note.ID
		row.NoteID = id
		row.OnTapped = func() { e.ShowNote(id) }
		row.SetCurrent(id == e.board.Selected())
		p.rows = append(p.rows, row)
		objects = append(objects, row)
	}
	p.list.Objects = objects
	p.empty.Hidden = len(hs) > 0
	p.list.Refresh()
	p.panel.Refresh()
}

// markTestPlan lights up the row of the note selected on the board.
func (e *Editor) markTestPlan() {
	markCurrent(e.plan.rows, e.board.Selected())
}
