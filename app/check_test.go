package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// checkRows returns the rows of the check dialog on top.
func checkRows(t *testing.T, w fyne.Window) []*pickRow {
	t.Helper()
	return overlayWidgets[*pickRow](t, w)
}

func TestCheckCanvas(t *testing.T) {
	e, w := openBakery(t)
	// A value proposition without a segment is a gap; a hypothesis without
	// evidence a hint.
	fs := e.doc.Canvas().Lint()
	if !bmc.HasErrors(fs, false) || len(fs) < 2 {
		t.Fatalf("the bakery example has no gaps: %v", fs)
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlShift(fyne.KeyK))
	msg := overlayText(w)
	if !strings.Contains(msg, "Check canvas") {
		t.Fatalf("Ctrl+Shift+K showed no check:\n%s", msg)
	}
	rows := checkRows(t, w)
	if len(rows) != len(fs) {
		t.Fatalf("%d rows for %d findings", len(rows), len(fs))
	}
	hints := false
	for _, r := range rows {
		isHint := strings.Contains(r.icon.Resource.Name(), theme.InfoIcon().Name())
		if hints && !isHint {
			t.Error("an error is listed after a hint")
		}
		hints = hints || isHint
	}
	for _, f := range fs {
		if !strings.Contains(msg, upperFirst(f.Message)) {
			t.Errorf("the dialog lacks %q", f.Message)
		}
	}
	first := rows[0]
	if first.heading.Text != "Value Propositions" || !strings.HasPrefix(first.text.Text, "Value proposition “Pâtisserie like in Lyon") {
		t.Errorf("first row: %q %q", first.heading.Text, first.text.Text)
	}
	test.Tap(first)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stays open after picking a finding")
	}
	if e.board.Selected() != "n9" {
		t.Errorf("picking the finding selected %q, want n9", e.board.Selected())
	}
}

func TestCheckCleanCanvas(t *testing.T) {
	e, w := newTestEditor(t)
	// One segment, a note linked to it in every other block, and every
	// link the template gives a meaning.
	err := e.edit("Fill", func(c *bmc.Canvas) error {
		seg, err := c.AddNote(bmc.SegmentBlock, -1, bmc.Note{Text: "Commuters"})
		if err != nil {
			return err
		}
		ids := map[string]string{}
		for _, b := range c.Template().Blocks {
			if b.ID == bmc.SegmentBlock {
				continue
			}
			n, err := c.AddNote(b.ID, -1, bmc.Note{Text: b.Title, Segments: []string{seg.ID}})
			if err != nil {
				return err
			}
			ids[b.ID] = n.ID
		}
		for _, r := range bmc.Relations(c.TemplateID) {
			if err := c.Link(ids[r.From], ids[r.To]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fs := e.doc.Canvas().Lint(); len(fs) != 0 {
		t.Fatalf("not clean: %v", fs)
	}
	e.ShowCheck()
	if msg := overlayText(w); !strings.Contains(msg, noGaps) {
		t.Errorf("a clean canvas:\n%s", msg)
	}
	if rows := checkRows(t, w); len(rows) != 0 {
		t.Errorf("%d rows on a clean canvas", len(rows))
	}
}

func TestCheckSummary(t *testing.T) {
	gap := bmc.Finding{Severity: bmc.SeverityError}
	hint := bmc.Finding{Severity: bmc.SeverityHint}
	tests := []struct {
		fs   []bmc.Finding
		want string
	}{
		{nil, "No gaps found"},
		{[]bmc.Finding{gap}, "1 gap in the model"},
		{[]bmc.Finding{hint, hint}, "No gaps found, but 2 hints"},
		{[]bmc.Finding{gap, gap, hint}, "2 gaps and 1 hint"},
	}
	for _, tt := range tests {
		if got := checkSummary(tt.fs); got != tt.want {
			t.Errorf("%d findings: %q, want %q", len(tt.fs), got, tt.want)
		}
	}
}

// The check points into the file while the canvas is as the file holds it.
func TestCheckCanvasNamesLines(t *testing.T) {
	e, w := newTestEditor(t)
	path, data := openBakeryFile(t, e)
	_, src, err := bmc.Decode(path, data)
	if err != nil {
		t.Fatal(err)
	}
	e.ShowCheck()
	first := checkRows(t, w)[0]
	want := fmt.Sprintf("Line %d of bakery.yaml", src.Note(first.NoteID).Line)
	if first.NoteID == "" || first.detail.Text != want {
		t.Errorf("first finding's detail %q, want %q", first.detail.Text, want)
	}
	test.Tap(first)
	moveFirstNote(t, e, "key_partners", "channels")
	e.ShowCheck()
	if d := checkRows(t, w)[0].detail.Text; d != "" {
		t.Errorf("after an unsaved change the check still points into the file: %q", d)
	}
}
