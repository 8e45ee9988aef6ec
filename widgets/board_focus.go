package widgets

import (
	"maps"
	"slices"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// This file holds what the cards show besides their notes: the focus on a
// customer segment, the filter, and each segment's colour.

// lookState is what the cards show besides their notes.
type lookState struct {
	focus     string               // the customer segment in focus
	chain     map[string]bool      // the focused segment's chain
	filter    map[string]bool      // the notes a filter matches, or nil
	segColor  map[string]bmc.Color // each customer segment's colour
	segName   map[string]string    // each customer segment's name, its first line
	marksBuf  []bmc.Color          // scratch space for a card's marks
	namesBuf  []string             // and their names
	servedBuf []string             // and the segments they stand for
}

// SetFocusSegment focuses the board on a note, a customer segment or any
// other: every note outside its chain (bmc.Canvas.Chain: what it relies
// on, what relies on it, the costs they cause) is dimmed. "" or an unknown
// ID clears the focus. It does not call OnFocusChange.
func (b *Board) SetFocusSegment(id string) { b.setFocus(id, false) }

// FocusSegment returns the ID of the note in focus, or "".
func (b *Board) FocusSegment() string { return b.look.focus }

// SetFilter dims every note whose ID is not in match; nil clears the
// filter. It combines with the focus on a segment: a note is dimmed when
// either leaves it out. The board keeps a copy of match.
func (b *Board) SetFilter(match map[string]bool) {
	if match == nil && b.look.filter == nil {
		return
	}
	b.look.filter = nil
	if match != nil {
		b.look.filter = maps.Clone(match)
	}
	b.redraw()
}

// setFocus changes the segment in focus, telling OnFocusChange when
// notify is set.
func (b *Board) setFocus(id string, notify bool) {
	if _, _, ok := b.find(id); !ok {
		id = ""
	}
	if id == b.look.focus {
		return
	}
	b.look.focus = id
	b.look.chain = nil
	if id != "" {
		b.look.chain = b.canvas.Chain(id)
	}
	b.redraw()
	if notify && b.OnFocusChange != nil {
		b.OnFocusChange(id)
	}
}

// toggleFocus focuses a segment, or clears the focus when it is the one in
// focus: what tapping a segment's dot does.
func (b *Board) toggleFocus(id string) {
	b.requestFocus()
	if id == b.look.focus {
		b.setFocus("", true)
	} else {
		b.setFocus(id, true)
	}
}

// isSegment reports whether id is a note in Customer Segments.
func (b *Board) isSegment(id string) bool {
	block, _, ok := b.find(id)
	return ok && block == bmc.SegmentBlock
}

// syncSegments brings the segment colours and the focused chain up to date
// with the canvas, dropping the focus when its segment went away.
func (b *Board) syncSegments() {
	clear(b.look.segColor)
	if b.look.segColor == nil {
		b.look.segColor = map[string]bmc.Color{}
	}
	if b.canvas == nil || b.template() == nil {
		b.look.chain = nil
		if b.look.focus != "" {
			b.look.focus = ""
			b.notifyFocus()
		}
		return
	}
	if b.look.segName == nil {
		b.look.segName = map[string]string{}
	}
	clear(b.look.segName)
	for _, s := range b.canvas.Segments() {
		b.look.segColor[s.ID] = s.Color
		b.look.segName[s.ID] = segmentName(s.Text)
	}
	if b.look.focus == "" {
		return
	}
	if _, _, ok := b.find(b.look.focus); !ok {
		b.look.focus, b.look.chain = "", nil
		b.notifyFocus()
		return
	}
	b.look.chain = b.canvas.Chain(b.look.focus)
}

func (b *Board) notifyFocus() {
	if b.OnFocusChange != nil {
		b.OnFocusChange(b.look.focus)
	}
}

// served returns the IDs of the customer segments a note serves, in link
// order, each once: a link to a persona counts as one to its segment. The
// marks, their names and their shapes are read from it. The slice is
// reused by the next call.
func (b *Board) served(n *bmc.Note) []string {
	b.look.servedBuf = b.look.servedBuf[:0]
	for _, s := range n.Segments {
		seg := bmc.SegmentOf(s)
		if _, ok := b.look.segColor[seg]; ok && !slices.Contains(b.look.servedBuf, seg) {
			b.look.servedBuf = append(b.look.servedBuf, seg)
		}
	}
	return b.look.servedBuf
}

// marks returns the colours of the segments a note serves, in link order.
// The slice is reused by the next call.
func (b *Board) marks(n *bmc.Note) []bmc.Color {
	b.look.marksBuf = b.look.marksBuf[:0]
	for _, seg := range b.served(n) {
		b.look.marksBuf = append(b.look.marksBuf, b.look.segColor[seg])
	}
	return b.look.marksBuf
}

// dimmed reports whether a note is drawn dimmed: outside the focused
// segment's chain or outside the filter.
func (b *Board) dimmed(id string) bool {
	return (b.look.focus != "" && !b.look.chain[id]) || (b.look.filter != nil && !b.look.filter[id])
}

// markNames returns the names of the segments a note serves, as marks
// shows their colours. The slice is reused by the next call.
func (b *Board) markNames(n *bmc.Note) []string {
	b.look.namesBuf = b.look.namesBuf[:0]
	for _, seg := range b.served(n) {
		b.look.namesBuf = append(b.look.namesBuf, b.look.segName[seg])
	}
	return b.look.namesBuf
}

// segmentName is a segment's name for a tip: the first line of its text,
// shortened.
func segmentName(text string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	if r := []rune(first); len(r) > 40 {
		first = string(r[:39]) + "…"
	}
	return first
}
