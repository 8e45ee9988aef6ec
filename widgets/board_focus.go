package widgets

import (
	"fmt"
	"image/color"
	"maps"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// This file holds the Board's segment focus, its filter, and linking notes
// to a segment by dragging the segment's dot.

// SetFocusSegment focuses the board on a note, a customer segment or any
// other: every note outside its chain (bmc.Canvas.Chain: what it relies
// on, what relies on it, the costs they cause) is dimmed. "" or an unknown
// ID clears the focus. It does not call OnFocusChange.
func (b *Board) SetFocusSegment(id string) { b.setFocus(id, false) }

// FocusSegment returns the ID of the note in focus, or "".
func (b *Board) FocusSegment() string { return b.focus }

// SetFilter dims every note whose ID is not in match; nil clears the
// filter. It combines with the focus on a segment: a note is dimmed when
// either leaves it out. The board keeps a copy of match.
func (b *Board) SetFilter(match map[string]bool) {
	if match == nil && b.filter == nil {
		return
	}
	b.filter = nil
	if match != nil {
		b.filter = maps.Clone(match)
	}
	b.relayout()
}

// setFocus changes the segment in focus, telling OnFocusChange when
// notify is set.
func (b *Board) setFocus(id string, notify bool) {
	if _, _, ok := b.find(id); !ok {
		id = ""
	}
	if id == b.focus {
		return
	}
	b.focus = id
	b.chain = nil
	if id != "" {
		b.chain = b.canvas.Chain(id)
	}
	b.relayout()
	if notify && b.OnFocusChange != nil {
		b.OnFocusChange(id)
	}
}

// toggleFocus focuses a segment, or clears the focus when it is the one in
// focus: what tapping a segment's dot does.
func (b *Board) toggleFocus(id string) {
	b.requestFocus()
	if id == b.focus {
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
	clear(b.segColor)
	if b.segColor == nil {
		b.segColor = map[string]bmc.Color{}
	}
	if b.canvas == nil || b.template() == nil {
		b.chain = nil
		if b.focus != "" {
			b.focus = ""
			b.notifyFocus()
		}
		return
	}
	for _, s := range b.canvas.Segments() {
		b.segColor[s.ID] = s.Color
	}
	if b.focus == "" {
		return
	}
	if _, _, ok := b.find(b.focus); !ok {
		b.focus, b.chain = "", nil
		b.notifyFocus()
		return
	}
	b.chain = b.canvas.Chain(b.focus)
}

func (b *Board) notifyFocus() {
	if b.OnFocusChange != nil {
		b.OnFocusChange(b.focus)
	}
}

// marks returns the colours of the segments a note serves, in link order.
// The slice is reused by the next call.
func (b *Board) marks(n *bmc.Note) []bmc.Color {
	b.marksBuf = b.marksBuf[:0]
	for i, s := range n.Segments {
		seg := bmc.SegmentOf(s) // a persona marks its segment, once
		if col, ok := b.segColor[seg]; ok && !slices.ContainsFunc(n.Segments[:i], func(p string) bool { return bmc.SegmentOf(p) == seg }) {
			b.marksBuf = append(b.marksBuf, col)
		}
	}
	return b.marksBuf
}

// dimmed reports whether a note is drawn dimmed: outside the focused
// segment's chain or outside the filter.
func (b *Board) dimmed(id string) bool {
	return (b.focus != "" && !b.chain[id]) || (b.filter != nil && !b.filter[id])
}

// linkDrag is a segment's dot being dragged onto a note, or a note's link
// handle onto another note (links.go): then segment is empty and note set.
type linkDrag struct {
	segment string
	note    string
	origin  fyne.Position // the segment card's place when the drag began
	from    fyne.Position // the dot's centre
	target  string        // the note a drop links, or ""
}

// dragLink follows a segment dot being dragged: pointer is relative to the
// segment's card. The note under the pointer is the drop target when it
// can be linked: not a customer segment and not linked to the segment
// already.
func (b *Board) dragLink(c *NoteCard, pointer fyne.Position) {
	r := b.view
	if r == nil {
		return
	}
	if b.link == nil {
		if !b.isSegment(c.Note.ID) {
			return
		}
		if b.editing != "" {
			b.editor.commit(false)
		}
		centre := c.dot.Position().AddXY(c.dot.Size().Width/2, c.dot.Size().Height/2)
		b.link = &linkDrag{segment: c.Note.ID, origin: c.Position(), from: c.Position().Add(centre)}
		r.links.start(c.Note.Color, b.link.from)
	}
	l := b.link
	at := l.origin.Add(pointer)
	l.target = ""
	var over *NoteCard
	for id, card := range r.shownAt {
		p, s := card.Position(), card.Size()
		if at.X >= p.X && at.Y >= p.Y && at.X < p.X+s.Width && at.Y < p.Y+s.Height {
			if b.canLink(id, l.segment) {
				l.target, over = id, card
			}
			break
		}
	}
	r.links.follow(at, over)
}

// canLink reports whether a note can be linked to a segment: it is no
// customer segment itself (segments serve no segment) and not linked to
// the segment, or one of its personas, yet.
func (b *Board) canLink(id, segment string) bool {
	block, i, ok := b.find(id)
	return ok && block != bmc.SegmentBlock && !slices.ContainsFunc(b.canvas.Blocks[block][i].Segments, func(s string) bool { return bmc.SegmentOf(s) == segment })
}

// endLink links the note under the dropped dot to the segment, through
// OnEdit; a drop anywhere else does nothing.
func (b *Board) endLink() {
	l := b.link
	if l == nil {
		return
	}
	b.link = nil
	if b.view != nil {
		b.view.links.hide()
	}
	if l.note != "" {
		b.endNoteLink(l)
		return
	}
	if l.target == "" || !b.isSegment(l.segment) || !b.canLink(l.target, l.segment) {
		return
	}
	target, segment := l.target, l.segment
	b.edit("Link to segment", func(c *bmc.Canvas) error {
		n, ok := c.Note(target)
		if !ok {
			return fmt.Errorf("link to segment: no note %q", target)
		}
		n.Segments = append(n.Segments, segment)
		return c.UpdateNote(n)
	})
}

// linkIndicator shows a segment dot being dragged: a line from the
// segment's dot to the pointer, a dot of the segment's colour under the
// pointer, and a ring around the note a drop would link.
type linkIndicator struct {
	line *canvas.Line
	dot  *canvas.Circle
	ring *canvas.Rectangle
}

func newLinkIndicator() linkIndicator {
	l := linkIndicator{
		line: &canvas.Line{StrokeWidth: 2},
		dot:  &canvas.Circle{StrokeWidth: 1.5},
		ring: &canvas.Rectangle{StrokeWidth: 2.5},
	}
	l.hide()
	return l
}

func (l linkIndicator) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{l.ring, l.line, l.dot}
}

// refresh reads the theme's colours.
func (l linkIndicator) refresh(th fyne.Theme, v fyne.ThemeVariant) {
	primary := th.Color(theme.ColorNamePrimary, v)
	l.line.StrokeColor = primary
	l.ring.StrokeColor = primary
	tint := color.NRGBAModel.Convert(primary).(color.NRGBA)
	tint.A = 0x30
	l.ring.FillColor = tint
	l.ring.CornerRadius = th.Size(theme.SizeNameInputRadius)/1.5 + 3
	l.dot.Resize(fyne.NewSquareSize(th.Size(theme.SizeNameText)))
	for _, o := range l.objects() {
		o.Refresh()
	}
}

// start shows the line and the dot for a segment of colour col whose dot
// is at from.
func (l linkIndicator) start(col bmc.Color, from fyne.Position) {
	l.dot.FillColor, l.dot.StrokeColor = markColor(col), markEdge(col)
	l.line.Position1 = from
	l.line.Position2 = from
	l.line.Show()
	l.dot.Show()
	l.dot.Refresh()
}

// follow moves the end of the line and the dot to the pointer at, and
// rings the card over, or nothing when over is nil.
func (l linkIndicator) follow(at fyne.Position, over *NoteCard) {
	l.line.Position2 = at
	l.line.Refresh()
	d := l.dot.Size()
	l.dot.Move(at.SubtractXY(d.Width/2, d.Height/2))
	if over == nil {
		l.ring.Hide()
		return
	}
	const gap = 3
	l.ring.Move(over.Position().SubtractXY(gap, gap))
	l.ring.Resize(over.Size().AddWidthHeight(2*gap, 2*gap))
	l.ring.Show()
	l.ring.Refresh()
}

func (l linkIndicator) hide() {
	for _, o := range l.objects() {
		o.Hide()
	}
}
