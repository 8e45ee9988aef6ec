package widgets

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// metrics are the board's sizes, derived from the theme's text size and
// padding so that the board scales with them.
type metrics struct {
	pad       float32 // the theme's padding
	margin    float32 // around the board
	blockGap  float32 // between blocks
	titleText float32 // block titles
	titleH    float32 // a block's title row
	iconSize  float32 // a block's icon
	hintText  float32 // the question in an empty block
	cardText  float32 // note text
	lineH     float32 // one line of note text
	lineHMin  float32 // one line of note text at the smallest size cards use
	cardPad   float32 // inside a card
	cardLines int     // lines of text a card shows
	cardMinW  float32
	cardMaxW  float32
	cardH     float32
	cardGap   float32
	footerH   float32 // the "+N more" row
	footText  float32
	curtainW  float32
	buttonW   float32 // the "+" and "?" buttons
}

func newMetrics(th fyne.Theme) metrics {
	text := th.Size(theme.SizeNameText)
	pad := th.Size(theme.SizeNamePadding)
	m := metrics{
		pad:       pad,
		margin:    pad * 1.5,
		blockGap:  pad * 2,
		titleText: text * 0.9,
		iconSize:  text * 1.2,
		hintText:  text * 0.86,
		cardText:  text * 0.86,
		cardPad:   pad * 1.75,
		cardLines: 4,
		cardGap:   pad * 1.5,
		footText:  text * 0.78,
		curtainW:  text * 2,
	}
	m.lineH = fyne.MeasureText("Mg", m.cardText, fyne.TextStyle{}).Height
	m.lineHMin = fyne.MeasureText("Mg", m.cardText*textScales[len(textScales)-1], fyne.TextStyle{}).Height
	m.titleH = m.iconSize + 3*pad
	m.buttonW = text * 1.45
	m.cardMinW = text * 7.2
	m.cardMaxW = text * 12
	m.cardH = float32(m.cardLines)*m.lineH + 2*m.cardPad
	m.footerH = fyne.MeasureText("0", m.footText, fyne.TextStyle{}).Height + pad
	return m
}

// place is a block and its rectangle in grid units; fractional while the
// layout animates.
type place struct {
	block      *bmc.Block
	x, y, w, h float32
	// leaving is true for a block that is animating out of the layout.
	leaving bool
}

// placesOf converts a template layout to places.
func placesOf(layout []bmc.Placement) []place {
	out := make([]place, len(layout))
	for i, p := range layout {
		out[i] = place{block: p.Block, x: float32(p.Rect.X), y: float32(p.Rect.Y), w: float32(p.Rect.W), h: float32(p.Rect.H)}
	}
	return out
}

// tween returns the places part-way (f from 0 to 1) from one layout to
// another. Blocks only in from shrink to nothing at the left edge; blocks
// only in to grow from it.
func tween(from, to []place, f float32) []place {
	lerp := func(a, b float32) float32 { return a + (b-a)*f }
	find := func(list []place, id string) (place, bool) {
		for _, p := range list {
			if p.block.ID == id {
				return p, true
			}
		}
		return place{}, false
	}
	collapsed := func(p place) place { p.x, p.w = 0, 0; return p }
	out := make([]place, 0, len(to)+len(from))
	for _, t := range to {
		s, ok := find(from, t.block.ID)
		if !ok {
			s = collapsed(t)
		}
		out = append(out, place{block: t.block, x: lerp(s.x, t.x), y: lerp(s.y, t.y), w: lerp(s.w, t.w), h: lerp(s.h, t.h)})
	}
	for _, s := range from {
		if _, ok := find(to, s.block.ID); ok {
			continue
		}
		t := collapsed(s)
		out = append(out, place{block: s.block, x: lerp(s.x, t.x), y: lerp(s.y, t.y), w: lerp(s.w, t.w), h: lerp(s.h, t.h), leaving: true})
	}
	return out
}

// geometry is the board laid out at one size: where each block, its title
// row and its cards go. It is cached by the board and rebuilt on resize or
// when the canvas changes.
type geometry struct {
	size    fyne.Size
	curtain fyne.Size // zero when there is no curtain
	blocks  []blockGeom
}

// blockGeom is one block's frame and the grid its cards flow in.
type blockGeom struct {
	block       *bmc.Block
	leaving     bool
	pos         fyne.Position // frame, relative to the board
	size        fyne.Size
	content     fyne.Position // where cards go
	contentSize fyne.Size
	cols        int       // cards per row
	card        fyne.Size // every card's size
	gap         float32
	rows        int // rows in view
	count       int // notes in the block
	first       int // first row in view
	footer      bool
}

// layoutBoard computes the geometry for a board of the given size. curtain
// is the fraction (0 to 1) of the curtain strip's width to keep at the
// left; count gives the number of notes per block and scroll the first row
// in view per block.
func layoutBoard(size fyne.Size, gridW, gridH int, places []place, curtain float32, m metrics,
	count func(block string) int, scroll map[string]int) *geometry {
	g := &geometry{size: size}
	x0 := m.margin
	if curtain > 0 {
		g.curtain = fyne.NewSize(m.curtainW*curtain, size.Height)
		x0 += g.curtain.Width
	}
	w := size.Width - x0 - m.margin
	h := size.Height - 2*m.margin
	ux, uy := w/float32(gridW), h/float32(gridH)
	g.blocks = make([]blockGeom, 0, len(places))
	for _, p := range places {
		b := blockGeom{block: p.block, leaving: p.leaving, gap: m.cardGap}
		b.pos = fyne.NewPos(x0+p.x*ux+m.blockGap/2, m.margin+p.y*uy+m.blockGap/2)
		b.size = fyne.NewSize(max(p.w*ux-m.blockGap, 0), max(p.h*uy-m.blockGap, 0))
		inset := m.pad * 2
		b.content = b.pos.AddXY(inset, m.titleH)
		b.contentSize = fyne.NewSize(max(b.size.Width-2*inset, 0), max(b.size.Height-m.titleH-inset, 0))
		b.count = count(p.block.ID)
		b.flow(m, scroll[p.block.ID])
		g.blocks = append(g.blocks, b)
	}
	return g
}

// flow sizes the block's cards and decides how many rows are in view.
func (b *blockGeom) flow(m metrics, first int) {
	cw, ch := b.contentSize.Width, b.contentSize.Height
	cols := int((cw + b.gap) / (m.cardMinW + b.gap))
	if most := int(math.Ceil(float64((cw + b.gap) / (m.cardMaxW + b.gap)))); most > cols {
		cols = most
	}
	if cols < 1 {
		cols = 1
	}
	b.cols = cols
	b.card = fyne.NewSize(max((cw-b.gap*float32(cols-1))/float32(cols), 0), m.cardH)
	// Cards are cardLines lines high; when that hides notes, they shrink
	// to three lines of the smallest text size if that shows more of them.
	maxH, minH := m.cardH, 3*m.lineHMin+2*m.cardPad
	fit := func(h, cardH float32) int { return int((h + b.gap) / (cardH + b.gap)) }
	total := b.totalRows()
	b.rows = fit(ch, maxH)
	switch {
	case total > 0 && total <= b.rows:
		// Everything fits: let cards grow towards squares, as paper notes
		// are, while every row still fits.
		tall := min(b.card.Width, maxH+2*m.lineH)
		b.card.Height = max(maxH, min(tall, (ch-b.gap*float32(total-1))/float32(total)))
		b.rows = max(fit(ch, b.card.Height), total)
	case total > b.rows:
		if fit(ch, minH) >= total {
			b.rows = total
		} else {
			b.footer = true
			ch -= m.footerH
			b.rows = fit(ch, minH)
		}
		b.card.Height = min(maxH, (ch-b.gap*float32(b.rows-1))/float32(b.rows))
	}
	if b.rows < 1 {
		b.rows = 1
		b.card.Height = max(ch, m.lineH+2*m.cardPad)
	}
	b.first = clampInt(first, 0, b.maxFirst())
}

func (b *blockGeom) totalRows() int { return (b.count + b.cols - 1) / b.cols }

func (b *blockGeom) maxFirst() int { return max(b.totalRows()-b.rows, 0) }

// visible returns the range of note indexes in view, from ≤ i < to.
func (b *blockGeom) visible() (from, to int) {
	from = min(b.first*b.cols, b.count)
	to = min((b.first+b.rows)*b.cols, b.count)
	return from, to
}

// hidden returns how many notes are scrolled out of view.
func (b *blockGeom) hidden() int {
	from, to := b.visible()
	return b.count - (to - from)
}

// cardPos returns where the card of note i goes, even when it is out of
// view.
func (b *blockGeom) cardPos(i int) fyne.Position {
	row, col := i/b.cols, i%b.cols
	return b.content.AddXY(float32(col)*(b.card.Width+b.gap), float32(row-b.first)*(b.card.Height+b.gap))
}

// contains reports whether p lies in the block's frame.
func (b *blockGeom) contains(p fyne.Position) bool {
	return p.X >= b.pos.X && p.Y >= b.pos.Y && p.X < b.pos.X+b.size.Width && p.Y < b.pos.Y+b.size.Height
}

// rowAt returns the row (counted from the top of the block, not the view)
// at height y, limited to the rows in view that hold cards.
func (b *blockGeom) rowAt(y float32) int {
	row := b.first + int(math.Floor(float64((y-b.content.Y)/(b.card.Height+b.gap))))
	last := min(b.first+b.rows, b.totalRows()) - 1
	return clampInt(row, b.first, max(last, b.first))
}

// colAt returns the column at x, from 0 to cols-1.
func (b *blockGeom) colAt(x float32) int {
	return clampInt(int(math.Floor(float64((x-b.content.X)/(b.card.Width+b.gap)))), 0, b.cols-1)
}

// dropAt returns the index, counted in the block before the dragged note is
// taken out, at which a note dropped at p lands, and the bar that shows it:
// a vertical bar between cards in a row, a horizontal one between cards of
// a single column.
func (b *blockGeom) dropAt(p fyne.Position) (index int, barPos fyne.Position, barSize fyne.Size) {
	const bar = 3
	if b.count == 0 {
		return 0, b.content.AddXY(0, -bar), fyne.NewSize(b.card.Width, bar)
	}
	row := b.rowAt(p.Y)
	if b.cols == 1 {
		index = row
		top := b.cardPos(row).Y
		if p.Y > top+b.card.Height/2 {
			index++
		}
		index = min(index, b.count)
		y := b.cardPos(index).Y - b.gap/2 - bar/2
		return index, fyne.NewPos(b.content.X, y), fyne.NewSize(b.card.Width, bar)
	}
	col := int(math.Floor(float64((p.X-b.content.X)/(b.card.Width+b.gap)) + 0.5))
	col = clampInt(col, 0, b.cols)
	index = min(row*b.cols+col, b.count)
	if row == b.totalRows()-1 && p.Y > b.cardPos(row*b.cols).Y+b.card.Height {
		index = b.count // in the space below the last card: the end
	}
	col = index - row*b.cols
	x := b.content.X + float32(col)*(b.card.Width+b.gap) - b.gap/2 - bar/2
	y := b.cardPos(row * b.cols).Y
	return index, fyne.NewPos(x, y), fyne.NewSize(bar, b.card.Height)
}

// scrolledTo returns the first row that brings note i into view while
// moving the view as little as possible.
func (b *blockGeom) scrolledTo(i int) int {
	row := i / b.cols
	switch {
	case row < b.first:
		return row
	case row >= b.first+b.rows:
		return row - b.rows + 1
	}
	return b.first
}

// blockAt returns the index of the visible block at p, or -1.
func (g *geometry) blockAt(p fyne.Position) int {
	for i := range g.blocks {
		if !g.blocks[i].leaving && g.blocks[i].contains(p) {
			return i
		}
	}
	return -1
}

// find returns the index of the block with the given ID, or -1.
func (g *geometry) find(id string) int {
	for i := range g.blocks {
		if g.blocks[i].block.ID == id && !g.blocks[i].leaving {
			return i
		}
	}
	return -1
}

// direction is a way an arrow key points.
type direction int

const (
	dirUp direction = iota
	dirDown
	dirLeft
	dirRight
)

// neighbour returns the index of the block next to block from in
// direction d, preferring one that lies across the point at (the focused
// card's centre), or -1 when there is none.
func (g *geometry) neighbour(from int, d direction, at fyne.Position) int {
	const eps = 1
	src := &g.blocks[from]
	best, bestAcross, bestDist := -1, false, float32(math.MaxFloat32)
	for i := range g.blocks {
		c := &g.blocks[i]
		if i == from || c.leaving {
			continue
		}
		var dist float32
		var beyond, overlaps, across bool
		switch d {
		case dirRight, dirLeft:
			if d == dirRight {
				dist = c.pos.X - (src.pos.X + src.size.Width)
			} else {
				dist = src.pos.X - (c.pos.X + c.size.Width)
			}
			beyond = dist >= -eps
			overlaps = c.pos.Y < src.pos.Y+src.size.Height && src.pos.Y < c.pos.Y+c.size.Height
			across = at.Y >= c.pos.Y && at.Y < c.pos.Y+c.size.Height
		default:
			if d == dirDown {
				dist = c.pos.Y - (src.pos.Y + src.size.Height)
			} else {
				dist = src.pos.Y - (c.pos.Y + c.size.Height)
			}
			beyond = dist >= -eps
			overlaps = c.pos.X < src.pos.X+src.size.Width && src.pos.X < c.pos.X+c.size.Width
			across = at.X >= c.pos.X && at.X < c.pos.X+c.size.Width
		}
		if !beyond || !overlaps {
			continue
		}
		if (across && !bestAcross) || (across == bestAcross && dist < bestDist) {
			best, bestAcross, bestDist = i, across, dist
		}
	}
	return best
}

// entry returns the note a move in direction d into this block lands on:
// the one nearest to at on the side it is entered from, or -1 when the
// block is empty.
func (b *blockGeom) entry(d direction, at fyne.Position) int {
	if b.count == 0 {
		return -1
	}
	last := b.totalRows() - 1
	var row, col int
	switch d {
	case dirRight, dirLeft:
		row = clampInt(b.first+int(math.Floor(float64((at.Y-b.content.Y)/(b.card.Height+b.gap)))), b.first, min(b.first+b.rows-1, last))
		if d == dirLeft {
			col = b.cols - 1
		}
	case dirDown:
		row, col = b.first, b.colAt(at.X)
	case dirUp:
		row, col = min(b.first+b.rows-1, last), b.colAt(at.X)
	}
	return min(row*b.cols+col, b.count-1)
}

// step returns the note next to note i in direction d within the block, or
// -1 when the move leaves the block.
func (b *blockGeom) step(i int, d direction) int {
	row, col := i/b.cols, i%b.cols
	switch d {
	case dirUp:
		if row > 0 {
			return i - b.cols
		}
	case dirDown:
		if i+b.cols < b.count {
			return i + b.cols
		}
		if row < b.totalRows()-1 {
			return b.count - 1
		}
	case dirLeft:
		if col > 0 {
			return i - 1
		}
	case dirRight:
		if col < b.cols-1 && i+1 < b.count {
			return i + 1
		}
	}
	return -1
}

func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
