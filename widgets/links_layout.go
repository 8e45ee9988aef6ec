package widgets

import (
	"math"

	"fyne.io/fyne/v2"
)

// This file lays out the selected note's connections (links.go draws
// them): a pure function of the board's geometry.

// cardBox is a card's place on the board.
type cardBox struct {
	pos  fyne.Position
	size fyne.Size
}

func (c cardBox) centre() fyne.Position {
	return c.pos.AddXY(c.size.Width/2, c.size.Height/2)
}

// linkLine is a connection drawn from the edge of one card to the edge of
// another.
type linkLine struct {
	from, to fyne.Position
}

// linkLayout is where the selected note's connections go.
type linkLayout struct {
	// lines run between the cards' edges, one per neighbour in view whose
	// card does not touch the selected one.
	lines []linkLine
	// rings go around the neighbours in view, one each.
	rings []cardBox
	// away lists the neighbours not in view: scrolled out of their block,
	// or in a block not laid out (a hidden backstage). They get no line.
	away []string
	// handle is the centre of the link handle and handleD its diameter;
	// hasHandle says whether there is one.
	handle    fyne.Position
	handleD   float32
	hasHandle bool
}

// linkGap is how far a connection's ends stay from the cards, so that a
// line stops at the ring around the card it reaches.
const linkGap = 3

// handleSize is the link handle's largest diameter.
const handleSize = 16

// layoutLinks lays out the connections of note sel to its neighbours
// (bmc.Canvas.Neighbours); find returns a note's block and index, and
// handle says whether the selected card gets a link handle. Nothing is
// laid out when sel is not in view.
func layoutLinks(g *geometry, sel string, neighbours []string, find func(string) (string, int, bool), handle bool) linkLayout {
	var out linkLayout
	from, bg, ok := placeOf(g, sel, find)
	if !ok {
		return out
	}
	for _, id := range neighbours {
		to, _, ok := placeOf(g, id, find)
		if !ok {
			out.away = append(out.away, id)
			continue
		}
		out.rings = append(out.rings, to)
		if l, ok := edgeLine(from, to); ok {
			out.lines = append(out.lines, l)
		}
	}
	if handle {
		// In the gutter right of the card, overlapping at most the
		// cards' padding, never their text.
		pad := cardPadEm * bg.text
		out.handleD = min(handleSize, bg.gap+2*pad-2)
		out.handle = from.pos.AddXY(from.size.Width+bg.gap/2, from.size.Height/2)
		out.hasHandle = true
	}
	return out
}

// outOfView counts the notes of ids in the block scrolled out of view,
// above and below it; find returns a note's block and index.
func (bg *blockGeom) outOfView(ids []string, find func(string) (string, int, bool)) (above, below int) {
	first, end := bg.visible()
	for _, id := range ids {
		block, i, ok := find(id)
		switch c := bg.cardOf(i); {
		case !ok || block != bg.block.ID:
		case c < first:
			above++
		case c >= end:
			below++
		}
	}
	return above, below
}

// placeOf returns where the card of note id is, and its block, when it
// is in view.
func placeOf(g *geometry, id string, find func(string) (string, int, bool)) (cardBox, *blockGeom, bool) {
	block, i, ok := find(id)
	if !ok {
		return cardBox{}, nil, false
	}
	k := g.find(block)
	if k < 0 {
		return cardBox{}, nil, false
	}
	bg := &g.blocks[k]
	c := bg.cardOf(i)
	first, end := bg.visible()
	if c < first || c >= end || c >= len(bg.cards) {
		return cardBox{}, nil, false
	}
	return cardBox{bg.cardPos(c), bg.cardSize(c)}, bg, true
}

// edgeLine returns the part of the line between the centres of two cards
// that lies outside both (and linkGap around them), or false when the
// cards are too close for any.
func edgeLine(a, b cardBox) (linkLine, bool) {
	ca, cb := a.centre(), b.centre()
	dx, dy := float64(cb.X-ca.X), float64(cb.Y-ca.Y)
	// exit is the share of the centre-to-centre line inside a box of half
	// sizes w and h around the line's start.
	exit := func(w, h float32) float64 {
		t := math.Inf(1)
		if dx != 0 {
			t = (float64(w) + linkGap) / math.Abs(dx)
		}
		if dy != 0 {
			t = min(t, (float64(h)+linkGap)/math.Abs(dy))
		}
		return t
	}
	t0 := exit(a.size.Width/2, a.size.Height/2)
	t1 := 1 - exit(b.size.Width/2, b.size.Height/2)
	if t1-t0 <= 0 || math.IsInf(t0, 1) {
		return linkLine{}, false
	}
	at := func(t float64) fyne.Position {
		return fyne.NewPos(ca.X+float32(dx*t), ca.Y+float32(dy*t))
	}
	return linkLine{at(t0), at(t1)}, true
}
