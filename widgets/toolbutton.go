package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var (
	_ fyne.Tappable       = (*toolButton)(nil)
	_ desktop.Hoverable   = (*toolButton)(nil)
	_ desktop.Cursorable  = (*toolButton)(nil)
	_ fyne.WidgetRenderer = (*toolButtonRenderer)(nil)
)

// toolButton is a small flat icon button in a block's title row. Unlike
// widget.Button it takes no keyboard focus, so Tab does not stop at each
// of the board's eighteen little buttons; the keyboard reaches the same
// actions through the board's keys.
type toolButton struct {
	widget.BaseWidget
	icon     fyne.Resource
	onTapped func()
	onHover  func(in bool) // tells the block the pointer is over its button
	hovered  bool
	tip      string // what the button does, shown on hover
}

func newToolButton(icon fyne.Resource, tip string, tapped func()) *toolButton {
	b := &toolButton{icon: icon, tip: tip, onTapped: tapped}
	b.ExtendBaseWidget(b)
	return b
}

// Tapped runs the button's action.
func (b *toolButton) Tapped(*fyne.PointEvent) {
	HideTip(b)
	if b.onTapped != nil {
		b.onTapped()
	}
}

// Cursor shows a pointing hand over the button.
func (b *toolButton) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn highlights the button and shows its tip.
func (b *toolButton) MouseIn(*desktop.MouseEvent) {
	ShowTip(b, b.tip)
	b.hovered = true
	b.Refresh()
	if b.onHover != nil {
		b.onHover(true)
	}
}

// MouseMoved is part of desktop.Hoverable.
func (b *toolButton) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the highlight and the tip.
func (b *toolButton) MouseOut() {
	HideTip(b)
	b.hovered = false
	b.Refresh()
	if b.onHover != nil {
		b.onHover(false)
	}
}

func (b *toolButton) CreateRenderer() fyne.WidgetRenderer {
	r := &toolButtonRenderer{button: b, bg: &canvas.Rectangle{}, icon: widget.NewIcon(b.icon)}
	r.Refresh()
	return r
}

type toolButtonRenderer struct {
	button *toolButton
	bg     *canvas.Rectangle
	icon   *widget.Icon
}

func (r *toolButtonRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.bg.CornerRadius = min(size.Width, size.Height) / 2
	inset := r.button.Theme().Size(theme.SizeNamePadding) / 2
	r.icon.Move(fyne.NewPos(inset, inset))
	r.icon.Resize(size.SubtractWidthHeight(2*inset, 2*inset))
}

func (r *toolButtonRenderer) MinSize() fyne.Size {
	s := r.button.Theme().Size(theme.SizeNameInlineIcon) + r.button.Theme().Size(theme.SizeNamePadding)
	return fyne.NewSize(s, s)
}

func (r *toolButtonRenderer) Refresh() {
	th, v := r.button.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = th.Color(theme.ColorNameHover, v)
	r.bg.Hidden = !r.button.hovered
	r.bg.Refresh()
	r.icon.SetResource(r.button.icon)
}

func (r *toolButtonRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.icon}
}

func (r *toolButtonRenderer) Destroy() {}
