package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestBoardRendersExamples(t *testing.T) {
	for _, name := range []string{"bakery", "designer", "startup"} {
		t.Run(name, func(t *testing.T) {
			_, w := newTestBoard(t, example(t, name), fyne.NewSize(1200, 800))
			test.AssertImageMatches(t, "board/"+name+".png", w.Canvas().Capture())
		})
	}
}
