package app

import (
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
