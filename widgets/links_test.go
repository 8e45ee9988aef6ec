package widgets

import (
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
