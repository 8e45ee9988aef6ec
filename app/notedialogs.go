package app

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// noteLabel shows which note a dialog is about: its text, wrapped, at most
// a few lines.
func noteLabel(n bmc.Note) *widget.Label {
	text := strings.TrimSpace(n.Text)
	if text == "" {
		text = "(empty note)"
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Truncation = fyne.TextTruncateEllipsis
	l.TextStyle.Italic = true
	return l
}

// ShowEvidence shows a note's status and evidence for editing; applying
// them is one undoable edit.
func (e *Editor) ShowEvidence(id string) {
	e.board.CommitEdit()
	n, ok := e.doc.Canvas().Note(id)
	if !ok {
		return
	}
	names := make([]string, len(bmc.Statuses))
	for i, s := range bmc.Statuses {
		names[i] = statusName(s)
	}
	status := e.newDialogSelect(names)
	status.SetSelected(statusName(n.Status))
	evidence := e.newDialogMultiLineEntry()
	evidence.SetMinRowsVisible(5)
	evidence.SetPlaceHolder("What you learnt, from whom, and when")
	evidence.SetText(n.Evidence)
	statusItem := widget.NewFormItem("Status", status)
	statusItem.HintText = "Idea, hypothesis to test, validated or invalidated"
	items := []*widget.FormItem{
		widget.NewFormItem("Note", noteLabel(n)),
		statusItem,
		widget.NewFormItem("Evidence", evidence),
	}
	d := dialog.NewForm("Evidence", "Apply", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		s := bmc.Statuses[max(0, status.SelectedIndex())]
		e.SetEvidence(id, s, evidence.Text)
	}, e.win)
	d.Resize(dialogSize(e.win, 560, 0))
	e.showForm(d)
	e.win.Canvas().Focus(evidence)
}

// ShowNewTag asks for a tag to give a note; adding it is one undoable
// edit.
func (e *Editor) ShowNewTag(id string) {
	e.board.CommitEdit()
	n, ok := e.doc.Canvas().Note(id)
	if !ok {
		return
	}
	tag := e.newDialogEntry()
	tag.SetPlaceHolder("such as “pilot” or “B2B”")
	tag.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("type a tag")
		}
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Note", noteLabel(n)),
		widget.NewFormItem("Tag", tag),
	}
	d := dialog.NewForm("New tag", "Add", "Cancel", items, func(ok bool) {
		if ok {
			e.AddTag(id, tag.Text)
		}
	}, e.win)
	d.Resize(dialogSize(e.win, 440, 0))
	e.showForm(d)
	e.win.Canvas().Focus(tag)
}

// periodNames are the period choices of the amount dialog, in menu order.
var periodNames = map[bmc.Period]string{
	bmc.PeriodMonth: "per month",
	bmc.PeriodYear:  "per year",
	bmc.PeriodOnce:  "once",
}

// periodOrder is the order the amount dialog offers periods in.
var periodOrder = []bmc.Period{bmc.PeriodMonth, bmc.PeriodYear, bmc.PeriodOnce}

// ShowAmount shows a revenue or cost note's amount and period for
// editing; an empty amount removes it. Applying is one undoable edit.
func (e *Editor) ShowAmount(id string) {
	e.board.CommitEdit()
	c := e.doc.Canvas()
	n, ok := c.Note(id)
	if !ok {
		return
	}
	amount := e.newDialogEntry()
	amount.SetPlaceHolder("such as 1200 or 1,200.50")
	if n.Amount != nil {
		amount.SetText(strconv.FormatFloat(*n.Amount, 'f', -1, 64))
	}
	amount.Validator = func(s string) error {
		_, err := parseAmount(s, c.Currency)
		return err
	}
	names := make([]string, len(periodOrder))
	for i, p := range periodOrder {
		names[i] = periodNames[p]
	}
	period := e.newDialogSelect(names)
	period.SetSelected(periodNames[bmc.PeriodYear])
	if n.Period != "" {
		period.SetSelected(periodNames[n.Period])
	}
	label := "Amount"
	if c.Currency != "" {
		label += " (" + c.Currency + ")"
	}
	amountItem := widget.NewFormItem(label, amount)
	amountItem.HintText = "Leave empty to remove the amount; monthly amounts count 12 times a year"
	items := []*widget.FormItem{
		widget.NewFormItem("Note", noteLabel(n)),
		amountItem,
		widget.NewFormItem("Period", period),
	}
	d := dialog.NewForm("Amount", "Apply", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		a, err := parseAmount(amount.Text, c.Currency)
		if err != nil {
			e.showErrorTitled("Could not set the amount", err)
			return
		}
		e.SetAmount(id, a, periodOrder[max(0, period.SelectedIndex())])
	}, e.win)
	d.Resize(dialogSize(e.win, 480, 0))
	e.showForm(d)
	e.win.Canvas().Focus(amount)
}

// thousands matches a number written with commas between thousands.
var thousands = regexp.MustCompile(`^\d{1,3}(,\d{3})+(\.\d+)?$`)

// parseAmount reads an amount as typed: digits with an optional decimal
// point, commas between thousands, spaces anywhere and the canvas's
// currency before or after. Empty text is no amount (nil). Negative,
// infinite and unreadable amounts are errors.
func parseAmount(s, currency string) (*float64, error) {
	s = strings.TrimSpace(s)
	if currency != "" {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, currency), currency))
	}
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '_', '\'':
			return -1
		}
		return r
	}, s)
	if s == "" {
		return nil, nil
	}
	if thousands.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil && strings.Contains(s, ","):
		return nil, errors.New("write decimals with a point, such as 12.50")
	case err != nil || math.IsInf(v, 0) || math.IsNaN(v):
		return nil, errors.New("type a number, such as 1200 or 1,200.50")
	case v < 0:
		return nil, errors.New("type the amount without a minus sign: costs go in Cost Structure")
	}
	return &v, nil
}
