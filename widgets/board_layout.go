package widgets

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/textlayout"
)

// This file lays out the board: a pure function from a canvas, a size and
// a zoom to the rectangles of blocks and cards and the lines of every
// note, testable with no Fyne canvas. The renderer only draws what it
// returns.

// metrics are the board's sizes at one zoom, derived from the theme's
// text size and padding so that the board scales with them.
type metrics struct {
	zoom      float32
	pad       float32 // the theme's padding
	margin    float32 // around the board
	blockGap  float32 // between blocks
	titleText float32 // block titles
	titleH    float32 // a block's title row
	iconSize  float32 // a block's icon
	buttonW   float32 // the "+" and "?" buttons
	hintText  float32 // the question in an empty block
	noteText  float32 // note text, where a block has room
	noteFloor float32 // the smallest note text a block shrinks to before it scrolls
	footText  float32 // the scroll indicator
	footerH   float32
	curtainW  float32
}

// Note text sizes at zoom 1, in ems of the theme's text size: 12 and 11
// pixels with Fyne's default theme.
const (
	noteTextEm  = 0.86
	noteFloorEm = 0.786
	// noteStep is how much a crowded block's text shrinks at a time, in
	// pixels: Fyne spaces text at whole pixel sizes.
	noteStep = 1
)

// Card widths, in ems of the card's text.
const (
	cardMinTextEm = 6.5  // the narrowest text column
	cardTargetEm  = 11.5 // the width cards are given where a block has room
	cardMaxEm     = 18   // the widest card
)

// baseSizes are the theme's text size and padding.
type baseSizes struct{ text, pad float32 }

func themeSizes(th fyne.Theme) baseSizes {
	return baseSizes{text: th.Size(theme.SizeNameText), pad: th.Size(theme.SizeNamePadding)}
}

func newMetrics(b baseSizes, zoom float32) metrics {
	text, pad := b.text*zoom, b.pad*zoom
	m := metrics{
		zoom:      zoom,
		pad:       pad,
		margin:    b.pad * 1.5,
		blockGap:  pad * 2,
		titleText: text * 0.9,
		iconSize:  text * 1.2,
		buttonW:   text * 1.45,
		hintText:  text * 0.86,
		noteText:  pixels(text * noteTextEm),
		noteFloor: pixels(text * noteFloorEm),
		footText:  max(text*0.78, 9),
		curtainW:  b.text * 2,
	}
	m.noteFloor = min(m.noteFloor, m.noteText)
	m.titleH = m.iconSize + 3*pad
	m.footerH = m.footText*textlayout.LineHeight + pad
	return m
}

// pixels rounds a text size to whole pixels, at least 4: the sizes Fyne
// spaces text at (see shapedSize).
func pixels(size float32) float32 { return max(float32(math.Round(float64(size))), 4) }

// Zoom is how large a board draws its blocks and notes.
type Zoom struct {
	// Fit chooses the largest size at which every note shows.
	Fit bool
	// Factor is the size relative to the theme's (1 is 100%) when Fit is
	// false.
	Factor float32
}

// The zoom factors Ctrl+= and Ctrl+- step through, and the range Fit
// chooses from.
var zoomSteps = []float32{0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3}

const (
	fitMin = 0.5
	fitMax = 2
)

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

// boardInput is what a board is laid out from.
type boardInput struct {
	size    fyne.Size
	tmpl    *bmc.Template
	places  []place
	curtain float32 // the share of the curtain strip shown, 0 to 1
	base    baseSizes
	zoom    Zoom
	// notes returns what a block's cards show, in order: its notes, and
	// during a comparison the ghosts of removed notes (isGhost) among
	// them where they were; card returns what a note's card shows.
	notes func(block string) []bmc.Note
	card  func(n *bmc.Note, block string) cardContent
	ms    measures
	// scroll is the first row in view per block.
	scroll map[string]int
	// cards, when not nil, remembers card layouts by what they show, their
	// width and their text size.
	cards map[cardKey]cardLayout
	// columns, when not nil, remembers the columns a crowded block chose;
	// version tells the notes apart, changing whenever they change.
	columns map[columnsKey]int
	version int
}

// columnsKey names a crowded block's choice of columns in
// boardInput.columns.
type columnsKey struct {
	block         string
	width, height float32
	size          float32
	version       int
}

// cardKey names a card's layout in boardInput.cards: everything its
// layout depends on.
type cardKey struct {
	text           *textlayout.Text // prepared texts are shared: one per text
	w, size        float32
	amount, tags   string
	badge, segment bool
	marks, votes   int
	change         cardChange
}

// keyOf returns the key of a card showing c at width w and text size ts.
func keyOf(c *cardContent, w, ts float32) cardKey {
	k := cardKey{text: c.text, w: w, size: ts, amount: c.amount, badge: c.badge, segment: c.segment, marks: c.marks, votes: c.votes,
		change: c.change}
	switch len(c.tags) {
	case 0:
	case 1:
		k.tags = c.tags[0]
	default:
		k.tags = strings.Join(c.tags, "\x00")
	}
	return k
}

// geometry is the board laid out at one size: where each block, its title
// row and its cards go, and every card's lines.
type geometry struct {
	size    fyne.Size
	m       metrics
	curtain fyne.Size // zero when there is no curtain
	blocks  []blockGeom
}

// blockGeom is one block's frame and the cards that flow in it.
type blockGeom struct {
	block   *bmc.Block
	leaving bool
	pos     fyne.Position // frame, relative to the board
	size    fyne.Size
	content fyne.Position // the top left of the notes' view
	view    fyne.Size     // the notes' view
	text    float32       // every card's text size
	cols    int
	cardW   float32
	gap     float32
	count   int // cards: the notes, and the ghosts of removed notes among them
	ghosts  int // the ghosts, which take no part in moves
	// cardNote is, for each card, the index of its note in the block, or
	// -1 for a ghost; noteCard, for each note, the index of its card. Both
	// are nil when the block has no ghosts: card i is note i.
	cardNote, noteCard []int
	cards              []cardLayout // one per card, in order
	rows               []cardRow
	first              int  // the first row in view
	end                int  // the row after the last in view
	scrolls            bool // the notes do not all fit: the view scrolls, with an indicator below it
}

// cardRow is a row of cards: its top, relative to the first row's, and
// its height, that of its tallest card.
type cardRow struct {
	top, h float32
}

// layoutBoard lays out a board.
func layoutBoard(in boardInput) *geometry {
	if !in.zoom.Fit {
		f := in.zoom.Factor
		if f <= 0 {
			f = 1
		}
		return layoutAt(in, f, false)
	}
	// The largest zoom at which no block scrolls.
	lo, hi := float32(fitMin), float32(fitMax)
	if g := layoutAt(in, hi, true); !g.anyScrolls() {
		return layoutAt(in, hi, false)
	}
	if g := layoutAt(in, lo, true); g.anyScrolls() {
		return layoutAt(in, lo, false)
	}
	for hi-lo > 0.01 {
		mid := (lo + hi) / 2
		if layoutAt(in, mid, true).anyScrolls() {
			hi = mid
		} else {
			lo = mid
		}
	}
	return layoutAt(in, lo, false)
}

func (g *geometry) anyScrolls() bool {
	for i := range g.blocks {
		if g.blocks[i].scrolls && !g.blocks[i].leaving {
			return true
		}
	}
	return false
}

// layoutAt lays out a board at one zoom. trial stops early in blocks that
// scroll, for the fit search.
func layoutAt(in boardInput, zoom float32, trial bool) *geometry {
	m := newMetrics(in.base, zoom)
	g := &geometry{size: in.size, m: m}
	if in.tmpl == nil {
		return g
	}
	x0 := m.margin
	if in.curtain > 0 {
		g.curtain = fyne.NewSize(m.curtainW*in.curtain, in.size.Height)
		x0 += g.curtain.Width
	}
	area := bmc.Frame{X: float64(x0), Y: float64(m.margin),
		W: float64(max(in.size.Width-x0-m.margin, 0)), H: float64(max(in.size.Height-2*m.margin, 0))}
	g.blocks = make([]blockGeom, 0, len(in.places))
	for _, p := range in.places {
		f := in.tmpl.GridFrame(bmc.Frame{X: float64(p.x), Y: float64(p.y), W: float64(p.w), H: float64(p.h)}, area, float64(m.blockGap))
		b := blockGeom{block: p.block, leaving: p.leaving}
		b.pos = fyne.NewPos(float32(f.X), float32(f.Y))
		b.size = fyne.NewSize(float32(f.W), float32(f.H))
		inset := m.pad * 2
		b.content = b.pos.AddXY(inset, m.titleH)
		b.view = fyne.NewSize(max(b.size.Width-2*inset, 0), max(b.size.Height-m.titleH-inset, 0))
		notes := in.notes(p.block.ID)
		b.mapGhosts(notes)
		if !p.leaving || !trial {
			b.flow(in, m, notes, trial)
			b.scrollTo(in.scroll[p.block.ID])
		}
		g.blocks = append(g.blocks, b)
	}
	return g
}

// flow chooses the block's text size and columns and lays out its cards:
// the largest text, from the zoom's note size down to its floor, at which
// every note fits, in the columns nearest the cards' usual width that
// hold them; else the floor in as many columns as are readable, the view
// scrolling.
func (b *blockGeom) flow(in boardInput, m metrics, notes []bmc.Note, trial bool) {
	b.text = m.noteText
	b.gap = cardGapEm * b.text
	b.cols = 1
	b.cardW = b.view.Width
	if len(notes) == 0 || b.view.Width <= 0 || b.view.Height <= 0 {
		b.rows = nil
		b.cards = nil
		b.scrolls = len(notes) > 0
		return
	}
	contents := make([]cardContent, len(notes))
	for i := range notes {
		contents[i] = in.card(&notes[i], b.block.ID)
	}
	for ts := m.noteText; ; ts -= noteStep {
		ts = max(ts, m.noteFloor)
		for _, cols := range columnChoices(b.view.Width, ts) {
			if b.stack(in, contents, cols, ts, b.view.Height) {
				return
			}
		}
		if ts <= m.noteFloor {
			break
		}
	}
	b.scrolls = true
	if trial {
		return
	}
	// The floor, in the columns that show the most notes at once without
	// cutting any, the view keeping room for the indicator below it.
	b.view.Height = max(b.view.Height-m.footerH, 0)
	key := columnsKey{block: b.block.ID, width: b.view.Width, height: b.view.Height, size: m.noteFloor, version: in.version}
	if cols, ok := in.columns[key]; ok {
		b.stack(in, contents, cols, m.noteFloor, -1)
		return
	}
	best, bestShown, bestCut := 0, -1, true
	for _, cols := range columnChoices(b.view.Width, m.noteFloor) {
		b.stack(in, contents, cols, m.noteFloor, -1)
		b.scrollTo(0)
		_, shown := b.visible()
		cut := false
		for _, r := range b.rows {
			cut = cut || r.h > b.view.Height+0.01
		}
		if (bestCut && !cut) || (cut == bestCut && shown > bestShown) {
			best, bestShown, bestCut = cols, shown, cut
		}
	}
	b.stack(in, contents, best, m.noteFloor, -1)
	if in.columns != nil {
		in.columns[key] = best
	}
}

// columnChoices returns the column counts a view w wide can hold at text
// size ts, in order of preference: the one that gives cards their usual
// width, then more, then fewer.
func columnChoices(w, ts float32) []int {
	target, most := columns(w, ts)
	out := make([]int, 0, most)
	for c := target; c <= most; c++ {
		out = append(out, c)
	}
	for c := target - 1; c >= 1; c-- {
		out = append(out, c)
	}
	return out
}

// columns returns the number of columns that gives cards their usual
// width in a view w wide at text size ts, and the most that keep a
// readable text column.
func columns(w, ts float32) (target, most int) {
	gap := cardGapEm * ts
	most = max(int((w+gap)/(cardMinTextEm*ts+2*cardPadEm*ts+gap)), 1)
	fewest := max(int(math.Ceil(float64((w+gap)/(cardMaxEm*ts+gap))-1e-6)), 1)
	target = int(math.Round(float64((w + gap) / (cardTargetEm*ts + gap))))
	target = min(max(target, fewest, 1), most)
	return target, most
}

// stack lays out the cards in rows of cols at text size ts and reports
// whether they fit in height; with height < 0 it lays out every card,
// else it stops at the first row that does not fit.
func (b *blockGeom) stack(in boardInput, contents []cardContent, cols int, ts float32, height float32) bool {
	gap := cardGapEm * ts
	w := max((b.view.Width-gap*float32(cols-1))/float32(cols), 1)
	b.text, b.gap, b.cols, b.cardW = ts, gap, cols, w
	b.cards = b.cards[:0]
	b.rows = b.rows[:0]
	top := float32(0)
	for i := 0; i < len(contents); i += cols {
		row := cardRow{top: top}
		for k := i; k < min(i+cols, len(contents)); k++ {
			var l cardLayout
			key := keyOf(&contents[k], w, ts)
			if cached, ok := in.cards[key]; ok {
				l = cached
			} else {
				l = layoutCard(contents[k], w, ts, in.ms)
				if in.cards != nil {
					in.cards[key] = l
				}
			}
			row.h = max(row.h, l.size.Height)
			b.cards = append(b.cards, l)
		}
		b.rows = append(b.rows, row)
		if height >= 0 && top+row.h > height+0.01 {
			return false
		}
		top += row.h + gap
	}
	return true
}

// scrollTo puts row first at the top of the view, as near as the rows
// allow, and finds the rows in view.
func (b *blockGeom) scrollTo(first int) {
	if len(b.rows) == 0 {
		b.first, b.end = 0, 0
		return
	}
	b.first = clampInt(first, 0, b.maxFirst())
	b.end = b.first + 1
	for b.end < len(b.rows) && b.rowsHeight(b.first, b.end+1) <= b.view.Height+0.01 {
		b.end++
	}
}

// rowsHeight is the height of rows from ≤ r < to.
func (b *blockGeom) rowsHeight(from, to int) float32 {
	last := b.rows[to-1]
	return last.top + last.h - b.rows[from].top
}

// maxFirst is the first row in view when the view is scrolled to the end.
func (b *blockGeom) maxFirst() int {
	first := len(b.rows) - 1
	for first > 0 && b.rowsHeight(first-1, len(b.rows)) <= b.view.Height+0.01 {
		first--
	}
	return max(first, 0)
}

// real returns the number of notes, the ghosts left out.
func (b *blockGeom) real() int { return b.count - b.ghosts }

// mapGhosts counts the cards of notes and finds the ghosts among them.
func (b *blockGeom) mapGhosts(notes []bmc.Note) {
	b.count, b.ghosts, b.cardNote, b.noteCard = len(notes), 0, nil, nil
	for i := range notes {
		if isGhost(notes[i].ID) {
			b.ghosts++
		}
	}
	if b.ghosts == 0 {
		return
	}
	b.cardNote = make([]int, len(notes))
	b.noteCard = make([]int, 0, len(notes)-b.ghosts)
	for c := range notes {
		b.cardNote[c] = -1
		if !isGhost(notes[c].ID) {
			b.cardNote[c] = len(b.noteCard)
			b.noteCard = append(b.noteCard, c)
		}
	}
}

// cardOf returns the index of note i's card; for i past the last note,
// the place after the last card.
func (b *blockGeom) cardOf(i int) int {
	switch {
	case b.noteCard == nil || i < 0: // -1: no note
		return i
	case i >= len(b.noteCard):
		return b.count
	}
	return b.noteCard[i]
}

// noteOf returns the index of the note on card c, or -1 for a ghost.
func (b *blockGeom) noteOf(c int) int {
	switch {
	case b.cardNote == nil:
		return c
	case c < 0 || c >= len(b.cardNote):
		return -1
	}
	return b.cardNote[c]
}

// notesBefore returns how many notes have their cards before card c.
func (b *blockGeom) notesBefore(c int) int {
	if b.cardNote == nil {
		return min(c, b.count)
	}
	n := 0
	for _, i := range b.cardNote[:min(c, b.count)] {
		if i >= 0 {
			n++
		}
	}
	return n
}

// nearestNote returns the note whose card is nearest card c, the later one
// of two as near, or -1 when the block has none.
func (b *blockGeom) nearestNote(c int) int {
	for d := 0; d <= b.count; d++ {
		for _, k := range [2]int{c + d, c - d} {
			if k >= 0 && k < b.count {
				if n := b.noteOf(k); n >= 0 {
					return n
				}
			}
		}
	}
	return -1
}

// rowOf returns the row of card c.
func (b *blockGeom) rowOf(c int) int { return c / b.cols }

// visible returns the range of cards in view, from ≤ c < to.
func (b *blockGeom) visible() (from, to int) {
	if len(b.rows) == 0 {
		return 0, 0
	}
	return min(b.first*b.cols, b.count), min(b.end*b.cols, b.count)
}

// above and below return how many cards are scrolled out of view above
// and below it.
func (b *blockGeom) above() int {
	from, _ := b.visible()
	return from
}

func (b *blockGeom) below() int {
	_, to := b.visible()
	return b.count - to
}

// cut reports whether card c is in view but drawn shorter than it needs:
// its row alone is taller than the view.
func (b *blockGeom) cut(c int) bool {
	from, to := b.visible()
	return c >= from && c < to && b.rows[b.rowOf(c)].h > b.view.Height+0.01
}

// cardPos returns where card c goes, even when it is out of view.
func (b *blockGeom) cardPos(c int) fyne.Position {
	if len(b.rows) == 0 {
		return b.content
	}
	row, col := b.rowOf(c), c%b.cols
	y := float32(0)
	if row < len(b.rows) {
		y = b.rows[row].top - b.rows[b.first].top
	} else { // one past the end: where a new row would start
		last := b.rows[len(b.rows)-1]
		y = last.top + last.h + b.gap - b.rows[b.first].top
	}
	return b.content.AddXY(float32(col)*(b.cardW+b.gap), y)
}

// cardSize returns the size card c is drawn at: its row's height, cut to
// the view.
func (b *blockGeom) cardSize(c int) fyne.Size {
	if b.rowOf(c) >= len(b.rows) {
		return fyne.NewSize(b.cardW, 0)
	}
	return fyne.NewSize(b.cardW, min(b.rows[b.rowOf(c)].h, max(b.view.Height, 1)))
}

// contains reports whether p lies in the block's frame.
func (b *blockGeom) contains(p fyne.Position) bool {
	return p.X >= b.pos.X && p.Y >= b.pos.Y && p.X < b.pos.X+b.size.Width && p.Y < b.pos.Y+b.size.Height
}

// rowAt returns the row at height y, limited to the rows in view.
func (b *blockGeom) rowAt(y float32) int {
	if len(b.rows) == 0 {
		return 0
	}
	rel := y - b.content.Y + b.rows[b.first].top
	row := b.first
	for row+1 < b.end && rel >= b.rows[row+1].top-b.gap/2 {
		row++
	}
	return row
}

// colAt returns the column at x, from 0 to cols-1.
func (b *blockGeom) colAt(x float32) int {
	return clampInt(int(math.Floor(float64((x-b.content.X)/(b.cardW+b.gap)))), 0, b.cols-1)
}

// dropAt returns the index, counted in the block before the dragged note is
// taken out, at which a note dropped at p lands, and the bar that shows it:
// a vertical bar between cards in a row, a horizontal one between cards of
// a single column. Among the ghosts of removed notes, it lands after the
// notes whose cards come before the place.
func (b *blockGeom) dropAt(p fyne.Position) (index int, barPos fyne.Position, barSize fyne.Size) {
	const bar = 3
	if b.real() == 0 || len(b.rows) == 0 {
		return 0, b.content.AddXY(0, -bar), fyne.NewSize(b.cardW, bar)
	}
	row := b.rowAt(p.Y)
	top := b.cardPos(row * b.cols).Y
	h := b.rows[row].h
	var c int // the card the note goes before
	if b.cols == 1 {
		c = row
		if p.Y > top+h/2 {
			c++
		}
		c = min(c, b.count)
		y := b.cardPos(c).Y - b.gap/2 - bar/2
		return b.notesBefore(c), fyne.NewPos(b.content.X, y), fyne.NewSize(b.cardW, bar)
	}
	col := int(math.Floor(float64((p.X-b.content.X)/(b.cardW+b.gap)) + 0.5))
	col = clampInt(col, 0, b.cols)
	c = min(row*b.cols+col, b.count)
	if row == len(b.rows)-1 && p.Y > top+h {
		c = b.count // in the space below the last card: the end
	}
	col = c - row*b.cols
	x := b.content.X + float32(col)*(b.cardW+b.gap) - b.gap/2 - bar/2
	return b.notesBefore(c), fyne.NewPos(x, top), fyne.NewSize(bar, h)
}

// scrolledTo returns the first row that brings card c into view while
// moving the view as little as possible.
func (b *blockGeom) scrolledTo(c int) int {
	if len(b.rows) == 0 {
		return 0
	}
	row := min(b.rowOf(c), len(b.rows)-1)
	switch {
	case row < b.first:
		return row
	case row >= b.end:
		first := row
		for first > 0 && b.rowsHeight(first-1, row+1) <= b.view.Height+0.01 {
			first--
		}
		return first
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

// noteAt returns the block index and note index of the card in view at p;
// ok is false on a ghost.
func (g *geometry) noteAt(p fyne.Position) (block, note int, ok bool) {
	k := g.blockAt(p)
	if k < 0 {
		return -1, -1, false
	}
	b := &g.blocks[k]
	from, to := b.visible()
	for c := from; c < to; c++ {
		pos, size := b.cardPos(c), b.cardSize(c)
		if p.X >= pos.X && p.Y >= pos.Y && p.X < pos.X+size.Width && p.Y < pos.Y+size.Height {
			i := b.noteOf(c)
			return k, i, i >= 0
		}
	}
	return k, -1, false
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
// block has none.
func (b *blockGeom) entry(d direction, at fyne.Position) int {
	if b.real() == 0 || len(b.rows) == 0 {
		return -1
	}
	var row, col int
	switch d {
	case dirRight, dirLeft:
		row = b.rowAt(at.Y)
		if d == dirLeft {
			col = b.cols - 1
		}
	case dirDown:
		row, col = b.first, b.colAt(at.X)
	case dirUp:
		row, col = b.end-1, b.colAt(at.X)
	}
	return b.nearestNote(min(row*b.cols+col, b.count-1))
}

// step returns the note next to note i in direction d within the block, or
// -1 when the move leaves the block. It passes the ghosts by: left and
// right to the next note in the row, up and down to the nearest note in
// the next row that has one.
func (b *blockGeom) step(i int, d direction) int {
	c := b.cardOf(i)
	row, col := c/b.cols, c%b.cols
	rows := (b.count + b.cols - 1) / b.cols
	switch d {
	case dirLeft, dirRight:
		dc := 1
		if d == dirLeft {
			dc = -1
		}
		for col += dc; col >= 0 && col < b.cols && row*b.cols+col < b.count; col += dc {
			if n := b.noteOf(row*b.cols + col); n >= 0 {
				return n
			}
		}
	case dirUp, dirDown:
		dr := 1
		if d == dirUp {
			dr = -1
		}
		for row += dr; row >= 0 && row < rows; row += dr {
			if n := b.nearestInRow(row, col); n >= 0 {
				return n
			}
		}
	}
	return -1
}

// nearestInRow returns the note whose card in row is nearest column col
// (the left one of two as near), or -1 when the row holds only ghosts.
func (b *blockGeom) nearestInRow(row, col int) int {
	best, bestDist := -1, 0
	for c := row * b.cols; c < min((row+1)*b.cols, b.count); c++ {
		n := b.noteOf(c)
		dist := c - row*b.cols - col
		if dist < 0 {
			dist = -dist
		}
		if n >= 0 && (best < 0 || dist < bestDist) {
			best, bestDist = n, dist
		}
	}
	return best
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
