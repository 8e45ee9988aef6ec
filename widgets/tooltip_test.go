package widgets

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// boardWithTips shows a board with a tip layer over it, tips showing at
// once.
func boardWithTips(t *testing.T, c *bmc.Canvas) (*Board, *TipLayer) {
	t.Helper()
	b, w := newTestBoard(t, c, boardSize)
	tips := NewTipLayer()
	w.SetContent(container.NewStack(b, tips))
	w.Resize(boardSize)
	old := tipDelay
	tipDelay = 0
	t.Cleanup(func() {
		tipDelay = old
		// Fyne's test driver says every object is on the last window:
		// forget this layer, or the next test's widgets would find it.
		tipLayers.Lock()
		tipLayers.all = slices.DeleteFunc(tipLayers.all, func(l *TipLayer) bool { return l == tips })
		tipLayers.Unlock()
	})
	return b, tips
}

// Badges, marks, segment dots, the block buttons and the curtain explain
// themselves on hover.
func TestTips(t *testing.T) {
	c, err := bmc.Load("marks.yaml", []byte(marksCanvas))
	if err != nil {
		t.Fatal(err)
	}
	b, tips := boardWithTips(t, c)
	card := cardOf(t, b, "v2") // a hypothesis serving s2 and s1
	for _, h := range card.hotspots {
		card.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: h.pos.AddXY(1, 1)}})
		if tips.Tip() != h.tip || h.tip == "" {
			t.Errorf("hovering %v: tip %q, want %q", h.pos, tips.Tip(), h.tip)
		}
	}
	var all []string
	for _, h := range card.hotspots {
		all = append(all, h.tip)
	}
	joined := strings.Join(all, "|")
	if !strings.Contains(joined, "Hypothesis") || !strings.Contains(joined, "Serves Students on a budget, Commuters") {
		t.Errorf("tips of v2: %q", joined)
	}
	card.MouseOut()
	if tips.Tip() != "" {
		t.Errorf("tip %q stays after the pointer left", tips.Tip())
	}

	seg := cardOf(t, b, "s1")
	seg.dot.MouseIn(&desktop.MouseEvent{})
	if !strings.Contains(tips.Tip(), "focus on this segment") {
		t.Errorf("segment dot tip = %q", tips.Tip())
	}
	seg.dot.MouseOut()
	b.blocks["channels"].add.MouseIn(&desktop.MouseEvent{})
	if tips.Tip() != "Add a note (Insert)" {
		t.Errorf("+ tip = %q", tips.Tip())
	}
	test.Tap(b.blocks["channels"].help)
	if tips.Tip() != "" {
		t.Errorf("tip %q stays after a tap", tips.Tip())
	}
}
