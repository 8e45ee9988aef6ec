package widgets

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func TestBoardRendersExamples(t *testing.T) {
	for _, name := range []string{"bakery", "designer", "startup"} {
		t.Run(name, func(t *testing.T) {
			_, w := newTestBoard(t, example(t, name), fyne.NewSize(1200, 800))
			assertImage(t, "board/"+name+".png", w.Canvas().Capture())
		})
	}
}

func TestBoardRendersStates(t *testing.T) {
	t.Run("blank", func(t *testing.T) {
		c, _ := bmc.New("business-model-canvas")
		_, w := newTestBoard(t, c, fyne.NewSize(1200, 800))
		assertImage(t, "board/blank.png", w.Canvas().Capture())
	})
	t.Run("backstage-hidden", func(t *testing.T) {
		c := example(t, "bakery")
		b, w := newTestBoard(t, c, fyne.NewSize(1200, 800))
		b.SetBackstageShown(false)
		assertImage(t, "board/bakery-backstage-hidden.png", w.Canvas().Capture())
	})
	t.Run("selected-and-dragging", func(t *testing.T) {
		c := example(t, "bakery")
		b, w := newTestBoard(t, c, fyne.NewSize(1200, 800))
		w.Canvas().Focus(b)
		b.Select("n14")
		ka := blockGeomOf(t, b, "key_activities")
		card := cardOf(t, b, "n30")
		card.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(50, 40)}, Dragged: fyne.NewDelta(0, 0)})
		to := ka.cardPos(1).AddXY(ka.cardW+2, ka.cardSize(0).Height/2).Subtract(card.Position())
		card.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-50, to.Y-40)})
		assertImage(t, "board/bakery-dragging.png", w.Canvas().Capture())
		card.DragEnd()
	})
	t.Run("editing", func(t *testing.T) {
		c := example(t, "bakery")
		b, w := newTestBoard(t, c, fyne.NewSize(1200, 800))
		b.Select("n2")
		b.EditSelected()
		assertImage(t, "board/bakery-editing.png", w.Canvas().Capture())
	})
	t.Run("focused-empty-block", func(t *testing.T) {
		c, _ := bmc.New("personal")
		b, w := newTestBoard(t, c, fyne.NewSize(1000, 700))
		w.Canvas().Focus(b)
		b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		assertImage(t, "board/personal-blank-focused.png", w.Canvas().Capture())
	})
}

// marksCanvas is a canvas made to show everything a card can carry:
// segment marks, each status, tags, amounts of every period.
const marksCanvas = `format: bmcanvas/1
template: business-model-canvas
title: Marks and badges
currency: €
blocks:
  customer_segments:
    - {id: s1, text: Commuters, color: blue, status: validated}
    - {id: s2, text: Students on a budget, color: pink, status: hypothesis}
    - {id: s3, text: Offices ordering for meetings, color: green}
    - {id: s4, text: Hotels, color: purple, status: invalidated}
    - {id: s5, text: Tourists, color: orange}
    - {id: s6, text: Neighbours, color: grey}
  value_propositions:
    - {id: v1, text: Coffee in two minutes, color: blue, segments: [s1], status: validated}
    - {id: v2, text: Cheap lunch box, color: pink, segments: [s2, s1], status: hypothesis}
    - {id: v3, text: Catering delivered by nine with everything you need for a long meeting, color: green, segments: [s3, s1, s2]}
    - {id: v4, text: Breakfast for hotel guests, color: purple, segments: [s4], status: invalidated}
    - {id: v5, text: A short idea, color: yellow}
  channels:
    - {id: c1, text: Pre-order app, color: blue, segments: [s1, s2], status: invalidated}
    - {id: c2, text: Walk-in counter, color: yellow, segments: [s1, s2, s3, s5, s6]}
  customer_relationships:
    - {id: r1, text: Loyalty card, color: blue, segments: [s1], status: validated, tags: [automated]}
    - {id: r2, text: Account manager, color: green, segments: [s3], tags: [personal assistance, co-creation]}
  key_resources:
    - {id: k1, text: Deck oven, tags: [physical]}
    - {id: k2, text: Recipes, tags: [intellectual]}
    - {id: k3, text: Two bakers, tags: [human, physical, financial, intellectual]}
  key_activities:
    - {id: a1, text: Baking from 3 am, tags: [production], segments: [s1, s3]}
    - {id: a2, text: Plan quantities to cut waste, status: hypothesis, tags: [problem solving]}
  key_partners:
    - {id: p1, text: Flour mill, color: grey, status: validated, segments: [s1]}
    - {id: p2, text: Food-waste app, color: grey, status: hypothesis}
  cost_structure:
    - {id: x1, text: Rent, tags: [fixed], amount: 2400, period: month}
    - {id: x2, text: New oven, tags: [fixed], amount: 18000, period: once}
    - {id: x3, text: Insurance, amount: 1250.5, period: year}
  revenue_streams:
    - {id: y1, text: Counter sales, color: blue, segments: [s1, s2], status: validated, tags: [asset sale], amount: 14500, period: month}
    - {id: y2, text: Catering, color: green, segments: [s3], status: hypothesis, tags: [asset sale], amount: 3200, period: month}
    - {id: y3, text: Hotel contract, color: purple, segments: [s4], status: invalidated, amount: 40000, period: year}
`

func TestBoardRendersSegmentsAndStatus(t *testing.T) {
	t.Run("marks", func(t *testing.T) {
		c, err := bmc.Load("marks.yaml", []byte(marksCanvas))
		if err != nil {
			t.Fatal(err)
		}
		_, w := newTestBoard(t, c, fyne.NewSize(1200, 800))
		assertImage(t, "board/marks.png", w.Canvas().Capture())
	})
	t.Run("focused", func(t *testing.T) {
		// The bakery focused on its local families, with one backstage
		// note linked to them, so that the chain reaches the backstage.
		b, w := newTestBoard(t, bakeryWithBackstageLink(t), fyne.NewSize(1200, 800))
		b.SetFocusSegment("n2")
		assertImage(t, "board/bakery-focused.png", w.Canvas().Capture())
	})
	t.Run("focused on a partner", func(t *testing.T) {
		// Molino Ruiz and its chain: the activity it supplies, the
		// propositions and segments behind it, their revenue and costs.
		b, w := newTestBoard(t, example(t, "bakery"), fyne.NewSize(1200, 800))
		b.SetFocusSegment("n30")
		if b.FocusSegment() != "n30" {
			t.Fatalf("focus = %q", b.FocusSegment())
		}
		assertImage(t, "board/bakery-focused-partner.png", w.Canvas().Capture())
	})
	t.Run("linking", func(t *testing.T) {
		b, w := newTestBoard(t, example(t, "bakery"), fyne.NewSize(1200, 800))
		dragDot(t, b, "n4", middle(t, b, "n29"), func() {
			assertImage(t, "board/bakery-linking.png", w.Canvas().Capture())
		})
	})
	t.Run("filtered", func(t *testing.T) {
		c := example(t, "bakery")
		b, w := newTestBoard(t, c, fyne.NewSize(1200, 800))
		b.SetFilter(c.Select(bmc.ParseQuery("status:hypothesis")))
		assertImage(t, "board/bakery-filtered.png", w.Canvas().Capture())
	})
}
