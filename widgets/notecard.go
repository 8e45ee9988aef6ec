package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

var (
	_ fyne.Tappable          = (*NoteCard)(nil)
	_ fyne.DoubleTappable    = (*NoteCard)(nil)
	_ fyne.SecondaryTappable = (*NoteCard)(nil)
	_ fyne.Draggable         = (*NoteCard)(nil)
	_ desktop.Mouseable      = (*NoteCard)(nil)
	_ fyne.WidgetRenderer    = (*noteCardRenderer)(nil)
)

// inkColor is the text colour on paper notes: dark in every theme, since
// the paper colours are light in every theme.
var inkColor = color.NRGBA{R: 0x26, G: 0x26, B: 0x26, A: 0xff}

// cardTextSize and cardPadding size a note card's text and margin from
// the theme.
func cardTextSize(th fyne.Theme) float32 { return th.Size(theme.SizeNameText) * 0.86 }

func cardPadding(th fyne.Theme) float32 { return th.Size(theme.SizeNamePadding) * 1.75 }

// NoteCard shows one sticky note: its text, wrapped and cut with an
// ellipsis when it does not fit, on paper of the note's colour. It reports
// taps, double taps, secondary taps and drags through its callbacks.
type NoteCard struct {
	widget.BaseWidget
	// Note is the note shown.
	Note bmc.Note
	// Lifted draws the card faded, as the place a dragged note comes from.
	Lifted bool

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

	floating bool           // drawn with a deeper shadow, as the card a drag holds
	pressed  *fyne.Position // where the button went down, if it did
	dragging bool
	grab     fyne.Position // where the drag took hold of the card
	moved    fyne.Delta    // how far the drag has moved
}

// NewNoteCard returns a card showing n.
func NewNoteCard(n bmc.Note) *NoteCard {
	c := &NoteCard{Note: n}
	c.ExtendBaseWidget(c)
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
	changed := n.ID != c.Note.ID || n.Text != c.Note.Text || n.Color != c.Note.Color
	c.Note = n
	return changed
}

// MouseDown records where a drag may start and calls OnPressed.
func (c *NoteCard) MouseDown(e *desktop.MouseEvent) {
	if e.Button != desktop.MouseButtonPrimary {
		return
	}
	p := e.Position
	c.pressed = &p
	if c.OnPressed != nil {
		c.OnPressed()
	}
}

// MouseUp forgets the press.
func (c *NoteCard) MouseUp(*desktop.MouseEvent) {
	if !c.dragging {
		c.pressed = nil
	}
}

// Tapped calls OnTapped.
func (c *NoteCard) Tapped(*fyne.PointEvent) {
	if c.OnTapped != nil {
		c.OnTapped()
	}
}

// DoubleTapped calls OnDoubleTapped.
func (c *NoteCard) DoubleTapped(*fyne.PointEvent) {
	if c.OnDoubleTapped != nil {
		c.OnDoubleTapped()
	}
}

// TappedSecondary calls OnSecondaryTapped.
func (c *NoteCard) TappedSecondary(e *fyne.PointEvent) {
	if c.OnSecondaryTapped != nil {
		c.OnSecondaryTapped(e)
	}
}

// Dragged follows the pointer. The pointer's place is where the drag took
// hold (the mouse press, or for synthetic drags such as test.Drag the
// first event's position) plus every move since.
func (c *NoteCard) Dragged(e *fyne.DragEvent) {
	if !c.dragging {
		c.dragging = true
		c.moved = fyne.Delta{}
		c.grab = e.Position
		if c.pressed != nil {
			c.grab = *c.pressed
		}
	}
	c.moved.DX += e.Dragged.DX
	c.moved.DY += e.Dragged.DY
	if c.OnDragged != nil {
		c.OnDragged(c.grab.AddXY(c.moved.DX, c.moved.DY))
	}
}

// DragEnd calls OnDragEnd.
func (c *NoteCard) DragEnd() {
	if !c.dragging {
		return
	}
	c.dragging, c.pressed = false, nil
	if c.OnDragEnd != nil {
		c.OnDragEnd()
	}
}

// CreateRenderer is a private method to Fyne which links this widget to its
// renderer.
func (c *NoteCard) CreateRenderer() fyne.WidgetRenderer {
	r := &noteCardRenderer{card: c, shadow: &canvas.Rectangle{}, paper: &canvas.Rectangle{}}
	r.Refresh()
	return r
}

type noteCardRenderer struct {
	card          *NoteCard
	shadow, paper *canvas.Rectangle
	lines         []*canvas.Text
	objects       []fyne.CanvasObject

	// the fitted text, kept until the text, box or text size changes
	fitText string
	fitBox  fyne.Size
	fitSize float32
	fit     fitting
	paras   [][]token // the text split into words, kept until it changes
}

func (r *noteCardRenderer) Layout(size fyne.Size) {
	th := r.card.Theme()
	pad, ts := cardPadding(th), cardTextSize(th)
	r.paper.Resize(size)
	if r.card.floating {
		r.shadow.Move(fyne.NewPos(2, 4))
	} else {
		r.shadow.Move(fyne.NewPos(0, 1.5))
	}
	r.shadow.Resize(size)

	box := fyne.NewSize(size.Width-2*pad, size.Height-2*pad)
	if r.paras == nil || r.fitText != r.card.Note.Text {
		r.paras = splitText(r.card.Note.Text)
		r.fit.lines = nil
	}
	if r.fit.lines == nil || r.fitText != r.card.Note.Text || r.fitBox != box || r.fitSize != ts {
		r.fitText, r.fitBox, r.fitSize = r.card.Note.Text, box, ts
		r.fit = fitText(r.paras, box, ts, fyne.TextStyle{})
		if r.fit.lines == nil {
			r.fit.lines = []string{}
		}
	}
	for len(r.lines) < len(r.fit.lines) {
		r.lines = append(r.lines, &canvas.Text{})
		r.objects = nil
	}
	col := r.inkColor()
	for i, t := range r.lines {
		if i >= len(r.fit.lines) {
			t.Hide()
			continue
		}
		t.Text, t.TextSize, t.Color = r.fit.lines[i], r.fit.size, col
		t.Move(fyne.NewPos(pad, pad+float32(i)*r.fit.lineH))
		t.Resize(fyne.NewSize(box.Width, r.fit.lineH))
		t.Show()
		t.Refresh()
	}
}

func (r *noteCardRenderer) inkColor() color.Color {
	if r.card.Lifted {
		c := inkColor
		c.A = 0x60
		return c
	}
	return inkColor
}

func (r *noteCardRenderer) MinSize() fyne.Size {
	th := r.card.Theme()
	pad := cardPadding(th)
	h := fyne.MeasureText("Mg", cardTextSize(th), fyne.TextStyle{}).Height
	return fyne.NewSize(4*h+2*pad, h+2*pad)
}

func (r *noteCardRenderer) Refresh() {
	th := r.card.Theme()
	radius := th.Size(theme.SizeNameInputRadius) / 1.5
	red, green, blue := r.card.Note.Color.RGB()
	paper := color.NRGBA{R: red, G: green, B: blue, A: 0xff}
	if r.card.Lifted {
		paper.A = 0x50
	}
	r.paper.FillColor = paper
	r.paper.CornerRadius = radius
	r.paper.StrokeColor = color.NRGBA{A: 0x1c}
	r.paper.StrokeWidth = 0.5
	r.shadow.FillColor = color.NRGBA{A: 0x30}
	if r.card.floating {
		r.shadow.FillColor = color.NRGBA{A: 0x40}
	}
	r.shadow.CornerRadius = radius
	r.shadow.Hidden = r.card.Lifted
	r.paper.Refresh()
	r.shadow.Refresh()
	r.Layout(r.card.Size())
}

func (r *noteCardRenderer) Objects() []fyne.CanvasObject {
	if r.objects == nil {
		r.objects = append(r.objects, r.shadow, r.paper)
		for _, t := range r.lines {
			r.objects = append(r.objects, t)
		}
	}
	return r.objects
}

func (r *noteCardRenderer) Destroy() {}
