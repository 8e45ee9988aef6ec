package widgets

import (
	"maps"
	"reflect"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// bakeryWithBackstageLink is the bakery example with one backstage note,
// "Taking subscriptions and cake orders online" in Key Activities, linked
// to the local families segment n2.
func bakeryWithBackstageLink(t *testing.T) *bmc.Canvas {
	t.Helper()
	c := example(t, "bakery")
	n, _ := c.Note("n29")
	n.Segments = []string{"n2"}
	if err := c.UpdateNote(n); err != nil {
		t.Fatal(err)
	}
	return c
}

// dimmedNotes returns the IDs of the notes whose cards are dimmed and of
// those that are not.
func dimmedNotes(b *Board) (dim, bright []string) {
	for id, c := range viewOf(b).shownAt {
		if c.Dimmed {
			dim = append(dim, id)
		} else {
			bright = append(bright, id)
		}
	}
	slices.Sort(dim)
	slices.Sort(bright)
	return dim, bright
}

// sortedKeys returns a set's members in order.
func sortedKeys(set map[string]bool) []string {
	return slices.Sorted(maps.Keys(set))
}

// chainOf returns the IDs in a note's chain, sorted.
func chainOf(c *bmc.Canvas, id string) []string {
	var out []string
	for n := range c.Chain(id) {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// focusChanges records what OnFocusChange is told.
func focusChanges(b *Board) *[]string {
	var got []string
	b.OnFocusChange = func(id string) { got = append(got, id) }
	return &got
}

func TestBoardSetFocusSegment(t *testing.T) {
	c := bakeryWithBackstageLink(t)
	b, _ := newTestBoard(t, c, boardSize)
	changes := focusChanges(b)
	if len(viewOf(b).shownAt) != c.NoteCount() {
		t.Fatalf("%d of %d notes in view", len(viewOf(b).shownAt), c.NoteCount())
	}
	if dim, _ := dimmedNotes(b); len(dim) != 0 {
		t.Errorf("dimmed without a focus: %v", dim)
	}

	b.SetFocusSegment("n2")
	if b.FocusSegment() != "n2" {
		t.Errorf("FocusSegment() = %q, want n2", b.FocusSegment())
	}
	// The chain (bmc.Canvas.Chain): the segment, every note linked to it,
	// the backstage note too, and what stands behind those.
	want := chainOf(c, "n2")
	dim, bright := dimmedNotes(b)
	if !reflect.DeepEqual(bright, want) {
		t.Errorf("bright = %v, want %v", bright, want)
	}
	if len(dim)+len(bright) != c.NoteCount() || slices.Contains(dim, "n29") || !slices.Contains(dim, "n1") {
		t.Errorf("dimmed = %v", dim)
	}
	if !cardOf(t, b, "n2").SegmentFocused || cardOf(t, b, "n1").SegmentFocused {
		t.Error("the focused segment's dot is not ringed, or another one is")
	}

	// Other segments and any other note focus their chains; unknown IDs
	// and "" clear the focus.
	for _, id := range []string{"n3", "n30", "n5"} {
		b.SetFocusSegment(id)
		if _, bright := dimmedNotes(b); b.FocusSegment() != id || !reflect.DeepEqual(bright, chainOf(c, id)) {
			t.Errorf("focused on %s (%q), bright = %v", id, b.FocusSegment(), bright)
		}
	}
	for _, id := range []string{"nope", ""} {
		b.SetFocusSegment("n3")
		b.SetFocusSegment(id)
		if b.FocusSegment() != "" {
			t.Errorf("SetFocusSegment(%q) left the focus on %q", id, b.FocusSegment())
		}
		if dim, _ := dimmedNotes(b); len(dim) != 0 {
			t.Errorf("SetFocusSegment(%q) left notes dimmed: %v", id, dim)
		}
	}
	if len(*changes) != 0 {
		t.Errorf("SetFocusSegment called OnFocusChange: %q", *changes)
	}
}

func TestBoardDimmedNotesStaySelectable(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	b.SetFocusSegment("n3")
	test.Tap(cardOf(t, b, "n14"))
	if b.Selected() != "n14" || !cardOf(t, b, "n14").Dimmed {
		t.Errorf("tapping a dimmed note selected %q", b.Selected())
	}
	if !b.drag.overlay.ring.Visible() {
		t.Error("no selection ring around a dimmed note")
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if _, ok := c.Note("n14"); ok || !reflect.DeepEqual(e.labels, []string{"Delete note"}) {
		t.Errorf("a dimmed note could not be deleted: edits %v", e.labels)
	}
}

func TestBoardFocusByTappingTheDot(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	changes := focusChanges(b)
	card := cardOf(t, b, "n1")
	if !card.Segment || !card.dot.Visible() {
		t.Fatal("the segment's card shows no dot")
	}
	if cardOf(t, b, "n5").Segment || cardOf(t, b, "n5").dot.Visible() {
		t.Error("a value proposition shows a segment dot")
	}

	// A tap at the dot's place on the window reaches the dot, not the card.
	at := card.Position().Add(card.dot.Position()).AddXY(card.dot.Size().Width/2, card.dot.Size().Height/2)
	test.TapCanvas(w.Canvas(), at)
	if b.FocusSegment() != "n1" || !reflect.DeepEqual(*changes, []string{"n1"}) {
		t.Errorf("focus = %q, changes %q after tapping n1's dot", b.FocusSegment(), *changes)
	}
	if b.Selected() != "" {
		t.Errorf("tapping the dot selected %q", b.Selected())
	}
	if w.Canvas().Focused() != b {
		t.Error("tapping the dot did not give the board the keyboard focus, for Escape")
	}
	test.Tap(cardOf(t, b, "n4").dot)
	if b.FocusSegment() != "n4" {
		t.Errorf("focus = %q after tapping n4's dot", b.FocusSegment())
	}
	test.Tap(cardOf(t, b, "n4").dot)
	if b.FocusSegment() != "" || !reflect.DeepEqual(*changes, []string{"n1", "n4", ""}) {
		t.Errorf("focus = %q, changes %q after tapping the focused dot again", b.FocusSegment(), *changes)
	}
	// Tapping elsewhere on the card selects it, as before.
	test.TapCanvas(w.Canvas(), card.Position().AddXY(10, 10))
	if b.Selected() != "n1" || b.FocusSegment() != "" {
		t.Errorf("tapping the card: selected %q, focus %q", b.Selected(), b.FocusSegment())
	}
}

func TestBoardEscapeClearsFocusThenSelection(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	changes := focusChanges(b)
	w.Canvas().Focus(b)
	b.Select("n5")
	b.SetFocusSegment("n1")
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if b.FocusSegment() != "" || b.Selected() != "n5" || !reflect.DeepEqual(*changes, []string{""}) {
		t.Errorf("first Escape: focus %q, selected %q, changes %q", b.FocusSegment(), b.Selected(), *changes)
	}
	if dim, _ := dimmedNotes(b); len(dim) != 0 {
		t.Errorf("notes still dimmed after Escape: %v", dim)
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if b.Selected() != "" || len(*changes) != 1 {
		t.Errorf("second Escape: selected %q, changes %q", b.Selected(), *changes)
	}
}

func TestBoardFocusFollowsTheCanvas(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	recordEdits(b)
	changes := focusChanges(b)
	b.SetFocusSegment("n4")

	// A note linked to the segment joins the chain.
	n, _ := c.Note("n14")
	n.Segments = []string{"n4"}
	b.OnEdit("Link", func(c *bmc.Canvas) error { return c.UpdateNote(n) })
	if cardOf(t, b, "n14").Dimmed {
		t.Error("a note linked to the focused segment stays dimmed")
	}

	// Undoing, as an application does with SetCanvas, takes it out again.
	before := c.Clone()
	n.Segments = nil
	b.OnEdit("Unlink", func(c *bmc.Canvas) error { return c.UpdateNote(n) })
	if !cardOf(t, b, "n14").Dimmed {
		t.Error("a note unlinked from the focused segment stays bright")
	}

	// Deleting the segment ends the focus and tells the application.
	b.Select("n4")
	b.DeleteSelected()
	if b.FocusSegment() != "" || !reflect.DeepEqual(*changes, []string{""}) {
		t.Errorf("after deleting the segment: focus %q, changes %q", b.FocusSegment(), *changes)
	}
	if dim, _ := dimmedNotes(b); len(dim) != 0 {
		t.Errorf("notes dimmed with no focus: %v", dim)
	}
	if n, _ := c.Note("n8"); len(n.Segments) != 0 {
		t.Errorf("the deleted segment's links stay: %v", n.Segments)
	}
	b.SetCanvas(before)
	b.SetFocusSegment("n4")
	if b.FocusSegment() != "n4" || cardOf(t, b, "n8").Dimmed || !cardOf(t, b, "n1").Dimmed {
		t.Error("no focus on the segment after it came back")
	}
}

func TestBoardFilter(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	match := map[string]bool{"n1": true, "n5": true, "n13": true}
	b.SetFilter(match)
	dim, bright := dimmedNotes(b)
	if !reflect.DeepEqual(bright, []string{"n1", "n13", "n5"}) || len(dim) != c.NoteCount()-3 {
		t.Errorf("filtered: bright %v, %d dimmed", bright, len(dim))
	}
	match["n30"] = true // the board keeps its own copy
	if b.redraw(); !cardOf(t, b, "n30").Dimmed {
		t.Error("changing the caller's map changed the filter")
	}

	// With a focus, a note is bright only when both keep it.
	b.SetFocusSegment("n3")
	if _, bright := dimmedNotes(b); !reflect.DeepEqual(bright, []string{"n13"}) {
		t.Errorf("filter and focus: bright %v, want [n13]", bright)
	}
	b.SetFilter(nil)
	if _, bright := dimmedNotes(b); !reflect.DeepEqual(bright, sortedKeys(c.Chain("n3"))) {
		t.Errorf("filter cleared: bright %v, want the chain of n3", bright)
	}
	b.SetFocusSegment("")
	b.SetFilter(map[string]bool{})
	if _, bright := dimmedNotes(b); len(bright) != 0 {
		t.Errorf("an empty filter left %v bright", bright)
	}
	b.SetFilter(nil)
	if dim, _ := dimmedNotes(b); len(dim) != 0 {
		t.Errorf("no filter, no focus, yet %v dimmed", dim)
	}
}

// dotCentre returns the centre of a segment card's dot on the board.
func dotCentre(t *testing.T, b *Board, id string) fyne.Position {
	t.Helper()
	c := cardOf(t, b, id)
	return c.Position().Add(c.dot.Position()).AddXY(c.dot.Size().Width/2, c.dot.Size().Height/2)
}

// dragDot drags a segment's dot from its centre to the board position to,
// in steps as the desktop driver does; during runs before the release.
func dragDot(t *testing.T, b *Board, segment string, to fyne.Position, during func()) {
	t.Helper()
	c := cardOf(t, b, segment)
	d := c.dot
	start := fyne.NewPos(d.Size().Width/2, d.Size().Height/2)
	d.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: start}, Button: desktop.MouseButtonPrimary})
	end := to.Subtract(c.Position()).Subtract(d.Position())
	const steps = 6
	last := start
	for i := 1; i <= steps; i++ {
		f := float32(i) / steps
		p := fyne.NewPos(start.X+(end.X-start.X)*f, start.Y+(end.Y-start.Y)*f)
		d.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(p.X-last.X, p.Y-last.Y)})
		last = p
	}
	if during != nil {
		during()
	}
	d.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: end}, Button: desktop.MouseButtonPrimary})
	d.DragEnd()
}

// middle returns the centre of a note's card on the board.
func middle(t *testing.T, b *Board, id string) fyne.Position {
	t.Helper()
	c := cardOf(t, b, id)
	return c.Position().AddXY(c.Size().Width/2, c.Size().Height/2)
}

func TestBoardLinkByDraggingTheDot(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	links := b.drag.overlay.links

	dragDot(t, b, "n4", middle(t, b, "n29"), func() {
		if !links.line.Visible() || !links.dot.Visible() || !links.ring.Visible() {
			t.Errorf("drop indicator: line %v, dot %v, ring %v", links.line.Visible(), links.dot.Visible(), links.ring.Visible())
		}
		if !near(links.line.Position1, dotCentre(t, b, "n4")) || !near(links.line.Position2, middle(t, b, "n29")) {
			t.Errorf("line from %v to %v", links.line.Position1, links.line.Position2)
		}
		card := cardOf(t, b, "n29")
		if r := links.ring; r.Position().X > card.Position().X || r.Position().X+r.Size().Width < card.Position().X+card.Size().Width {
			t.Errorf("ring at %v %v does not surround the card at %v %v", r.Position(), r.Size(), card.Position(), card.Size())
		}
		if links.dot.FillColor != markColor(bmc.Purple) {
			t.Errorf("dragged dot in %v, want the segment's purple", links.dot.FillColor)
		}
	})
	if !reflect.DeepEqual(e.labels, []string{"Link to segment"}) {
		t.Errorf("edits = %v, want [Link to segment]", e.labels)
	}
	if n, _ := c.Note("n29"); !slices.Equal(n.Segments, []string{"n4"}) {
		t.Errorf("n29 links %v, want [n4]", n.Segments)
	}
	if links.line.Visible() || links.dot.Visible() || links.ring.Visible() {
		t.Error("drop indicator still shown after the drop")
	}
	if got := cardOf(t, b, "n29").Marks; !slices.Equal(got, []bmc.Color{bmc.Purple}) {
		t.Errorf("n29's marks = %v after linking, want purple", got)
	}

	// A link is added after the ones a note has.
	dragDot(t, b, "n2", middle(t, b, "n5"), nil)
	if n, _ := c.Note("n5"); !slices.Equal(n.Segments, []string{"n1", "n2"}) {
		t.Errorf("n5 links %v, want [n1 n2]", n.Segments)
	}
	if len(e.labels) != 2 {
		t.Errorf("edits = %v", e.labels)
	}
	if got := ids(c, "customer_segments"); !slices.Equal(got, []string{"n1", "n2", "n3", "n4"}) {
		t.Errorf("dragging the dot moved a segment: %v", got)
	}
}

func TestBoardLinkDropsThatDoNothing(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	before := c.Clone()
	links := b.drag.overlay.links
	ringShown := func() {
		if links.ring.Visible() {
			t.Error("a note that cannot be linked is ringed as a drop target")
		}
		if !links.line.Visible() {
			t.Error("no line while dragging the dot")
		}
	}
	dragDot(t, b, "n1", middle(t, b, "n6"), ringShown)                  // already linked
	dragDot(t, b, "n1", middle(t, b, "n1"), ringShown)                  // the segment itself
	dragDot(t, b, "n1", dotCentre(t, b, "n1").AddXY(-4, -3), ringShown) // hardly moved
	ks := blockGeomOf(t, b, "key_partners")                             // an empty part of a block
	dragDot(t, b, "n1", ks.content.AddXY(ks.view.Width/2, ks.view.Height-5), ringShown)
	dragDot(t, b, "n1", fyne.NewPos(2, 2), ringShown) // outside every block
	if len(e.labels) != 0 || !reflect.DeepEqual(before.Blocks, c.Blocks) {
		t.Errorf("drops that do nothing made edits %v", e.labels)
	}
	if links.line.Visible() || links.dot.Visible() {
		t.Error("drop indicator still shown")
	}

	// The drag passes over a note it can link, then ends where it cannot.
	dragDot(t, b, "n3", middle(t, b, "n30"), func() {
		if !links.ring.Visible() {
			t.Error("no ring over a note that can be linked")
		}
		d := cardOf(t, b, "n3").dot
		d.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, 2000)})
		if links.ring.Visible() {
			t.Error("the ring stays after the pointer left the note")
		}
	})
	if len(e.labels) != 0 {
		t.Errorf("edits = %v", e.labels)
	}
}

func TestBoardDraggingASegmentCardStillMovesIt(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	// test.Drag finds the dot at its place and the card elsewhere.
	test.Drag(w.Canvas(), dotCentre(t, b, "n4"), -(middle(t, b, "n4").X - middle(t, b, "n3").X), 0)
	if len(e.labels) != 0 || !slices.Equal(ids(c, "customer_segments"), []string{"n1", "n2", "n3", "n4"}) {
		t.Errorf("dragging n4's dot onto n3 (a segment): edits %v", e.labels)
	}
	cs := blockGeomOf(t, b, "customer_segments")
	dragCard(t, b, "n4", cs.cardPos(0).AddXY(2, cs.cardSize(0).Height/2), nil)
	if !reflect.DeepEqual(e.labels, []string{"Move note"}) || !slices.Equal(ids(c, "customer_segments"), []string{"n4", "n1", "n2", "n3"}) {
		t.Errorf("dragging n4's card: edits %v, segments %v", e.labels, ids(c, "customer_segments"))
	}
	test.Drag(w.Canvas(), dotCentre(t, b, "n4"), middle(t, b, "n31").X-dotCentre(t, b, "n4").X, middle(t, b, "n31").Y-dotCentre(t, b, "n4").Y)
	if n, _ := c.Note("n31"); !slices.Equal(n.Segments, []string{"n4"}) || len(e.labels) != 2 {
		t.Errorf("test.Drag of the dot: n31 links %v, edits %v", n.Segments, e.labels)
	}
}

// A note linked to personas carries its segment's mark once, and can
// take no link to the whole segment by a dot drag.
func TestBoardPersonaMarks(t *testing.T) {
	c := example(t, "bakery")
	seg, _ := c.Note("n2")
	seg.Personas = []string{"Parents", "Grandparents"}
	if err := c.UpdateNote(seg); err != nil {
		t.Fatal(err)
	}
	n, _ := c.Note("n17")
	n.Segments = []string{"n2/Parents", "n2/Grandparents", "n1"}
	if err := c.UpdateNote(n); err != nil {
		t.Fatal(err)
	}
	b, _ := newTestBoard(t, c, boardSize)
	if got := b.marks(&n); !reflect.DeepEqual(got, []bmc.Color{bmc.Pink, bmc.Blue}) {
		t.Errorf("marks = %v, want pink, blue", got)
	}
	if b.canLink("n17", "n2") || !b.canLink("n17", "n3") {
		t.Error("canLink ignores persona links")
	}
}

// A link to a persona marks its segment once, in the segment's colour and
// shape, like a link to the segment: colours, names and shapes agree.
func TestPersonaLinksMarkTheirSegment(t *testing.T) {
	c, err := bmc.Load("p.yaml", []byte(`format: bmcanvas/1
template: business-model-canvas
blocks:
  customer_segments:
    - {id: s1, text: Office workers, color: blue, personas: [Ana, Raj]}
    - {id: s2, text: Local families, color: pink}
  customer_relationships:
    - {id: r1, text: Student card, segments: [s1/Raj, s2, s1/Ana]}
`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := newTestBoard(t, c, fyne.NewSize(1200, 800))
	n, _ := c.Note("r1")
	if got := b.marks(&n); !slices.Equal(got, []bmc.Color{bmc.Blue, bmc.Pink}) {
		t.Errorf("marks %v", got)
	}
	if got := b.markNames(&n); !slices.Equal(got, []string{"Office workers", "Local families"}) {
		t.Errorf("names %v", got)
	}
	if got := b.markShapes(&n); !slices.Equal(got, []bmc.MarkShape{bmc.SegmentShape(0), bmc.SegmentShape(1)}) {
		t.Errorf("shapes %v", got)
	}
}
