package app

import (
	"slices"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func TestNoteMenuLinkTo(t *testing.T) {
	e, _ := openBakery(t)
	link := itemNamed(t, noteMenu(t, e, "n23"), "Link to")
	items := link.ChildMenu.Items
	// The deck oven: partners supply it, it enables activities and
	// propositions, costs come from it; the links it has are checked.
	for label, checked := range map[string]bool{
		"“Molino Ruiz – organic flour, delivered …” supplies this": false,
		"Enables “Baking from 3 am, six days a week”":              true,
		"Enables “Plan tomorrow's quantities to cut waste”":        false,
		"“New deck oven” comes from this":                          true,
	} {
		if it := itemNamed(t, items, label); it.Checked != checked {
			t.Errorf("%s: checked %v", label, it.Checked)
		}
	}
	itemNamed(t, items, "Enables “Plan tomorrow's quantities to cut waste”").Action()
	if n := note(t, e, "n23"); !slices.Contains(n.Links, "n28") {
		t.Errorf("no link after the menu: %v", n.Links)
	}
	// The partner's side writes the link on the partner.
	itemNamed(t, items, "“Molino Ruiz – organic flour, delivered …” supplies this").Action()
	if n := note(t, e, "n30"); !slices.Contains(n.Links, "n23") {
		t.Errorf("the partner does not supply the oven: %v", n.Links)
	}
	e.Undo()
	e.Undo()
	if n := note(t, e, "n23"); slices.Contains(n.Links, "n28") {
		t.Error("undo left the link")
	}
	// Segments link through the segments list, not Link to.
	if hasItem(noteMenu(t, e, "n1"), "Link to") {
		t.Error("a segment offers links")
	}
}

// Deleting a note takes every link to it away, and one undo brings them
// all back.
func TestDeleteNoteUndoRestoresLinks(t *testing.T) {
	e, _ := openBakery(t)
	if err := e.edit("Delete note", func(c *bmc.Canvas) error { return c.DeleteNote("n27") }); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"n23", "n30", "n35"} {
		if n := note(t, e, id); slices.Contains(n.Links, "n27") {
			t.Errorf("%s still links the deleted note", id)
		}
	}
	e.Undo()
	for _, id := range []string{"n23", "n30", "n35"} {
		if n := note(t, e, id); !slices.Contains(n.Links, "n27") {
			t.Errorf("one undo did not bring back %s's link", id)
		}
	}
}

func TestFocusOnAnyNoteAndDropImpact(t *testing.T) {
	e, w := openBakery(t)
	itemNamed(t, noteMenu(t, e, "n30"), "Focus on this note").Action()
	if e.Focus() != "n30" {
		t.Fatalf("focus = %q", e.Focus())
	}
	if !hasItem(noteMenu(t, e, "n5"), "Clear focus") {
		t.Error("no Clear focus while a partner is in focus")
	}
	itemNamed(t, noteMenu(t, e, "n5"), "Clear focus").Action()
	if e.Focus() != "" {
		t.Errorf("focus = %q after clearing", e.Focus())
	}

	itemNamed(t, noteMenu(t, e, "n27"), "What if we drop this?…").Action()
	msg := overlayText(w)
	want := len(e.doc.Canvas().DropImpact("n27"))
	if want == 0 || !strings.Contains(msg, "What if we drop this?") || !strings.Contains(msg, "notes lose their only support") ||
		!strings.Contains(msg, "Coffee + croissant in under 2 minutes") {
		t.Errorf("drop dialog for %d notes:\n%s", want, msg)
	}
	assertGolden(t, "drop-baking.png", w.Canvas().Capture())
}

func TestPersonasInTheNoteMenu(t *testing.T) {
	e, _ := openBakery(t)
	if !hasItem(noteMenu(t, e, "n2"), "Personas…") {
		t.Fatal("a segment's menu has no Personas…")
	}
	if err := e.SetPersonas("n2", splitPersonas(" Parents, Grandparents,, Parents ")); err != nil {
		t.Fatal(err)
	}
	if n := note(t, e, "n2"); !slices.Equal(n.Personas, []string{"Parents", "Grandparents"}) {
		t.Fatalf("personas = %q", n.Personas)
	}
	segs := itemNamed(t, noteMenu(t, e, "n17"), "Link to segment").ChildMenu.Items
	itemNamed(t, segs, "    Parents").Action()
	if n := note(t, e, "n17"); !slices.Equal(n.Segments, []string{"n2/Parents"}) {
		t.Errorf("segments after linking a persona = %q", n.Segments)
	}
	segs = itemNamed(t, noteMenu(t, e, "n17"), "Link to segment").ChildMenu.Items
	if !itemNamed(t, segs, "    Parents").Checked {
		t.Error("the linked persona is not checked")
	}
	// The segment's own item unlinks it, personas too.
	if err := e.ToggleLink("n17", "n2"); err != nil {
		t.Fatal(err)
	}
	if n := note(t, e, "n17"); len(n.Segments) != 0 {
		t.Errorf("segments after unlinking = %q", n.Segments)
	}
}

// The Export dialog keeps the board's focus on a note that is no segment.
func TestExportFormKeepsANoteFocus(t *testing.T) {
	e, _ := openBakery(t)
	e.FocusSegment("n30")
	opt := e.exportOptions
	opt.Focus = e.Focus()
	f := newExportForm(opt, e.doc.Canvas())
	if got := f.options(opt).Focus; got != "n30" {
		t.Errorf("export focus = %q, want n30 (selected %q)", got, f.focus.Selected)
	}
}
