package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func TestFocusFromNoteMenu(t *testing.T) {
	e, w := openBakery(t)
	if !e.menu.clearFocus.Disabled {
		t.Error("Clear Focus is enabled with no focus")
	}
	itemNamed(t, noteMenu(t, e, "n3"), "Focus this segment").Action()
	if e.Focus() != "n3" || e.board.FocusSegment() != "n3" {
		t.Fatalf("focus %q", e.Focus())
	}
	if e.doc.Dirty() || e.doc.History().CanUndo() {
		t.Error("focusing changed the document")
	}
	// The chain stays bright, the rest dims.
	if cardFor(t, w, "n7").Dimmed || cardFor(t, w, "n3").Dimmed || !cardFor(t, w, "n5").Dimmed {
		t.Errorf("dimmed: n7 %v, n3 %v, n5 %v", cardFor(t, w, "n7").Dimmed, cardFor(t, w, "n3").Dimmed, cardFor(t, w, "n5").Dimmed)
	}
	if e.menu.clearFocus.Disabled {
		t.Error("Clear Focus is disabled with a focus")
	}
	if !e.focus.box.Visible() || e.focus.label.Text != "Focused on "+segmentLabel(note(t, e, "n3"))+" (Esc clears)" {
		t.Errorf("the footer says %q (shown %v)", e.focus.label.Text, e.focus.box.Visible())
	}
	want := segmentLabel(note(t, e, "n3"))
	for _, it := range e.menu.focus.ChildMenu.Items {
		if it.Checked != (it.Label == want) {
			t.Errorf("View › Focus on Segment › %s checked %v", it.Label, it.Checked)
		}
	}
	items := noteMenu(t, e, "n3")
	if hasItem(items, "Focus this segment") {
		t.Error("the focused segment offers to focus on it")
	}
	itemNamed(t, noteMenu(t, e, "n1"), "Focus this segment")
	itemNamed(t, items, "Clear focus").Action()
	if e.Focus() != "" || cardFor(t, w, "n5").Dimmed || !e.menu.clearFocus.Disabled || e.focus.box.Visible() {
		t.Errorf("after Clear focus: focus %q", e.Focus())
	}
	if hasItem(noteMenu(t, e, "n1"), "Clear focus") {
		t.Error("Clear focus offered with no focus")
	}
}

func TestFocusFromViewMenu(t *testing.T) {
	e, w := openBakery(t)
	segs := e.doc.Canvas().Segments()
	items := e.menu.focus.ChildMenu.Items
	if len(items) != len(segs) {
		t.Fatalf("%d focus items for %d segments", len(items), len(segs))
	}
	items[1].Action()
	if e.Focus() != segs[1].ID {
		t.Fatalf("focus %q, want %s", e.Focus(), segs[1].ID)
	}
	// The export dialog starts on the board's focus.
	e.ShowExport()
	var focus *widget.Select
	for _, s := range overlayWidgets[*widget.Select](t, w) {
		for _, o := range s.Options {
			if o == allSegments {
				focus = s
			}
		}
	}
	if focus == nil || focus.Selected != segmentLabel(segs[1]) {
		t.Errorf("the export's focus is %v", focus)
	}
	tapButton(t, w, "Cancel")

	e.menu.clearFocus.Action()
	if e.Focus() != "" {
		t.Fatal("Clear Focus left the focus")
	}
	e.ShowExport()
	for _, s := range overlayWidgets[*widget.Select](t, w) {
		if s == focus || s.Selected == segmentLabel(segs[1]) {
			t.Errorf("without a focus the export still focuses on %q", s.Selected)
		}
	}
}

func TestEscapeClearsFocus(t *testing.T) {
	e, w := openBakery(t)
	e.FocusSegment("n1")
	// With nothing focused, the window takes Escape.
	w.Canvas().Unfocus()
	w.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.Focus() != "" {
		t.Error("Escape on the window did not clear the focus")
	}
	// With the board focused, the board takes it and tells the editor.
	e.FocusSegment("n1")
	w.Canvas().Focus(e.board)
	e.board.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.Focus() != "" || !e.menu.clearFocus.Disabled {
		t.Errorf("Escape on the board: focus %q, Clear Focus disabled %v", e.Focus(), e.menu.clearFocus.Disabled)
	}
}

func TestFocusGoesWithItsSegment(t *testing.T) {
	e, _ := openBakery(t)
	e.FocusSegment("n4")
	e.board.Select("n4")
	e.board.DeleteSelected()
	if e.Focus() != "" || !e.menu.clearFocus.Disabled {
		t.Errorf("deleting the focused segment left focus %q", e.Focus())
	}
	e.FocusSegment("n1")
	if err := e.NewCanvas("business-model-canvas"); err != nil {
		t.Fatal(err)
	}
	if e.Focus() != "" {
		t.Errorf("a new canvas keeps focus %q", e.Focus())
	}
}

func TestFindDimsTheBoard(t *testing.T) {
	e, w := openBakery(t)
	e.Find("color:green")
	if cardFor(t, w, "n7").Dimmed || !cardFor(t, w, "n5").Dimmed {
		t.Errorf("dimmed: green n7 %v, blue n5 %v", cardFor(t, w, "n7").Dimmed, cardFor(t, w, "n5").Dimmed)
	}
	// Undoing a recolour keeps filtering the canvas as it is now.
	e.edit("Recolour note", func(c *bmc.Canvas) error { return c.SetColor("n5", "green") })
	if cardFor(t, w, "n5").Dimmed {
		t.Error("a note recoloured to match is still dimmed")
	}
	e.Undo()
	if !cardFor(t, w, "n5").Dimmed {
		t.Error("after undo the note no longer matching is bright")
	}
	e.CloseFind()
	if cardFor(t, w, "n5").Dimmed {
		t.Error("closing the find bar left notes dimmed")
	}
}
