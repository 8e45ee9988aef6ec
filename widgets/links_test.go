package widgets

import (
	"reflect"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// shownConnections counts the lines drawn from the selected note.
func shownConnections(b *Board) int {
	n := 0
	for _, l := range b.view.conns.lines {
		if l.Visible() {
			n++
		}
	}
	return n
}

// Selecting a note draws a line to every note it links to or from, and
// rings those notes; nothing selected, nothing drawn.
func TestBoardShowsTheSelectedNotesLinks(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, fyne.NewSize(1200, 800))
	if shownConnections(b) != 0 {
		t.Fatal("connections without a selection")
	}
	b.Select("n23") // the deck oven: baking, and three costs
	want := len(c.Neighbours("n23"))
	if want != 4 || shownConnections(b) != want {
		t.Errorf("%d connections shown, %d neighbours", shownConnections(b), want)
	}
	for i := range want {
		if !b.view.conns.rings[i].Visible() {
			t.Errorf("ring %d hidden", i)
		}
	}
	test.AssertImageMatches(t, "board/bakery-links.png", w.Canvas().Capture())
	b.Select("")
	if shownConnections(b) != 0 {
		t.Error("connections stay after the selection is cleared")
	}
}

// Dragging the selected note's link handle onto a note of a block it links
// with links them, in one edit; a drop on a note of a block it does not
// link with, or on nothing, does nothing.
func TestBoardLinkHandle(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, fyne.NewSize(1200, 800))
	e := recordEdits(b)
	h := b.view.conns.handle
	if h.Visible() {
		t.Fatal("a link handle without a selection")
	}
	b.Select("n1") // segments link through their dots, not the handle
	if h.Visible() {
		t.Error("a segment shows a link handle")
	}
	b.Select("n23")
	if !h.Visible() {
		t.Fatal("no link handle on the deck oven")
	}
	drag := func(to string) {
		card := cardOf(t, b, to)
		at := card.Position().AddXY(card.Size().Width/2, card.Size().Height/2).Subtract(h.Position())
		h.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at}})
		h.DragEnd()
	}
	drag("n13") // a channel: a resource does not link to it
	drag("n23") // itself
	if len(e.labels) != 0 {
		t.Errorf("edits for drops that link nothing: %v", e.labels)
	}
	drag("n28") // plan tomorrow's quantities: the oven enables it
	if n, _ := c.Note("n23"); !slices.Contains(n.Links, "n28") || !reflect.DeepEqual(e.labels, []string{"Link notes"}) {
		t.Errorf("links %v after the drop, edits %v", n.Links, e.labels)
	}
	if b.link != nil || !h.Visible() {
		t.Error("the drag did not end cleanly")
	}
}
