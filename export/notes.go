package export

import (
	"math"
	"slices"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/textlayout"
)

// Measures of a sticky note, in ems of its type size.
const (
	notePadEm    = 0.6
	noteGapEm    = 0.5
	noteMinTxtEm = 5.0  // the narrowest text column allowed
	noteMaxEm    = 24.0 // the widest note, for lines that stay easy to read
	dotEm        = 0.75
	dotRowEm     = 1.1
)

// flowNotes places notes in bb's area left to right, top to bottom, in
// rows. It tries type sizes from maxPt down to minPt and, at each, from as
// few columns as keep lines short enough to read to as many as leave a
// readable text width, and keeps the first layout in which every note
// fits: the largest type, in the widest notes.
// When none fits, it places as many notes as fit at minPt and returns the
// rest, in order. A note too long for an empty area is split between
// lines, its remainder returned first.
func flowNotes(in layoutInput, bb *blockBox, notes []bmc.Note, maxPt, minPt float64) []bmc.Note {
	if len(notes) == 0 {
		return nil
	}
	nt := &noteTexts{in: in, notes: notes}
	// best is the most notes placed at minPt, for when not all fit;
	// broken is the first layout that fits all but breaks a word, kept in
	// case none fits without breaking one.
	var best, broken []noteBox
	bestCols := 0
	for size := maxPt; ; size -= noteStepPt * in.scale() {
		size = max(size, minPt)
		// First the column counts that may fit every note, fewest first.
		var partial []colsBound
		for cols := minColumns(bb.area.w, size); cols <= maxColumns(bb.area.w, size); cols++ {
			fit := fitsAtMost(nt, bb.area, size, cols)
			if fit < len(notes) {
				partial = append(partial, colsBound{cols, fit})
				continue
			}
			placed := placeNotes(nt, bb.area, size, cols, fit)
			if len(placed) == len(notes) && !brokeWord(placed) {
				bb.notes = placed
				return nil
			}
			if len(placed) == len(notes) && broken == nil {
				broken = placed
			}
			if size <= minPt && len(placed) > len(best) {
				best, bestCols = placed, cols // what overflows is set at the minimum size
			}
		}
		if size > minPt {
			continue
		}
		// At the smallest size, the most notes placed, in the fewest
		// columns among equals: try the counts with the highest bounds
		// first and stop when no bound can beat the best.
		slices.SortStableFunc(partial, func(a, b colsBound) int { return b.fit - a.fit })
		for _, p := range partial {
			if p.fit < len(best) || p.fit == len(best) && p.cols > bestCols {
				continue
			}
			placed := placeNotes(nt, bb.area, size, p.cols, p.fit)
			if len(placed) > len(best) || len(placed) == len(best) && p.cols < bestCols {
				best, bestCols = placed, p.cols
			}
		}
		break
	}
	if broken != nil {
		bb.notes = broken
		return nil
	}
	// A note too tall for the block's whole area is split: on an extra
	// page into pieces that each fill the area, on the first page into
	// what fills it and the rest, which the extra pages take; so no block
	// stands empty while its notes wait on a later page.
	if len(best) == 0 {
		if chunks := splitNote(in, &notes[0], bb.area, minPt); len(chunks) > 1 {
			if !bb.continued {
				chunks = joinPieces(notes[0].Text, chunks)
			}
			return flowNotes(in, bb, append(chunks, notes[1:]...), minPt, minPt)
		}
	}
	bb.notes = best
	return notes[len(best):]
}

// noteTexts holds the notes a block flows, each note's text prepared for
// wrapping and its paragraphs' widths on one line, worked out when first
// needed: a block whose notes continue over many pages looks at each
// note only on the pages that may take it.
type noteTexts struct {
	in    layoutInput
	notes []bmc.Note
	texts []*textlayout.Text
	// widths holds each note's paragraph widths in ems.
	widths [][]float64
}

func (nt *noteTexts) text(i int) *textlayout.Text {
	if nt.texts == nil {
		nt.texts = make([]*textlayout.Text, len(nt.notes))
		nt.widths = make([][]float64, len(nt.notes))
	}
	if nt.texts[i] == nil {
		p := nt.in.prepared(nt.notes[i].Text)
		nt.texts[i], nt.widths[i] = p.text, p.widths
	}
	return nt.texts[i]
}

// preparedNote is a note text made ready for wrapping, and its
// paragraphs' widths on one line in ems.
type preparedNote struct {
	text   *textlayout.Text
	widths []float64
}

// prepared returns text prepared, once per poster: a poster lays out a
// note several times (to find the type size, on continuation pages).
func (in layoutInput) prepared(text string) preparedNote {
	if p, ok := in.memo[text]; ok {
		return p
	}
	t, ok := in.texts[text]
	if !ok {
		t = prepare(text)
	}
	p := preparedNote{t, t.Widths(1/ptMM, in.fonts.measure(in.fonts.regular))}
	if in.memo != nil {
		in.memo[text] = p
	}
	return p
}

// minLines returns the fewest lines note i can take in a text column tw
// millimetres wide at em millimetres per em: each paragraph at least
// one line and as many as its width fills.
func (nt *noteTexts) minLines(i int, tw, em float64) float64 {
	nt.text(i)
	lines := 0.0
	for _, w := range nt.widths[i] {
		lines += max(1, math.Ceil(w*em/tw-1e-9))
	}
	return lines
}

// colsBound is a column count and the most notes it may fit.
type colsBound struct{ cols, fit int }

// minHeight returns the least height of note i's content (without its
// padding) in a text column tw millimetres wide at em millimetres per em,
// as measureNote sets it: its text, a line for its amount, the row of
// marks and badge, and never less than two lines.
func (nt *noteTexts) minHeight(i int, tw, em float64) float64 {
	n := &nt.notes[i]
	h := nt.minLines(i, tw, em) * lineHeight * em
	if n.Amount != nil {
		h += lineHeight * em
	}
	_, segment := nt.in.marks[n.ID]
	if segment || len(n.Segments) > 0 || n.Status == bmc.StatusHypothesis || n.Status == bmc.StatusValidated || n.Status == bmc.StatusInvalidated {
		h += dotRowEm * em
	}
	return max(h, 2*lineHeight*em)
}

// fitsAtMost returns an upper bound on how many notes placeNotes fits in
// area at size points in cols columns, from each note's text length alone.
func fitsAtMost(nt *noteTexts, area box, size float64, cols int) int {
	em := size * ptMM
	gap := noteGapEm * em
	nw := (area.w - float64(cols-1)*gap) / float64(cols)
	tw := nw - 2*notePadEm*em
	if tw <= 0 {
		return 0
	}
	y, rowH := area.y, 0.0
	for i := range nt.notes {
		if i%cols == 0 && i > 0 {
			y += rowH + gap
			rowH = 0
		}
		rowH = max(rowH, nt.minHeight(i, tw, em)+2*notePadEm*em)
		if y+rowH > area.bottom()+1e-9 {
			return i
		}
	}
	return len(nt.notes)
}

// brokeWord reports whether any note had a word broken across lines.
func brokeWord(notes []noteBox) bool {
	for _, nb := range notes {
		if nb.brokeWord {
			return true
		}
	}
	return false
}

// minColumns returns the fewest columns of notes that keep notes at most
// noteMaxEm wide in an area w millimetres wide at size points.
func minColumns(w, size float64) int {
	em := size * ptMM
	gap := noteGapEm * em
	return max(1, int(math.Ceil((w+gap)/(noteMaxEm*em+gap)-1e-9)))
}

// maxColumns returns how many columns of notes fit side by side in an area
// w millimetres wide at size points, each leaving a text column of at
// least noteMinTxtEm; at least one.
func maxColumns(w, size float64) int {
	em := size * ptMM
	gap := noteGapEm * em
	cols := int((w + gap) / (noteMinTxtEm*em + 2*notePadEm*em + gap))
	return max(1, cols, minColumns(w, size))
}

// placeNotes lays out the notes in cols columns at size points and
// returns the boxes of those that fit, in order: a row is as tall as its
// tallest note. fit is fitsAtMost's bound for them, the room made for the
// boxes at once.
func placeNotes(nt *noteTexts, area box, size float64, cols, fit int) []noteBox {
	em := size * ptMM
	gap := noteGapEm * em
	nw := (area.w - float64(cols-1)*gap) / float64(cols)
	if nw <= 0 {
		return nil
	}
	out := make([]noteBox, 0, fit)
	y, rowStart := area.y, 0
	for i := range nt.notes {
		col := i % cols
		if col == 0 && i > 0 {
			y = stretchRow(out[rowStart:]) + gap
			rowStart = i
		}
		if y+nt.minLines(i, nw-2*notePadEm*em, em)*lineHeight*em > area.bottom() {
			break // even without wrapping losses, the text is too long for the space left
		}
		nb := measureNote(nt.in, &nt.notes[i], nt.text(i), size, nw)
		nb.x, nb.y = area.x+float64(col)*(nw+gap), y
		nb.text.x, nb.text.y = nb.x+notePadEm*em, nb.y+notePadEm*em
		nb.amount.x, nb.amount.y = nb.text.x, nb.text.y+nb.text.height()
		if nb.bottom() > area.bottom()+1e-9 {
			break
		}
		out = append(out, nb)
	}
	return out
}

// stretchRow gives every note of a row the height of the tallest and
// returns the row's bottom.
func stretchRow(row []noteBox) float64 {
	bottom := 0.0
	for _, nb := range row {
		bottom = max(bottom, nb.bottom())
	}
	for i := range row {
		row[i].h = bottom - row[i].y
	}
	return bottom
}

// measureNote sets a note, its text prepared for wrapping, at size points
// in a box nw millimetres wide and returns the box, its height being what
// the text needs.
func measureNote(in layoutInput, n *bmc.Note, text *textlayout.Text, size, nw float64) noteBox {
	em := size * ptMM
	pad := notePadEm * em
	tw := nw - 2*pad
	nb := noteBox{note: n, dot: dotEm * em, faded: faded(in, n)}
	nb.text = textBox{w: tw, size: size, color: inkColor}
	wrapped := text.Wrap(tw, size, in.fonts.measure(in.fonts.regular))
	nb.text.lines, nb.brokeWord = wrapped.Lines, wrapped.Broken
	if n.Amount != nil {
		nb.amount = textBox{w: tw, size: size, bold: true, color: inkColor}
		currency := in.c.Currency
		if strings.HasSuffix(n.ID, ghostSuffix) { // a removed note: its amount as the old version had it
			currency = in.changes.oldCurrency
		}
		nb.amount.lines = in.fonts.wrap(in.fonts.bold, formatAmount(*n.Amount, n.Period, currency), size, tw)
	}
	if m, ok := in.marks[n.ID]; ok {
		nb.marks, nb.own = append(nb.marks, m), true
	}
	var marked []string // two personas of one segment make one mark
	for _, id := range n.Segments {
		seg := bmc.SegmentOf(id)
		if m, ok := in.marks[seg]; ok && !slices.Contains(marked, seg) {
			marked = append(marked, seg)
			nb.marks = append(nb.marks, m)
		}
	}
	nb.badge = n.Status == bmc.StatusHypothesis || n.Status == bmc.StatusValidated || n.Status == bmc.StatusInvalidated
	nb.change = measureChange(in, n, size, tw)
	h := nb.text.height() + nb.amount.height() + nb.change.height()
	if len(nb.marks) > 0 || nb.badge {
		h += dotRowEm * em
	}
	h = max(h, 2*lineHeight*em)
	nb.w, nb.h = nw, h+2*pad
	return nb
}

// splitNote cuts a note too tall for a whole empty area into notes of as
// many lines as fit in the area's height, at minPt in the widest columns
// allowed, so that they flow into those columns side by side. The last piece
// keeps the amount and segment marks. It returns just the note when not
// even one line fits or no cut is needed.
func splitNote(in layoutInput, n *bmc.Note, area box, minPt float64) []bmc.Note {
	em := minPt * ptMM
	cols := float64(minColumns(area.w, minPt))
	nb := measureNote(in, n, in.prepared(n.Text).text, minPt, (area.w-(cols-1)*noteGapEm*em)/cols)
	extra := nb.amount.height() + dotRowEm*em
	fit := int(math.Floor((area.h - 2*notePadEm*em - extra) / (lineHeight * em)))
	lines := nb.text.lines
	if fit < 2 || len(lines) <= fit {
		return []bmc.Note{*n}
	}
	var out []bmc.Note
	for len(lines) > 0 {
		k := min(fit, len(lines))
		piece := n.Clone()
		piece.Text = strings.Join(lines[:k], "\n")
		lines = lines[k:]
		if len(lines) > 0 {
			piece.Amount, piece.Period, piece.Segments = nil, "", nil
		}
		out = append(out, piece)
	}
	return out
}

// joinPieces returns the first piece of a note split from text and the
// others joined back into one, the rest of text as written (so that it
// wraps anew wherever it goes), the note's amount and links kept on it.
func joinPieces(text string, pieces []bmc.Note) []bmc.Note {
	if len(pieces) <= 2 {
		return pieces
	}
	rest := pieces[len(pieces)-1].Clone()
	// find where the first piece's lines end in the text
	at := 0
	for _, line := range strings.Split(pieces[0].Text, "\n") {
		i := strings.Index(text[at:], line)
		if i < 0 {
			at = -1
			break
		}
		at += i + len(line)
	}
	if at >= 0 {
		rest.Text = strings.TrimLeft(text[at:], " \n")
	} else { // the lines are not the text's own: keep them as they are
		var texts []string
		for _, p := range pieces[1:] {
			texts = append(texts, p.Text)
		}
		rest.Text = strings.Join(texts, "\n")
	}
	return []bmc.Note{pieces[0], rest}
}

// faded reports whether a note is drawn faded because a note is in focus
// and the note is outside its chain.
func faded(in layoutInput, n *bmc.Note) bool {
	focus := in.opt.Focus
	if focus == "" || n.ID == focus {
		return false
	}
	if in.chain == nil {
		in.chain = in.c.Chain(focus)
	}
	return !in.chain[n.ID]
}
