package widgets

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

var boardSize = fyne.NewSize(1200, 800)

// edits records the changes a board asks for and applies them the way an
// application does: op on the canvas, then Refresh.
type edits struct {
	labels []string
}

func recordEdits(b *Board) *edits {
	e := &edits{}
	b.OnEdit = func(label string, op func(*bmc.Canvas) error) error {
		e.labels = append(e.labels, label)
		err := op(b.Canvas())
		b.Refresh()
		return err
	}
	return e
}

// ids returns the IDs of a block's notes in order.
func ids(c *bmc.Canvas, block string) []string {
	var out []string
	for _, n := range c.Blocks[block] {
		out = append(out, n.ID)
	}
	return out
}

// cardOf returns the card showing a note; the note must be in view.
func cardOf(t *testing.T, b *Board, id string) *NoteCard {
	t.Helper()
	c, ok := viewOf(b).shownAt[id]
	if !ok {
		t.Fatalf("note %s has no card in view", id)
	}
	return c
}

// blockGeomOf returns a block's current geometry.
func blockGeomOf(t *testing.T, b *Board, id string) *blockGeom {
	t.Helper()
	g := b.geometry()
	k := g.find(id)
	if k < 0 {
		t.Fatalf("block %s is not laid out", id)
	}
	return &g.blocks[k]
}

// dragCard drags a note's card with the pointer from the card's centre to
// the board position to, in steps, the way the desktop driver does:
// MouseDown, Dragged events with the pointer relative to the card and
// the distance since the last event, then MouseUp and DragEnd.
func dragCard(t *testing.T, b *Board, id string, to fyne.Position, during func()) {
	t.Helper()
	c := cardOf(t, b, id)
	start := fyne.NewPos(c.Size().Width/2, c.Size().Height/2)
	c.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: start}, Button: desktop.MouseButtonPrimary})
	end := to.Subtract(c.Position())
	const steps = 8
	last := start
	for i := 1; i <= steps; i++ {
		f := float32(i) / steps
		p := fyne.NewPos(start.X+(end.X-start.X)*f, start.Y+(end.Y-start.Y)*f)
		c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(p.X-last.X, p.Y-last.Y)})
		last = p
	}
	if during != nil {
		during()
	}
	c.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: end}, Button: desktop.MouseButtonPrimary})
	c.DragEnd()
}

func TestBoardDragNoteToAnotherBlock(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	ka := blockGeomOf(t, b, "key_activities")
	// Drop below the last card of Key Activities: the note goes to the end.
	to := ka.content.AddXY(ka.view.Width/2, ka.view.Height-5)
	dragCard(t, b, "n30", to, nil)

	if !reflect.DeepEqual(e.labels, []string{"Move note"}) {
		t.Errorf("edits = %v, want [Move note]", e.labels)
	}
	if got, want := ids(c, "key_partners"), []string{"n31", "n32"}; !reflect.DeepEqual(got, want) {
		t.Errorf("key_partners = %v, want %v", got, want)
	}
	if got, want := ids(c, "key_activities"), []string{"n27", "n28", "n29", "n30"}; !reflect.DeepEqual(got, want) {
		t.Errorf("key_activities = %v, want %v", got, want)
	}
	if b.Selected() != "n30" {
		t.Errorf("selected = %q, want the moved note", b.Selected())
	}
	if b.drag.overlay.ghost.Visible() || b.drag.overlay.bar.Visible() {
		t.Error("ghost card or drop bar still shown after the drop")
	}
	if _, ok := viewOf(b).shownAt["n30"]; !ok {
		t.Error("moved note has no card in Key Activities")
	}
}

func TestBoardDragWithTestDrag(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	card := cardOf(t, b, "n30")
	from := card.Position().AddXY(card.Size().Width/2, card.Size().Height/2)
	ka := blockGeomOf(t, b, "key_activities")
	to := ka.content.AddXY(ka.cardW/2, 4) // on the top of the first card
	test.Drag(w.Canvas(), from, to.X-from.X, to.Y-from.Y)

	if !reflect.DeepEqual(e.labels, []string{"Move note"}) {
		t.Fatalf("edits = %v, want [Move note]", e.labels)
	}
	if got, want := ids(c, "key_activities"), []string{"n30", "n27", "n28", "n29"}; !reflect.DeepEqual(got, want) {
		t.Errorf("key_activities = %v, want %v", got, want)
	}
}

func TestBoardDragReordersWithinBlock(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	// Key Resources holds n23 n24 / n25 n26 in two columns. Drop n23 just
	// after n26, at the right edge of the second row.
	kr := blockGeomOf(t, b, "key_resources")
	n26 := kr.cardPos(3)
	dragCard(t, b, "n23", n26.AddXY(kr.cardW-2, kr.cardSize(0).Height/2), nil)
	if got, want := ids(c, "key_resources"), []string{"n24", "n25", "n26", "n23"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after drop at the end: %v, want %v", got, want)
	}
	// Drop n26 on the left half of the first card: it goes first.
	dragCard(t, b, "n26", kr.cardPos(0).AddXY(3, kr.cardSize(0).Height/2), nil)
	if got, want := ids(c, "key_resources"), []string{"n26", "n24", "n25", "n23"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after drop at the start: %v, want %v", got, want)
	}
	// Dropping a note back on its own place changes nothing.
	dragCard(t, b, "n24", kr.cardPos(1).AddXY(4, kr.cardSize(0).Height/2), nil)
	if !reflect.DeepEqual(e.labels, []string{"Move note", "Move note"}) {
		t.Errorf("edits = %v, want two moves", e.labels)
	}
}

func TestBoardDropOutsideCancels(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	before := c.Clone()
	for _, to := range []fyne.Position{
		{X: -40, Y: 300},   // left of the board
		{X: 600, Y: 2000},  // below it
		{X: 2, Y: 2},       // the margin
		{X: 600, Y: 596.5}, // the gap between the rows of blocks
	} {
		dragCard(t, b, "n30", to, func() {
			if b.drag.overlay.bar.Visible() {
				t.Errorf("drop bar shown with the pointer at %v, outside every block", to)
			}
		})
	}
	if len(e.labels) != 0 {
		t.Errorf("edits = %v, want none", e.labels)
	}
	if !reflect.DeepEqual(c.Blocks, before.Blocks) {
		t.Error("the canvas changed")
	}
	if b.drag.overlay.ghost.Visible() || cardOf(t, b, "n30").Lifted {
		t.Error("the drag left its ghost or a lifted card behind")
	}
}

func TestBoardDropAfterLayoutChange(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	kp := blockGeomOf(t, b, "key_partners")
	to := kp.content.AddXY(kp.view.Width/2, kp.view.Height-5)

	// The backstage hidden with the mouse button held over Key Partners:
	// the drop is cancelled rather than landing in a hidden block.
	dragCard(t, b, "n1", to, func() {
		if b.drag.note == nil || b.drag.note.target != "key_partners" {
			t.Fatalf("drag target = %+v, want key_partners", b.drag.note)
		}
		b.SetBackstageShown(false)
	})
	if !reflect.DeepEqual(e.labels, []string{"Hide backstage"}) {
		t.Errorf("edits = %v, want only [Hide backstage]", e.labels)
	}
	if block, _, _ := c.Find("n1"); block != "customer_segments" {
		t.Errorf("n1 went to %s", block)
	}
	if b.drag.note != nil || b.drag.overlay.ghost.Visible() || b.drag.overlay.bar.Visible() {
		t.Error("the drag left its ghost or drop bar behind")
	}
	b.anim = nil // as if the animation had finished
	b.cache.dirty = true
	b.redraw()
	if b.blocks["key_partners"].state.target {
		t.Error("Key Partners still highlighted as the drop target")
	}

	// The layout changes under a drag whose target stays in view: the
	// note lands there, at an index clamped to the block.
	b.SetBackstageShown(true)
	b.anim = nil
	b.cache.dirty = true
	b.redraw()
	kp = blockGeomOf(t, b, "key_partners")
	to = kp.content.AddXY(kp.view.Width/2, kp.view.Height-5)
	dragCard(t, b, "n1", to, func() {
		b.drag.note.index = 99 // as if counted in a layout with more notes
		b.SetCanvas(c)
	})
	if got, want := ids(c, "key_partners"), []string{"n30", "n31", "n32", "n1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("key_partners = %v, want %v", got, want)
	}
	if got := e.labels[len(e.labels)-1]; got != "Move note" {
		t.Errorf("last edit = %q, want Move note", got)
	}
}

func TestBoardDragMovesOnlyGhostAndBar(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	recordEdits(b)
	vp := blockGeomOf(t, b, "value_propositions")
	layouts := 0
	viewOf(b).onLayout = func() {
		if b.drag.note != nil {
			layouts++
		}
	}
	card := cardOf(t, b, "n30")
	origin := card.Position()
	var ghostAt []fyne.Position
	dragCard(t, b, "n30", vp.content.AddXY(10, 10), func() {
		if layouts != 0 {
			t.Errorf("the board was laid out %d times during the drag, want 0", layouts)
		}
		if !b.drag.overlay.ghost.Visible() || !b.drag.overlay.bar.Visible() {
			t.Error("ghost or drop bar hidden during the drag")
		}
		if !card.Lifted {
			t.Error("the dragged card is not shown lifted")
		}
		if !b.blocks["value_propositions"].state.target {
			t.Error("the target block is not highlighted")
		}
		ghostAt = append(ghostAt, b.drag.overlay.ghost.Position())
	})
	// The ghost keeps the grab offset: pointer minus card centre.
	want := vp.content.AddXY(10, 10).SubtractXY(card.Size().Width/2, card.Size().Height/2)
	if got := ghostAt[0]; !near(got, want) {
		t.Errorf("ghost at %v, want %v (card was at %v)", got, want, origin)
	}
}

func near(a, b fyne.Position) bool {
	d := a.Subtract(b)
	return d.X > -0.5 && d.X < 0.5 && d.Y > -0.5 && d.Y < 0.5
}

func TestBoardDropIndicator(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	recordEdits(b)
	kr := blockGeomOf(t, b, "key_resources")
	// Between n23 and n24 in the first row: a vertical bar in the gap.
	dragCard(t, b, "n30", kr.cardPos(1).AddXY(2, 10), func() {
		bar := b.drag.overlay.bar
		x := kr.cardPos(1).X - kr.gap/2
		if bar.Size().Height <= bar.Size().Width || bar.Position().X > x || bar.Position().X+bar.Size().Width < x {
			t.Errorf("bar at %v size %v, want a vertical bar across x=%v", bar.Position(), bar.Size(), x)
		}
	})
	if got, want := ids(c, "key_resources"), []string{"n23", "n30", "n24", "n25", "n26"}; !reflect.DeepEqual(got, want) {
		t.Errorf("key_resources = %v, want %v", got, want)
	}
}

func TestBoardAddNote(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	e := recordEdits(b)

	b.AddNote("key_partners")
	// The new note shows, open for editing, but is not in the canvas
	// until it has text.
	if got := len(c.Blocks["key_partners"]); got != 3 || len(e.labels) != 0 {
		t.Fatalf("key_partners has %d notes and edits %v before the new note has text", got, e.labels)
	}
	if b.edit.note == "" || !b.edit.editor.Visible() || w.Canvas().Focused() != b.edit.editor {
		t.Fatalf("the new note is not open for editing (editing %q)", b.edit.note)
	}
	if g := blockGeomOf(t, b, "key_partners"); g.count != 4 {
		t.Errorf("the board shows %d cards in key_partners, want 4 with the new one", g.count)
	}
	test.Type(b.edit.editor, "Flour mill")
	b.edit.editor.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if got := c.Blocks["key_partners"]; len(got) != 4 || got[3].Text != "Flour mill" {
		t.Fatalf("key_partners = %v, want a fourth note, Flour mill", got)
	}
	if b.Selected() != c.Blocks["key_partners"][3].ID {
		t.Errorf("selected %q, want the new note", b.Selected())
	}
	if b.edit.editor.Visible() || w.Canvas().Focused() != b {
		t.Error("after Ctrl+Enter the editor is still shown or the board lost the focus")
	}
	if !reflect.DeepEqual(e.labels, []string{"Add note"}) {
		t.Errorf("edits = %v, want one Add note", e.labels)
	}
}

// A new note committed empty (Ctrl+Enter, Tab or clicking away, with or
// without blank space typed) never was: no edit, no note, nothing to undo.
func TestBoardAddNoteCommittedEmptyNeverWas(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	before := c.Clone()
	for _, commit := range []func(){
		func() {
			b.edit.editor.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
		},
		func() { b.edit.editor.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab}) },
		func() { w.Canvas().Focus(b) },
		func() { b.CommitEdit() },
	} {
		b.AddNote("channels")
		test.Type(b.edit.editor, "  \n ")
		commit()
		if !reflect.DeepEqual(c, before) || len(e.labels) != 0 {
			t.Fatalf("after committing an empty new note: edits %v, channels %v", e.labels, ids(c, "channels"))
		}
		if g := blockGeomOf(t, b, "channels"); g.count != 4 || b.edit.note != "" {
			t.Fatalf("the board still shows the empty note (%d cards, editing %q)", g.count, b.edit.note)
		}
	}
}

func TestBoardAddNoteCancelledGoesAway(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	b.AddNote("channels")
	b.edit.editor.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if got := len(c.Blocks["channels"]); got != 4 || blockGeomOf(t, b, "channels").count != 4 {
		t.Errorf("channels has %d notes after a cancelled add, want 4", got)
	}
	if len(e.labels) != 0 {
		t.Errorf("edits = %v, want none", e.labels)
	}
	if w.Canvas().Focused() != b {
		t.Error("Escape did not give the focus back to the board")
	}
}

func TestBoardAddByMouseAndKeys(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	count := func() int { return len(c.Blocks["key_resources"]) }

	test.Tap(b.blocks["key_resources"].add) // the "+" button
	if b.edit.note == "" {
		t.Fatalf("the + button did not open a new note (%d notes)", count())
	}
	test.Type(b.edit.editor, "Bread slicer")
	w.Canvas().Focus(b) // clicking away commits
	b.blocks["key_resources"].DoubleTapped(&fyne.PointEvent{})
	test.Type(b.edit.editor, "Second oven")
	b.edit.editor.FocusLost()
	b.Select("n23")
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyInsert})
	test.Type(b.edit.editor, "Delivery bike")
	b.edit.editor.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnter, Modifier: fyne.KeyModifierControl})
	b.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	test.Type(b.edit.editor, "Recipe book")
	b.edit.editor.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})

	var texts []string
	for _, n := range c.Blocks["key_resources"][4:] {
		texts = append(texts, n.Text)
	}
	if want := []string{"Bread slicer", "Second oven", "Delivery bike", "Recipe book"}; !reflect.DeepEqual(texts, want) {
		t.Errorf("added %q, want %q", texts, want)
	}
	if got := strings.Count(strings.Join(e.labels, ","), "Add note"); got != 4 {
		t.Errorf("edits = %v, want four adds", e.labels)
	}
}

func TestBoardEditNote(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	e := recordEdits(b)

	cardOf(t, b, "n31").DoubleTapped(&fyne.PointEvent{})
	if b.edit.note != "n31" || b.edit.editor.Text != "Dairy co-op for butter, milk and eggs" {
		t.Fatalf("double tap opened %q with %q", b.edit.note, b.edit.editor.Text)
	}
	if b.drag.overlay.ring.Visible() {
		t.Error("the selection ring shows over the editor")
	}
	test.Type(b.edit.editor, " and cream")
	b.edit.editor.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n, _ := c.Note("n31"); n.Text != "Dairy co-op for butter, milk and eggs" || len(e.labels) != 0 {
		t.Errorf("Escape kept the edit: %q, edits %v", n.Text, e.labels)
	}

	b.Select("n31")
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	b.edit.editor.SetText("Dairy co-op\nbutter, milk, eggs  ")
	w.Canvas().Focus(b) // focus loss commits
	if n, _ := c.Note("n31"); n.Text != "Dairy co-op\nbutter, milk, eggs" {
		t.Errorf("text = %q after commit", n.Text)
	}
	if !reflect.DeepEqual(e.labels, []string{"Edit note"}) {
		t.Errorf("edits = %v, want [Edit note]", e.labels)
	}

	// Committing the same text records nothing.
	b.EditSelected()
	b.edit.editor.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if len(e.labels) != 1 {
		t.Errorf("an unchanged commit was recorded: %v", e.labels)
	}
}

func TestBoardCommitWithoutTypingKeepsNote(t *testing.T) {
	c := example(t, "bakery")
	for id, text := range map[string]string{"n31": "a\n", "n32": "  two spaces", "n30": "\n"} {
		if err := c.SetText(id, text); err != nil {
			t.Fatal(err)
		}
	}
	b, w := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	for _, id := range []string{"n31", "n32", "n30"} {
		before, _ := c.Note(id)
		b.Select(id)
		b.EditSelected()
		w.Canvas().Focus(b) // clicking away commits
		b.EditSelected()
		b.CommitEdit()
		b.EditSelected()
		b.edit.editor.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
		if n, _ := c.Note(id); n.Text != before.Text {
			t.Errorf("%s: text %q, was %q", id, n.Text, before.Text)
		}
	}
	// Blank space typed at the end goes; the note's own stays.
	b.Select("n31")
	b.EditSelected()
	test.Type(b.edit.editor, "  ")
	b.CommitEdit()
	if n, _ := c.Note("n31"); n.Text != "a\n" {
		t.Errorf("n31 = %q after typing spaces, want %q", n.Text, "a\n")
	}
	if len(e.labels) != 0 {
		t.Errorf("edits = %v, want none", e.labels)
	}
	// A real edit keeps the untouched leading spaces.
	b.Select("n32")
	b.EditSelected()
	test.Type(b.edit.editor, "!")
	b.CommitEdit()
	if n, _ := c.Note("n32"); n.Text != "  two spaces!" || !reflect.DeepEqual(e.labels, []string{"Edit note"}) {
		t.Errorf("n32 = %q, edits %v", n.Text, e.labels)
	}
}

func TestTrimAdded(t *testing.T) {
	for _, tc := range []struct{ text, before, want string }{
		{"a\n", "a\n", "a\n"},
		{"a\n  ", "a\n", "a\n"},
		{"a\nb", "a\n", "a\nb"},
		{"  two spaces", "  two spaces", "  two spaces"},
		{"   two spaces", "  two spaces", "  two spaces"},
		{" two spaces", "  two spaces", " two spaces"},
		{"hello  \n", "", "hello"},
		{"\n hello", "", "hello"},
		{" \n ", "a", ""},
		{"x", "\n", "x"},
		{"x\u2003", "y\u2002", "x"},
	} {
		if got := trimAdded(tc.text, tc.before); got != tc.want {
			t.Errorf("trimAdded(%q, %q) = %q, want %q", tc.text, tc.before, got, tc.want)
		}
	}
}

func TestBoardDeleteNote(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	b.Select("n31")
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if got, want := ids(c, "key_partners"), []string{"n30", "n32"}; !reflect.DeepEqual(got, want) {
		t.Errorf("key_partners = %v, want %v", got, want)
	}
	if b.Selected() != "n32" {
		t.Errorf("selected %q after delete, want the next note n32", b.Selected())
	}
	b.DeleteSelected()
	if b.Selected() != "n30" {
		t.Errorf("selected %q after deleting the last note, want n30", b.Selected())
	}
	if !reflect.DeepEqual(e.labels, []string{"Delete note", "Delete note"}) {
		t.Errorf("edits = %v", e.labels)
	}
}

// menuItem finds a menu item by label.
func menuItem(t *testing.T, m *fyne.Menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range m.Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("menu has no %q item", label)
	return nil
}

func TestBoardContextMenu(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	linked := ""
	b.ContextMenuExtra = func(id string) []*fyne.MenuItem {
		return []*fyne.MenuItem{fyne.NewMenuItem("Link to segment…", func() { linked = id })}
	}

	test.TapSecondary(cardOf(t, b, "n27"))
	if b.Selected() != "n27" {
		t.Errorf("secondary tap selected %q", b.Selected())
	}
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil || !strings.Contains(test.RenderObjectToMarkup(overlay), "Recolour") && !strings.Contains(test.RenderObjectToMarkup(overlay), "Colour") {
		t.Fatal("no context menu shown")
	}
	w.Canvas().Overlays().Remove(overlay)

	m := b.noteMenu("n27")
	var labels []string
	for _, it := range m.Items {
		labels = append(labels, it.Label)
	}
	if want := []string{"Edit", "Delete", "", "Colour", "", "Link to segment…"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("menu = %q, want %q", labels, want)
	}
	colours := menuItem(t, m, "Colour").ChildMenu
	if len(colours.Items) != len(bmc.Palette) || !menuItem(t, colours, "Yellow").Checked {
		t.Errorf("colour menu wrong: %d items, yellow checked %v", len(colours.Items), menuItem(t, colours, "Yellow").Checked)
	}
	menuItem(t, colours, "Green").Action()
	if n, _ := c.Note("n27"); n.Color != bmc.Green {
		t.Errorf("colour = %s, want green", n.Color)
	}
	menuItem(t, m, "Link to segment…").Action()
	if linked != "n27" {
		t.Errorf("extra item ran for %q", linked)
	}
	menuItem(t, m, "Edit").Action()
	if b.edit.note != "n27" {
		t.Error("Edit did not open the editor")
	}
	b.edit.editor.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	menuItem(t, m, "Delete").Action()
	if _, ok := c.Note("n27"); ok {
		t.Error("Delete did not delete")
	}
	if !reflect.DeepEqual(e.labels, []string{"Recolour note", "Delete note"}) {
		t.Errorf("edits = %v", e.labels)
	}
}

func TestBoardRecolourByDigit(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	b.Select("n23")
	b.TypedRune('5') // blue
	if n, _ := c.Note("n23"); n.Color != bmc.Blue {
		t.Errorf("colour = %s, want blue", n.Color)
	}
	b.TypedRune('5') // already blue: nothing to record
	b.TypedRune('9') // no such colour
	if !reflect.DeepEqual(e.labels, []string{"Recolour note"}) {
		t.Errorf("edits = %v", e.labels)
	}
}

func TestBoardKeyboardNavigation(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	var selections []string
	b.OnSelect = func(id string) { selections = append(selections, id) }
	w.Canvas().Focus(b)
	key := func(k fyne.KeyName) { b.TypedKey(&fyne.KeyEvent{Name: k}) }

	key(fyne.KeyTab)
	if b.Selected() != "n30" {
		t.Fatalf("Tab from nothing selected %q, want the first note n30", b.Selected())
	}
	key(fyne.KeyTab)
	if b.Selected() != "n31" {
		t.Errorf("Tab selected %q, want n31", b.Selected())
	}
	b.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(fyne.KeyTab)
	b.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if b.Selected() != "n30" {
		t.Errorf("Shift+Tab selected %q, want n30", b.Selected())
	}

	// Key Partners: n30 n31 / n32. Key Activities: n27 n28 / n29.
	// Key Resources: n23 n24 / n25 n26.
	for _, step := range []struct {
		key  fyne.KeyName
		want string
	}{
		{fyne.KeyRight, "n31"}, // next card in the row
		{fyne.KeyRight, "n27"}, // over the edge into Key Activities, first column
		{fyne.KeyDown, "n29"},  // next row
		{fyne.KeyDown, "n23"},  // over the edge into Key Resources
		{fyne.KeyRight, "n24"},
		{fyne.KeyRight, "n9"}, // into Value Propositions, the row at the height of n24
		{fyne.KeyLeft, "n29"}, // back to the left at n9's height: Key Activities, its last note
		{fyne.KeyUp, "n27"},   // n29 is under n27
		{fyne.KeyLeft, "n31"}, // into Key Partners, last column of the top row
		{fyne.KeyDown, "n32"}, // the partial last row
		{fyne.KeyDown, "n33"}, // down into Cost Structure
		{fyne.KeyRight, "n34"},
		{fyne.KeyUp, "n32"},  // up into Key Partners, which lies above n34
		{fyne.KeyEscape, ""}, // clears the selection
	} {
		key(step.key)
		if b.Selected() != step.want {
			t.Fatalf("%s selected %q, want %q", step.key, b.Selected(), step.want)
		}
	}
	if selections[0] != "n30" || selections[len(selections)-1] != "" {
		t.Errorf("OnSelect calls = %v", selections)
	}
	if b.drag.overlay.ring.Visible() {
		t.Error("selection ring shown without a selection")
	}
}

func TestBoardKeyboardReachesEmptyBlocks(t *testing.T) {
	c, _ := bmc.New("business-model-canvas")
	if _, err := c.AddNote("value_propositions", -1, bmc.Note{Text: "only note"}); err != nil {
		t.Fatal(err)
	}
	b, w := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	w.Canvas().Focus(b)
	b.Select("n1")
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if b.Selected() != "" || b.sel.block != "customer_relationships" {
		t.Fatalf("Right from VP: selected %q, block %q; want the empty Customer Relationships", b.Selected(), b.sel.block)
	}
	if !b.blocks["customer_relationships"].state.focused {
		t.Error("the focused empty block shows no focus ring")
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter on an empty block adds a note
	test.Type(b.edit.editor, "Self-service")
	b.edit.editor.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	if got := c.Blocks["customer_relationships"]; len(got) != 1 || got[0].Text != "Self-service" {
		t.Errorf("customer_relationships = %v", got)
	}
	if !reflect.DeepEqual(e.labels, []string{"Add note"}) {
		t.Errorf("edits = %v", e.labels)
	}
}

func TestBoardTabLeavesAfterLastStop(t *testing.T) {
	test.NewTempApp(t)
	c, _ := bmc.New("lean")
	b := NewBoard(c)
	other := widget.NewEntry()
	w := test.NewTempWindow(t, container.NewBorder(nil, other, nil, nil, b))
	w.Resize(boardSize)
	w.Canvas().Focus(b)
	stops := len(b.stops())
	for i := 0; i < stops; i++ {
		b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	}
	if w.Canvas().Focused() != b {
		t.Fatal("focus left the board too early")
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if w.Canvas().Focused() != other {
		t.Errorf("Tab after the last stop focused %T, want the entry after the board", w.Canvas().Focused())
	}
}

func TestBoardCtrlArrowMoves(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	w.Canvas().Focus(b)
	ctrl := func(k fyne.KeyName) {
		b.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierControl})
	}
	b.Select("n30")
	ctrl(fyne.KeyRight) // swap places with n31
	if got, want := ids(c, "key_partners"), []string{"n31", "n30", "n32"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after Ctrl+Right: %v, want %v", got, want)
	}
	ctrl(fyne.KeyRight) // over the edge: first in the top row of Key Activities
	if got, want := ids(c, "key_activities"), []string{"n30", "n27", "n28", "n29"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after the second Ctrl+Right: %v, want %v", got, want)
	}
	ctrl(fyne.KeyDown) // under n28... the next row
	if got, want := ids(c, "key_activities"), []string{"n27", "n28", "n30", "n29"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after Ctrl+Down: %v, want %v", got, want)
	}
	ctrl(fyne.KeyLeft) // first column: over the edge into Key Partners, after the nearest
	if got, want := ids(c, "key_partners"), []string{"n31", "n32", "n30"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after Ctrl+Left: %v, want %v", got, want)
	}
	if b.Selected() != "n30" {
		t.Errorf("the moved note lost the selection: %q", b.Selected())
	}
	for _, l := range e.labels {
		if l != "Move note" {
			t.Errorf("edit %q, want only moves", l)
		}
	}
	if len(e.labels) != 4 {
		t.Errorf("%d edits, want 4", len(e.labels))
	}
}

func TestBoardShortcutsReachTheCanvas(t *testing.T) {
	b, w := newTestBoard(t, example(t, "bakery"), boardSize)
	saved := false
	save := &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierControl}
	w.Canvas().AddShortcut(save, func(fyne.Shortcut) { saved = true })
	w.Canvas().Focus(b)
	b.TypedShortcut(save)
	if !saved {
		t.Error("a window shortcut did not fire while the board had the focus")
	}
}

func TestBoardBackstageToggle(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	vpBefore := *blockGeomOf(t, b, "value_propositions")
	b.Select("n30")

	b.SetBackstageShown(false)
	if c.BackstageShown() {
		t.Fatal("backstage still shown in the canvas")
	}
	for _, id := range []string{"key_partners", "key_activities", "key_resources", "cost_structure"} {
		if b.blocks[id].Visible() {
			t.Errorf("%s still visible", id)
		}
	}
	for _, id := range []string{"value_propositions", "customer_relationships", "channels", "customer_segments", "revenue_streams"} {
		if !b.blocks[id].Visible() {
			t.Errorf("%s hidden", id)
		}
	}
	vp := blockGeomOf(t, b, "value_propositions")
	if vp.size.Width <= vpBefore.size.Width*1.4 {
		t.Errorf("Value Propositions is %v wide, was %v: want it much wider", vp.size.Width, vpBefore.size.Width)
	}
	if rs := blockGeomOf(t, b, "revenue_streams"); rs.size.Width < boardSize.Width*0.9 {
		t.Errorf("Revenue Streams is %v wide, want nearly the whole board", rs.size.Width)
	}
	if !viewOf(b).curtain.Visible() || viewOf(b).curtain.Size().Width == 0 {
		t.Error("no curtain strip")
	}
	if _, ok := viewOf(b).shownAt["n30"]; ok || b.Selected() != "" {
		t.Error("a backstage note is still shown or selected")
	}

	test.Tap(viewOf(b).curtain)
	if !c.BackstageShown() || !b.blocks["key_partners"].Visible() || viewOf(b).curtain.Visible() {
		t.Error("the curtain did not reveal the backstage")
	}
	if got := blockGeomOf(t, b, "value_propositions"); got.size != vpBefore.size || got.pos != vpBefore.pos {
		t.Errorf("Value Propositions back at %v %v, want %v %v", got.pos, got.size, vpBefore.pos, vpBefore.size)
	}
	b.SetBackstageShown(true) // already shown: nothing to do
	if !reflect.DeepEqual(e.labels, []string{"Hide backstage", "Show backstage"}) {
		t.Errorf("edits = %v", e.labels)
	}
}

func TestBoardBackstageToggleWithoutBackstage(t *testing.T) {
	c := example(t, "startup") // a Lean Canvas
	b, _ := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	b.SetBackstageShown(false)
	if len(e.labels) != 0 || !c.BackstageShown() || viewOf(b).curtain.Visible() {
		t.Errorf("a template without backstage was changed: edits %v", e.labels)
	}
}

func TestBoardBackstageAnimates(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	shown := placesOf(c.Template().Layout(true))
	hidden := placesOf(c.Template().Layout(false))
	vpWidth := func(ps []place) float32 {
		for _, p := range ps {
			if p.block.ID == "value_propositions" {
				return p.w
			}
		}
		return -1
	}
	mid := tween(shown, hidden, 0.5)
	if w := vpWidth(mid); w <= vpWidth(shown) || w >= vpWidth(hidden) {
		t.Errorf("half-way width %v not between %v and %v", w, vpWidth(shown), vpWidth(hidden))
	}
	leaving := 0
	for _, p := range mid {
		if p.leaving {
			leaving++
			if p.w <= 0 || p.x < 0 {
				t.Errorf("%s half-way at x=%v w=%v", p.block.ID, p.x, p.w)
			}
		}
	}
	if leaving != 4 {
		t.Errorf("%d blocks leaving, want 4", leaving)
	}

	// Stop the board half-way through hiding: the backstage blocks are
	// still drawn, narrower, and the curtain is half open.
	b.SetBackstageShown(false)
	b.anim = &boardAnim{from: shown, to: hidden, curtainTo: 1, f: 0.5, anim: fyne.NewAnimation(0, func(float32) {})}
	b.cache.dirty = true
	b.redraw()
	if !b.blocks["key_partners"].Visible() {
		t.Error("Key Partners is not drawn half-way through the animation")
	}
	if w := viewOf(b).curtain.Size().Width; w <= 0 || w >= b.geometry().size.Width {
		t.Errorf("curtain %v wide half-way", w)
	}
	b.anim = nil
	b.cache.dirty = true
	b.redraw()
	if b.blocks["key_partners"].Visible() {
		t.Error("Key Partners still drawn after the animation")
	}
}

func TestBoardSetCanvasKeepsSelection(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	var selections []string
	b.OnSelect = func(id string) { selections = append(selections, id) }
	b.Select("n23")
	b.SetCanvas(c.Clone())
	if b.Selected() != "n23" {
		t.Errorf("selection %q after SetCanvas with the note, want n23", b.Selected())
	}
	d := c.Clone()
	if err := d.DeleteNote("n23"); err != nil {
		t.Fatal(err)
	}
	b.SetCanvas(d)
	if b.Selected() != "" || b.Canvas() != d {
		t.Errorf("selection %q after SetCanvas without the note", b.Selected())
	}
	if !reflect.DeepEqual(selections, []string{"n23", ""}) {
		t.Errorf("OnSelect calls = %v", selections)
	}
	b.SetCanvas(example(t, "startup")) // another template altogether
	if _, ok := b.blocks["problem"]; !ok || b.blocks["problem"].Spec.Title != "Problem" {
		t.Error("the Lean Canvas blocks were not built")
	}
	b.SetCanvas(nil)
	b.Select("n1")
	b.AddNote("problem")
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	b.Refresh()
}

func TestBoardWithoutOnEdit(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	b.Select("n30")
	b.DeleteSelected()
	if _, ok := c.Note("n30"); ok {
		t.Error("the board did not apply its own change")
	}
	if _, ok := viewOf(b).shownAt["n30"]; ok {
		t.Error("the deleted note is still drawn")
	}
}

func TestBoardReportsErrors(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	var got []error
	b.OnError = func(err error) { got = append(got, err) }
	b.OnEdit = func(string, func(*bmc.Canvas) error) error { return errors.New("disk on fire") }
	b.Select("n30")
	b.DeleteSelected()
	b.AddNote("no_such_block")
	if len(got) != 2 || got[0].Error() != "disk on fire" || !strings.Contains(got[1].Error(), "no_such_block") {
		t.Errorf("errors = %v", got)
	}
	if b.edit.note != "" {
		t.Error("a failed add opened the editor")
	}
	b.OnEdit = nil
	if err := c.SetBackstageShown(false); err != nil {
		t.Fatal(err)
	}
	b.Refresh()
	b.AddNote("key_partners")
	if len(got) != 3 || !strings.Contains(got[2].Error(), "backstage") {
		t.Errorf("adding to a hidden block: errors = %v", got)
	}
}

func TestBoardScrollsLongBlocks(t *testing.T) {
	c, _ := bmc.New("business-model-canvas")
	for i := 0; i < 60; i++ {
		if _, err := c.AddNote("channels", -1, bmc.Note{Text: "note"}); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := newTestBoard(t, c, boardSize)
	w := b.blocks["channels"]
	g := blockGeomOf(t, b, "channels")
	from, to := g.visible()
	if from != 0 || w.state.above != 0 || w.state.below != 60-to || w.state.below == 0 {
		t.Fatalf("above %d, below %d with notes %d…%d in view", w.state.above, w.state.below, from, to)
	}
	if g.text != g2text(b) {
		t.Errorf("a crowded block's text is %v, want the floor %v", g.text, g2text(b))
	}
	if len(viewOf(b).shownAt) != to-from {
		t.Errorf("%d cards laid out, want only the %d in view", len(viewOf(b).shownAt), to-from)
	}
	w.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -25)}) // one wheel notch down
	if g2 := blockGeomOf(t, b, "channels"); g2.first != 1 {
		t.Errorf("first row %d after a notch, want 1", g2.first)
	}
	if w.state.above != g.cols {
		t.Errorf("%d notes above after scrolling a row of %d", w.state.above, g.cols)
	}
	last := c.Blocks["channels"][59].ID
	b.Select(last)
	if _, ok := viewOf(b).shownAt[last]; !ok {
		t.Error("Select did not scroll the last note into view")
	}
	// At the end, nothing is below: the indicator says only what is above.
	if w.state.below != 0 || w.state.above == 0 {
		t.Errorf("scrolled to the end: above %d, below %d", w.state.above, w.state.below)
	}
	if w.state.viewTop == 0 || w.state.viewTop+w.state.viewH > w.state.total+0.01 {
		t.Errorf("scroll thumb: %v+%v of %v", w.state.viewTop, w.state.viewH, w.state.total)
	}
	for i := 0; i < 50; i++ {
		w.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 25)})
	}
	if g3 := blockGeomOf(t, b, "channels"); g3.first != 0 {
		t.Errorf("first row %d after scrolling far up, want 0", g3.first)
	}
	// With a filter, the indicator counts the matches out of view.
	match := map[string]bool{last: true}
	b.SetFilter(match)
	if w.state.belowMatch != 1 || w.state.aboveMatch != 0 {
		t.Errorf("filter: %d found above, %d below; want 0 and 1", w.state.aboveMatch, w.state.belowMatch)
	}
}

// g2text is the note text floor of a board at its zoom.
func g2text(b *Board) float32 { return b.geometry().m.noteFloor }

func TestBlockShowsHintAndHelp(t *testing.T) {
	c, _ := bmc.New("business-model-canvas")
	b, w := newTestBoard(t, c, boardSize)
	blk := b.blocks["key_partners"]
	if !blk.state.empty {
		t.Error("an empty block is not marked empty")
	}
	test.Tap(blk.help)
	pop, ok := w.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		t.Fatalf("no help pop-up, overlay is %T", w.Canvas().Overlays().Top())
	}
	md := test.RenderObjectToMarkup(pop.Content)
	for _, want := range append([]string{blk.Spec.Question}, blk.Spec.Prompts...) {
		if !strings.Contains(md, strings.Fields(want)[0]) {
			t.Errorf("help lacks %q", want)
		}
	}
}

func TestBoardEditorTabAndCommitEdit(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	e := recordEdits(b)
	b.Select("n25")
	b.EditSelected()
	if !b.edit.editor.AcceptsTab() {
		t.Error("Tab would leave the editor without the board")
	}
	test.Type(b.edit.editor, "!")
	b.edit.editor.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if n, _ := c.Note("n25"); n.Text != "Two trained bakers + Ana!" || w.Canvas().Focused() != b {
		t.Errorf("Tab: text %q, focus %T", n.Text, w.Canvas().Focused())
	}
	b.EditSelected()
	test.Type(b.edit.editor, "?")
	b.CommitEdit()
	if n, _ := c.Note("n25"); n.Text != "Two trained bakers + Ana!?" || b.edit.note != "" || b.edit.editor.Visible() {
		t.Errorf("CommitEdit: text %q, editing %q", n.Text, b.edit.note)
	}
	b.CommitEdit() // nothing open: nothing happens
	if len(e.labels) != 2 {
		t.Errorf("edits = %v", e.labels)
	}
}

func TestBoardKeysFromAFocusedBlock(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	b.blocks["channels"].Tapped(&fyne.PointEvent{}) // a tap on empty space in Channels
	if w.Canvas().Focused() != b || b.Selected() != "" || b.sel.block != "channels" {
		t.Fatalf("tap on a block: focus %T, selected %q, block %q", w.Canvas().Focused(), b.Selected(), b.sel.block)
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if b.Selected() != "n10" {
		t.Errorf("Tab from the Channels block selected %q, want its first note n10", b.Selected())
	}
	b.pressBlock("channels")
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if b.Selected() != "n10" {
		t.Errorf("Down from the Channels block selected %q, want n10", b.Selected())
	}
	b.pressBlock("channels")
	b.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftRight})
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if b.Selected() != "n17" {
		t.Errorf("Shift+Tab from the Channels block selected %q, want n17, the last note of the block before", b.Selected())
	}
}

// TestBoardChangesOnlyThroughOnEdit runs every kind of change and checks
// that each arrives at OnEdit with its label, and that the canvas never
// changes between OnEdit calls.
func TestBoardChangesOnlyThroughOnEdit(t *testing.T) {
	c := example(t, "bakery")
	b, w := newTestBoard(t, c, boardSize)
	var labels []string
	snapshot := c.Clone()
	check := func(when string) {
		t.Helper()
		if !reflect.DeepEqual(snapshot.Blocks, c.Blocks) || snapshot.View != c.View {
			t.Fatalf("the canvas changed outside OnEdit %s", when)
		}
	}
	b.OnEdit = func(label string, op func(*bmc.Canvas) error) error {
		check("before " + label)
		labels = append(labels, label)
		err := op(c)
		snapshot = c.Clone()
		b.Refresh()
		return err
	}
	w.Canvas().Focus(b)
	b.AddNote("key_resources")
	test.Type(b.edit.editor, "Van")
	b.edit.editor.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	b.Select("n23")
	b.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierControl})
	b.TypedRune('3')
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	kr := blockGeomOf(t, b, "key_resources")
	dragCard(t, b, "n24", kr.content.AddXY(kr.view.Width-2, kr.view.Height-2), nil)
	dragDot(t, b, "n1", middle(t, b, "n13"), nil)
	b.SetBackstageShown(false)
	test.Tap(viewOf(b).curtain)
	check("at the end")
	want := []string{"Add note", "Move note", "Recolour note", "Delete note", "Move note", "Link to segment",
		"Hide backstage", "Show backstage"}
	if !reflect.DeepEqual(labels, want) {
		t.Errorf("labels = %q\nwant     %q", labels, want)
	}
}

// Dragging a note to the top or bottom edge of a block that scrolls
// scrolls it, so that the note can be dropped among notes out of view.
func TestBoardDragScrollsAtTheEdge(t *testing.T) {
	c := example(t, "bakery")
	for i := 0; i < 60; i++ {
		if _, err := c.AddNote("channels", -1, bmc.Note{Text: "note"}); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := newTestBoard(t, c, boardSize)
	recordEdits(b)
	ch := blockGeomOf(t, b, "channels")
	if !ch.scrolls || ch.first != 0 {
		t.Fatalf("channels: scrolls %v, first row %d", ch.scrolls, ch.first)
	}
	bottom := ch.content.AddXY(ch.view.Width/2, ch.view.Height-4)
	dragCard(t, b, "n30", bottom, func() {
		if g := blockGeomOf(t, b, "channels"); g.first != 1 {
			t.Errorf("first row %d with the note at the bottom edge, want 1", g.first)
		}
		if b.drag.edge == nil {
			t.Error("no timer to go on scrolling while the note stays at the edge")
		}
	})
	if b.drag.edge != nil {
		t.Error("the edge timer runs on after the drop")
	}
	if block, _, _ := c.Find("n30"); block != "channels" {
		t.Fatalf("n30 dropped in %s", block)
	}
	if _, ok := viewOf(b).shownAt["n30"]; !ok {
		t.Error("the dropped note is not in view")
	}
	// At the top edge it scrolls back.
	g := blockGeomOf(t, b, "channels")
	first := g.first
	top := g.content.AddXY(g.view.Width/2, 4)
	dragCard(t, b, "n31", top, func() {
		if g := blockGeomOf(t, b, "channels"); g.first != first-1 {
			t.Errorf("first row %d with the note at the top edge, want %d", g.first, first-1)
		}
	})
}

func TestBoardZoom(t *testing.T) {
	c := example(t, "bakery")
	b, _ := newTestBoard(t, c, boardSize)
	base := blockGeomOf(t, b, "key_partners").text
	b.ZoomIn()
	if z := b.Zoom(); z.Fit || z.Factor != 1.1 {
		t.Errorf("ZoomIn gave %+v", z)
	}
	if got := blockGeomOf(t, b, "key_partners").text; got <= base {
		t.Errorf("zoomed in, text %v, was %v", got, base)
	}
	for range 20 {
		b.ZoomOut()
	}
	if z := b.Zoom(); z.Factor != zoomSteps[0] {
		t.Errorf("zoomed out as far as it goes: %+v", z)
	}
	b.SetZoom(Zoom{Factor: 9})
	if z := b.Zoom(); z.Factor != zoomSteps[len(zoomSteps)-1] {
		t.Errorf("SetZoom(9) gave %+v", z)
	}
	// Fit shows every note of the bakery, larger than 100% on this board.
	b.SetZoom(Zoom{Fit: true})
	if f := b.ZoomFactor(); f <= 1 || len(b.Hidden()) != 0 {
		t.Errorf("fit chose %v and hides %v", f, b.Hidden())
	}
	// Ctrl and the wheel zoom, and tell OnZoom.
	old := ctrlHeld
	ctrlHeld = func() bool { return true }
	defer func() { ctrlHeld = old }()
	var told []Zoom
	b.OnZoom = func(z Zoom) { told = append(told, z) }
	b.SetZoom(Zoom{Factor: 1})
	b.blocks["channels"].Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 10)})
	if len(told) != 1 || told[0].Factor != 1.1 {
		t.Errorf("Ctrl+wheel told %v", told)
	}
}
