package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var (
	_ fyne.Tappable       = (*curtainStrip)(nil)
	_ desktop.Hoverable   = (*curtainStrip)(nil)
	_ desktop.Cursorable  = (*curtainStrip)(nil)
	_ fyne.WidgetRenderer = (*curtainRenderer)(nil)
)

// curtainStrip is the slim strip at the left of a board whose backstage is
// hidden: it reads "Backstage" in stacked letters under a chevron, and a
// tap on it reveals the backstage again.
type curtainStrip struct {
	widget.BaseWidget
	// Label is spelt downwards in capitals, one letter a line.
	Label string
	// OnTapped is called when the strip is tapped.
	OnTapped func()

	hovered bool
}

// newCurtainStrip returns a curtain labelled "Backstage" that calls tapped.
func newCurtainStrip(tapped func()) *curtainStrip {
	c := &curtainStrip{Label: "Backstage", OnTapped: tapped}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped calls OnTapped.
func (c *curtainStrip) Tapped(*fyne.PointEvent) {
	HideTip(c)
	if c.OnTapped != nil {
		c.OnTapped()
	}
}

// Cursor shows a pointing hand over the strip.
func (c *curtainStrip) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn highlights the strip and says what it does.
func (c *curtainStrip) MouseIn(*desktop.MouseEvent) {
	ShowTip(c, "Show the backstage (Ctrl+B)")
	c.hovered = true
	c.Refresh()
}

// MouseMoved is part of desktop.Hoverable.
func (c *curtainStrip) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the highlight.
func (c *curtainStrip) MouseOut() {
	HideTip(c)
	c.hovered = false
	c.Refresh()
}

// CreateRenderer is a private method to Fyne which links this widget to its
// renderer.
func (c *curtainStrip) CreateRenderer() fyne.WidgetRenderer {
	r := &curtainRenderer{curtain: c, bg: &canvas.Rectangle{}, edge: &canvas.Rectangle{},
		chevron: widget.NewIcon(theme.NavigateNextIcon())}
	r.Refresh()
	return r
}

type curtainRenderer struct {
	curtain  *curtainStrip
	bg, edge *canvas.Rectangle
	chevron  *widget.Icon
	letters  []*canvas.Text
	objects  []fyne.CanvasObject
}

func (r *curtainRenderer) Layout(size fyne.Size) {
	th := r.curtain.Theme()
	pad := th.Size(theme.SizeNamePadding)
	r.bg.Resize(size)
	r.edge.Move(fyne.NewPos(size.Width-1, 0))
	r.edge.Resize(fyne.NewSize(1, size.Height))
	icon := min(th.Size(theme.SizeNameInlineIcon), size.Width)
	r.chevron.Move(fyne.NewPos((size.Width-icon)/2, 3*pad))
	r.chevron.Resize(fyne.NewSquareSize(icon))
	y := 4*pad + icon
	for _, t := range r.letters {
		h := t.MinSize().Height * 0.95
		t.Move(fyne.NewPos(0, y))
		t.Resize(fyne.NewSize(size.Width, h))
		t.Hidden = y+h > size.Height || size.Width < 4
		y += h
	}
}

func (r *curtainRenderer) MinSize() fyne.Size {
	s := r.curtain.Theme().Size(theme.SizeNameInlineIcon)
	return fyne.NewSize(s, s)
}

func (r *curtainRenderer) Refresh() {
	th, v := r.curtain.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	text := []rune(strings.ToUpper(r.curtain.Label))
	if len(text) != len(r.letters) {
		r.letters = make([]*canvas.Text, len(text))
		for i := range r.letters {
			r.letters[i] = &canvas.Text{Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}}
		}
		r.objects = nil
	}
	for i, t := range r.letters {
		t.Text = string(text[i])
		t.TextSize = th.Size(theme.SizeNameCaptionText)
		t.Color = th.Color(theme.ColorNameForeground, v)
		t.Refresh()
	}
	r.bg.FillColor = th.Color(theme.ColorNameButton, v)
	if r.curtain.hovered {
		r.bg.FillColor = blend(r.bg.FillColor, th.Color(theme.ColorNameHover, v))
	}
	r.edge.FillColor = th.Color(theme.ColorNameSeparator, v)
	r.bg.Refresh()
	r.edge.Refresh()
	r.chevron.Refresh()
	r.Layout(r.curtain.Size())
}

func (r *curtainRenderer) Objects() []fyne.CanvasObject {
	if r.objects == nil {
		r.objects = []fyne.CanvasObject{r.bg, r.edge, r.chevron}
		for _, t := range r.letters {
			r.objects = append(r.objects, t)
		}
	}
	return r.objects
}

func (r *curtainRenderer) Destroy() {}
