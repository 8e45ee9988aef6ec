package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pickRow is one entry of a list that leads to a note, as in the test plan
// and the canvas check: an optional icon, a small heading (the block), the
// text in full, wrapped, and a quieter detail line. Tapping it calls
// OnTapped; it lights up under the pointer and while Current.
type pickRow struct {
	widget.BaseWidget

	// NoteID is the note the row leads to; empty for a whole block.
	NoteID string
	// OnTapped is called when the row is tapped.
	OnTapped func()

	icon                  *widget.Icon
	heading, text, detail *widget.Label
	current, hovered      bool
}

var (
	_ fyne.Tappable      = (*pickRow)(nil)
	_ desktop.Hoverable  = (*pickRow)(nil)
	_ desktop.Cursorable = (*pickRow)(nil)
)

// newPickRow returns a row; icon and detail may be nil and "".
func newPickRow(icon fyne.Resource, heading, text, detail string) *pickRow {
	r := &pickRow{
		heading: widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		text:    widget.NewLabel(text),
		detail:  widget.NewLabel(detail),
	}
	r.heading.SizeName = theme.SizeNameCaptionText
	r.heading.Importance = widget.HighImportance
	r.text.Wrapping = fyne.TextWrapWord
	r.detail.Wrapping = fyne.TextWrapWord
	r.detail.SizeName = theme.SizeNameCaptionText
	r.detail.Hidden = detail == ""
	if icon != nil {
		r.icon = widget.NewIcon(icon)
	}
	r.ExtendBaseWidget(r)
	return r
}

// markCurrent lights up the rows of the note id and no others: the side
// panels follow the board's selection.
func markCurrent(rows []*pickRow, id string) {
	for _, r := range rows {
		r.SetCurrent(r.NoteID == id)
	}
}

// SetCurrent lights the row up as the note selected on the board.
func (r *pickRow) SetCurrent(on bool) {
	if r.current != on {
		r.current = on
		r.Refresh()
	}
}

// Tapped calls OnTapped.
func (r *pickRow) Tapped(*fyne.PointEvent) {
	if r.OnTapped != nil {
		r.OnTapped()
	}
}

// MouseIn lights the row up.
func (r *pickRow) MouseIn(*desktop.MouseEvent) {
	r.hovered = true
	r.Refresh()
}

// MouseMoved does nothing.
func (r *pickRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut dims the row again.
func (r *pickRow) MouseOut() {
	r.hovered = false
	r.Refresh()
}

// Cursor is the pointing hand: the row is a link.
func (r *pickRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer lays the labels out in a column over a background, with
// the icon to their left.
func (r *pickRow) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(nil)
	bg.CornerRadius = theme.InputRadiusSize()
	var lines fyne.CanvasObject = container.New(&tightColumn{}, r.heading, r.text, r.detail)
	if r.icon != nil {
		lines = container.NewBorder(nil, nil, container.NewVBox(r.icon), nil, lines)
	}
	return &pickRowRenderer{row: r, bg: bg, objects: []fyne.CanvasObject{bg, lines}}
}

// pickRowRenderer draws a pickRow.
type pickRowRenderer struct {
	row     *pickRow
	bg      *canvas.Rectangle
	objects []fyne.CanvasObject
}

var _ fyne.WidgetRenderer = (*pickRowRenderer)(nil)

func (p *pickRowRenderer) Layout(size fyne.Size) {
	p.bg.Resize(size)
	p.objects[1].Resize(size)
}

func (p *pickRowRenderer) MinSize() fyne.Size { return p.objects[1].MinSize() }

func (p *pickRowRenderer) Refresh() {
	th := p.row.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	switch {
	case p.row.current:
		p.bg.FillColor = th.Color(theme.ColorNameSelection, v)
	case p.row.hovered:
		p.bg.FillColor = th.Color(theme.ColorNameHover, v)
	default:
		p.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	}
	p.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	p.bg.Refresh()
	p.objects[1].Refresh()
}

func (p *pickRowRenderer) Objects() []fyne.CanvasObject { return p.objects }

func (p *pickRowRenderer) Destroy() {}

// tightColumn stacks labels like a VBox, but closer: each label's inner
// padding is space enough, so they overlap by half of it.
type tightColumn struct{}

// overlap is how far each label reaches into the one above.
func (tightColumn) overlap() float32 { return theme.InnerPadding() / 2 }

func (t tightColumn) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	first := true
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		if !first {
			y -= t.overlap()
		}
		first = false
		// A wrapping label knows its height only once it has its width.
		o.Resize(fyne.NewSize(size.Width, o.Size().Height))
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}

func (t tightColumn) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	first := true
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		if !first {
			s.Height -= t.overlap()
		}
		first = false
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	return s
}
