package widgets

import (
	"fyne.io/fyne/v2"
	"strconv"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/textlayout"
)

// This file lays out one note card: a pure function of the note, the
// card's width and its text size, with no Fyne canvas, so that the board
// knows every card's height before it draws any.

// cardStyle holds the measures of a card set at one text size. Every one
// is in proportion to the text, so a block whose text shrinks keeps its
// look.
type cardStyle struct {
	text  float32 // note text size
	lineH float32 // from one line's top to the next
	pad   float32 // inside the card
	gap   float32 // between the parts below the text
	chip  float32 // chip text size
	row   float32 // a row of chips, marks and badge
	mark  float32 // a segment mark's diameter
	dot   float32 // the segment dot's diameter
}

// Card measures in ems of the note text, like the poster's (export's
// notePadEm and noteGapEm).
const (
	cardPadEm = 0.6
	cardGapEm = 0.5
)

func newCardStyle(ts float32) cardStyle {
	s := cardStyle{text: ts, lineH: ts * textlayout.LineHeight, pad: cardPadEm * ts, gap: 0.28 * ts, chip: 0.78 * ts}
	s.row = s.chip*1.4 + 1
	s.mark = s.row * 0.72
	s.dot = s.row
	return s
}

// chipInset is the room either side of a chip's text.
func (s cardStyle) chipInset() float32 { return s.gap * 1.1 }

// cardContent is what a card shows, as far as its layout goes.
type cardContent struct {
	text    *textlayout.Text
	amount  string // formatted, or ""
	tags    []string
	badge   bool // the note's status has a badge
	marks   int  // segment marks
	segment bool // the note is a customer segment, with its own dot
	votes   int  // dots the note got in the last closed vote
	change  cardChange
}

// cardChange is what a card shows of its note's change since the version
// the board is compared with (bmc.NoteMark): an outline in the ink of its
// kind, a label and an edited note's old text. The zero value marks
// nothing.
type cardChange struct {
	marked bool
	kind   bmc.MarkKind
	label  string // bmc.NoteMark.Label
	old    string // the old text, struck through
}

// changeOf returns what a card shows of mark m, which may be nil.
func changeOf(m *bmc.NoteMark) cardChange {
	if m == nil {
		return cardChange{}
	}
	return cardChange{marked: true, kind: m.Kind, label: m.Label(), old: m.OldText}
}

// contentOf returns what a card shows of note n.
func contentOf(n *bmc.Note, text *textlayout.Text, marks int, segment bool, currency string) cardContent {
	c := cardContent{text: text, tags: n.Tags, badge: hasBadge(n.Status), marks: marks, segment: segment, votes: n.Votes}
	if n.Amount != nil {
		c.amount = bmc.FormatAmount(*n.Amount, n.Period, currency)
	}
	return c
}

// hasBadge reports whether a status is shown as a badge: every status
// but idea, the default.
func hasBadge(s bmc.Status) bool {
	return s == bmc.StatusHypothesis || s == bmc.StatusValidated || s == bmc.StatusInvalidated
}

// chipPlace is a tag's chip on a card.
type chipPlace struct {
	text string
	x, y float32
	w    float32
}

// cardLayout is a card laid out: its size and where everything goes,
// relative to its top left corner. Everything below the text (the amount,
// chips and the cluster of dots and badge) keeps to the card's bottom when
// the card is drawn taller than it needs, as a row of cards is as tall as
// its tallest card.
type cardLayout struct {
	style cardStyle
	size  fyne.Size // the size the card needs
	lines []string  // the text's lines
	// broken is true when a word was wider than the card.
	broken bool
	// amount holds the amount's lines (one unless the card is very narrow),
	// in bold at the text size, from amountY; with amountInRow it leads
	// the cluster's row instead.
	amount      []string
	amountY     float32
	amountInRow bool
	chips       []chipPlace
	// cluster is the row of the segment dot, the marks and the badge, at
	// the right from clusterY; clusterW is 0 when there is none.
	clusterY, clusterW float32
	// textBottom is where the text ends and the rest begins.
	textBottom float32
	// label and old are the lines of a change's label, in bold, from
	// labelY, and of an edited note's old text, struck through, from
	// oldY: at the card's bottom, below everything else, in the chip's
	// size.
	label, old   []string
	labelY, oldY float32
}

// same reports whether o is l: the same layout, or a copy of it from the
// board's cache of layouts, which shares its lines.
func (l *cardLayout) same(o *cardLayout) bool {
	if l == o {
		return true
	}
	return l.size == o.size && l.style == o.style && len(l.lines) == len(o.lines) &&
		(len(l.lines) == 0 || &l.lines[0] == &o.lines[0]) && len(l.chips) == len(o.chips) &&
		(len(l.chips) == 0 || &l.chips[0] == &o.chips[0]) && len(l.amount) == len(o.amount) &&
		(len(l.amount) == 0 || &l.amount[0] == &o.amount[0]) && l.clusterY == o.clusterY && l.clusterW == o.clusterW &&
		sameLines(l.label, o.label) && sameLines(l.old, o.old) && l.labelY == o.labelY && l.oldY == o.oldY
}

// sameLines reports whether two lists of lines are the same list.
func sameLines(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// layoutCard lays out a card of width w with text at size ts.
func layoutCard(c cardContent, w, ts float32, ms measures) cardLayout {
	l := layoutBody(c, w, ts, ms)
	if c.change.marked {
		l.layoutChange(c.change, w, ms)
	}
	return l
}

// changeLineH is the line height of a change's label and old text.
func (s cardStyle) changeLineH() float32 { return s.chip * textlayout.LineHeight }

// layoutChange puts a change's label and old text at the bottom of the
// card, making it taller.
func (l *cardLayout) layoutChange(ch cardChange, w float32, ms measures) {
	s := l.style
	tw := float64(max(w-2*s.pad, 1))
	size := float64(s.chip)
	if ch.label != "" {
		l.label = textlayout.Prepare(ch.label).Wrap(tw, size, ms.bold).Lines
	}
	if ch.old != "" {
		l.old = textlayout.Prepare(ch.old).Wrap(tw, size, ms.regular).Lines
	}
	if len(l.label)+len(l.old) == 0 {
		return
	}
	y := l.size.Height - s.pad + s.gap
	l.labelY = y
	y += float32(len(l.label)) * s.changeLineH()
	l.oldY = y
	y += float32(len(l.old)) * s.changeLineH()
	l.size.Height = y + s.pad
}

// layoutBody lays out a card without its change marks.
func layoutBody(c cardContent, w, ts float32, ms measures) cardLayout {
	s := newCardStyle(ts)
	l := cardLayout{style: s}
	tw := max(w-2*s.pad, 1)
	size := float64(ts)
	if c.text != nil {
		wr := c.text.Wrap(float64(tw), size, ms.regular)
		l.lines, l.broken = wr.Lines, wr.Broken
	}
	y := s.pad + float32(max(len(l.lines), 1))*s.lineH
	l.textBottom = y
	l.clusterW = clusterWidth(c, s)
	lastW := float32(0) // the width of the last line above the cluster
	if len(l.lines) > 0 {
		lastW = float32(ms.regular(l.lines[len(l.lines)-1], size))
	}
	lastY := y - s.lineH // the top of the last line

	if c.amount != "" {
		aw := float32(ms.bold(c.amount, size))
		if len(c.tags) == 0 && aw+s.gap+l.clusterW <= tw {
			// The amount leads the cluster's row.
			rowH := max(s.row, s.lineH)
			top := y + s.gap*0.5
			l.amount, l.amountY, l.amountInRow = []string{c.amount}, top+(rowH-s.lineH)/2, true
			if l.clusterW > 0 {
				l.clusterY = top + (rowH-s.row)/2
			}
			l.size = fyne.NewSize(w, top+rowH+s.pad)
			return l
		}
		l.amount = textlayout.Prepare(c.amount).Wrap(float64(tw), size, ms.bold).Lines
		l.amountY = y + s.gap*0.5
		y = l.amountY + float32(len(l.amount))*s.lineH
		lastW, lastY = float32(ms.bold(l.amount[len(l.amount)-1], size)), y-s.lineH
	}

	if len(c.tags) > 0 {
		y = l.layoutChips(c.tags, tw, y+s.gap, ms)
		l.size = fyne.NewSize(w, y+s.pad)
		return l
	}
	if l.clusterW > 0 {
		if lastW+s.gap+l.clusterW <= tw {
			l.clusterY = lastY + (s.lineH-s.row)/2 // beside the last line
		} else {
			l.clusterY = y + s.gap
			y = l.clusterY + s.row
		}
	}
	l.size = fyne.NewSize(w, y+s.pad)
	return l
}

// layoutChips flows the tags as chips in rows from top, leaving room for
// the cluster at the right of the last row, and returns the bottom of the
// last row. A tag wider than the whole card is cut short with an
// ellipsis: the one thing a card shortens.
func (l *cardLayout) layoutChips(tags []string, tw, top float32, ms measures) float32 {
	s := l.style
	chip := float64(s.chip)
	inset := s.chipInset()
	x, y := float32(0), top
	for _, tag := range tags {
		text := tag
		w := float32(ms.regular(tag, chip)) + 2*inset
		if w > tw {
			text = textlayout.Ellipsize(tag, float64(tw-2*inset), chip, ms.regular)
			w = float32(ms.regular(text, chip)) + 2*inset
		}
		if x > 0 && x+w > tw {
			x, y = 0, y+s.row+s.gap*0.6
		}
		l.chips = append(l.chips, chipPlace{text: text, x: s.pad + x, y: y, w: w})
		x += w + s.gap*0.6
	}
	if l.clusterW > 0 {
		if x+s.gap*0.4+l.clusterW > tw {
			y += s.row + s.gap*0.6
		}
		l.clusterY = y
	}
	return y + s.row
}

// clusterWidth is the width of the segment dot, the marks and the badge
// at the right of a card, with their gaps; 0 when there are none.
func clusterWidth(c cardContent, s cardStyle) float32 {
	w := float32(c.marks) * (s.mark + s.gap*0.6)
	if c.segment {
		w += s.dot + s.gap
	}
	if c.badge {
		w += s.gap*0.4 + s.row + s.gap
	}
	if c.votes > 0 {
		w += voteWidth(c.votes, s) + s.gap
	}
	return w
}

// voteWidth is the width of a card's vote count: a red disc as wide as
// its digits need.
func voteWidth(votes int, s cardStyle) float32 {
	return max(s.row, float32(len(strconv.Itoa(votes)))*s.chip*0.62+s.row*0.5)
}

// shownLines returns how many lines of text a card drawn h high shows,
// and whether it shows what lies below the text: all of it, unless the
// card is cut to fit a view, when it shows as much of the text as fits
// and nothing below it.
func (l *cardLayout) shownLines(h float32) (n int, meta bool) {
	if h >= l.size.Height-0.01 {
		return len(l.lines), true
	}
	n = int((h - 2*l.style.pad) / l.style.lineH)
	return max(min(n, len(l.lines)), 1), false
}
