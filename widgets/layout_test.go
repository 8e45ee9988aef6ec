package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// testGeometry lays out a Business Model Canvas with the given note counts.
func testGeometry(t *testing.T, size fyne.Size, counts map[string]int, shown bool) (*geometry, metrics) {
	t.Helper()
	test.NewTempApp(t)
	m := newMetrics(theme.DefaultTheme())
	tp := bmc.BusinessModelCanvas()
	curtain := float32(0)
	if !shown {
		curtain = 1
	}
	g := layoutBoard(size, tp.Width, tp.Height, placesOf(tp.Layout(shown)), curtain, m,
		func(id string) int { return counts[id] }, map[string]int{})
	return g, m
}

func TestLayoutFillsTheBoard(t *testing.T) {
	g, m := testGeometry(t, fyne.NewSize(1200, 800), nil, true)
	if len(g.blocks) != 9 {
		t.Fatalf("%d blocks", len(g.blocks))
	}
	var right, bottom float32
	for _, b := range g.blocks {
		right = max(right, b.pos.X+b.size.Width)
		bottom = max(bottom, b.pos.Y+b.size.Height)
		if b.pos.X < m.margin || b.pos.Y < m.margin {
			t.Errorf("%s at %v, inside the margin", b.block.ID, b.pos)
		}
	}
	if right < 1200-m.margin-m.blockGap || bottom < 800-m.margin-m.blockGap {
		t.Errorf("blocks reach %v×%v of 1200×800", right, bottom)
	}
	hidden, _ := testGeometry(t, fyne.NewSize(1200, 800), nil, false)
	if len(hidden.blocks) != 5 || hidden.curtain.Width != m.curtainW {
		t.Errorf("front stage: %d blocks, curtain %v", len(hidden.blocks), hidden.curtain)
	}
	if vp := hidden.blocks[hidden.find("value_propositions")]; vp.pos.X < m.curtainW {
		t.Errorf("Value Propositions at %v, under the curtain", vp.pos)
	}
}

func TestFlowShrinksCardsBeforeHidingNotes(t *testing.T) {
	// Cost Structure at 1200×800 holds one row of full cards; six notes
	// need two rows, which fit with shorter cards.
	g, m := testGeometry(t, fyne.NewSize(1200, 800), map[string]int{"cost_structure": 6, "revenue_streams": 40, "channels": 1}, true)
	cs := g.blocks[g.find("cost_structure")]
	if cs.rows != 2 || cs.hidden() != 0 || cs.card.Height >= m.cardH || cs.footer {
		t.Errorf("cost structure: %d rows, %d hidden, card %v (full %v), footer %v", cs.rows, cs.hidden(), cs.card, m.cardH, cs.footer)
	}
	if bottom := cs.cardPos(5).Y + cs.card.Height; bottom > cs.pos.Y+cs.size.Height {
		t.Errorf("the last card ends at %v, below the block's %v", bottom, cs.pos.Y+cs.size.Height)
	}
	rs := g.blocks[g.find("revenue_streams")]
	from, to := rs.visible()
	if !rs.footer || rs.hidden() != 40-(to-from) || rs.hidden() == 0 {
		t.Errorf("revenue streams: footer %v, hidden %d, in view %d…%d", rs.footer, rs.hidden(), from, to)
	}
	ch := g.blocks[g.find("channels")]
	if ch.card.Height <= m.cardH || ch.card.Height > ch.card.Width+0.01 {
		t.Errorf("a lone note's card is %v, want taller than %v and no taller than wide", ch.card, m.cardH)
	}
}

func TestDropAt(t *testing.T) {
	g, _ := testGeometry(t, fyne.NewSize(1200, 800), map[string]int{"key_resources": 4}, true)
	kr := g.blocks[g.find("key_resources")]
	for _, tc := range []struct {
		at   fyne.Position
		want int
	}{
		{kr.cardPos(0).AddXY(2, 5), 0},
		{kr.cardPos(0).AddXY(kr.card.Width-2, 5), 1},
		{kr.cardPos(1).AddXY(kr.card.Width-2, 5), 2},
		{kr.cardPos(2).AddXY(2, 5), 2},
		{kr.cardPos(3).AddXY(kr.card.Width, 5), 4},
		{kr.pos.AddXY(kr.size.Width/2, kr.size.Height-2), 4}, // below the last row
		{kr.pos.AddXY(kr.size.Width/2, 2), 1},                // in the title row: the first row
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
	g, m := testGeometry(t, fyne.NewSize(560, 800), map[string]int{"key_partners": 3}, true)
	kp := g.blocks[g.find("key_partners")]
	if kp.cols != 1 {
		t.Fatalf("key partners has %d columns at 560 wide (card min %v), want 1", kp.cols, m.cardMinW)
	}
	top := kp.cardPos(1)
	if got, _, size := kp.dropAt(top.AddXY(5, 2)); got != 1 || size.Height > size.Width {
		t.Errorf("upper half of the second card: %d, bar %v; want 1 and a horizontal bar", got, size)
	}
	if got, _, _ := kp.dropAt(top.AddXY(5, kp.card.Height-2)); got != 2 {
		t.Errorf("lower half of the second card: %d, want 2", got)
	}
}

func TestNeighbourAndStep(t *testing.T) {
	g, _ := testGeometry(t, fyne.NewSize(1200, 800), map[string]int{"key_activities": 3}, true)
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
	ka := g.blocks[g.find("key_activities")] // n0 n1 / n2 in two columns
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
