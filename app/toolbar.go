package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/textlayout"
	"github.com/bmcanvas/bmcanvas/widgets"
)

// toolbar holds the common actions above the board: files, undo, the
// backstage toggle, details, export, zoom to fit, and at the right the
// canvas's name. Where the window is too narrow for the labels, the
// buttons fold into icons; each says what it does in a tip.
type toolbar struct {
	bar        *fyne.Container
	undo, redo *tipButton
	backstage  *tipButton
	// heading names the canvas at the right end; tapping it opens the
	// details form.
	heading *tipButton
	// headingText is the heading before it is shortened to fit.
	headingText string
}

// tipButton is a flat toolbar button with a tip, and a label it drops
// when the toolbar folds.
type tipButton struct {
	widget.Button
	label string
	tip   string
	// keep is true for the heading, whose label is its text.
	keep bool
}

func newTipButton(label string, icon fyne.Resource, tip string, tapped func()) *tipButton {
	b := &tipButton{label: label, tip: tip}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.Importance = widget.LowImportance
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn shows the button's tip.
func (b *tipButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	widgets.ShowTip(b, b.tip)
}

// MouseOut hides the tip.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	widgets.HideTip(b)
}

// Tapped hides the tip and runs the button's action.
func (b *tipButton) Tapped(e *fyne.PointEvent) {
	widgets.HideTip(b)
	b.Button.Tapped(e)
}

// setLabel changes the label the button shows when the toolbar is wide.
func (b *tipButton) setLabel(label string) {
	if b.label == label {
		return
	}
	b.label = label
	if b.Text != "" {
		b.SetText(label)
	}
}

// newToolbar builds the toolbar.
func (e *Editor) newToolbar() *toolbar {
	t := &toolbar{
		undo:      newTipButton("", theme.ContentUndoIcon(), "Undo (Ctrl+Z)", e.Undo),
		redo:      newTipButton("", theme.ContentRedoIcon(), "Redo (Ctrl+Shift+Z)", e.Redo),
		backstage: newTipButton("Hide backstage", theme.VisibilityOffIcon(), "Hide or show the backstage (Ctrl+B)", e.ToggleBackstage),
		heading:   newTipButton("", nil, "Canvas details: title, who it is for, date, version", e.ShowDetails),
	}
	t.heading.keep = true
	items := []fyne.CanvasObject{
		newTipButton("", theme.DocumentCreateIcon(), "New canvas (Ctrl+N)", e.New),
		newTipButton("", theme.FolderOpenIcon(), "Open a canvas file (Ctrl+O)", e.Open),
		newTipButton("", theme.DocumentSaveIcon(), "Save (Ctrl+S)", e.Save),
		toolbarSeparator(),
		t.undo, t.redo,
		toolbarSeparator(),
		t.backstage,
		newTipButton("Details", theme.DocumentIcon(), "Canvas details: title, who it is for, date, version", e.ShowDetails),
		newTipButton("Export", theme.DocumentPrintIcon(), "Export the canvas: a PDF poster, a PNG or SVG picture of it, Markdown or JSON (Ctrl+E)", e.ShowExport),
		newTipButton("Fit", theme.ZoomFitIcon(), "Zoom to show every note (Ctrl+0); Ctrl+= and Ctrl+- zoom in and out",
			func() { e.SetZoom(widgets.Zoom{Fit: true}) }),
	}
	t.bar = &fyne.Container{Layout: &toolbarLayout{t: t}, Objects: append(items, t.heading)}
	return t
}

// toolbarSeparator is a thin vertical line between groups of buttons.
func toolbarSeparator() fyne.CanvasObject {
	return widget.NewSeparator()
}

// refresh follows the document: undo and redo, the backstage toggle's
// state (an open or crossed-out eye; disabled without a backstage) and
// the heading.
func (t *toolbar) refresh(e *Editor) {
	h := e.doc.History()
	setEnabled(t.undo, h.CanUndo())
	setEnabled(t.redo, h.CanRedo())
	c := e.doc.Canvas()
	if text := heading(c); text != t.headingText {
		t.headingText = text
		t.bar.Refresh()
	}
	b := t.backstage
	if c.BackstageShown() {
		b.setLabel("Hide backstage")
		b.SetIcon(theme.VisibilityOffIcon())
	} else {
		b.setLabel("Show backstage")
		b.SetIcon(theme.VisibilityIcon())
	}
	if c.Template().HasBackstage() {
		b.Enable()
	} else {
		b.setLabel("Backstage")
		b.Disable()
	}
}

// setEnabled enables or disables a widget.
func setEnabled(b fyne.Disableable, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// heading names the canvas for the toolbar: its title (or "Untitled
// canvas"), its template and who it is for, such as "Corner Bakery ·
// Business Model Canvas · for Corner Bakery Ltd".
func heading(c *bmc.Canvas) string {
	parts := []string{c.Title, c.Template().Name}
	if parts[0] == "" {
		parts[0] = "Untitled canvas"
	}
	if c.DesignedFor != "" && c.DesignedFor != c.Title {
		parts = append(parts, "for "+c.DesignedFor)
	}
	text := strings.Join(parts, " · ")
	if r := []rune(text); len(r) > 90 {
		text = string(r[:89]) + "…"
	}
	return text
}

// toolbarLayout lays the toolbar out in one row: the buttons from the
// left, the heading at the right, shortened to the room left. Its minimum
// width is that of the buttons as icons, so the toolbar never makes the
// window wider: when the labels do not fit beside a readable heading, the
// buttons fold into icons.
type toolbarLayout struct {
	t *toolbar
}

// headingMin is the least width the heading keeps before the buttons fold.
const headingMin = 240

func (l *toolbarLayout) buttons(objects []fyne.CanvasObject) []fyne.CanvasObject {
	return objects[:len(objects)-1]
}

// widths returns the width of the buttons with their labels and folded.
func (l *toolbarLayout) widths(objects []fyne.CanvasObject) (labelled, folded float32) {
	th := theme.Current()
	pad := th.Size(theme.SizeNamePadding)
	icon := th.Size(theme.SizeNameInlineIcon)
	for _, o := range l.buttons(objects) {
		b, ok := o.(*tipButton)
		if !ok { // a separator
			labelled += pad*2 + 1
			folded += pad*2 + 1
			continue
		}
		w := icon + 4*pad
		folded += w
		if b.label != "" {
			w += fyne.MeasureText(b.label, th.Size(theme.SizeNameText), fyne.TextStyle{Bold: true}).Width + pad
		}
		labelled += w
	}
	return labelled, folded
}

func (l *toolbarLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	labelled, _ := l.widths(objects)
	fold := labelled+headingMin > size.Width
	th := theme.Current()
	pad := th.Size(theme.SizeNamePadding)
	x := float32(0)
	for _, o := range l.buttons(objects) {
		if b, ok := o.(*tipButton); ok {
			text := b.label
			if fold {
				text = ""
			}
			if b.Text != text {
				b.SetText(text)
			}
		}
		w := o.MinSize().Width
		if _, sep := o.(*widget.Separator); sep {
			o.Move(fyne.NewPos(x+pad, size.Height*0.2))
			o.Resize(fyne.NewSize(1, size.Height*0.6))
			x += 2*pad + 1
			continue
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
	h := l.t.heading
	room := max(size.Width-x-pad, 0)
	text := textlayout.Ellipsize(l.t.headingText, float64(max(room-4*pad, 0)), float64(th.Size(theme.SizeNameText)),
		func(s string, size float64) float64 {
			return float64(fyne.MeasureText(s, float32(size), fyne.TextStyle{Bold: true}).Width)
		})
	if room < 5*pad {
		text = ""
	}
	if h.Text != text {
		h.SetText(text)
	}
	w := min(h.MinSize().Width, room)
	h.Move(fyne.NewPos(size.Width-w, 0))
	h.Resize(fyne.NewSize(w, size.Height))
}

func (l *toolbarLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	_, folded := l.widths(objects)
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	th := theme.Current()
	h = max(h, th.Size(theme.SizeNameInlineIcon)+2*th.Size(theme.SizeNamePadding))
	return fyne.NewSize(folded, h)
}

var _ fyne.Layout = (*toolbarLayout)(nil)
