package widgets

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// bigCanvas returns a Business Model Canvas with n notes spread over its
// nine blocks, with texts of different lengths.
func bigCanvas(tb testing.TB, n int) *bmc.Canvas {
	tb.Helper()
	c, err := bmc.New("business-model-canvas")
	if err != nil {
		tb.Fatal(err)
	}
	words := []string{"Fresh", "sourdough", "delivered", "to", "offices", "before", "nine", "every", "weekday", "morning"}
	blocks := c.Template().BlockIDs()
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("Note %d:", i)
		for k := 0; k < 2+i%9; k++ {
			text += " " + words[(i+k)%len(words)]
		}
		note := bmc.Note{Text: text, Color: bmc.Palette[i%len(bmc.Palette)]}
		if _, err := c.AddNote(blocks[i%len(blocks)], -1, note); err != nil {
			tb.Fatal(err)
		}
	}
	return c
}

// BenchmarkBoardLayout measures a full relayout of a board with 1,000
// notes: a resize to a new size, which recomputes the geometry of every
// block and lays out every card in view.
func BenchmarkBoardLayout(b *testing.B) {
	board, _ := newTestBoard(b, bigCanvas(b, 1000), fyne.NewSize(1200, 800))
	sizes := []fyne.Size{{Width: 1280, Height: 860}, {Width: 1200, Height: 800}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		board.Resize(sizes[i%2])
	}
}

// BenchmarkBoardRefresh measures what an edit costs: a Refresh, which
// re-reads the canvas and redraws the cards in view.
func BenchmarkBoardRefresh(b *testing.B) {
	board, _ := newTestBoard(b, bigCanvas(b, 1000), fyne.NewSize(1200, 800))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		board.Refresh()
	}
}

// BenchmarkBoardDrag measures one pointer move of a drag.
func BenchmarkBoardDrag(b *testing.B) {
	board, _ := newTestBoard(b, bigCanvas(b, 1000), fyne.NewSize(1200, 800))
	card := viewOf(board).cards[0]
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := float32(i%200) - 100
		board.dragNote(card, fyne.NewPos(400+d, 300+d))
	}
	b.StopTimer()
	board.endDrag()
}

func TestBigBoardShowsOnlyCardsInView(t *testing.T) {
	board, _ := newTestBoard(t, bigCanvas(t, 1000), fyne.NewSize(1200, 800))
	if n := len(viewOf(board).cards); n > 200 {
		t.Errorf("%d cards made for a 1,000-note canvas, want only those in view", n)
	}
	total := 0
	for _, w := range board.blocks {
		total += w.state.above + w.state.below
	}
	if total+len(viewOf(board).shownAt) != 1000 {
		t.Errorf("%d out of view + %d shown, want 1000", total, len(viewOf(board).shownAt))
	}
	if hidden := board.Hidden(); len(hidden) != total {
		t.Errorf("Hidden lists %d notes, the blocks count %d out of view", len(hidden), total)
	}
}

// richCanvas is bigCanvas with everything a card can carry: links to one
// to three segments, every status, up to three tags, and amounts on the
// revenue and cost notes.
func richCanvas(tb testing.TB, n int) *bmc.Canvas {
	tb.Helper()
	c := bigCanvas(tb, n)
	var segments []string
	for _, s := range c.Segments()[:5] {
		segments = append(segments, s.ID)
	}
	tags := []string{"physical", "problem solving", "subscription"}
	i := 0
	for _, b := range c.Template().Blocks {
		for _, note := range c.Blocks[b.ID] {
			i++
			note.Status = bmc.Statuses[i%len(bmc.Statuses)]
			note.Tags = tags[:i%(len(tags)+1)]
			if b.ID != bmc.SegmentBlock {
				note.Segments = segments[i%3 : i%3+1+i%3]
			}
			if b.ID == bmc.RevenueBlock || b.ID == bmc.CostBlock {
				amount := float64(100 * i)
				note.Amount, note.Period = &amount, bmc.Periods[i%len(bmc.Periods)]
			}
			if err := c.UpdateNote(note); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return c
}

// BenchmarkBoardLayoutRich is BenchmarkBoardLayout with every card
// carrying marks, a badge, chips or an amount, and a segment in focus.
func BenchmarkBoardLayoutRich(b *testing.B) {
	c := richCanvas(b, 1000)
	board, _ := newTestBoard(b, c, fyne.NewSize(1200, 800))
	board.SetFocusSegment(c.Segments()[0].ID)
	sizes := []fyne.Size{{Width: 1280, Height: 860}, {Width: 1200, Height: 800}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		board.Resize(sizes[i%2])
	}
}
