package widgets

import (
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/textlayout"
)

var (
	_ fyne.Tappable          = (*NoteCard)(nil)
	_ fyne.DoubleTappable    = (*NoteCard)(nil)
	_ fyne.SecondaryTappable = (*NoteCard)(nil)
	_ fyne.Draggable         = (*NoteCard)(nil)
	_ desktop.Mouseable      = (*NoteCard)(nil)
	_ desktop.Hoverable      = (*NoteCard)(nil)
	_ fyne.WidgetRenderer    = (*noteCardRenderer)(nil)
)

// cardTextSize is the size of a note card's text at zoom 1 where its
// block has room.
func cardTextSize(th fyne.Theme) float32 { return th.Size(theme.SizeNameText) * noteTextEm }

// NoteCard shows one sticky note: its whole text, wrapped, on paper of
// the note's colour. Below the text it shows what else the note says: the
// amount, its tags as chips, a status badge, and a dot per customer
// segment it serves. Invalidated notes are struck through. It reports
// taps, double taps, secondary taps and drags through its callbacks.
//
// On a board the card draws the layout the board made for it; alone, it
// lays itself out at its width.
type NoteCard struct {
	widget.BaseWidget
	// Note is the note shown.
	Note bmc.Note
	// Lifted draws the card faded, as the place a dragged note comes from.
	Lifted bool
	// Marks are the colours of the customer segments the note serves, in
	// link order, drawn as dots in the card's lower right corner.
	Marks []bmc.Color
	// MarkShapes are the shapes of those marks (circles when nil), so that
	// segments differ by more than colour.
	MarkShapes []bmc.MarkShape
	// SegmentShape is the shape of the segment dot of a customer segment.
	SegmentShape bmc.MarkShape
	// MarkNames name the segments of Marks, for the marks' tip.
	MarkNames []string
	// Segment shows the note as a customer segment: its own colour is its
	// segment dot, a control that reports taps and drags through
	// OnDotTapped, OnDotDragged and OnDotDragEnd.
	Segment bool
	// SegmentFocused rings the segment dot, as the segment in focus.
	SegmentFocused bool
	// Dimmed draws the card faded, as a note outside the focus or filter.
	// It still takes taps and drags.
	Dimmed bool
	// Currency is written with the note's amount, such as "€" or "CHF".
	Currency string
	// Change marks how the note changed since the version compared with,
	// when not nil: an outline in the ink of its kind and a label, as on
	// the change poster, and an edited note's old text struck through. A
	// removed note's card is its ghost: faded, with a dashed red outline,
	// and it takes no taps or drags.
	Change *bmc.NoteMark

	// OnPressed is called as soon as the primary mouse button goes down on
	// the card, before a tap, double tap or drag is told apart.
	OnPressed func()
	// OnTapped is called when the card is tapped.
	OnTapped func()
	// OnDoubleTapped is called when the card is double-tapped.
	OnDoubleTapped func()
	// OnSecondaryTapped is called on a right click, with the event.
	OnSecondaryTapped func(*fyne.PointEvent)
	// OnDragged is called for every move of a drag with the pointer's
	// position relative to the card's top left corner.
	OnDragged func(pointer fyne.Position)
	// OnDragEnd is called when a drag ends.
	OnDragEnd func()
	// OnDotTapped is called when the segment dot of a Segment card is
	// tapped.
	OnDotTapped func()
	// OnDotDragged is called for every move of a drag that started on the
	// segment dot, with the pointer's position relative to the card.
	OnDotDragged func(pointer fyne.Position)
	// OnDotDragEnd is called when a drag of the segment dot ends.
	OnDotDragEnd func()

	floating bool        // drawn with a deeper shadow, as the card a drag holds
	layout   *cardLayout // set by the board; nil when the card lays itself out
	hotspots []hotspot   // the parts with tips, found by the renderer
	tipShown string
	drag     dragTracker
	grab     fyne.Position // where the drag took hold of the card
	dot      *segmentDot
}

// NewNoteCard returns a card showing n.
func NewNoteCard(n bmc.Note) *NoteCard {
	c := &NoteCard{Note: n}
	c.ExtendBaseWidget(c)
	c.dot = newSegmentDot(c)
	return c
}

// SetNote shows another note, refreshing only when something visible
// changed.
func (c *NoteCard) SetNote(n bmc.Note) {
	if c.setNote(n) {
		c.Refresh()
	}
}

// setNote changes the note without refreshing, and reports whether
// anything visible changed.
func (c *NoteCard) setNote(n bmc.Note) bool {
	o := &c.Note
	changed := n.ID != o.ID || n.Text != o.Text || n.Color != o.Color || n.Status != o.Status ||
		n.Period != o.Period || n.Votes != o.Votes || !sameAmount(n.Amount, o.Amount) ||
		!slices.Equal(n.Tags, o.Tags) || !slices.Equal(n.Segments, o.Segments)
	c.Note = n
	return changed
}

// setLook changes how the card shows its note without refreshing, and
// reports whether anything changed. marks is copied when it differs.
func (c *NoteCard) setLook(marks []bmc.Color, names []string, segment, focused, dimmed bool, currency string) bool {
	changed := false
	if !slices.Equal(c.Marks, marks) {
		c.Marks = slices.Clone(marks)
		changed = true
	}
	if !slices.Equal(c.MarkNames, names) {
		c.MarkNames = slices.Clone(names)
	}
	if c.Segment != segment || c.SegmentFocused != focused || c.Dimmed != dimmed || c.Currency != currency {
		c.Segment, c.SegmentFocused, c.Dimmed, c.Currency = segment, focused, dimmed, currency
		changed = true
	}
	return changed
}

func sameAmount(a, b *float64) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

// MouseDown records where a drag may start and calls OnPressed.
func (c *NoteCard) MouseDown(e *desktop.MouseEvent) {
	if e.Button != desktop.MouseButtonPrimary || c.ghost() {
		return
	}
	c.drag.press(e.Position)
	if c.OnPressed != nil {
		c.OnPressed()
	}
}

// MouseUp forgets the press.
func (c *NoteCard) MouseUp(*desktop.MouseEvent) { c.drag.release() }

// MouseIn is part of desktop.Hoverable.
func (c *NoteCard) MouseIn(e *desktop.MouseEvent) { c.MouseMoved(e) }

// MouseMoved shows the tip of the badge or the marks under the pointer.
func (c *NoteCard) MouseMoved(e *desktop.MouseEvent) {
	for _, h := range c.hotspots {
		p := e.Position
		if p.X >= h.pos.X && p.Y >= h.pos.Y && p.X < h.pos.X+h.size.Width && p.Y < h.pos.Y+h.size.Height {
			if c.tipShown != h.tip {
				c.tipShown = h.tip
				ShowTipAt(c, h.pos, h.size, h.tip)
			}
			return
		}
	}
	if c.tipShown != "" {
		c.tipShown = ""
		HideTip(c)
	}
}

// MouseOut hides a tip.
func (c *NoteCard) MouseOut() {
	if c.tipShown != "" {
		c.tipShown = ""
		HideTip(c)
	}
}

// Tapped calls OnTapped.
func (c *NoteCard) Tapped(*fyne.PointEvent) {
	if c.OnTapped != nil && !c.ghost() {
		c.OnTapped()
	}
}

// DoubleTapped calls OnDoubleTapped.
func (c *NoteCard) DoubleTapped(*fyne.PointEvent) {
	if c.OnDoubleTapped != nil && !c.ghost() {
		c.OnDoubleTapped()
	}
}

// TappedSecondary calls OnSecondaryTapped.
func (c *NoteCard) TappedSecondary(e *fyne.PointEvent) {
	if c.OnSecondaryTapped != nil && !c.ghost() {
		c.OnSecondaryTapped(e)
	}
}

// Dragged follows the pointer. The pointer's place is where the drag took
// hold (the mouse press, or for synthetic drags such as test.Drag the
// first event's position) plus every move since.
func (c *NoteCard) Dragged(e *fyne.DragEvent) {
	if c.ghost() {
		return
	}
	p := c.drag.move(e)
	c.grab = c.drag.grab
	if c.OnDragged != nil {
		c.OnDragged(p)
	}
}

// DragEnd calls OnDragEnd.
func (c *NoteCard) DragEnd() {
	if c.drag.end() && c.OnDragEnd != nil {
		c.OnDragEnd()
	}
}

// dragTracker follows a drag from the press that may start it, so that a
// widget can report where the pointer is relative to itself.
type dragTracker struct {
	pressed  *fyne.Position // where the button went down, if it did
	dragging bool
	grab     fyne.Position // where the drag took hold
	moved    fyne.Delta    // how far the drag has moved
}

func (d *dragTracker) press(p fyne.Position) { d.pressed = &p }

func (d *dragTracker) release() {
	if !d.dragging {
		d.pressed = nil
	}
}

// move adds up a drag event and returns the pointer's position.
func (d *dragTracker) move(e *fyne.DragEvent) fyne.Position {
	if !d.dragging {
		d.dragging = true
		d.moved = fyne.Delta{}
		d.grab = e.Position
		if d.pressed != nil {
			d.grab = *d.pressed
		}
	}
	d.moved.DX += e.Dragged.DX
	d.moved.DY += e.Dragged.DY
	return d.grab.AddXY(d.moved.DX, d.moved.DY)
}

// end finishes a drag and reports whether there was one.
func (d *dragTracker) end() bool {
	if !d.dragging {
		return false
	}
	d.dragging, d.pressed = false, nil
	return true
}

// CreateRenderer is a private method to Fyne which links this widget to its
// renderer.
func (c *NoteCard) CreateRenderer() fyne.WidgetRenderer {
	r := &noteCardRenderer{
		card:   c,
		shadow: &canvas.Rectangle{},
		paper:  &canvas.Rectangle{},
		badge:  newStatusBadge(),
		votes:  newVoteCount(),
		fade:   &canvas.Rectangle{},
		change: changeObjects{outline: &canvas.Rectangle{}},
	}
	r.Refresh()
	return r
}

type noteCardRenderer struct {
	card          *NoteCard
	shadow, paper *canvas.Rectangle
	lines         []*canvas.Text
	strikes       []*canvas.Line // over the lines of an invalidated note
	amount        []*canvas.Text
	chips         []*chip
	badge         *statusBadge
	votes         *voteCount
	marks         []*canvas.Polygon
	fade          *canvas.Rectangle // over everything, for the dimmed and lifted looks
	change        changeObjects
	objects       []fyne.CanvasObject

	// own is the layout of a card not on a board, and what it was made
	// from.
	own    cardLayout
	ownFor ownKey
}

// ownKey is what a card's own layout depends on.
type ownKey struct {
	text, amount string
	tags         string
	badge        bool
	marks, votes int
	segment      bool
	width, size  float32
	change       cardChange
}

// cardLayout returns the layout the card draws: the board's, or its own.
func (r *noteCardRenderer) cardLayout(width float32) *cardLayout {
	c := r.card
	if c.layout != nil {
		return c.layout
	}
	th := c.Theme()
	content := contentOf(&c.Note, nil, len(c.Marks), c.Segment, c.Currency)
	content.change = changeOf(c.Change)
	k := ownKey{text: c.Note.Text, amount: content.amount, tags: strings.Join(c.Note.Tags, "\x00"), badge: content.badge,
		marks: content.marks, votes: content.votes, segment: content.segment, width: width, size: cardTextSize(th),
		change: content.change}
	if k != r.ownFor || r.own.lines == nil {
		content.text = textlayout.Prepare(c.Note.Text)
		r.own, r.ownFor = layoutCard(content, width, k.size, screenMeasures(th)), k
	}
	return &r.own
}

func (r *noteCardRenderer) Layout(size fyne.Size) {
	c := r.card
	r.paper.Resize(size)
	if c.floating {
		r.shadow.Move(fyne.NewPos(2, 4))
	} else {
		r.shadow.Move(fyne.NewPos(0, 1.5))
	}
	r.shadow.Resize(size)
	r.fade.Resize(size)

	l := r.cardLayout(size.Width)
	s := l.style
	shown, meta := l.shownLines(size.Height)
	box := glyphBox(s.text)
	for len(r.lines) < shown {
		r.lines = append(r.lines, &canvas.Text{})
		r.objects = nil
	}
	for i, t := range r.lines {
		if i >= shown {
			t.Hide()
			continue
		}
		t.Text = l.lines[i]
		if i == shown-1 && shown < len(l.lines) { // the card is cut to fit its block
			t.Text = textlayout.Ellipsize(t.Text+textlayout.Ellipsis, float64(size.Width-2*s.pad), float64(s.text),
				screenMeasure(c.Theme(), fyne.TextStyle{}))
		}
		t.TextSize, t.Color = s.text, inkColor
		t.Move(fyne.NewPos(s.pad, s.pad+float32(i)*s.lineH+(s.lineH-box)/2))
		t.Resize(fyne.NewSize(size.Width-2*s.pad, box))
		t.Show()
		t.Refresh()
	}
	r.layoutStrikes(l, shown)
	// Below the text everything keeps to the bottom of the card.
	dy := size.Height - l.size.Height
	if !meta { // a card cut to fit its block shows its text only
		l = &cardLayout{style: l.style, size: l.size}
	}
	r.layoutAmount(l, dy, size.Width)
	r.layoutChips(l, dy)
	r.layoutCluster(l, dy, size.Width)
	r.layoutChange(l, dy, size)
}

// layoutAmount shows the amount's lines in bold.
func (r *noteCardRenderer) layoutAmount(l *cardLayout, dy, width float32) {
	s := l.style
	box := glyphBox(s.text)
	for len(r.amount) < len(l.amount) {
		r.amount = append(r.amount, &canvas.Text{TextStyle: fyne.TextStyle{Bold: true}})
		r.objects = nil
	}
	for i, t := range r.amount {
		if i >= len(l.amount) {
			t.Hide()
			continue
		}
		t.Text, t.TextSize, t.Color = l.amount[i], s.text, inkColor
		t.Move(fyne.NewPos(s.pad, l.amountY+dy+float32(i)*s.lineH+(s.lineH-box)/2))
		t.Resize(fyne.NewSize(width-2*s.pad, box))
		t.Show()
		t.Refresh()
	}
}

// layoutStrikes draws a line through every line shown of an invalidated
// note's text, as far as the line's words reach.
func (r *noteCardRenderer) layoutStrikes(l *cardLayout, shown int) {
	n := 0
	if r.card.Note.Status == bmc.StatusInvalidated {
		n = shown
	}
	for len(r.strikes) < n {
		r.strikes = append(r.strikes, &canvas.Line{})
		r.objects = nil
	}
	s := l.style
	measure := measurerFor(s.text, fyne.TextStyle{})
	for i, line := range r.strikes {
		if i >= n || l.lines[i] == "" {
			line.Hide()
			continue
		}
		// Through the middle of the lower-case letters.
		y := s.pad + float32(i)*s.lineH + s.lineH*0.55
		line.Position1 = fyne.NewPos(s.pad-1, y)
		line.Position2 = fyne.NewPos(s.pad+measure(l.lines[i])+1, y)
		line.StrokeColor = inkColor
		line.StrokeWidth = max(1, s.text*0.09)
		line.Show()
		line.Refresh()
	}
}

func (r *noteCardRenderer) MinSize() fyne.Size {
	s := newCardStyle(cardTextSize(r.card.Theme()))
	return fyne.NewSize(4*s.lineH+2*s.pad, s.lineH+2*s.pad)
}

func (r *noteCardRenderer) Refresh() {
	c := r.card
	th, v := c.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	radius := th.Size(theme.SizeNameInputRadius) / 1.5
	red, green, blue := c.Note.Color.RGB()
	r.paper.FillColor = color.NRGBA{R: red, G: green, B: blue, A: 0xff}
	r.paper.CornerRadius = radius
	r.paper.StrokeColor = color.NRGBA{A: 0x1c}
	r.paper.StrokeWidth = 0.5
	r.shadow.FillColor = color.NRGBA{A: 0x30}
	if c.floating {
		r.shadow.FillColor = color.NRGBA{A: 0x40}
	}
	r.shadow.CornerRadius = radius
	// A faded card is the card under a veil of the block's background,
	// which looks the same as the card drawn translucent.
	veil := color.NRGBAModel.Convert(th.Color(theme.ColorNameBackground, v)).(color.NRGBA)
	switch {
	case c.Lifted:
		veil.A = 0xb0
	case c.ghost():
		veil = ghostVeilColor
	case c.Dimmed:
		veil.A = dimVeil
	default:
		veil.A = 0
	}
	r.fade.FillColor = veil
	r.fade.CornerRadius = radius
	r.fade.Hidden = veil.A == 0
	r.shadow.Hidden = !r.fade.Hidden
	r.paper.Refresh()
	r.shadow.Refresh()
	r.fade.Refresh()
	if c.Segment {
		c.dot.Refresh()
	}
	r.Layout(c.Size())
}

// dimVeil is the opacity of the veil over a dimmed card: the card shows
// at 35%, faint but readable.
const dimVeil = 0xa6

func (r *noteCardRenderer) Objects() []fyne.CanvasObject {
	if r.objects == nil {
		r.objects = append(r.objects, r.shadow, r.paper)
		for _, t := range r.lines {
			r.objects = append(r.objects, t)
		}
		for _, l := range r.strikes {
			r.objects = append(r.objects, l)
		}
		for _, t := range r.amount {
			r.objects = append(r.objects, t)
		}
		for _, ch := range r.chips {
			r.objects = append(r.objects, ch.bg, ch.text)
		}
		r.objects = append(r.objects, r.badge.objects()...)
		r.objects = append(r.objects, r.votes.disc, r.votes.text)
		for _, m := range r.marks {
			r.objects = append(r.objects, m)
		}
		under, over := r.change.objects()
		r.objects = append(r.objects, under...)
		r.objects = append(r.objects, r.card.dot, r.fade)
		r.objects = append(r.objects, over...)
	}
	return r.objects
}

func (r *noteCardRenderer) Destroy() {}
