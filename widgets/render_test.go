package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func TestBoardRendersExamples(t *testing.T) {
	for _, name := range []string{"bakery", "designer", "startup"} {
		t.Run(name, func(t *testing.T) {
			_, w := newTestBoard(t, example(t, name), fyne.NewSize(1200, 800))
			test.AssertImageMatches(t, "board/"+name+".png", w.Canvas().Capture())
		})
	}
}

func TestBoardRendersStates(t *testing.T) {
	t.Run("blank", func(t *testing.T) {
		c, _ := bmc.New("business-model-canvas")
		_, w := newTestBoard(t, c, fyne.NewSize(1200, 800))
		test.AssertImageMatches(t, "board/blank.png", w.Canvas().Capture())
	})
	t.Run("backstage-hidden", func(t *testing.T) {
		c := example(t, "bakery")
		b, w := newTestBoard(t, c, fyne.NewSize(1200, 800))
		b.SetBackstageShown(false)
		test.AssertImageMatches(t, "board/bakery-backstage-hidden.png", w.Canvas().Capture())
	})
	t.Run("selected-and-dragging", func(t *testing.T) {
		c := example(t, "bakery")
		b, w := newTestBoard(t, c, fyne.NewSize(1200, 800))
		w.Canvas().Focus(b)
		b.Select("n14")
		ka := blockGeomOf(t, b, "key_activities")
		card := cardOf(t, b, "n30")
		card.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(50, 40)}, Dragged: fyne.NewDelta(0, 0)})
		to := ka.cardPos(1).AddXY(ka.card.Width+2, ka.card.Height/2).Subtract(card.Position())
		card.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-50, to.Y-40)})
		test.AssertImageMatches(t, "board/bakery-dragging.png", w.Canvas().Capture())
		card.DragEnd()
	})
	t.Run("editing", func(t *testing.T) {
		c := example(t, "bakery")
		b, w := newTestBoard(t, c, fyne.NewSize(1200, 800))
		b.Select("n2")
		b.EditSelected()
		test.AssertImageMatches(t, "board/bakery-editing.png", w.Canvas().Capture())
	})
	t.Run("focused-empty-block", func(t *testing.T) {
		c, _ := bmc.New("personal")
		b, w := newTestBoard(t, c, fyne.NewSize(1000, 700))
		w.Canvas().Focus(b)
		b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		test.AssertImageMatches(t, "board/personal-blank-focused.png", w.Canvas().Capture())
	})
}
