package widgets

import (
	"image/color"
	"strconv"

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

// metaSizes are the sizes of what a card shows below its text, derived
// from the card's text size.
type metaSizes struct {
	text    float32 // chip text
	row     float32 // the row of chips, badge and dots
	mark    float32 // a segment mark's diameter
	dot     float32 // the segment dot's diameter
	gap     float32
	amount  float32 // amount text size
	amountH float32 // the amount line's height
	markH   float32 // the height of the badge's "?"
}

func newMetaSizes(ts float32) metaSizes {
	m := metaSizes{text: ts * 0.78, amount: ts * 0.84, gap: ts * 0.28}
	m.row = fyne.MeasureText("Mg", m.text, fyne.TextStyle{}).Height + 1
	m.mark = m.row * 0.72
	m.dot = m.row
	m.amountH = fyne.MeasureText("Mg", m.amount, fyne.TextStyle{Bold: true}).Height
	m.markH = fyne.MeasureText("?", m.row*0.78, fyne.TextStyle{Bold: true}).Height
	return m
}

// chipInset is the room either side of a chip's text.
func (m metaSizes) chipInset() float32 { return m.gap * 1.1 }

// hasBadge reports whether a status is shown as a badge: every status
// but idea, the default.
func hasBadge(s bmc.Status) bool {
	return s == bmc.StatusHypothesis || s == bmc.StatusValidated || s == bmc.StatusInvalidated
}

// metaPlan is one way to share a card between its text and the rest.
type metaPlan struct {
	bottom      float32 // the text box's bottom
	amountLine  bool    // the amount has a line of its own above the row
	amountInRow bool    // the amount leads the row
	besideX     float32 // when > 0, text may run into the row in lines that end left of besideX
}

// layoutMeta places the amount, chips, badge and dots at the bottom of a
// card of the given size and fits the text into the room above them.
//
// All of them sit in one row at the bottom, the dots at the right as on
// the poster. The amount leads the row when the row has room for it and
// every chip; else it has a line of its own above the row if the text
// still fits, else it leads the row anyway and the chips make room. Text
// may run beside a row of only dots and a badge.
func (r *noteCardRenderer) layoutMeta(size fyne.Size, pad, ts float32) {
	c := r.card
	if r.metaFor != ts {
		r.meta, r.metaFor = newMetaSizes(ts), ts
	}
	m := r.meta
	n := &c.Note
	row := c.Segment || len(c.Marks) > 0 || hasBadge(n.Status) || len(n.Tags) > 0
	amount := ""
	if n.Amount != nil {
		amount = bmc.FormatAmount(*n.Amount, n.Period, c.Currency)
	}
	full := size.Height - pad
	rowY := full - m.row
	above := rowY - m.gap // the bottom of the room above the row
	line := m.amountH + m.gap/2
	right := size.Width - pad - r.rightWidth()

	var plans [2]metaPlan
	count := 1
	switch {
	case !row && amount == "":
		plans[0] = metaPlan{bottom: full}
	case !row:
		plans[0] = metaPlan{bottom: full - line, amountLine: true}
	case amount == "" && len(n.Tags) == 0:
		plans[0], plans[1], count = metaPlan{bottom: full, besideX: right}, metaPlan{bottom: above}, 2
	case amount == "":
		plans[0] = metaPlan{bottom: above}
	case r.amountWidth(amount)+r.chipsWidth(n.Tags) <= right-pad:
		plans[0] = metaPlan{bottom: above, amountInRow: true}
	default:
		plans[0], plans[1], count = metaPlan{bottom: above - line, amountLine: true}, metaPlan{bottom: above, amountInRow: true}, 2
	}
	plan := r.choosePlan(plans[:count], size.Width, pad, rowY)
	switch {
	case plan.amountLine && row:
		r.placeAmount(pad, above-m.amountH, size.Width-2*pad, amount)
	case plan.amountLine:
		r.placeAmount(pad, full-m.amountH, size.Width-2*pad, amount)
	case !plan.amountInRow:
		r.amount.Hide()
	}
	if !plan.amountInRow {
		amount = ""
	}
	r.layoutRow(size, pad, rowY, row, amount)
}

// choosePlan picks the first plan the text fits, and fits the text.
// When the text may run beside the row, the plans are tried at each text
// size in turn, so that the text keeps the largest size any plan allows;
// otherwise each plan may shrink the text. The last plan is the fallback,
// the text cut short if it must.
func (r *noteCardRenderer) choosePlan(plans []metaPlan, width, pad, rowY float32) metaPlan {
	box := func(p metaPlan) fyne.Size {
		return fyne.NewSize(max(width-2*pad, 0), max(p.bottom-pad, 0))
	}
	if plans[0].besideX > 0 {
		for _, scale := range textScales {
			for _, p := range plans {
				if f, ok := r.fitIn(box(p), scale); ok && r.clearOfRow(f, p, pad, rowY) {
					r.fit = f
					return p
				}
			}
		}
	} else {
		for _, p := range plans[:len(plans)-1] {
			if f, ok := r.fitIn(box(p), 0); ok {
				r.fit = f
				return p
			}
		}
	}
	last := plans[len(plans)-1]
	r.fit, _ = r.fitIn(box(last), 0)
	return last
}

// rightWidth is the width the segment dot, the marks and the badge take
// at the right of the row, with their gaps.
func (r *noteCardRenderer) rightWidth() float32 {
	c := r.card
	m := r.meta
	w := float32(len(c.Marks)) * (m.mark + m.gap*0.6)
	if c.Segment {
		w += m.dot + m.gap
	}
	if hasBadge(c.Note.Status) {
		w += m.gap*0.4 + m.row + m.gap
	}
	return w
}

// amountWidth is the width of the amount leading the row, with its gap.
func (r *noteCardRenderer) amountWidth(amount string) float32 {
	return measurerFor(r.meta.amount, fyne.TextStyle{Bold: true})(amount) + r.meta.gap
}

// chipsWidth is the width of every tag's chip, with their gaps.
func (r *noteCardRenderer) chipsWidth(tags []string) float32 {
	m := r.meta
	measure := measurerFor(m.text, fyne.TextStyle{})
	w := float32(0)
	for _, t := range tags {
		w += measure(t) + 2*m.chipInset() + m.gap*0.6
	}
	return w
}

// clearOfRow reports whether text fitted for plan p keeps clear of the
// row at rowY: always, unless the plan lets the text run beside the row,
// when the lines that reach into the row must end left of it.
func (r *noteCardRenderer) clearOfRow(f fitting, p metaPlan, pad, rowY float32) bool {
	if p.besideX <= 0 {
		return true
	}
	measure := measurerFor(f.size, fyne.TextStyle{})
	for i, l := range f.lines {
		if pad+float32(i+1)*f.lineH > rowY+1 && pad+measure(l)+r.meta.gap > p.besideX {
			return false
		}
	}
	return true
}

// placeAmount shows the amount at x, y, cut to width, and returns its
// width.
func (r *noteCardRenderer) placeAmount(x, y, width float32, amount string) float32 {
	m := r.meta
	measure := measurerFor(m.amount, fyne.TextStyle{Bold: true})
	text := ellipsize(amount, max(width, 0), measure)
	r.amount.Text, r.amount.TextSize, r.amount.Color = text, m.amount, inkColor
	r.amount.Move(fyne.NewPos(x, y))
	w := measure(text)
	r.amount.Resize(fyne.NewSize(w, m.amountH))
	r.amount.Show()
	r.amount.Refresh()
	return w
}

// layoutRow lays out the bottom row at y from the right: the segment dot,
// the marks, the badge; then from the left the amount, when it leads the
// row, and the chips in the room left. When row is false everything in it
// is hidden.
func (r *noteCardRenderer) layoutRow(size fyne.Size, pad, y float32, row bool, amount string) {
	c := r.card
	m := r.meta
	n := &c.Note
	if !row {
		c.dot.Hide()
		r.badge.hide()
		for _, d := range r.marks {
			d.Hide()
		}
		for _, ch := range r.chips {
			ch.bg.Hide()
			ch.text.Hide()
		}
		return
	}
	cy := y + m.row/2
	x := size.Width - pad // the free room's right edge

	if c.Segment {
		hit := m.dot + 2*m.gap
		c.dot.Move(fyne.NewPos(x-m.dot/2-hit/2, cy-hit/2))
		c.dot.Resize(fyne.NewSquareSize(hit))
		c.dot.diameter = m.dot
		c.dot.Show()
		x -= m.dot + m.gap
	} else {
		c.dot.Hide()
	}

	marks := c.Marks
	for len(r.marks) < len(marks) {
		r.marks = append(r.marks, &canvas.Circle{StrokeWidth: 1})
		r.objects = nil
	}
	shown := 0
	for i := len(marks) - 1; i >= 0 && x-m.mark >= pad+m.row; i-- {
		d := r.marks[shown]
		shown++
		d.FillColor, d.StrokeColor = markColor(marks[i]), markEdge(marks[i])
		d.Move(fyne.NewPos(x-m.mark, cy-m.mark/2))
		d.Resize(fyne.NewSquareSize(m.mark))
		d.Show()
		d.Refresh()
		x -= m.mark + m.gap*0.6
	}
	for _, d := range r.marks[shown:] {
		d.Hide()
	}

	if hasBadge(n.Status) {
		x -= m.gap * 0.4
		r.badge.layout(fyne.NewPos(x-m.row, y), m, n.Status)
		x -= m.row + m.gap
	} else {
		r.badge.hide()
	}

	left := pad
	if amount != "" {
		left += r.placeAmount(pad, cy-m.amountH/2, x-pad-m.gap, amount) + m.gap
	}
	r.layoutChips(n.Tags, left, x-m.gap*0.4, y)
}

// chip is a tag drawn as a small rounded label.
type chip struct {
	bg   *canvas.Rectangle
	text *canvas.Text
}

// layoutChips shows tags as chips from left to right, in the room up to
// right. A tag that does not fit whole is cut short when it is the first,
// and a "+N" chip counts the tags left out.
func (r *noteCardRenderer) layoutChips(tags []string, left, right, y float32) {
	m := r.meta
	measure := measurerFor(m.text, fyne.TextStyle{})
	inset := m.chipInset()
	width := func(s string) float32 { return measure(s) + 2*inset }
	used := 0
	x := left
	place := func(text string, w float32) {
		for len(r.chips) <= used {
			r.chips = append(r.chips, &chip{bg: &canvas.Rectangle{StrokeWidth: 0.5}, text: &canvas.Text{}})
			r.objects = nil
		}
		ch := r.chips[used]
		used++
		ch.bg.FillColor, ch.bg.StrokeColor, ch.bg.CornerRadius = chipFill, chipEdge, m.row/2
		ch.bg.Move(fyne.NewPos(x, y))
		ch.bg.Resize(fyne.NewSize(w, m.row))
		ch.text.Text, ch.text.TextSize, ch.text.Color = text, m.text, inkColor
		ch.text.Move(fyne.NewPos(x+inset, y))
		ch.text.Resize(fyne.NewSize(w-2*inset, m.row))
		ch.bg.Show()
		ch.text.Show()
		ch.bg.Refresh()
		ch.text.Refresh()
		x += w + m.gap*0.6
	}
	more := func(k int) string { return "+" + strconv.Itoa(k) }
	shown := 0
	for i, tag := range tags {
		rest := len(tags) - i - 1
		reserve := float32(0)
		if rest > 0 {
			reserve = width(more(rest)) + m.gap*0.6
		}
		if w := width(tag); x+w+reserve <= right {
			place(tag, w)
			shown++
			continue
		}
		if shown == 0 && right-reserve-x >= width(prefixRunes(tag, 4)+ellipsis) {
			cut := ellipsize(tag, right-reserve-x-2*inset, measure)
			place(cut, width(cut))
			shown++
		}
		if k := len(tags) - shown; k > 0 && x+width(more(k)) <= right {
			place(more(k), width(more(k)))
		}
		break
	}
	for _, ch := range r.chips[used:] {
		ch.bg.Hide()
		ch.text.Hide()
	}
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

// layout draws the badge for status in a square of side m.row at pos.
func (s *statusBadge) layout(pos fyne.Position, m metaSizes, status bmc.Status) {
	d := m.row
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
		s.mark.Move(fyne.NewPos(pos.X, pos.Y+d/2-m.markH/2))
		s.mark.Resize(fyne.NewSize(d, m.markH))
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

// MouseIn rings the dot, to show that it does something.
func (d *segmentDot) MouseIn(*desktop.MouseEvent) {
	d.hovered = true
	d.Refresh()
}

// MouseMoved is part of desktop.Hoverable.
func (d *segmentDot) MouseMoved(*desktop.MouseEvent) {}

// MouseOut takes the ring away.
func (d *segmentDot) MouseOut() {
	d.hovered = false
	d.Refresh()
}

// CreateRenderer is a private method to Fyne which links this widget to its
// renderer.
func (d *segmentDot) CreateRenderer() fyne.WidgetRenderer {
	r := &segmentDotRenderer{dot: d, ring: &canvas.Circle{}, fill: &canvas.Circle{StrokeWidth: 1.2}}
	r.Refresh()
	return r
}

type segmentDotRenderer struct {
	dot        *segmentDot
	ring, fill *canvas.Circle
}

func (r *segmentDotRenderer) Layout(size fyne.Size) {
	d := r.dot.diameter
	if d <= 0 {
		d = min(size.Width, size.Height)
	}
	centre := fyne.NewPos(size.Width/2, size.Height/2)
	r.fill.Move(centre.SubtractXY(d/2, d/2))
	r.fill.Resize(fyne.NewSquareSize(d))
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
