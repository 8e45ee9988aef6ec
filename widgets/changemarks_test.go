package widgets

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/textlayout"
)

// bakeryCompared returns the bakery example, a newer version of it with
// one change of each kind the board marks, and the marks of the newer
// version.
func bakeryCompared(t testing.TB) (old, new *bmc.Canvas, marks *bmc.Marks) {
	t.Helper()
	old = example(t, "bakery")
	new = old.Clone()
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := new.AddNote("channels", -1, bmc.Note{ID: "n90", Text: "Market stall on Saturdays", Segments: []string{"n2"}})
	check(err)
	check(new.DeleteNote("n11"))
	check(new.DeleteNote("n24"))
	check(new.MoveNote("n32", "channels", 0))
	check(new.SetText("n9", "Pâtisserie like in Lyon"))
	check(new.SetColor("n9", bmc.Blue))
	n, _ := new.Note("n17")
	n.Status = bmc.StatusValidated
	check(new.UpdateNote(n))
	return old, new, bmc.NoteMarks(bmc.Compare(old, new))
}

func TestLayoutCardWithChange(t *testing.T) {
	text := textlayout.Prepare("Pâtisserie like in Lyon")
	plain := layoutCard(cardContent{text: text}, 160, 12, monoMeasures)
	for _, tc := range []struct {
		name        string
		change      cardChange
		label, old  int // lines
		taller      bool
		amount, tag bool
	}{
		{"none", cardChange{}, 0, 0, false, false, false},
		{"new", cardChange{marked: true, kind: bmc.MarkAdded, label: "new"}, 1, 0, true, false, false},
		{"edited", cardChange{marked: true, label: "changed colour (was orange)", old: "Pâtisserie like in Lyon, at neighbourhood prices"}, 1, 2, true, false, false},
		{"text only", cardChange{marked: true, old: "Pâtisserie"}, 0, 1, true, false, false},
		{"with amount and tags", cardChange{marked: true, label: "from Key Partners · was hypothesis"}, 2, 0, true, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := cardContent{text: text, change: tc.change}
			base := plain
			if tc.amount {
				c.amount, c.tags, c.badge = "€2,400/mo", []string{"fixed"}, true
				base = layoutCard(cardContent{text: text, amount: c.amount, tags: c.tags, badge: true}, 160, 12, monoMeasures)
			}
			l := layoutCard(c, 160, 12, monoMeasures)
			if len(l.label) != tc.label || len(l.old) != tc.old {
				t.Errorf("label %q, old %q; want %d and %d lines", l.label, l.old, tc.label, tc.old)
			}
			if got := l.size.Height > base.size.Height; got != tc.taller {
				t.Errorf("height %v, without the change %v", l.size.Height, base.size.Height)
			}
			if !tc.taller {
				return
			}
			// The marks come below everything else and inside the card.
			s := l.style
			if l.labelY < base.size.Height-s.pad {
				t.Errorf("label at %v, above the bottom of the rest %v", l.labelY, base.size.Height-s.pad)
			}
			if l.oldY < l.labelY+float32(len(l.label))*s.changeLineH()-0.01 {
				t.Errorf("old text at %v runs into the label at %v", l.oldY, l.labelY)
			}
			if bottom := l.oldY + float32(len(l.old))*s.changeLineH(); bottom > l.size.Height-s.pad+0.01 {
				t.Errorf("old text ends at %v, below the card's padding (%v tall)", bottom, l.size.Height)
			}
			for _, line := range append(append([]string(nil), l.label...), l.old...) {
				if w := float32(mono(line, float64(s.chip))); w > 160-2*s.pad+0.01 {
					t.Errorf("line %q is %v wide", line, w)
				}
			}
		})
	}
}

// TestLayoutGhostsStandWhereTheyWere lays out a block whose cards are
// ghost, note, note, ghost, note, in one column and in several: the
// ghosts keep their places, and take no part in selection, moves or
// drops.
func TestLayoutGhostsStandWhereTheyWere(t *testing.T) {
	notes := notesOf(3, "Oven")
	cards := []bmc.Note{{ID: ghostPrefix + "g0", Text: "Starter"}, notes[0], notes[1], {ID: ghostPrefix + "g1", Text: "Flour"}, notes[2]}
	for _, size := range []fyne.Size{fyne.NewSize(1366, 768), fyne.NewSize(420, 900)} {
		in := boardInputOf(map[string][]bmc.Note{"key_resources": cards})
		in.size = size
		g := layoutBoard(in)
		kr := g.blocks[g.find("key_resources")]
		name := fmt.Sprintf("%v, %d columns", size, kr.cols)
		if (size.Width > 1000) != (kr.cols > 1) {
			t.Fatalf("%s: the test wants one layout in columns and one in a single column", name)
		}
		if kr.count != 5 || kr.ghosts != 2 || kr.real() != 3 || len(kr.cards) != 5 {
			t.Fatalf("%s: count %d, ghosts %d, cards %d", name, kr.count, kr.ghosts, len(kr.cards))
		}
		for i, want := range []int{1, 2, 4, 5} { // note 3: one past the last, the end
			if c := kr.cardOf(i); c != want {
				t.Errorf("%s: note %d on card %d, want %d", name, i, c, want)
			}
		}
		for c, want := range []int{-1, 0, 1, -1, 2} {
			if i := kr.noteOf(c); i != want {
				t.Errorf("%s: card %d shows note %d, want %d", name, c, i, want)
			}
			inside := kr.cardPos(c).AddXY(4, 4)
			if _, i, ok := g.noteAt(inside); ok != (want >= 0) || (ok && i != want) {
				t.Errorf("%s: noteAt card %d = %d, %v; want %d", name, c, i, ok, want)
			}
			// A drop on a card's top left goes before it: after the notes
			// whose cards come before.
			if i, _, _ := kr.dropAt(inside); i != kr.notesBefore(c) {
				t.Errorf("%s: a drop on card %d lands at %d, want %d", name, c, i, kr.notesBefore(c))
			}
		}
		if i, _, _ := kr.dropAt(kr.pos.AddXY(kr.size.Width/2, kr.size.Height-2)); i != 3 {
			t.Errorf("%s: a drop below the last card lands at %d, want 3 (the end)", name, i)
		}
		for i := range 3 {
			for _, d := range []direction{dirLeft, dirRight, dirUp, dirDown} {
				j := kr.step(i, d)
				if j < -1 || j >= 3 {
					t.Errorf("%s: step(%d, %v) = %d", name, i, d, j)
					continue
				}
				if j < 0 {
					continue
				}
				from, to := kr.cardOf(i), kr.cardOf(j)
				switch d {
				case dirLeft, dirRight:
					if kr.rowOf(from) != kr.rowOf(to) || (d == dirRight) != (to > from) {
						t.Errorf("%s: step(%d, %v) to card %d from card %d", name, i, d, to, from)
					}
				default:
					if (d == dirDown) != (kr.rowOf(to) > kr.rowOf(from)) {
						t.Errorf("%s: step(%d, %v) to row %d from row %d", name, i, d, kr.rowOf(to), kr.rowOf(from))
					}
				}
			}
		}
		// Down from the first note reaches the others, the ghosts passed by.
		seen := []int{0}
		for i := kr.step(0, dirDown); i >= 0 && len(seen) < 5; i = kr.step(i, dirDown) {
			seen = append(seen, i)
		}
		if kr.cols == 1 && !slices.Equal(seen, []int{0, 1, 2}) {
			t.Errorf("%s: down from note 0 visits %v", name, seen)
		}
		for _, d := range []direction{dirUp, dirDown, dirLeft, dirRight} {
			for c := range 5 {
				if j := kr.entry(d, kr.cardPos(c).AddXY(2, 2)); j < 0 || j >= 3 {
					t.Errorf("%s: entry(%v) at card %d = %d", name, d, c, j)
				}
			}
		}
	}
}

// newMarkedCard shows a card with change m in a test window.
func newMarkedCard(t *testing.T, n bmc.Note, m *bmc.NoteMark, size fyne.Size) (*NoteCard, *noteCardRenderer, fyne.Window) {
	t.Helper()
	test.NewTempApp(t).Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	c := NewNoteCard(n)
	c.Change = m
	w := test.NewTempWindow(t, c)
	w.SetPadded(false)
	w.Resize(size)
	return c, test.WidgetRenderer(c).(*noteCardRenderer), w
}

func visibleTexts(ts []*canvas.Text) []string {
	var out []string
	for _, t := range ts {
		if t.Visible() {
			out = append(out, t.Text)
		}
	}
	return out
}

func TestNoteCardChangeMarks(t *testing.T) {
	n := bmc.Note{ID: "n9", Text: "Pâtisserie like in Lyon", Color: bmc.Blue}
	c, r, w := newMarkedCard(t, n, &bmc.NoteMark{Note: "n9", OldText: "Pâtisserie like in Lyon, at neighbourhood prices",
		Other: []string{"colour (was orange)"}}, fyne.NewSize(180, 130))
	if !r.change.outline.Visible() || r.change.outline.StrokeColor != changedInk {
		t.Errorf("outline %v in %v, want blue", r.change.outline.Visible(), r.change.outline.StrokeColor)
	}
	if got := strings.Join(visibleTexts(r.change.label), " "); got != "changed colour (was orange)" {
		t.Errorf("label %q", got)
	}
	if got := strings.Join(visibleTexts(r.change.old), " "); got != "Pâtisserie like in Lyon, at neighbourhood prices" {
		t.Errorf("old text %q", got)
	}
	strikes := 0
	for _, l := range r.change.strikes {
		if l.Visible() {
			strikes++
		}
	}
	if strikes != len(visibleTexts(r.change.old)) {
		t.Errorf("%d strikes through %d lines of old text", strikes, len(visibleTexts(r.change.old)))
	}
	test.AssertRendersToMarkup(t, "notecard/changed.xml", w.Canvas())

	c.Change = &bmc.NoteMark{Note: "n9", Kind: bmc.MarkAdded}
	c.Refresh()
	if r.change.outline.StrokeColor != addedInk || visibleTexts(r.change.old) != nil {
		t.Errorf("new note: outline %v, old text %q", r.change.outline.StrokeColor, visibleTexts(r.change.old))
	}
	test.AssertRendersToMarkup(t, "notecard/added.xml", w.Canvas())

	c.Change = nil
	c.Refresh()
	if r.change.outline.Visible() || visibleTexts(r.change.label) != nil {
		t.Error("marks left after the change was cleared")
	}
}

func TestNoteCardGhost(t *testing.T) {
	tapped := 0
	n := bmc.Note{ID: ghostPrefix + "n11", Text: "Pre-order app for office pick-up", Color: bmc.Blue}
	c, r, w := newMarkedCard(t, n, &bmc.NoteMark{Note: "n11", Kind: bmc.MarkRemoved}, fyne.NewSize(180, 100))
	c.OnTapped = func() { tapped++ }
	c.OnDoubleTapped = func() { tapped++ }
	c.OnPressed = func() { tapped++ }
	c.OnDragged = func(fyne.Position) { tapped++ }
	c.OnSecondaryTapped = func(*fyne.PointEvent) { tapped++ }
	test.Tap(c)
	test.DoubleTap(c)
	test.TapSecondary(c)
	test.Drag(w.Canvas(), fyne.NewPos(20, 20), 30, 0)
	if tapped != 0 {
		t.Errorf("a ghost took %d taps or drags", tapped)
	}
	if !r.fade.Visible() || r.fade.FillColor.(color.NRGBA).A != ghostVeil {
		t.Errorf("a ghost is not faded: veil %v", r.fade.FillColor)
	}
	if r.change.outline.Visible() {
		t.Error("a ghost has a solid outline")
	}
	dashes := 0
	for _, d := range r.change.dashes {
		if d.Visible() {
			dashes++
			if d.StrokeColor != removedInk {
				t.Errorf("dash in %v", d.StrokeColor)
			}
		}
	}
	if dashes < 8 {
		t.Errorf("%d dashes", dashes)
	}
	if got := strings.Join(visibleTexts(r.change.label), " "); got != "removed" {
		t.Errorf("label %q", got)
	}
	if len(c.hotspots) != 1 || c.hotspots[0].tip != ghostTip || c.hotspots[0].size != c.Size() {
		t.Errorf("tips %+v", c.hotspots)
	}
	test.AssertRendersToMarkup(t, "notecard/ghost.xml", w.Canvas())
}

func TestDashes(t *testing.T) {
	segs := dashes(100, 50, 1, 6, 4)
	if len(segs) == 0 {
		t.Fatal("no dashes")
	}
	// Every side starts and ends with a dash, at the corners.
	corners := []fyne.Position{{X: 1, Y: 1}, {X: 99, Y: 1}, {X: 99, Y: 49}, {X: 1, Y: 49}}
	for _, p := range corners {
		found := false
		for _, s := range segs {
			found = found || nearPos(s.a, p) || nearPos(s.b, p)
		}
		if !found {
			t.Errorf("no dash at the corner %v", p)
		}
	}
	for _, s := range segs {
		if l := max(abs32(s.b.X-s.a.X), abs32(s.b.Y-s.a.Y)); l < 3 || l > 9 {
			t.Errorf("dash %v long", l)
		}
	}
	if dashes(0, 10, 1, 6, 4) != nil {
		t.Error("dashes round nothing")
	}
}

func nearPos(a, b fyne.Position) bool { return abs32(a.X-b.X) < 0.01 && abs32(a.Y-b.Y) < 0.01 }

func TestBoardShowsChanges(t *testing.T) {
	_, new, marks := bakeryCompared(t)
	b, w := newTestBoard(t, new, fyne.NewSize(1366, 768))
	b.SetChanges(marks)
	// The marked notes carry their marks; the others none.
	for id, want := range map[string]string{
		"n90": "new", "n32": "from Key Partners · changed links", "n9": "changed colour (was orange)", "n17": "was hypothesis", "n10": "",
	} {
		c := cardOf(t, b, id)
		got := ""
		if c.Change != nil {
			got = c.Change.Label()
		}
		if got != want {
			t.Errorf("%s: label %q, want %q", id, got, want)
		}
	}
	// The removed notes are ghosts, which the canvas does not hold, where
	// they were: after the note they followed, as on the change poster
	// (bmc.InsertGhosts).
	for _, tc := range []struct{ id, block string }{{"n11", "channels"}, {"n24", "key_resources"}} {
		g := cardOf(t, b, ghostPrefix+tc.id)
		if !g.ghost() || g.Note.ID != ghostPrefix+tc.id {
			t.Errorf("%s: no ghost", tc.id)
		}
		bg := blockGeomOf(t, b, tc.block)
		var after string
		for _, gh := range marks.GhostsIn(tc.block) {
			if gh.Note.ID == tc.id {
				after = gh.After
			}
		}
		_, prev, ok := new.Find(after)
		if !ok || bg.ghosts != 1 || g.Position() != bg.cardPos(prev+1) || prev+1 == bg.count-1 {
			t.Errorf("%s: ghost at %v, want card %d at %v, after %q and not last", tc.id, g.Position(), prev+1, bg.cardPos(prev+1), after)
		}
		if _, ok := new.Note(tc.id); ok {
			t.Errorf("%s is in the canvas", tc.id)
		}
		// Tapping a ghost selects nothing.
		b.Select("")
		test.Tap(g)
		if b.Selected() != "" {
			t.Errorf("tapping the ghost of %s selected %q", tc.id, b.Selected())
		}
	}
	// Every card stays inside its block, none overlapping another.
	g := b.geometry()
	for k := range g.blocks {
		bg := &g.blocks[k]
		from, to := bg.visible()
		for i := from; i < to; i++ {
			p, s := bg.cardPos(i), bg.cardSize(i)
			if p.X < bg.pos.X || p.Y < bg.pos.Y || p.X+s.Width > bg.pos.X+bg.size.Width+0.01 || p.Y+s.Height > bg.pos.Y+bg.size.Height+0.01 {
				t.Errorf("%s: card %d at %v %v leaves the block %v %v", bg.block.ID, i, p, s, bg.pos, bg.size)
			}
			if i+1 < to && bg.rowOf(i+1) == bg.rowOf(i) && bg.cardPos(i+1).X < p.X+s.Width {
				t.Errorf("%s: cards %d and %d overlap", bg.block.ID, i, i+1)
			}
		}
		if !bg.scrolls {
			if from, to := bg.visible(); from != 0 || to != bg.count {
				t.Errorf("%s: shows %d…%d of %d", bg.block.ID, from, to, bg.count)
			}
		}
	}
	assertImage(t, "board/bakery-compared.png", w.Canvas().Capture())

	// The arrow keys pass the ghosts by.
	w.Canvas().Focus(b)
	b.Select("n90")
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if isGhost(b.Selected()) {
		t.Errorf("selected a ghost: %q", b.Selected())
	}

	// Cleared, the marks and ghosts go.
	b.SetChanges(nil)
	if _, ok := viewOf(b).shownAt[ghostPrefix+"n11"]; ok {
		t.Error("the ghost stayed")
	}
	if c := cardOf(t, b, "n90"); c.Change != nil {
		t.Error("the mark stayed")
	}
	if bg := blockGeomOf(t, b, "channels"); bg.ghosts != 0 || bg.count != len(new.Blocks["channels"]) {
		t.Errorf("channels: %d cards, %d ghosts", bg.count, bg.ghosts)
	}
}

func TestBoardChangesFollowEdits(t *testing.T) {
	old, new, marks := bakeryCompared(t)
	b, _ := newTestBoard(t, new, fyne.NewSize(1366, 768))
	b.SetChanges(marks)
	before := blockGeomOf(t, b, "value_propositions").cards[0].size
	if err := new.SetText("n5", "Coffee + croissant in 90 seconds"); err != nil {
		t.Fatal(err)
	}
	b.Refresh()
	b.SetChanges(bmc.NoteMarks(bmc.Compare(old, new)))
	c := cardOf(t, b, "n5")
	if c.Change == nil || c.Change.OldText != "Coffee + croissant in under 2 minutes" {
		t.Errorf("n5: %+v", c.Change)
	}
	if after := blockGeomOf(t, b, "value_propositions").cards[0].size; after.Height <= before.Height {
		t.Errorf("the edited note's card did not grow for its old text: %v → %v", before, after)
	}
}

// In the dark theme the ghosts fade towards white paper, not into the
// dark board, so that their text and label stay readable.
func TestBoardShowsChangesDark(t *testing.T) {
	_, new, marks := bakeryCompared(t)
	b, w := newTestBoard(t, new, fyne.NewSize(1366, 768))
	fyne.CurrentApp().Settings().SetTheme(darkTheme{theme.DefaultTheme()})
	b.SetChanges(marks)
	r := test.WidgetRenderer(cardOf(t, b, ghostPrefix+"n24")).(*noteCardRenderer)
	if r.fade.FillColor != ghostVeilColor {
		t.Errorf("ghost veil %v in the dark theme", r.fade.FillColor)
	}
	assertImage(t, "board/bakery-compared-dark.png", w.Canvas().Capture())
}

// A removed note's ghost shows its amount in the old version's currency,
// as the change poster does, even when the canvas now has none.
func TestBoardGhostKeepsItsCurrency(t *testing.T) {
	old := example(t, "bakery")
	new := old.Clone()
	m := new.Meta
	m.Currency = ""
	if err := new.SetMeta(m); err != nil {
		t.Fatal(err)
	}
	rent := new.Blocks["cost_structure"][0]
	if rent.Amount == nil {
		t.Fatal("the bakery's first cost has no amount")
	}
	if err := new.DeleteNote(rent.ID); err != nil {
		t.Fatal(err)
	}
	b, _ := newTestBoard(t, new, fyne.NewSize(1366, 768))
	b.SetChanges(bmc.NoteMarks(bmc.Compare(old, new)))
	if g := cardOf(t, b, ghostPrefix+rent.ID); g.Currency != "€" {
		t.Errorf("the ghost of the rent shows its amount in %q, want €", g.Currency)
	}
	if c := cardOf(t, b, new.Blocks["cost_structure"][0].ID); c.Currency != "" {
		t.Errorf("a note of the canvas shows its amount in %q, want the canvas's none", c.Currency)
	}
}

// TestBoardDropAmongGhosts drags a note onto the place of a removed note's
// ghost: it lands after the note the ghost follows, and the keys pass the
// ghost by.
func TestBoardDropAmongGhosts(t *testing.T) {
	_, new, marks := bakeryCompared(t)
	b, w := newTestBoard(t, new, fyne.NewSize(1366, 768))
	b.SetChanges(marks)
	ghost := cardOf(t, b, ghostPrefix+"n24") // Key Resources: n23, the ghost, n25, n26
	dragCard(t, b, "n26", ghost.Position().AddXY(4, 4), nil)
	if got, want := ids(new, "key_resources"), []string{"n23", "n26", "n25"}; !slices.Equal(got, want) {
		t.Errorf("key_resources = %v, want %v", got, want)
	}
	b.SetChanges(bmc.NoteMarks(bmc.Compare(example(t, "bakery"), new)))
	kr := blockGeomOf(t, b, "key_resources")
	if c := cardOf(t, b, ghostPrefix+"n24"); c.Position() != kr.cardPos(1) {
		t.Errorf("the ghost moved to %v, want card 1 at %v", c.Position(), kr.cardPos(1))
	}
	// The ghost stands beside n23 in the first row, n26 and n25 under them:
	// down from n23 goes to n26, right from n23 passes the ghost by and
	// leaves the block, up from n25 goes to n23 rather than the ghost
	// above it.
	w.Canvas().Focus(b)
	for _, tc := range []struct {
		from string
		key  fyne.KeyName
		want string // "" for a note in another block
	}{{"n23", fyne.KeyDown, "n26"}, {"n23", fyne.KeyRight, ""}, {"n25", fyne.KeyUp, "n23"}, {"n26", fyne.KeyRight, "n25"}} {
		b.Select(tc.from)
		b.TypedKey(&fyne.KeyEvent{Name: tc.key})
		got := b.Selected()
		block, _, ok := new.Find(got)
		if tc.want == "" && (!ok || block == "key_resources") || tc.want != "" && got != tc.want {
			t.Errorf("%s from %s selected %q in %q, want %q", tc.key, tc.from, got, block, tc.want)
		}
	}
}

// TestBoardMoveAmongGhosts moves notes with Ctrl+arrow in a block where a
// ghost follows the moved note: the card goes one row down or up, or one
// place to the side, though its ghost goes with it.
func TestBoardMoveAmongGhosts(t *testing.T) {
	old, new, marks := bakeryCompared(t)
	b, w := newTestBoard(t, new, fyne.NewSize(1366, 768))
	b.SetChanges(marks)
	w.Canvas().Focus(b)
	place := func(id string) (row, col int) {
		t.Helper()
		bg := blockGeomOf(t, b, "key_resources")
		block, i, ok := new.Find(id)
		if !ok || block != "key_resources" {
			t.Fatalf("%s is in %q, not Key Resources", id, block)
		}
		c := bg.cardOf(i)
		return c / bg.cols, c % bg.cols
	}
	if bg := blockGeomOf(t, b, "key_resources"); bg.cols != 2 || bg.noteOf(1) != -1 {
		t.Fatalf("Key Resources: %d columns, card 1 shows note %d; the test wants n23 and its ghost side by side", bg.cols, bg.noteOf(1))
	}
	for _, tc := range []struct {
		key        fyne.KeyName
		rows, cols int // how far the card of n23 goes
	}{{fyne.KeyDown, 1, 0}, {fyne.KeyUp, -1, 0}, {fyne.KeyRight, 0, 1}, {fyne.KeyLeft, 0, -1}} {
		b.Select("n23")
		row, col := place("n23")
		b.TypedShortcut(&desktop.CustomShortcut{KeyName: tc.key, Modifier: fyne.KeyModifierShortcutDefault})
		b.SetChanges(bmc.NoteMarks(bmc.Compare(old, new)))
		r, c := place("n23")
		if r-row != tc.rows || c-col != tc.cols {
			t.Errorf("Ctrl+%s: n23 went from row %d, column %d to row %d, column %d (order %v)", tc.key, row, col, r, c, ids(new, "key_resources"))
		}
	}
}
