package export

import (
	"fmt"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/textlayout"
)

// Measures of a poster on A4 landscape, in millimetres or points; every
// one is multiplied by the paper's scale, so that an A0 and an A4 poster
// look alike.
const (
	refLong, refShort = 297.0, 210.0

	marginMM    = 10.0
	headerMM    = 15.0
	fieldRowMM  = 9.0
	headerGapMM = 4.0
	footerMM    = 4.0
	footerGapMM = 3.0
	gutterMM    = 2.5
	blockPadMM  = 2.5
	iconMM      = 5.5

	kickerPt   = 6.5
	titleMaxPt = 18.0
	titleMinPt = 10.0
	labelPt    = 6.0
	fieldPt    = 8.5
	footerPt   = 5.5
	blockPt    = 9.0
	noteMaxPt  = 9.0
	noteMinPt  = 6.0
	noteStepPt = 0.5
	questionPt = 9.5
	promptPt   = 7.5
)

// box is a rectangle in millimetres from the page's top left corner.
type box struct{ x, y, w, h float64 }

func (b box) right() float64  { return b.x + b.w }
func (b box) bottom() float64 { return b.y + b.h }

// contains reports whether o lies wholly inside b (within a micrometre).
func (b box) contains(o box) bool {
	const eps = 1e-3
	return o.x >= b.x-eps && o.y >= b.y-eps && o.right() <= b.right()+eps && o.bottom() <= b.bottom()+eps
}

// rgb is a colour as 8-bit red, green and blue.
type rgb [3]uint8

// textBox is text set in lines from a top left corner.
type textBox struct {
	x, y  float64 // top left, mm
	w     float64 // the width the lines were wrapped to, mm
	size  float64 // points
	bold  bool
	color rgb
	lines []string
	// right aligns the lines to x+w.
	right bool
}

// lineHeight is the distance between baselines, in ems: the same on
// screen and paper.
const lineHeight = textlayout.LineHeight

func (t textBox) height() float64 { return float64(len(t.lines)) * lineHeight * t.size * ptMM }

// baseline returns the baseline of line i: the line's cap height is
// centred in its line box.
func (t textBox) baseline(i int) float64 {
	em := t.size * ptMM
	return t.y + float64(i)*lineHeight*em + (lineHeight+0.714)/2*em
}

// noteBox is one sticky note placed on a page.
type noteBox struct {
	note *bmc.Note
	box
	// text is the note's text and, when it has one, its amount in bold.
	text, amount textBox
	// marks are the marks of the segments the note serves, drawn in its
	// lower right corner with diameter dot; a segment's own note starts
	// with its own mark (own is then true), as on screen.
	marks []segMark
	own   bool
	dot   float64
	// badge is true when the note's status shows as a badge left of the
	// marks: a hypothesis, validated or invalidated.
	badge bool
	// faded notes are not linked to the focused segment.
	faded bool
	// brokeWord is true when a word of the text was too long for a line.
	brokeWord bool
	// change holds the marks of a change poster (changes.go).
	change changeBox
}

// segMark is how a customer segment's notes are marked: its colour and
// its shape.
type segMark struct {
	color bmc.Color
	shape bmc.MarkShape
}

// segmentMarks returns the mark of each customer segment of c by ID.
func segmentMarks(c *bmc.Canvas) map[string]segMark {
	marks := map[string]segMark{}
	for i, s := range c.Segments() {
		if _, dup := marks[s.ID]; !dup {
			marks[s.ID] = segMark{s.Color, bmc.SegmentShape(i)}
		}
	}
	return marks
}

// blockBox is one block placed on a page.
type blockBox struct {
	block *bmc.Block
	frame box
	title textBox
	icon  box
	// area is where notes go, inside the frame below the title.
	area  box
	notes []noteBox
	// prompts holds the guiding question and prompts of a blank poster.
	prompts []textBox
	// continued is true on the extra pages that hold the notes a block's
	// place on the first page had no room for.
	continued bool
}

// page is one page of a poster, before tiling.
type page struct {
	header, footer []textBox
	// fields are the header's labelled lines: designed for, by, date, version.
	fields []box
	blocks []blockBox
}

// poster is a laid-out poster: every page, and the problems found.
type poster struct {
	w, h     float64 // page size, mm
	scale    float64
	minNote  float64 // the smallest note type size allowed, pt
	pages    []*page
	warnings []string
}

// layoutInput is what a poster is laid out from.
type layoutInput struct {
	t     *bmc.Template
	c     *bmc.Canvas // sanitized; for a blank poster without a file, an empty canvas
	opt   Options
	paper Paper
	fonts *fonts
	ink   Ink
	// marks holds each segment's mark by ID; memo the note texts
	// prepared for wrapping. layout fills both in.
	marks map[string]segMark
	memo  map[string]preparedNote
	// texts holds the notes' texts prepared for wrapping, all at once
	// before the notes are placed (see prepareAll).
	texts map[string]*textlayout.Text
	// fileName is shown in the footer, already sanitized.
	fileName string
	// chain holds the notes in the focused note's chain, drawn unfaded.
	chain map[string]bool
	// changes are the changes a change poster shows (changes.go).
	changes changeMarks
}

// Colours of the poster's ink.
var (
	inkColor      = func() rgb { r, g, b := bmc.InkRGB(); return rgb{r, g, b} }()
	labelColor    = rgb{0x78, 0x90, 0x9c}
	frameColor    = rgb{0x90, 0xa4, 0xae}
	questionColor = rgb{0x8d, 0x97, 0x9e}
	promptColor   = rgb{0xa0, 0xa9, 0xaf}
)

// scale returns the poster's scale: see pageScale.
func (in layoutInput) scale() float64 { return pageScale(in.paper.Size(in.opt.Portrait)) }

// pageScale returns how much larger than A4 a w×h page is, measured so
// that the A4-sized layout fits in both directions.
func pageScale(w, h float64) float64 {
	return min(max(w, h)/refLong, min(w, h)/refShort)
}

// layout places everything on the poster. It draws nothing, so tests can
// check the geometry directly.
func layout(in layoutInput) *poster {
	in.marks, in.memo = segmentMarks(in.c), map[string]preparedNote{}
	w, h := in.paper.Size(in.opt.Portrait)
	s := pageScale(w, h)
	p := &poster{w: w, h: h, scale: s, minNote: noteMinPt * s}
	if in.opt.Frontstage && !in.t.HasBackstage() {
		p.warnings = append(p.warnings, fmt.Sprintf("the %s has no backstage; showing the whole canvas", in.t.Name))
	}
	grid := box{marginMM * s, (marginMM + headerHeight(in.opt.Portrait) + headerGapMM) * s, w - 2*marginMM*s, 0}
	grid.h = h - grid.y - (marginMM+footerMM+footerGapMM)*s
	first := &page{}
	p.pages = append(p.pages, first)
	placements := in.t.Layout(!in.opt.Frontstage)
	if !in.opt.Blank {
		var texts []string
		for _, pl := range placements {
			for _, n := range in.blockNotes(pl.Block.ID) {
				texts = append(texts, n.Text)
			}
		}
		in.texts = prepareAll(texts)
	}
	maxPt := uniformNoteSize(in, placements, grid, s, p.minNote)
	var overflow []blockBox
	for _, pl := range placements {
		bb := newBlockBox(in, pl.Block, gridBox(grid, in.t, pl.Rect, s), s, false)
		if in.opt.Blank {
			bb.prompts = promptsFor(in, pl.Block, bb.area, s, &p.warnings)
		} else {
			rest := flowNotes(in, &bb, in.blockNotes(pl.Block.ID), maxPt, p.minNote)
			if len(rest) > 0 {
				overflow = append(overflow, continuation(in, pl.Block, grid, s, rest, p)...)
			}
		}
		first.blocks = append(first.blocks, bb)
	}
	for _, bb := range overflow {
		p.pages = append(p.pages, &page{blocks: []blockBox{bb}})
	}
	head, fields := header(in, w, s, &p.warnings)
	for i, pg := range p.pages {
		pg.header, pg.fields = head, fields
		pg.footer = footer(in, w, h, s, i, len(p.pages))
	}
	return p
}

// uniformNoteSize returns the type size notes start from: the largest at
// which every block's notes fit, so that notes look alike across the
// poster, but no less than 80% of the largest size; a block that needs
// less shrinks on its own.
func uniformNoteSize(in layoutInput, placements []bmc.Placement, grid box, s, minPt float64) float64 {
	size := noteMaxPt * s
	if in.opt.Blank {
		return size
	}
	floor := 0.8 * size
	for _, pl := range placements {
		notes := in.blockNotes(pl.Block.ID)
		if len(notes) == 0 {
			continue
		}
		bb := newBlockBox(in, pl.Block, gridBox(grid, in.t, pl.Rect, s), s, false)
		if rest := flowNotes(in, &bb, notes, size, max(floor, minPt)); len(rest) > 0 {
			return floor
		}
		size = min(size, bb.notes[0].text.size)
	}
	return size
}

// gridBox returns the frame of a block at r on the template's grid, with a
// gutter between neighbouring blocks and none at the grid's edges.
func gridBox(grid box, t *bmc.Template, r bmc.Rect, s float64) box {
	f := t.GridFrame(bmc.Frame{X: float64(r.X), Y: float64(r.Y), W: float64(r.W), H: float64(r.H)},
		bmc.Frame{X: grid.x, Y: grid.y, W: grid.w, H: grid.h}, gutterMM*s)
	return box{f.X, f.Y, f.W, f.H}
}

// newBlockBox places a block's title and icon in frame and leaves the rest
// for notes or prompts.
func newBlockBox(in layoutInput, b *bmc.Block, frame box, s float64, continued bool) blockBox {
	pad := blockPadMM * s
	icon := box{frame.right() - pad - iconMM*s, frame.y + pad, iconMM * s, iconMM * s}
	title := b.Title
	if continued {
		title += " (continued)"
	}
	tw := icon.x - frame.x - 2*pad
	tb := textBox{x: frame.x + pad, y: frame.y + pad, w: tw, size: blockPt * s, bold: true, color: inkColor}
	tb.lines = in.fonts.wrap(in.fonts.bold, title, tb.size, tw)
	top := max(tb.y+tb.height(), icon.bottom()) + pad*0.6
	area := box{frame.x + pad, top, frame.w - 2*pad, frame.bottom() - pad - top}
	return blockBox{block: b, frame: frame, title: tb, icon: icon, area: area, continued: continued}
}

// continuation lays out the notes that did not fit in their block on extra
// pages, each taking the whole grid, at the smallest type size like the
// notes they follow.
func continuation(in layoutInput, b *bmc.Block, grid box, s float64, rest []bmc.Note, p *poster) []blockBox {
	var out []blockBox
	for len(rest) > 0 {
		bb := newBlockBox(in, b, grid, s, true)
		left := flowNotes(in, &bb, rest, p.minNote, p.minNote)
		if len(bb.notes) == 0 { // not even one line fits a whole page
			p.warnings = append(p.warnings, fmt.Sprintf("a note in %s is too long for a whole page; it is left out", b.Title))
			left = left[1:]
		}
		out = append(out, bb)
		rest = left
	}
	p.warnings = append(p.warnings, fmt.Sprintf("%s holds more notes than fit at %.0f pt; the rest continue on %s",
		b.Title, p.minNote, plural(len(out), "an extra page", "%d extra pages")))
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}
