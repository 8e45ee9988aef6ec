package widgets

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/textlayout"
)

var (
	_ fyne.Tappable          = (*blockWidget)(nil)
	_ fyne.DoubleTappable    = (*blockWidget)(nil)
	_ fyne.SecondaryTappable = (*blockWidget)(nil)
	_ fyne.Scrollable        = (*blockWidget)(nil)
	_ desktop.Mouseable      = (*blockWidget)(nil)
	_ desktop.Hoverable      = (*blockWidget)(nil)
	_ fyne.WidgetRenderer    = (*blockRenderer)(nil)
)

// blockWidget draws one block of a canvas: its frame, its icon and title, a "+"
// button that adds a note and a "?" button that shows the block's prompts.
// An empty block shows its guiding question as a faint hint; a block whose
// notes do not all fit says how many are above and below the view, and
// how many of them a filter found, and shows where the view is. The notes
// themselves are NoteCards that the Board lays over the block.
type blockWidget struct {
	widget.BaseWidget
	// Spec is the template block shown.
	Spec *bmc.Block

	// OnPressed is called when the primary button goes down on the block
	// and when it is tapped.
	OnPressed func()
	// OnAdd is called by the "+" button, the context menu and a double tap.
	OnAdd func()
	// OnScrolled is called with the scroll events of a mouse wheel or
	// touchpad over the block.
	OnScrolled func(e *fyne.ScrollEvent)

	state     blockState
	add, help *toolButton
	hovered   bool // the pointer is over the block
	onButton  bool // the pointer is over one of its buttons
}

// newBlockWidget returns a widget showing the template block b.
func newBlockWidget(b *bmc.Block) *blockWidget {
	w := &blockWidget{Spec: b}
	w.ExtendBaseWidget(w)
	w.add = newToolButton(theme.ContentAddIcon(), "Add a note (Insert)", w.tappedAdd)
	w.help = newToolButton(theme.QuestionIcon(), "What to put here (F1)", w.ShowHelp)
	hover := func(in bool) {
		w.onButton = in
		w.Refresh()
	}
	w.add.onHover, w.help.onHover = hover, hover
	return w
}

func (w *blockWidget) tappedAdd() {
	if w.OnAdd != nil {
		w.OnAdd()
	}
}

// MouseDown calls OnPressed.
func (w *blockWidget) MouseDown(e *desktop.MouseEvent) {
	if e.Button == desktop.MouseButtonPrimary && w.OnPressed != nil {
		w.OnPressed()
	}
}

// MouseUp is part of desktop.Mouseable.
func (w *blockWidget) MouseUp(*desktop.MouseEvent) {}

// MouseIn shows the "+" and "?" buttons where a long title hides them.
func (w *blockWidget) MouseIn(*desktop.MouseEvent) {
	w.hovered = true
	w.Refresh()
}

// MouseMoved is part of desktop.Hoverable.
func (w *blockWidget) MouseMoved(*desktop.MouseEvent) {}

// MouseOut gives a long title its room back.
func (w *blockWidget) MouseOut() {
	w.hovered = false
	w.Refresh()
}

// Tapped calls OnPressed (again, after MouseDown): a tap focuses the block.
func (w *blockWidget) Tapped(*fyne.PointEvent) {
	if w.OnPressed != nil {
		w.OnPressed()
	}
}

// DoubleTapped on empty space adds a note.
func (w *blockWidget) DoubleTapped(*fyne.PointEvent) { w.tappedAdd() }

// TappedSecondary shows a menu to add a note or read the prompts.
func (w *blockWidget) TappedSecondary(e *fyne.PointEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(w)
	if c == nil {
		return
	}
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("Add note", w.tappedAdd),
		fyne.NewMenuItem("Show prompts", w.ShowHelp))
	widget.ShowPopUpMenuAtPosition(menu, c, e.AbsolutePosition)
}

// Scrolled passes the wheel's events to OnScrolled.
func (w *blockWidget) Scrolled(e *fyne.ScrollEvent) {
	if w.OnScrolled != nil && e.Scrolled.DY != 0 {
		w.OnScrolled(e)
	}
}

// blockState is what a block shows besides its title: set by the board.
type blockState struct {
	empty   bool    // shows the guiding question
	focused bool    // has the keyboard focus
	target  bool    // is where a dragged note would land
	zoom    float32 // the board's zoom; 0 is 1
	// above and below count the notes out of view; aboveMatch and
	// belowMatch those of them a filter found, or -1 without a filter.
	above, below           int
	aboveMatch, belowMatch int
	// aboveLinked and belowLinked count those of them linked to or from
	// the selected note, whose connections cannot reach them (links.go).
	aboveLinked, belowLinked int
	// total is the height of all the cards, viewTop and viewH the part
	// in view, for the scroll thumb.
	total, viewTop, viewH float32
}

// scrolls reports whether the block has notes out of view.
func (s blockState) scrolls() bool { return s.above > 0 || s.below > 0 }

// indicators say what is out of view, from the fullest, such as "3 more
// above · 12 more below (2 found)", to the shortest, "3↑ 12↓", for the
// block to show the first that fits. Matches a filter found are counted
// when there are any.
func (s blockState) indicators() []string {
	found := func(k int, long bool) string {
		switch {
		case k <= 0:
			return ""
		case long:
			return fmt.Sprintf(" (%d found)", k)
		}
		return fmt.Sprintf(" (%d)", k)
	}
	linked := func(k int) string {
		if k <= 0 {
			return ""
		}
		return fmt.Sprintf(" (%d linked)", k)
	}
	var long, medium, short []string
	if s.above > 0 {
		long = append(long, fmt.Sprintf("%d more above%s%s", s.above, found(s.aboveMatch, true), linked(s.aboveLinked)))
		medium = append(medium, fmt.Sprintf("%d above%s%s", s.above, found(s.aboveMatch, false), linked(s.aboveLinked)))
		short = append(short, fmt.Sprintf("%d above", s.above))
	}
	if s.below > 0 {
		long = append(long, fmt.Sprintf("%d more below%s%s", s.below, found(s.belowMatch, true), linked(s.belowLinked)))
		medium = append(medium, fmt.Sprintf("%d below%s%s", s.below, found(s.belowMatch, false), linked(s.belowLinked)))
		short = append(short, fmt.Sprintf("%d below", s.below))
	}
	if len(long) == 0 {
		return []string{""}
	}
	return []string{strings.Join(long, " · "), strings.Join(medium, " · "), strings.Join(short, " · "),
		strings.Join(short, ", ")}
}

// metrics returns the board's sizes at the block's zoom.
func (w *blockWidget) metrics() metrics {
	z := w.state.zoom
	if z <= 0 {
		z = 1
	}
	return newMetrics(themeSizes(w.Theme()), z)
}

// ShowHelp shows the block's guiding question and prompts in a pop-up below
// the "?" button; a tap outside closes it.
func (w *blockWidget) ShowHelp() {
	c := fyne.CurrentApp().Driver().CanvasForObject(w)
	if c == nil || w.Spec == nil {
		return
	}
	var md strings.Builder
	fmt.Fprintf(&md, "**%s**\n\n%s\n\n", escapeMarkdown(w.Spec.Title), escapeMarkdown(w.Spec.Question))
	for _, p := range w.Spec.Prompts {
		fmt.Fprintf(&md, "- %s\n", escapeMarkdown(p))
	}
	text := widget.NewRichTextFromMarkdown(md.String())
	text.Wrapping = fyne.TextWrapWord
	width := float32(320)
	text.Resize(fyne.NewSize(width, 1))
	pop := widget.NewPopUp(container.NewPadded(text), c)
	size := fyne.NewSize(width, text.MinSize().Height).Add(fyne.NewSquareSize(2 * w.Theme().Size(theme.SizeNamePadding)))
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(w.help).AddXY(0, w.help.Size().Height)
	if cs := c.Size(); pos.X+size.Width > cs.Width {
		pos.X = max(cs.Width-size.Width, 0)
	}
	pop.ShowAtPosition(pos)
	pop.Resize(size)
}

// escapeMarkdown keeps template words from being read as markdown.
func escapeMarkdown(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `#`, `\#`, `[`, `\[`, `]`, `\]`)
	return r.Replace(s)
}

// CreateRenderer is a private method to Fyne which links this widget to its
// renderer.
func (w *blockWidget) CreateRenderer() fyne.WidgetRenderer {
	r := &blockRenderer{
		block:   w,
		frame:   &canvas.Rectangle{},
		icon:    newBlockIcon(bmc.Icon{}),
		title:   &canvas.Text{TextStyle: fyne.TextStyle{Bold: true}},
		more:    &canvas.Text{Alignment: fyne.TextAlignTrailing},
		track:   &canvas.Rectangle{},
		thumb:   &canvas.Rectangle{},
		add:     w.add,
		help:    w.help,
		hintFor: "-",
	}
	r.icon.ColorName = theme.ColorNamePrimary
	r.Refresh()
	return r
}

type blockRenderer struct {
	block        *blockWidget
	frame        *canvas.Rectangle
	icon         *blockIcon
	title, more  *canvas.Text
	track, thumb *canvas.Rectangle
	add, help    *toolButton
	hint         []*canvas.Text
	objects      []fyne.CanvasObject

	// the hint's wrapped lines, kept until the question or width changes
	hintFor   string
	hintWidth float32
	hintLines []string
}

func (r *blockRenderer) Layout(size fyne.Size) {
	w := r.block
	m := w.metrics()
	pad := m.pad

	r.frame.Resize(size)

	// Title row: icon, title, then the two buttons at the right.
	r.icon.Move(fyne.NewPos(2*pad, (m.titleH-m.iconSize)/2))
	r.icon.Resize(fyne.NewSquareSize(m.iconSize))
	bs := fyne.NewSquareSize(m.buttonW)
	r.help.Move(fyne.NewPos(size.Width-pad-bs.Width, (m.titleH-bs.Height)/2))
	r.help.Resize(bs)
	r.add.Move(r.help.Position().SubtractXY(bs.Width, 0))
	r.add.Resize(bs)
	// The buttons take room from the title. Where the title does not fit
	// beside them, they show only while the pointer is over the block or
	// the block has the keyboard focus, and the title gets their room.
	titleX := 2*pad + m.iconSize + 1.5*pad
	full := max(size.Width-pad-titleX, 0)
	beside := max(r.add.Position().X-pad-titleX, 0)
	title := ""
	if w.Spec != nil {
		title = w.Spec.Title
	}
	style := r.title.TextStyle
	buttons := fyne.MeasureText(title, m.titleText, style).Width <= beside || w.hovered || w.onButton || w.state.focused
	if size.Width < m.iconSize+2*bs.Width+6*pad {
		buttons = false // too narrow for anything but the title
	}
	titleW := full
	if buttons {
		titleW = beside
	}
	r.title.Text, r.title.TextSize = fitLine(title, titleW, m.titleText, style)
	th2 := r.title.MinSize().Height
	r.title.Move(fyne.NewPos(titleX, (m.titleH-th2)/2))
	r.title.Resize(fyne.NewSize(titleW, th2))
	r.add.Hidden, r.help.Hidden = !buttons, !buttons

	r.layoutHint(size, m)

	// Footer: what is out of view at the bottom left, and a thin scroll
	// thumb at the right.
	r.more.TextSize = m.footText
	r.more.Text = ""
	room := float64(max(size.Width-4*pad, 0))
	measure := screenMeasure(w.Theme(), fyne.TextStyle{})
	for _, t := range w.state.indicators() {
		r.more.Text = t
		if measure(t, float64(m.footText)) <= room {
			break
		}
	}
	mh := r.more.MinSize().Height
	r.more.Move(fyne.NewPos(2*pad, size.Height-pad*0.5-m.footerH+(m.footerH-mh)/2))
	r.more.Resize(fyne.NewSize(max(size.Width-4*pad, 0), mh))
	trackTop := m.titleH
	trackH := max(size.Height-m.titleH-pad-m.footerH, 0)
	r.track.Move(fyne.NewPos(size.Width-pad*0.75-2, trackTop))
	r.track.Resize(fyne.NewSize(2, trackH))
	if s := w.state; s.total > 0 {
		f0 := s.viewTop / s.total
		f1 := min((s.viewTop+s.viewH)/s.total, 1)
		r.thumb.Move(fyne.NewPos(r.track.Position().X, trackTop+f0*trackH))
		r.thumb.Resize(fyne.NewSize(2, max((f1-f0)*trackH, 4)))
	}
}

// layoutHint wraps the guiding question in the space below the title.
func (r *blockRenderer) layoutHint(size fyne.Size, m metrics) {
	q := ""
	if r.block.Spec != nil && r.block.state.empty {
		q = r.block.Spec.Question
	}
	width := max(size.Width-6*m.pad, 0)
	if q != r.hintFor || width != r.hintWidth {
		r.hintFor, r.hintWidth = q, width
		r.hintLines = nil
		if q != "" {
			r.hintLines = textlayout.Lines(q, float64(width), float64(m.hintText), screenMeasure(r.block.Theme(), fyne.TextStyle{Italic: true}))
		}
	}
	for len(r.hint) < len(r.hintLines) {
		r.hint = append(r.hint, &canvas.Text{TextStyle: fyne.TextStyle{Italic: true}, Alignment: fyne.TextAlignCenter})
		r.objects = nil
	}
	lineH := m.hintText * textlayout.LineHeight
	space := size.Height - m.titleH - 2*m.pad
	top := m.titleH + max((space-float32(len(r.hintLines))*lineH)/2.6, 0)
	col := r.block.Theme().Color(theme.ColorNamePlaceHolder, fyne.CurrentApp().Settings().ThemeVariant())
	for i, t := range r.hint {
		if i >= len(r.hintLines) || float32(i+1)*lineH > space {
			t.Hide()
			continue
		}
		t.Text, t.TextSize, t.Color = r.hintLines[i], m.hintText, col
		t.Move(fyne.NewPos(3*m.pad, top+float32(i)*lineH+(lineH-glyphBox(m.hintText))/2))
		t.Resize(fyne.NewSize(width, glyphBox(m.hintText)))
		t.Show()
		t.Refresh()
	}
}

func (r *blockRenderer) MinSize() fyne.Size {
	m := r.block.metrics()
	return fyne.NewSize(m.iconSize+4*m.pad, m.titleH+m.pad)
}

func (r *blockRenderer) Refresh() {
	w := r.block
	th, v := w.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	radius := th.Size(theme.SizeNameInputRadius) * 1.5
	r.frame.FillColor = th.Color(theme.ColorNameBackground, v)
	r.frame.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	r.frame.StrokeWidth = 1
	r.frame.CornerRadius = radius
	// A block is a clip region (it is Scrollable), so the focus ring is
	// the frame's own border rather than a ring around it.
	if w.state.focused || w.state.target {
		r.frame.StrokeColor = th.Color(theme.ColorNamePrimary, v)
		r.frame.StrokeWidth = 2
	}
	if w.state.target {
		tint := color.NRGBAModel.Convert(r.frame.StrokeColor).(color.NRGBA)
		tint.A = 0x14
		r.frame.FillColor = blend(r.frame.FillColor, tint)
	}
	r.title.Color = th.Color(theme.ColorNameForeground, v)
	r.more.Color = th.Color(theme.ColorNamePlaceHolder, v)
	r.more.Text = ""
	r.track.FillColor = th.Color(theme.ColorNameSeparator, v)
	r.thumb.FillColor = th.Color(theme.ColorNameScrollBar, v)
	scrolls := w.state.scrolls()
	r.track.Hidden, r.thumb.Hidden = !scrolls, !scrolls
	if w.Spec != nil && (r.icon.Icon.Name != w.Spec.Icon.Name) {
		r.icon.Icon = w.Spec.Icon
	}
	for _, o := range []fyne.CanvasObject{r.frame, r.title, r.more, r.track, r.thumb} {
		o.Refresh()
	}
	r.icon.Refresh()
	r.add.Refresh()
	r.help.Refresh()
	r.Layout(w.Size())
}

func (r *blockRenderer) Objects() []fyne.CanvasObject {
	if r.objects == nil {
		r.objects = []fyne.CanvasObject{r.frame, r.icon, r.title, r.add, r.help, r.track, r.thumb, r.more}
		for _, t := range r.hint {
			r.objects = append(r.objects, t)
		}
	}
	return r.objects
}

func (r *blockRenderer) Destroy() {}
