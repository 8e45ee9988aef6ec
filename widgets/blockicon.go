package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

var (
	_ fyne.Widget         = (*blockIcon)(nil)
	_ fyne.WidgetRenderer = (*blockIconRenderer)(nil)
)

// blockIcon draws a block's line icon (a bmc.Icon) in a square, with
// strokes in a theme colour.
type blockIcon struct {
	widget.BaseWidget
	// Icon is the drawing to show.
	Icon bmc.Icon
	// ColorName is the theme colour of the strokes; empty means the
	// foreground colour.
	ColorName fyne.ThemeColorName
}

// newBlockIcon returns a widget that draws ic.
func newBlockIcon(ic bmc.Icon) *blockIcon {
	i := &blockIcon{Icon: ic}
	i.ExtendBaseWidget(i)
	return i
}

// CreateRenderer is a private method to Fyne which links this widget to its
// renderer.
func (i *blockIcon) CreateRenderer() fyne.WidgetRenderer {
	r := &blockIconRenderer{icon: i}
	r.rebuild()
	return r
}

type blockIconRenderer struct {
	icon    *blockIcon
	drawn   bmc.Icon
	objects []fyne.CanvasObject
}

// rebuild makes one line or circle per shape of the icon.
func (r *blockIconRenderer) rebuild() {
	r.drawn = r.icon.Icon
	r.objects = r.objects[:0]
	for _, s := range r.drawn.Shapes {
		if s.Circle {
			r.objects = append(r.objects, &canvas.Circle{})
		} else {
			r.objects = append(r.objects, &canvas.Line{})
		}
	}
	r.applyColor()
}

func (r *blockIconRenderer) applyColor() {
	name := r.icon.ColorName
	if name == "" {
		name = theme.ColorNameForeground
	}
	c := r.icon.Theme().Color(name, fyne.CurrentApp().Settings().ThemeVariant())
	for _, o := range r.objects {
		switch o := o.(type) {
		case *canvas.Circle:
			o.StrokeColor = c
		case *canvas.Line:
			o.StrokeColor = c
		}
	}
}

func (r *blockIconRenderer) Layout(size fyne.Size) {
	side := min(size.Width, size.Height)
	off := fyne.NewPos((size.Width-side)/2, (size.Height-side)/2)
	stroke := max(side/14, 1.2)
	at := func(x, y float64) fyne.Position {
		return off.AddXY(float32(x)*side, float32(y)*side)
	}
	for i, s := range r.drawn.Shapes {
		switch o := r.objects[i].(type) {
		case *canvas.Circle:
			o.Position1 = at(s.X1-s.R, s.Y1-s.R)
			o.Position2 = at(s.X1+s.R, s.Y1+s.R)
			o.StrokeWidth = stroke
		case *canvas.Line:
			o.Position1 = at(s.X1, s.Y1)
			o.Position2 = at(s.X2, s.Y2)
			o.StrokeWidth = stroke
		}
	}
}

func (r *blockIconRenderer) MinSize() fyne.Size {
	s := r.icon.Theme().Size(theme.SizeNameInlineIcon)
	return fyne.NewSize(s, s)
}

func (r *blockIconRenderer) Refresh() {
	if r.icon.Icon.Name != r.drawn.Name || len(r.icon.Icon.Shapes) != len(r.drawn.Shapes) {
		r.rebuild()
		r.Layout(r.icon.Size())
	} else {
		r.applyColor()
	}
	for _, o := range r.objects {
		canvas.Refresh(o)
	}
}

func (r *blockIconRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *blockIconRenderer) Destroy() {}
