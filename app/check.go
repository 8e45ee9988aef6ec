package app

import (
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// noGaps is what the canvas check says about a canvas with no findings.
const noGaps = "No gaps found"

// sortedFindings returns the canvas's lint findings, errors before hints,
// each group in template block order.
func sortedFindings(c *bmc.Canvas) []bmc.Finding {
	fs := c.Lint()
	slices.SortStableFunc(fs, func(a, b bmc.Finding) int {
		return severityRank(a.Severity) - severityRank(b.Severity)
	})
	return fs
}

func severityRank(s bmc.Severity) int {
	if s == bmc.SeverityError {
		return 0
	}
	return 1
}

// checkSummary counts the findings, as in "3 gaps and 2 hints".
func checkSummary(fs []bmc.Finding) string {
	gaps := 0
	for _, f := range fs {
		if f.Severity == bmc.SeverityError {
			gaps++
		}
	}
	hints := len(fs) - gaps
	switch {
	case len(fs) == 0:
		return noGaps
	case hints == 0:
		return counted(gaps, "1 gap in the model", "%d gaps in the model")
	case gaps == 0:
		return noGaps + ", but " + counted(hints, "1 hint", "%d hints")
	}
	return fmt.Sprintf("%s and %s", counted(gaps, "1 gap", "%d gaps"), counted(hints, "1 hint", "%d hints"))
}

// ShowCheck checks the canvas as a model and lists what it found, gaps
// first, then hints, each with its block; tapping one closes the list and
// selects its note on the board.
func (e *Editor) ShowCheck() {
	e.board.CommitEdit()
	c := e.doc.Canvas()
	fs := sortedFindings(c)
	head := widget.NewLabelWithStyle(checkSummary(fs), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var d dialog.Dialog
	rows := container.NewVBox()
	for _, f := range fs {
		var icon fyne.Resource = theme.NewErrorThemedResource(theme.ErrorIcon())
		if f.Severity == bmc.SeverityHint {
			icon = theme.NewPrimaryThemedResource(theme.InfoIcon())
		}
		block := f.Block
		if b, ok := c.Template().Block(f.Block); ok {
			block = b.Title
		}
		row := newPickRow(icon, block, upperFirst(f.Message), "")
		row.NoteID = f.NoteID
		row.OnTapped = func() {
			d.Hide()
			if row.NoteID != "" {
				e.ShowNote(row.NoteID)
			}
		}
		rows.Add(row)
	}
	var content fyne.CanvasObject
	if len(fs) > 0 {
		scroll := container.NewVScroll(rows)
		scroll.SetMinSize(fyne.NewSize(0, min(float32(len(fs))*76, 420)))
		content = container.NewBorder(head, nil, nil, nil, scroll)
	} else {
		head.Importance = widget.SuccessImportance
		content = container.NewHBox(widget.NewIcon(theme.ConfirmIcon()), head)
	}
	d = dialog.NewCustom("Check canvas", "Close", content, e.win)
	d.Resize(dialogSize(e.win, 640, 0))
	e.showDialog(d, nil)
}

// upperFirst starts a sentence with a capital letter.
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
