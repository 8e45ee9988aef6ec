package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// compareRows returns the comparison's rows as "heading | text | detail".
func compareRows(e *Editor) string {
	var out []string
	for _, o := range e.cmp.list.Objects {
		r := o.(*pickRow)
		out = append(out, r.heading.Text+" | "+r.text.Text+" | "+r.detail.Text)
	}
	return strings.Join(out, "\n")
}

func TestCompareWith(t *testing.T) {
	e, w := openBakery(t)
	// The older version: the bakery before a few edits.
	old := e.doc.Canvas().Clone()
	m := old.Meta
	m.Version = "2"
	if err := old.SetMeta(m); err != nil {
		t.Fatal(err)
	}
	if err := old.SetText("n9", "Pâtisserie"); err != nil {
		t.Fatal(err)
	}
	if err := old.DeleteNote("n38"); err != nil {
		t.Fatal(err)
	}
	if _, err := old.AddNote("channels", -1, bmc.Note{ID: "n90", Text: "Flyers"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "v2.yaml")
	if err := bmc.SaveFile(path, old); err != nil {
		t.Fatal(err)
	}
	if !e.cmp.clear.Disabled || e.cmp.panel.Visible() {
		t.Fatal("a comparison before any")
	}
	if err := e.CompareWithFile(path); err != nil {
		t.Fatal(err)
	}
	if !e.cmp.panel.Visible() || e.cmp.panel.Size().Width < testPlanWidth || e.cmp.clear.Disabled {
		t.Fatalf("the panel is not shown: %v", e.cmp.panel.Size())
	}
	if want := "Changes since v2.yaml · 1 added, 1 removed, 1 changed, 1 header field"; e.cmp.header.Text != want {
		t.Errorf("header %q, want %q", e.cmp.header.Text, want)
	}
	want := `Header | Version: “2” → “3” | 
Changed in Value Propositions | Pâtisserie like in Lyon, at neighbourhood prices | Was: Pâtisserie
Removed from Channels | Flyers | 
New in Cost Structure | New deck oven | `
	if got := compareRows(e); got != want {
		t.Errorf("rows:\n%s\nwant:\n%s", got, want)
	}

	// It follows the edits; tapping a row selects its note.
	e.board.Select("n1")
	if err := e.edit("Recolour note", func(c *bmc.Canvas) error { return c.SetColor("n1", bmc.Green) }); err != nil {
		t.Fatal(err)
	}
	if got := compareRows(e); !strings.Contains(got, "Changed in Customer Segments | Office workers within a 5-minute walk | Colour blue → green") {
		t.Errorf("after recolouring:\n%s", got)
	}
	for _, r := range e.cmp.rows {
		if r.NoteID == "n38" {
			r.Tapped(&fyne.PointEvent{})
		}
	}
	if e.board.Selected() != "n38" {
		t.Errorf("selected %q", e.board.Selected())
	}
	e.Undo()
	if strings.Contains(compareRows(e), "Colour") {
		t.Error("undo is not followed")
	}

	// Cleared from the View menu.
	var clear *fyne.MenuItem
	for _, it := range e.menu.main.Items[2].Items {
		if it.Label == "Clear Comparison" {
			clear = it
		}
	}
	if clear == nil || clear.Disabled {
		t.Fatal("no View › Clear Comparison")
	}
	clear.Action()
	if e.cmp.panel.Visible() || e.Comparison() != nil || !clear.Disabled {
		t.Error("the comparison was not cleared")
	}
	_ = w
}

func TestCompareWithBadFile(t *testing.T) {
	e, w := openBakery(t)
	path := filepath.Join(t.TempDir(), "bad.yaml")
	if err := bmc.WriteFileAtomic(path, []byte("format: bmcanvas/1\n")); err != nil {
		t.Fatal(err)
	}
	if err := e.CompareWithFile(path); err == nil || e.cmp.panel.Visible() {
		t.Error("a bad file was compared with")
	}
	if !strings.Contains(overlayText(w), "template") {
		t.Errorf("no error shown: %q", overlayText(w))
	}
}

func TestCompareMarksTheBoard(t *testing.T) {
	e, _ := openBakery(t)
	path := e.doc.Path
	// The older version had a note the canvas lacks, one text that is
	// different now, and lacked a note the canvas has.
	old := e.doc.Canvas().Clone()
	noErr := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	noErr(old.SetText("n9", "Pâtisserie"))
	noErr(old.DeleteNote("n38"))
	_, err := old.AddNote("channels", -1, bmc.Note{ID: "n90", Text: "Flyers"})
	noErr(err)
	oldPath := filepath.Join(t.TempDir(), "v2.yaml")
	noErr(bmc.SaveFile(oldPath, old))
	saved, err := os.ReadFile(path)
	noErr(err)

	noErr(e.CompareWithFile(oldPath))
	marks := e.board.Changes()
	if marks == nil {
		t.Fatal("the board has no marks")
	}
	for id, want := range map[string]string{"n38": "new", "n90": "removed", "n9": ""} {
		m := marks.Of(id)
		if m == nil || m.Label() != want {
			t.Errorf("%s: %+v, want the label %q", id, m, want)
		}
	}
	if m := marks.Of("n9"); m == nil || m.OldText != "Pâtisserie" {
		t.Errorf("n9: %+v", m)
	}
	if g := marks.GhostsIn("channels"); len(g) != 1 || g[0].Note.ID != "n90" {
		t.Errorf("ghosts in channels: %+v", g)
	}

	// The marks follow the edits and undo; the ghosts stay out of the
	// document, its undo and the file saved.
	e.board.Select("n1")
	noErr(e.edit("Recolour note", func(c *bmc.Canvas) error { return c.SetColor("n1", bmc.Green) }))
	if m := e.board.Changes().Of("n1"); m == nil || m.Label() != "changed colour (was blue)" {
		t.Errorf("after recolouring n1: %+v", m)
	}
	if _, ok := e.doc.Canvas().Note("n90"); ok {
		t.Error("the ghost went into the document")
	}
	e.Undo()
	if e.board.Changes().Of("n1") != nil {
		t.Error("undo is not followed on the board")
	}
	if _, ok := e.doc.Canvas().Note("n90"); ok {
		t.Error("undo brought the ghost into the document")
	}
	noErr(e.edit("Recolour note", func(c *bmc.Canvas) error { return c.SetColor("n1", bmc.Green) }))
	e.Save()
	now, err := os.ReadFile(path)
	noErr(err)
	if strings.Contains(string(now), "Flyers") || strings.Contains(string(now), "n90") {
		t.Error("the ghost was saved")
	}
	if back, err := bmc.Load(path, now); err != nil || back.NoteCount() != e.doc.Canvas().NoteCount() {
		t.Errorf("saved %d notes, the document has %d (%v)", back.NoteCount(), e.doc.Canvas().NoteCount(), err)
	}
	if string(now) == string(saved) {
		t.Error("nothing was saved")
	}

	e.ClearComparison()
	if e.board.Changes() != nil {
		t.Error("the marks stayed after Clear Comparison")
	}
	noErr(e.edit("Recolour note", func(c *bmc.Canvas) error { return c.SetColor("n1", bmc.Blue) }))
	if e.board.Changes() != nil {
		t.Error("an edit after Clear Comparison marked the board again")
	}
}
