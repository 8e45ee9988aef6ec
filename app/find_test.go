package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// countNotes counts the canvas's notes for which keep is true.
func countNotes(c *bmc.Canvas, keep func(bmc.Note) bool) int {
	k := 0
	for _, notes := range c.Blocks {
		for _, n := range notes {
			if keep(n) {
				k++
			}
		}
	}
	return k
}

func TestFindBar(t *testing.T) {
	e, w := openBakery(t)
	c := e.doc.Canvas()
	total := c.NoteCount()
	if e.find.bar.Visible() {
		t.Fatal("the find bar is shown at start")
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(ctrl(fyne.KeyF))
	if !e.find.bar.Visible() || w.Canvas().Focused() != e.find.entry {
		t.Fatal("Ctrl+F did not show the find bar and put the cursor in it")
	}
	if e.find.entry.PlaceHolder != findHint || e.find.count.Text != "" {
		t.Errorf("placeholder %q, count %q", e.find.entry.PlaceHolder, e.find.count.Text)
	}

	tests := []struct {
		query string
		keep  func(bmc.Note) bool
	}{
		{"color:blue", func(n bmc.Note) bool { return n.Color == bmc.Blue }},
		{"status:hypothesis", func(n bmc.Note) bool { return n.Status == bmc.StatusHypothesis }},
		{"tag:fixed", func(n bmc.Note) bool { return len(n.Tags) > 0 && n.Tags[0] == "fixed" }},
		{"CROISSANT", func(n bmc.Note) bool { return strings.Contains(strings.ToLower(n.Text+n.Evidence), "croissant") }},
	}
	for _, tt := range tests {
		e.find.entry.SetText("")
		test.Type(e.find.entry, tt.query)
		want := countNotes(c, tt.keep)
		if want == 0 {
			t.Fatalf("%s: the example has no such notes", tt.query)
		}
		if got := e.find.count.Text; got != fmt.Sprintf("%d of %d notes", want, total) {
			t.Errorf("%s: count %q, want %d of %d", tt.query, got, want, total)
		}
		if !e.find.problems.Hidden {
			t.Errorf("%s: problems shown: %q", tt.query, e.find.problems.Text)
		}
	}

	e.find.entry.SetText("")
	test.Type(e.find.entry, "color:bleu")
	if e.find.problems.Hidden || !strings.Contains(e.find.problems.Text, "unknown colour") ||
		e.find.count.Text != fmt.Sprintf("0 of %d notes", total) {
		t.Errorf("a bad colour: problems %q (hidden %v), count %q", e.find.problems.Text, e.find.problems.Hidden, e.find.count.Text)
	}

	// The count follows edits.
	e.find.entry.SetText("status:hypothesis")
	before := e.find.count.Text
	w.Canvas().Unfocus() // Undo goes to the query while it has the keyboard
	e.SetStatus("n9", bmc.StatusHypothesis)
	if e.find.count.Text == before {
		t.Errorf("the count did not follow an edit: %q", before)
	}
	e.Undo()
	if e.find.count.Text != before {
		t.Errorf("the count did not follow undo: %q, want %q", e.find.count.Text, before)
	}

	// Escape clears and hides it.
	e.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.find.bar.Visible() || e.find.entry.Text != "" || e.find.count.Text != "" {
		t.Errorf("after Escape: shown %v, query %q", e.find.bar.Visible(), e.find.entry.Text)
	}
	if w.Canvas().Focused() == e.find.entry {
		t.Error("the find entry keeps the keyboard after closing")
	}
}

func TestFindCloseButtonAndWindowEscape(t *testing.T) {
	e, w := openBakery(t)
	e.Find("tag:physical")
	if !e.find.bar.Visible() || e.find.count.Text == "" {
		t.Fatal("Find did not show the bar")
	}
	w.Canvas().Unfocus()
	w.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.find.bar.Visible() || e.find.entry.Text != "" {
		t.Error("Escape with nothing focused did not close the find bar")
	}
	e.ShowFind()
	test.Type(e.find.entry, "oven")
	test.Tap(e.find.closeButton)
	if e.find.bar.Visible() || e.find.entry.Text != "" {
		t.Error("the close button did not clear and hide the find bar")
	}
}
