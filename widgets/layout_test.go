package widgets

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/textlayout"
)

// These tests lay boards out with the pure layout function and a
// monospace measure: no Fyne app, canvas or font.

// mono measures every character as 0.55 em.
func mono(s string, size float64) float64 { return 0.55 * size * float64(utf8.RuneCountInString(s)) }

var monoMeasures = measures{regular: mono, bold: mono}

// layoutOf lays out a Business Model Canvas whose blocks hold the given
// notes, with Fyne's default text size and padding.
func layoutOf(size fyne.Size, notes map[string][]bmc.Note, shown bool, zoom Zoom) *geometry {
	tp := bmc.BusinessModelCanvas
	curtain := float32(0)
	if !shown {
		curtain = 1
	}
	texts := map[string]*textlayout.Text{}
	return layoutBoard(boardInput{
		size: size, tmpl: tp, places: placesOf(tp.Layout(shown)), curtain: curtain,
		base: baseSizes{text: 14, pad: 4}, zoom: zoom,
		notes: func(block string) []bmc.Note { return notes[block] },
		card: func(n *bmc.Note, block string) cardContent {
			t, ok := texts[n.Text]
			if !ok {
				t = textlayout.Prepare(n.Text)
				texts[n.Text] = t
			}
			return contentOf(n, t, len(n.Segments), block == bmc.SegmentBlock, "€")
		},
		ms:     monoMeasures,
		scroll: map[string]int{},
	})
}

// notesOf makes n notes with the given text.
func notesOf(n int, text string) []bmc.Note {
	out := make([]bmc.Note, n)
	for i := range out {
		out[i] = bmc.Note{ID: fmt.Sprintf("x%d", i), Text: text}
	}
	return out
}

func TestLayoutFillsTheBoard(t *testing.T) {
	g := layoutOf(fyne.NewSize(1200, 800), nil, true, Zoom{Factor: 1})
	m := g.m
	if len(g.blocks) != 9 {
		t.Fatalf("%d blocks", len(g.blocks))
	}
	var right, bottom float32
	for _, b := range g.blocks {
		right = max(right, b.pos.X+b.size.Width)
		bottom = max(bottom, b.pos.Y+b.size.Height)
		if b.pos.X < m.margin-0.01 || b.pos.Y < m.margin-0.01 {
			t.Errorf("%s at %v, inside the margin", b.block.ID, b.pos)
		}
	}
	if right < 1200-m.margin-0.01 || bottom < 800-m.margin-0.01 {
		t.Errorf("blocks reach %v×%v of 1200×800", right, bottom)
	}
	hidden := layoutOf(fyne.NewSize(1200, 800), nil, false, Zoom{Factor: 1})
	if len(hidden.blocks) != 5 || hidden.curtain.Width != m.curtainW {
		t.Errorf("front stage: %d blocks, curtain %v", len(hidden.blocks), hidden.curtain)
	}
	if vp := hidden.blocks[hidden.find("value_propositions")]; vp.pos.X < m.curtainW {
		t.Errorf("Value Propositions at %v, under the curtain", vp.pos)
	}
}

// Cards are as tall as their text: a short note's card is shorter than
// a long note's, a row as tall as its tallest card, and nothing is cut
// or hidden where the block has room.
func TestLayoutCardsTakeTheHeightTheyNeed(t *testing.T) {
	long := "Sourdough out of the oven before 7 am, still warm when you pass by on the way to work"
	notes := map[string][]bmc.Note{
		"value_propositions": {{ID: "a", Text: "Bread"}, {ID: "b", Text: long}, {ID: "c", Text: "Coffee"}},
	}
	g := layoutOf(fyne.NewSize(1366, 700), notes, true, Zoom{Factor: 1})
	vp := g.blocks[g.find("value_propositions")]
	if vp.scrolls || vp.below() != 0 || vp.text != g.m.noteText {
		t.Fatalf("value propositions: scrolls %v, below %d, text %v", vp.scrolls, vp.below(), vp.text)
	}
	if a, b := vp.cards[0].size.Height, vp.cards[1].size.Height; a >= b {
		t.Errorf("a one-word card is %v high, the long note's %v", a, b)
	}
	if !strings.HasPrefix(long, strings.Join(vp.cards[1].lines, " ")) || strings.Join(vp.cards[1].lines, " ") != long {
		t.Errorf("the long note shows %q", vp.cards[1].lines)
	}
	for i := range 3 {
		if vp.cut(i) {
			t.Errorf("note %d is cut", i)
		}
		if s := vp.cardSize(i); s.Height < vp.cards[i].size.Height {
			t.Errorf("note %d drawn %v high, needs %v", i, s.Height, vp.cards[i].size.Height)
		}
	}
}

// A crowded block shrinks its text towards the floor, one size for the
// whole block, before it scrolls; then it counts what is out of view.
func TestLayoutShrinksThenScrolls(t *testing.T) {
	text := "Counter sales of bread and pastries"
	fits := func(n int) blockGeom {
		g := layoutOf(fyne.NewSize(1366, 768), map[string][]bmc.Note{"cost_structure": notesOf(n, text)}, true, Zoom{Factor: 1})
		return g.blocks[g.find("cost_structure")]
	}
	few := fits(3)
	if few.scrolls || few.text != newMetrics(baseSizes{14, 4}, 1).noteText {
		t.Errorf("3 notes: scrolls %v at %v", few.scrolls, few.text)
	}
	n := 4
	var b blockGeom
	for ; n < 200; n++ {
		if b = fits(n); b.scrolls {
			break
		}
	}
	floor := newMetrics(baseSizes{14, 4}, 1).noteFloor
	if b.text != floor || b.below() == 0 || b.above() != 0 {
		t.Errorf("%d notes: text %v (floor %v), %d above, %d below", n, b.text, floor, b.above(), b.below())
	}
	prev := fits(n - 1)
	if prev.scrolls {
		t.Errorf("%d notes scroll", n-1)
	}
	for i := range prev.cards {
		if prev.cards[i].style.text != prev.text {
			t.Errorf("card %d at %v in a block at %v", i, prev.cards[i].style.text, prev.text)
		}
	}
	// Every note in view is whole: its row fits in the view.
	from, to := b.visible()
	for i := from; i < to; i++ {
		if p, s := b.cardPos(i), b.cardSize(i); p.Y+s.Height > b.content.Y+b.view.Height+0.01 || b.cut(i) {
			t.Errorf("note %d at %v %v leaves the view %v %v", i, p, s, b.content, b.view)
		}
	}
}

// Words break only where they may: "neighbourhood" and "Grandmother's"
// stay whole on a card wide enough for them.
func TestLayoutKeepsWordsWhole(t *testing.T) {
	notes := map[string][]bmc.Note{"customer_segments": {
		{ID: "a", Text: "Families in the neighbourhood"},
		{ID: "b", Text: "Grandmother's recipes"},
	}}
	g := layoutOf(fyne.NewSize(1280, 800), notes, true, Zoom{Factor: 1})
	cs := g.blocks[g.find("customer_segments")]
	for i, c := range cs.cards {
		if c.broken {
			t.Errorf("card %d broke a word: %q", i, c.lines)
		}
	}
}

func TestLayoutFitZoom(t *testing.T) {
	notes := map[string][]bmc.Note{"channels": notesOf(30, "Pre-order app for office pick-up")}
	fit := layoutOf(fyne.NewSize(1366, 768), notes, true, Zoom{Fit: true})
	if fit.anyScrolls() {
		t.Errorf("fit at zoom %v still scrolls", fit.m.zoom)
	}
	if fit.m.zoom >= 1 {
		t.Errorf("fit chose zoom %v for a crowded block; want smaller than 1", fit.m.zoom)
	}
	if layoutAt(boardInputOf(notes), fit.m.zoom+0.02, true).anyScrolls() == false {
		t.Errorf("zoom %v is not the largest that shows every note", fit.m.zoom)
	}
	sparse := layoutOf(fyne.NewSize(1920, 1080), map[string][]bmc.Note{"channels": notesOf(2, "Shop")}, true, Zoom{Fit: true})
	if sparse.m.zoom != fitMax {
		t.Errorf("fit chose %v for a nearly empty board, want %v", sparse.m.zoom, fitMax)
	}
}

// boardInputOf is layoutOf's input at 1366×768.
func boardInputOf(notes map[string][]bmc.Note) boardInput {
	tp := bmc.BusinessModelCanvas
	return boardInput{
		size: fyne.NewSize(1366, 768), tmpl: tp, places: placesOf(tp.Layout(true)),
		base:  baseSizes{text: 14, pad: 4},
		notes: func(block string) []bmc.Note { return notes[block] },
		card: func(n *bmc.Note, block string) cardContent {
			return contentOf(n, textlayout.Prepare(n.Text), 0, false, "")
		},
		ms: monoMeasures, scroll: map[string]int{},
	}
}

func TestLayoutScrollTo(t *testing.T) {
	g := layoutOf(fyne.NewSize(1366, 768), map[string][]bmc.Note{"channels": notesOf(80, "A note")}, true, Zoom{Factor: 1})
	b := g.blocks[g.find("channels")]
	b.scrollTo(1000)
	if b.end != len(b.rows) || b.below() != 0 || b.first != b.maxFirst() {
		t.Errorf("scrolled past the end: rows %d…%d of %d", b.first, b.end, len(b.rows))
	}
	last := b.count - 1
	b.scrollTo(0)
	first := b.scrolledTo(last)
	b.scrollTo(first)
	if from, to := b.visible(); last < from || last >= to {
		t.Errorf("scrolledTo(%d) = row %d shows %d…%d", last, first, from, to)
	}
	if b.scrolledTo(b.count-1) != b.first {
		t.Error("scrolledTo a note in view moves the view")
	}
}

func TestDropAt(t *testing.T) {
	notes := map[string][]bmc.Note{"key_resources": notesOf(4, "Oven")}
	g := layoutOf(fyne.NewSize(1200, 800), notes, true, Zoom{Factor: 1})
	kr := g.blocks[g.find("key_resources")]
	if kr.cols < 2 {
		t.Fatalf("key resources has %d columns", kr.cols)
	}
	h := kr.cardSize(0).Height
	for _, tc := range []struct {
		at   fyne.Position
		want int
	}{
		{kr.cardPos(0).AddXY(2, 5), 0},
		{kr.cardPos(0).AddXY(kr.cardW-2, 5), 1},
		{kr.cardPos(1).AddXY(kr.cardW-2, 5), 2},
		{kr.cardPos(2).AddXY(2, 5), 2},
		{kr.pos.AddXY(kr.size.Width/2, kr.size.Height-2), 4}, // below the last row
		{kr.pos.AddXY(2, 2), 0},                              // in the title row: the first row
		{kr.cardPos(0).AddXY(2, h+1), 0},                     // between rows
	} {
		if got, _, _ := kr.dropAt(tc.at); got != tc.want {
			t.Errorf("dropAt(%v) = %d, want %d", tc.at, got, tc.want)
		}
	}
	empty := g.blocks[g.find("channels")]
	if got, pos, size := empty.dropAt(empty.pos.AddXY(40, 40)); got != 0 || size.Width < size.Height || pos.X != empty.content.X {
		t.Errorf("empty block: index %d, bar at %v size %v", got, pos, size)
	}
}

func TestDropAtSingleColumn(t *testing.T) {
	notes := map[string][]bmc.Note{"key_partners": notesOf(3, "Flour mill")}
	g := layoutOf(fyne.NewSize(400, 800), notes, true, Zoom{Factor: 1})
	kp := g.blocks[g.find("key_partners")]
	if kp.cols != 1 {
		t.Fatalf("key partners has %d columns at 400 wide, want 1", kp.cols)
	}
	top := kp.cardPos(1)
	if got, _, size := kp.dropAt(top.AddXY(5, 2)); got != 1 || size.Height > size.Width {
		t.Errorf("upper half of the second card: %d, bar %v; want 1 and a horizontal bar", got, size)
	}
	if got, _, _ := kp.dropAt(top.AddXY(5, kp.cardSize(1).Height-2)); got != 2 {
		t.Errorf("lower half of the second card: %d, want 2", got)
	}
}

func TestNeighbourAndStep(t *testing.T) {
	g := layoutOf(fyne.NewSize(1200, 800), map[string][]bmc.Note{"key_activities": notesOf(3, "Baking")}, true, Zoom{Factor: 1})
	at := func(id string, fy float32) (int, fyne.Position) {
		k := g.find(id)
		b := g.blocks[k]
		return k, b.pos.AddXY(b.size.Width/2, b.size.Height*fy)
	}
	for _, tc := range []struct {
		from string
		fy   float32
		d    direction
		want string
	}{
		{"key_partners", 0.2, dirRight, "key_activities"},
		{"key_partners", 0.8, dirRight, "key_resources"},
		{"key_partners", 0.5, dirDown, "cost_structure"},
		{"key_activities", 0.5, dirDown, "key_resources"},
		{"value_propositions", 0.5, dirDown, "cost_structure"}, // VP straddles both: the point decides
		{"customer_segments", 0.5, dirRight, ""},
		{"key_partners", 0.5, dirUp, ""},
		{"revenue_streams", 0.5, dirUp, "channels"}, // the nearest block above
	} {
		k, p := at(tc.from, tc.fy)
		got := ""
		if n := g.neighbour(k, tc.d, p); n >= 0 {
			got = g.blocks[n].block.ID
		}
		if got != tc.want {
			t.Errorf("from %s at %.1f going %d: %q, want %q", tc.from, tc.fy, tc.d, got, tc.want)
		}
	}
	ka := g.blocks[g.find("key_activities")]
	if ka.cols != 2 {
		t.Fatalf("key activities has %d columns, want 2", ka.cols)
	}
	for _, tc := range []struct {
		i    int
		d    direction
		want int
	}{
		{0, dirRight, 1}, {1, dirRight, -1}, {1, dirDown, 2}, {2, dirDown, -1}, {2, dirUp, 0}, {0, dirLeft, -1}, {0, dirUp, -1},
	} {
		if got := ka.step(tc.i, tc.d); got != tc.want {
			t.Errorf("step(%d, %d) = %d, want %d", tc.i, tc.d, got, tc.want)
		}
	}
}
