package widgets

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*TipLayer)(nil)

// tipDelay is how long the pointer rests on something before its tip
// shows; tests set it to 0.
var tipDelay = 600 * time.Millisecond

// TipLayer shows short help texts (tooltips), which Fyne 2.7 does not
// have, over a window's content. Put it over the content in a stack, such
// as container.NewStack(content, tips): it takes no input, so taps and
// the pointer pass through to what lies below. Widgets show tips through
// ShowTip and HideTip, which find the layer of their window.
type TipLayer struct {
	widget.BaseWidget

	text  string
	near  fyne.Position // the top left of what the tip is about, relative to the layer
	below float32       // the height of what the tip is about
	timer *time.Timer
	gen   int // counts tips, so that a late timer does not show an old one
}

// NewTipLayer returns an empty tip layer.
func NewTipLayer() *TipLayer {
	l := &TipLayer{}
	l.ExtendBaseWidget(l)
	tipLayers.Lock()
	tipLayers.all = append(tipLayers.all, l)
	tipLayers.Unlock()
	return l
}

// tipLayers are the layers made, to find the one of a widget's window.
var tipLayers struct {
	sync.Mutex
	all []*TipLayer
}

// layerFor returns the tip layer on the same canvas as obj, or nil.
func layerFor(obj fyne.CanvasObject) *TipLayer {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(obj)
	if c == nil {
		return nil
	}
	tipLayers.Lock()
	defer tipLayers.Unlock()
	for _, l := range tipLayers.all {
		if d.CanvasForObject(l) == c {
			return l
		}
	}
	return nil
}

// ShowTip shows text as the tip of obj, below it, once the pointer has
// rested for tipDelay; it replaces any tip shown.
func ShowTip(obj fyne.CanvasObject, text string) {
	ShowTipAt(obj, fyne.Position{}, obj.Size(), text)
}

// ShowTipAt is ShowTip for the part of obj at pos (relative to obj) of
// the given size, such as a badge drawn on a card.
func ShowTipAt(obj fyne.CanvasObject, pos fyne.Position, size fyne.Size, text string) {
	l := layerFor(obj)
	if l == nil || text == "" {
		return
	}
	d := fyne.CurrentApp().Driver()
	abs := d.AbsolutePositionForObject(obj).Add(pos).Subtract(d.AbsolutePositionForObject(l))
	if l.text == text && l.near == abs && l.Visible() {
		return
	}
	l.gen++
	gen := l.gen
	show := func() {
		if l.gen != gen {
			return
		}
		l.text, l.near, l.below = text, abs, size.Height
		l.Refresh()
	}
	if l.timer != nil {
		l.timer.Stop()
	}
	if tipDelay <= 0 || l.text != "" { // a tip is up: the next shows at once
		show()
		return
	}
	l.timer = time.AfterFunc(tipDelay, func() { fyne.Do(show) })
}

// HideTip hides the tip of obj's window.
func HideTip(obj fyne.CanvasObject) {
	l := layerFor(obj)
	if l == nil {
		return
	}
	l.gen++
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
	if l.text != "" {
		l.text = ""
		l.Refresh()
	}
}

// Tip returns the text of the tip shown, or "".
func (l *TipLayer) Tip() string { return l.text }

// CreateRenderer is a private method to Fyne which links this widget to its
// renderer.
func (l *TipLayer) CreateRenderer() fyne.WidgetRenderer {
	r := &tipRenderer{layer: l, bg: &canvas.Rectangle{}, text: &canvas.Text{}}
	r.Refresh()
	return r
}

type tipRenderer struct {
	layer *TipLayer
	bg    *canvas.Rectangle
	text  *canvas.Text
}

func (r *tipRenderer) Layout(size fyne.Size) {
	l := r.layer
	th := l.Theme()
	pad := th.Size(theme.SizeNamePadding)
	ts := r.text.MinSize()
	box := ts.AddWidthHeight(3*pad, pad*1.5)
	at := l.near.AddXY(0, l.below+pad)
	if at.Y+box.Height > size.Height { // no room below: above
		at.Y = l.near.Y - pad - box.Height
	}
	at.X = min(max(at.X, 0), max(size.Width-box.Width, 0))
	at.Y = max(at.Y, 0)
	r.bg.Move(at)
	r.bg.Resize(box)
	r.text.Move(at.AddXY(1.5*pad, pad*0.75))
	r.text.Resize(ts)
}

func (r *tipRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (r *tipRenderer) Refresh() {
	l := r.layer
	th, v := l.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.text.Text = l.text
	r.text.TextSize = th.Size(theme.SizeNameCaptionText) * 1.1
	r.text.Color = th.Color(theme.ColorNameForeground, v)
	r.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	r.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.Layout(l.Size())
	if l.text != "" {
		r.bg.Show()
		r.text.Show()
	} else {
		r.bg.Hide()
		r.text.Hide()
	}
	r.bg.Refresh()
	r.text.Refresh()
	canvas.Refresh(l)
}

func (r *tipRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.text} }

func (r *tipRenderer) Destroy() {}
