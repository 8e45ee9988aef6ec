package widgets

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// This file holds what a note card shows below its text: the amount, tag
// chips, the status badge and the segment dots, and the segment dot that
// focuses a segment and links notes to it.

var (
	_ fyne.Tappable          = (*segmentDot)(nil)
	_ fyne.SecondaryTappable = (*segmentDot)(nil)
	_ fyne.Draggable         = (*segmentDot)(nil)
	_ desktop.Mouseable      = (*segmentDot)(nil)
	_ desktop.Hoverable      = (*segmentDot)(nil)
	_ desktop.Cursorable     = (*segmentDot)(nil)
	_ fyne.WidgetRenderer    = (*segmentDotRenderer)(nil)
)

// The status badge colours. Badges sit on paper, which is light in every
// theme, so like the ink they do not follow the theme: each is dark or
// saturated enough to stand out on every paper colour, and each has its
// own shape as well (a question mark, a tick, a cross).
var (
	hypothesisColor  = color.NRGBA{R: 0xf5, G: 0x9e, B: 0x0b, A: 0xff} // amber, with a dark "?"
	validatedColor   = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff} // green, with a white tick
	invalidatedColor = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff} // red, with a white cross
	badgeInk         = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
)

// chipFill and chipEdge draw tag chips as a slightly darker patch of the
// paper they sit on.
var (
	chipFill = color.NRGBA{A: 0x17}
	chipEdge = color.NRGBA{A: 0x2e}
)

// markColor returns the colour of a segment dot for a segment of paper
// colour c: a deeper shade of the same colour, like a marker's ink, so
// that the dot shows on paper of every colour, its own too.
func markColor(c bmc.Color) color.NRGBA {
	r, g, b := c.MarkRGB()
	return color.NRGBA{R: r, G: g, B: b, A: 0xff}
}

// markEdge returns the outline of a segment dot of colour c: its colour
// darkened, so that even a yellow dot shows on yellow paper.
func markEdge(c bmc.Color) color.NRGBA {
	p := markColor(c)
	return color.NRGBA{R: uint8(uint16(p.R) * 6 / 10), G: uint8(uint16(p.G) * 6 / 10), B: uint8(uint16(p.B) * 6 / 10), A: 0xff}
}

// chip is a tag drawn as a small rounded label.
type chip struct {
	bg   *canvas.Rectangle
	text *canvas.Text
}

// layoutChips shows the tags' chips where the layout put them, moved
// down by dy.
func (r *noteCardRenderer) layoutChips(l *cardLayout, dy float32) {
	s := l.style
	inset := s.chipInset()
	for len(r.chips) < len(l.chips) {
		r.chips = append(r.chips, &chip{bg: &canvas.Rectangle{StrokeWidth: 0.5}, text: &canvas.Text{}})
		r.objects = nil
	}
	box := glyphBox(s.chip)
	for i, ch := range r.chips {
		if i >= len(l.chips) {
			ch.bg.Hide()
			ch.text.Hide()
			continue
		}
		p := l.chips[i]
		ch.bg.FillColor, ch.bg.StrokeColor, ch.bg.CornerRadius = chipFill, chipEdge, s.row/2
		ch.bg.Move(fyne.NewPos(p.x, p.y+dy))
		ch.bg.Resize(fyne.NewSize(p.w, s.row))
		ch.text.Text, ch.text.TextSize, ch.text.Color = p.text, s.chip, inkColor
		ch.text.Move(fyne.NewPos(p.x+inset, p.y+dy+(s.row-box)/2))
		ch.text.Resize(fyne.NewSize(p.w-2*inset, box))
		ch.bg.Show()
		ch.text.Show()
		ch.bg.Refresh()
		ch.text.Refresh()
	}
}

// layoutCluster lays out the row at the card's right where the layout put
// it, moved down by dy: from the right, the segment dot, the marks and the
// badge.
func (r *noteCardRenderer) layoutCluster(l *cardLayout, dy, width float32) {
	c := r.card
	s := l.style
	y := l.clusterY + dy
	cy := y + s.row/2
	x := width - s.pad // the free room's right edge
	if c.Segment && l.clusterW > 0 {
		hit := s.dot + 2*s.gap
		c.dot.Move(fyne.NewPos(x-s.dot/2-hit/2, cy-hit/2))
		c.dot.Resize(fyne.NewSquareSize(hit))
		c.dot.diameter = s.dot
		c.dot.Show()
		x -= s.dot + s.gap
	} else {
		c.dot.Hide()
	}
	marks := c.Marks
	if l.clusterW == 0 {
		marks = nil
	}
	for len(r.marks) < len(marks) {
		r.marks = append(r.marks, &canvas.Polygon{StrokeWidth: 1})
		r.objects = nil
	}
	c.hotspots = c.hotspots[:0]
	first := x // the marks' right edge
	for i, d := range r.marks {
		if i >= len(marks) {
			d.Hide()
			continue
		}
		col := marks[len(marks)-1-i]
		d.FillColor, d.StrokeColor = markColor(col), markEdge(col)
		shape := c.markShape(len(marks) - 1 - i)
		shapeMark(d, shape)
		placeMark(d, shape, x-s.mark, cy-s.mark/2, s.mark)
		d.Show()
		d.Refresh()
		x -= s.mark + s.gap*0.6
	}
	if len(marks) > 0 {
		c.hotspots = append(c.hotspots, hotspot{pos: fyne.NewPos(x, y), size: fyne.NewSize(first-x, s.row), tip: servesTip(c.MarkNames)})
	}
	if hasBadge(c.Note.Status) && l.clusterW > 0 {
		x -= s.gap * 0.4
		r.badge.layout(fyne.NewPos(x-s.row, y), s.row, c.Note.Status)
		c.hotspots = append(c.hotspots, hotspot{pos: fyne.NewPos(x-s.row, y), size: fyne.NewSquareSize(s.row), tip: statusTip(c.Note.Status)})
		x -= s.row + s.gap
	} else {
		r.badge.hide()
	}
	if v := c.Note.Votes; v > 0 && l.clusterW > 0 {
		w := voteWidth(v, s)
		r.votes.layout(fyne.NewPos(x-w, y), fyne.NewSize(w, s.row), v, s.chip)
		c.hotspots = append(c.hotspots, hotspot{pos: fyne.NewPos(x-w, y), size: fyne.NewSize(w, s.row), tip: votesTip(v)})
	} else {
		r.votes.hide()
	}
}

// voteInk is the red of vote dots, as on posters and in workshop mode.
var voteInk = color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0xff}

// voteCount shows how many dots a note got in the last closed vote: a red
// disc with the count in white.
type voteCount struct {
	disc *canvas.Rectangle
	text *canvas.Text
}

func newVoteCount() *voteCount {
	v := &voteCount{disc: &canvas.Rectangle{FillColor: voteInk}, text: canvas.NewText("", badgeInk)}
	v.text.Alignment = fyne.TextAlignCenter
	v.text.TextStyle.Bold = true
	v.hide()
	return v
}

func (v *voteCount) hide() {
	v.disc.Hide()
	v.text.Hide()
}

// layout draws the count votes in a pill of the given size at pos, its
// digits at text size ts.
func (v *voteCount) layout(pos fyne.Position, size fyne.Size, votes int, ts float32) {
	v.disc.CornerRadius = size.Height / 2
	v.disc.Move(pos)
	v.disc.Resize(size)
	v.text.Text = strconv.Itoa(votes)
	v.text.TextSize = ts
	v.text.Move(pos)
	v.text.Resize(size)
	v.disc.Show()
	v.text.Show()
	v.disc.Refresh()
	v.text.Refresh()
}

// votesTip says what a vote count means.
func votesTip(votes int) string {
	if votes == 1 {
		return "1 dot in the last vote"
	}
	return strconv.Itoa(votes) + " dots in the last vote"
}

// statusBadge is a small disc that shows a note's status: an amber
// question mark for a hypothesis, a green tick for validated, a red cross
// for invalidated.
type statusBadge struct {
	disc  *canvas.Circle
	lines [2]*canvas.Line // the tick or the cross
	mark  *canvas.Text    // the question mark
}

func newStatusBadge() *statusBadge {
	return &statusBadge{
		disc:  &canvas.Circle{},
		lines: [2]*canvas.Line{{StrokeColor: badgeInk}, {StrokeColor: badgeInk}},
		mark:  &canvas.Text{Text: "?", TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter, Color: inkColor},
	}
}

func (s *statusBadge) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{s.disc, s.lines[0], s.lines[1], s.mark}
}

func (s *statusBadge) hide() {
	for _, o := range s.objects() {
		o.Hide()
	}
}

// layout draws the badge for status in a square of side d at pos.
func (s *statusBadge) layout(pos fyne.Position, d float32, status bmc.Status) {
	at := func(fx, fy float32) fyne.Position { return pos.AddXY(fx*d, fy*d) }
	s.disc.Move(pos)
	s.disc.Resize(fyne.NewSquareSize(d))
	s.disc.Show()
	s.mark.Hide()
	for _, l := range s.lines {
		l.StrokeWidth = max(1.2, d*0.13)
		l.Show()
	}
	switch status {
	case bmc.StatusValidated:
		s.disc.FillColor = validatedColor
		s.lines[0].Position1, s.lines[0].Position2 = at(0.26, 0.52), at(0.44, 0.7)
		s.lines[1].Position1, s.lines[1].Position2 = at(0.42, 0.7), at(0.75, 0.32)
	case bmc.StatusInvalidated:
		s.disc.FillColor = invalidatedColor
		s.lines[0].Position1, s.lines[0].Position2 = at(0.32, 0.32), at(0.68, 0.68)
		s.lines[1].Position1, s.lines[1].Position2 = at(0.68, 0.32), at(0.32, 0.68)
	default:
		s.disc.FillColor = hypothesisColor
		for _, l := range s.lines {
			l.Hide()
		}
		s.mark.TextSize = d * 0.78
		h := fyne.MeasureText("?", s.mark.TextSize, fyne.TextStyle{Bold: true}).Height
		s.mark.Move(fyne.NewPos(pos.X, pos.Y+d/2-h/2))
		s.mark.Resize(fyne.NewSize(d, h))
		s.mark.Show()
		s.mark.Refresh()
	}
	s.disc.Refresh()
	for _, l := range s.lines {
		l.Refresh()
	}
}

// segmentDot is the dot in a customer segment's colour on the segment's
// own card: tapping it focuses the segment, dragging it onto another note
// links that note to the segment. Its card reports both through its
// OnDot callbacks.
type segmentDot struct {
	widget.BaseWidget
	card     *NoteCard
	diameter float32 // of the dot, drawn in the middle of the widget
	hovered  bool
	drag     dragTracker
}

func newSegmentDot(c *NoteCard) *segmentDot {
	d := &segmentDot{card: c}
	d.ExtendBaseWidget(d)
	d.Hide()
	return d
}

// Tapped calls the card's OnDotTapped.
func (d *segmentDot) Tapped(*fyne.PointEvent) {
	if d.card.OnDotTapped != nil {
		d.card.OnDotTapped()
	}
}

// TappedSecondary opens the card's context menu, as a right click
// anywhere else on the card does.
func (d *segmentDot) TappedSecondary(e *fyne.PointEvent) { d.card.TappedSecondary(e) }

// MouseDown records where a drag may start.
func (d *segmentDot) MouseDown(e *desktop.MouseEvent) {
	if e.Button == desktop.MouseButtonPrimary {
		d.drag.press(e.Position)
	}
}

// MouseUp forgets the press.
func (d *segmentDot) MouseUp(*desktop.MouseEvent) { d.drag.release() }

// Dragged reports the pointer's position relative to the card.
func (d *segmentDot) Dragged(e *fyne.DragEvent) {
	p := d.drag.move(e)
	if d.card.OnDotDragged != nil {
		d.card.OnDotDragged(p.Add(d.Position()))
	}
}

// DragEnd calls the card's OnDotDragEnd.
func (d *segmentDot) DragEnd() {
	if d.drag.end() && d.card.OnDotDragEnd != nil {
		d.card.OnDotDragEnd()
	}
}

// Cursor shows the pointing hand: the dot is a control.
func (d *segmentDot) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn rings the dot, to show that it does something, and says what.
func (d *segmentDot) MouseIn(*desktop.MouseEvent) {
	ShowTip(d, "Click to focus on this segment; drag onto a note to link it")
	d.hovered = true
	d.Refresh()
}

// MouseMoved is part of desktop.Hoverable.
func (d *segmentDot) MouseMoved(*desktop.MouseEvent) {}

// MouseOut takes the ring away.
func (d *segmentDot) MouseOut() {
	HideTip(d)
	d.hovered = false
	d.Refresh()
}

// CreateRenderer is a private method to Fyne which links this widget to its
// renderer.
func (d *segmentDot) CreateRenderer() fyne.WidgetRenderer {
	r := &segmentDotRenderer{dot: d, ring: &canvas.Circle{}, fill: &canvas.Polygon{StrokeWidth: 1.2}}
	r.Refresh()
	return r
}

type segmentDotRenderer struct {
	dot  *segmentDot
	ring *canvas.Circle
	fill *canvas.Polygon // in the segment's mark shape
}

func (r *segmentDotRenderer) Layout(size fyne.Size) {
	d := r.dot.diameter
	if d <= 0 {
		d = min(size.Width, size.Height)
	}
	centre := fyne.NewPos(size.Width/2, size.Height/2)
	placeMark(r.fill, r.dot.card.SegmentShape, centre.X-d/2, centre.Y-d/2, d)
	ring := d + 2*r.ring.StrokeWidth + 2
	r.ring.Move(centre.SubtractXY(ring/2, ring/2))
	r.ring.Resize(fyne.NewSquareSize(ring))
}

func (r *segmentDotRenderer) MinSize() fyne.Size { return fyne.NewSquareSize(8) }

func (r *segmentDotRenderer) Refresh() {
	d := r.dot
	th, v := d.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	col := d.card.Note.Color
	r.fill.FillColor, r.fill.StrokeColor = markColor(col), markEdge(col)
	shapeMark(r.fill, d.card.SegmentShape)
	r.ring.FillColor = color.Transparent
	switch {
	case d.card.SegmentFocused:
		r.ring.StrokeColor, r.ring.StrokeWidth = th.Color(theme.ColorNamePrimary, v), 2
	case d.hovered:
		r.ring.StrokeColor, r.ring.StrokeWidth = color.NRGBA{R: 0x26, G: 0x26, B: 0x26, A: 0x80}, 1.5
	default:
		r.ring.StrokeWidth = 0
	}
	r.ring.Hidden = r.ring.StrokeWidth == 0
	r.fill.Refresh()
	r.ring.Refresh()
	r.Layout(d.Size())
}

func (r *segmentDotRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.ring, r.fill}
}

func (r *segmentDotRenderer) Destroy() {}

// hotspot is a part of a card that has a tip: the badge, the marks.
type hotspot struct {
	pos  fyne.Position
	size fyne.Size
	tip  string
}

// statusTip says what a status badge means.
func statusTip(s bmc.Status) string {
	switch s {
	case bmc.StatusHypothesis:
		return "? Hypothesis: still to test with customers or partners"
	case bmc.StatusValidated:
		return "✓ Validated: the evidence supports it"
	case bmc.StatusInvalidated:
		return "✗ Invalidated: the evidence says no"
	}
	return ""
}

// servesTip says which segments a note's marks stand for.
func servesTip(names []string) string {
	if len(names) == 0 {
		return "Serves customer segments of these colours"
	}
	return "Serves " + strings.Join(names, ", ")
}
