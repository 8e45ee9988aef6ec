package widgets

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// shownConnections counts the lines and rings drawn for the selected note.
func shownConnections(b *Board) (lines, rings int) {
	cn := b.drag.conns
	for _, l := range cn.lines {
		if l.Visible() {
			lines++
		}
	}
	for _, r := range cn.rings {
		if r.Visible() {
			rings++
		}
	}
	return lines, rings
}

// inside reports whether p lies inside a card's box.
func inside(p fyne.Position, c *NoteCard) bool {
	q, s := c.Position(), c.Size()
	return p.X > q.X && p.Y > q.Y && p.X < q.X+s.Width && p.Y < q.Y+s.Height
}

// Selecting a note draws a line to every note it links to or from, and
// rings those notes; the lines run between the cards' edges, under the
// cards; nothing selected, nothing drawn.
func TestBoardShowsTheSelectedNotesLinks(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, fyne.NewSize(1200, 800))
	if l, r := shownConnections(b); l+r != 0 {
		t.Fatal("connections without a selection")
	}
	b.Select("n23") // the deck oven: baking, and three costs
	want := len(c.Neighbours("n23"))
	if l, r := shownConnections(b); want != 4 || l != want || r != want {
		t.Errorf("%d lines and %d rings shown, %d neighbours", l, r, want)
	}
	from := cardOf(t, b, "n23")
	for i, l := range b.drag.conns.lines[:want] {
		for _, id := range c.Neighbours("n23") {
			if to := cardOf(t, b, id); inside(l.Position1, to) || inside(l.Position2, to) {
				t.Errorf("line %d ends inside %s", i, id)
			}
		}
		if inside(l.Position1, from) || inside(l.Position2, from) {
			t.Errorf("line %d ends inside the selected card", i)
		}
	}
	objs := viewOf(b).Objects()
	if slices.Index(objs, fyne.CanvasObject(b.drag.conns.box)) > slices.Index(objs, fyne.CanvasObject(from)) {
		t.Error("the connections are drawn over the cards")
	}
	assertImage(t, "board/bakery-links.png", w.Canvas().Capture())
	b.Select("")
	if l, r := shownConnections(b); l+r != 0 {
		t.Error("connections stay after the selection is cleared")
	}
}

// The connections in the dark theme.
func TestBoardShowsLinksDark(t *testing.T) {
	b, w := newTestBoard(t, example(t, "bakery"), fyne.NewSize(1200, 800))
	fyne.CurrentApp().Settings().SetTheme(darkTheme{theme.DefaultTheme()})
	b.Select("n23")
	assertImage(t, "board/bakery-links-dark.png", w.Canvas().Capture())
}

// A note linked to one out of view gets no line to it: the backstage
// hidden, the baking oven's costs have no card.
func TestBoardLinksOutOfView(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, fyne.NewSize(1200, 800))
	b.Select("n23")
	if err := c.SetBackstageShown(false); err != nil {
		t.Fatal(err)
	}
	b.Refresh()
	if l, r := shownConnections(b); l+r != 0 {
		t.Errorf("%d lines, %d rings for a note in a hidden backstage", l, r)
	}
	g := b.geometry()
	l := layoutLinks(g, "n23", c.Neighbours("n23"), b.find, true)
	if l.hasHandle || len(l.rings) != 0 {
		t.Errorf("a hidden note laid out: %+v", l)
	}
}

// Dragging a note hides the connections; they come back after the drop.
func TestBoardLinksHiddenWhileDragging(t *testing.T) {
	b, _ := newTestBoard(t, example(t, "bakery"), fyne.NewSize(1200, 800))
	b.Select("n23")
	card := cardOf(t, b, "n23")
	card.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(10, 10)}, Dragged: fyne.NewDelta(5, 5)})
	if l, r := shownConnections(b); l+r != 0 {
		t.Errorf("%d lines, %d rings while dragging", l, r)
	}
	if b.drag.overlay.handle.Visible() {
		t.Error("the link handle shows while dragging a note")
	}
	card.DragEnd()
	b.Select("n23")
	if l, _ := shownConnections(b); l == 0 {
		t.Error("no connections after the drag")
	}
}

// Dragging the selected note's link handle onto a note of a block it links
// with links them, in one edit; a drop on a note of a block it does not
// link with, or on nothing, does nothing.
func TestBoardLinkHandle(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, fyne.NewSize(1200, 800))
	e := recordEdits(b)
	h := b.drag.overlay.handle
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
	drag := func(to fyne.Position) {
		h.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to.Subtract(h.Position())}})
		if l, _ := shownConnections(b); l != 0 {
			t.Error("connections shown during a handle drag")
		}
		h.DragEnd()
	}
	middle := func(id string) fyne.Position {
		card := cardOf(t, b, id)
		return card.Position().AddXY(card.Size().Width/2, card.Size().Height/2)
	}
	drag(middle("n13"))             // a channel: a resource does not link to it
	drag(middle("n23"))             // itself
	drag(fyne.NewPos(1199, 799))    // nothing
	drag(middle("n23").AddXY(0, 1)) // itself again
	if len(e.labels) != 0 {
		t.Errorf("edits for drops that link nothing: %v", e.labels)
	}
	drag(middle("n28")) // plan tomorrow's quantities: the oven enables it
	if n, _ := c.Note("n23"); !slices.Contains(n.Links, "n28") || !reflect.DeepEqual(e.labels, []string{"Link notes"}) {
		t.Errorf("links %v after the drop, edits %v", n.Links, e.labels)
	}
	if b.drag.link != nil || !h.Visible() {
		t.Error("the drag did not end cleanly")
	}
	if l, _ := shownConnections(b); l != len(c.Neighbours("n23")) {
		t.Errorf("%d lines after linking, %d neighbours", l, len(c.Neighbours("n23")))
	}
}

// A linked note scrolled out of its block gets no line: the block's
// indicator counts it instead.
func TestBoardLinkedNotesOutOfViewCounted(t *testing.T) {
	c, _ := bmc.New("business-model-canvas")
	seg, err := c.AddNote(bmc.SegmentBlock, -1, bmc.Note{Text: "Commuters"})
	if err != nil {
		t.Fatal(err)
	}
	var last bmc.Note
	for i := 0; i < 60; i++ {
		if last, err = c.AddNote("channels", -1, bmc.Note{Text: "note"}); err != nil {
			t.Fatal(err)
		}
	}
	last.Segments = []string{seg.ID}
	if err := c.UpdateNote(last); err != nil {
		t.Fatal(err)
	}
	b, _ := newTestBoard(t, c, boardSize)
	w := b.blocks["channels"]
	b.Select(seg.ID)
	if l, r := shownConnections(b); l+r != 0 {
		t.Errorf("%d lines, %d rings to a note out of view", l, r)
	}
	if w.state.belowLinked != 1 || w.state.aboveLinked != 0 {
		t.Errorf("linked notes out of view: %d above, %d below; want 0 and 1", w.state.aboveLinked, w.state.belowLinked)
	}
	if got := w.state.indicators()[0]; !strings.Contains(got, "below (1 linked)") {
		t.Errorf("indicator %q", got)
	}
	b.Select("")
	if w.state.belowLinked != 0 {
		t.Error("the count stays after the selection is cleared")
	}
}

// A connection runs between the cards' edges, or is left out when the
// cards touch.
func TestEdgeLine(t *testing.T) {
	a := cardBox{fyne.NewPos(0, 0), fyne.NewSize(100, 50)}
	b := cardBox{fyne.NewPos(200, 0), fyne.NewSize(100, 50)}
	l, ok := edgeLine(a, b)
	if !ok || l.from != fyne.NewPos(100+linkGap, 25) || l.to != fyne.NewPos(200-linkGap, 25) {
		t.Errorf("side by side: %v %v", l, ok)
	}
	below := cardBox{fyne.NewPos(0, 52), fyne.NewSize(100, 50)}
	if l, ok := edgeLine(a, below); ok {
		t.Errorf("touching cards got a line %v", l)
	}
	diag := cardBox{fyne.NewPos(300, 300), fyne.NewSize(100, 50)}
	l, ok = edgeLine(a, diag)
	if !ok || l.from.Y != 50+linkGap || l.to.Y != 300-linkGap {
		t.Errorf("diagonal: %v %v", l, ok)
	}
}

// The link handle explains itself on hover, and the tip goes when a drag
// starts.
func TestLinkHandleTip(t *testing.T) {
	b, tips := boardWithTips(t, example(t, "bakery"))
	b.Select("n23")
	h := b.drag.overlay.handle
	h.MouseIn(&desktop.MouseEvent{})
	if tips.Tip() != handleTip {
		t.Errorf("handle tip = %q", tips.Tip())
	}
	h.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(-50, 0)}})
	if tips.Tip() != "" {
		t.Errorf("tip %q during the drag", tips.Tip())
	}
	h.DragEnd()
}

// Dragging the link handle draws a line from the handle to the pointer
// and rings the note a drop would link, with the connections hidden.
func TestBoardLinkHandleDragGolden(t *testing.T) {
	b, w := newTestBoard(t, example(t, "bakery"), fyne.NewSize(1200, 800))
	b.Select("n23")
	h := b.drag.overlay.handle
	card := cardOf(t, b, "n28")
	at := card.Position().AddXY(card.Size().Width/2, card.Size().Height-6)
	h.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at.Subtract(h.Position())}})
	if b.drag.link == nil || b.drag.link.target != "n28" {
		t.Fatalf("drag %+v, want the target n28", b.drag.link)
	}
	assertImage(t, "board/bakery-link-handle.png", w.Canvas().Capture())
	h.DragEnd()
}
