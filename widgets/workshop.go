package widgets

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// Workshop is the workshop mode: the canvas's blocks revealed one at a
// time in the template's fill order, each with its guiding question and
// prompts in large type and the notes added so far, an optional timer per
// step, and dot voting on the notes. The arrow keys step through the
// blocks; Escape calls OnExit.
type Workshop struct {
	widget.BaseWidget

	// OnEdit applies a change to the canvas, as Board.OnEdit does; when nil
	// the change is made on the canvas directly.
	OnEdit func(label string, op func(*bmc.Canvas) error) error
	// OnExit is called when Escape asks to return to the board.
	OnExit func()
	// OnStartVote is called when the Start Vote button is pressed, to ask
	// how many dots each person gets and then call StartVote.
	OnStartVote func()
	// OnShortcut receives the shortcuts typed while the workshop has the
	// keyboard, such as Undo or Save.
	OnShortcut func(fyne.Shortcut)
	// Now is the clock of the step timer; time.Now when nil.
	Now func() time.Time

	canvas *bmc.Canvas
	step   int
	// timer is the time each step gets; 0 for no timer. started is when
	// the current step began.
	timer   time.Duration
	started time.Time
	focused bool
}

// NewWorkshop returns the workshop mode on c at its first step.
func NewWorkshop(c *bmc.Canvas) *Workshop {
	w := &Workshop{canvas: c}
	w.ExtendBaseWidget(w)
	return w
}

// SetCanvas shows another canvas, such as the document after an undo.
func (w *Workshop) SetCanvas(c *bmc.Canvas) {
	w.canvas = c
	w.Refresh()
}

// Steps returns the IDs of the blocks in the order they are walked.
func (w *Workshop) Steps() []string {
	t := w.canvas.Template()
	if len(t.FillOrder) == len(t.Blocks) {
		return t.FillOrder
	}
	return t.BlockIDs()
}

// Step returns the current step, counted from 0.
func (w *Workshop) Step() int { return w.step }

// Block returns the ID of the block of the current step.
func (w *Workshop) Block() string { return w.Steps()[w.step] }

// SetStep moves to step i (clamped to the steps there are) and restarts
// the timer.
func (w *Workshop) SetStep(i int) {
	i = max(0, min(i, len(w.Steps())-1))
	w.step = i
	w.started = w.now()
	w.Refresh()
}

// Next moves to the next block; Previous to the one before.
func (w *Workshop) Next()     { w.SetStep(w.step + 1) }
func (w *Workshop) Previous() { w.SetStep(w.step - 1) }

// SetTimer gives each step d (0 turns the timer off) and restarts it.
func (w *Workshop) SetTimer(d time.Duration) {
	w.timer = max(0, d)
	w.started = w.now()
	w.Refresh()
}

// Timer returns the time each step gets, 0 when there is no timer.
func (w *Workshop) Timer() time.Duration { return w.timer }

// Remaining returns the time left in the current step; negative once it
// has run out. It is 0 without a timer.
func (w *Workshop) Remaining() time.Duration {
	if w.timer == 0 {
		return 0
	}
	return w.timer - w.now().Sub(w.started)
}

// Tick redraws the timer; the app calls it every second.
func (w *Workshop) Tick() {
	if w.timer > 0 {
		w.Refresh()
	}
}

func (w *Workshop) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

// edit applies a change through OnEdit and redraws.
func (w *Workshop) edit(label string, op func(*bmc.Canvas) error) {
	if w.OnEdit != nil {
		_ = w.OnEdit(label, op) // the app shows the error
	} else {
		_ = op(w.canvas)
	}
	w.Refresh()
}

// TypedKey steps with the arrow keys (and Page Up and Down, as presenters'
// clickers send) and leaves with Escape.
func (w *Workshop) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyRight, fyne.KeyDown, fyne.KeyPageDown, fyne.KeySpace:
		w.Next()
	case fyne.KeyLeft, fyne.KeyUp, fyne.KeyPageUp:
		w.Previous()
	case fyne.KeyHome:
		w.SetStep(0)
	case fyne.KeyEnd:
		w.SetStep(len(w.Steps()) - 1)
	case fyne.KeyEscape:
		if w.OnExit != nil {
			w.OnExit()
		}
	}
}

// TypedRune ignores typed characters.
func (w *Workshop) TypedRune(rune) {}

// FocusGained and FocusLost track the keyboard.
func (w *Workshop) FocusGained() { w.focused = true }

// FocusLost notes that the keyboard went elsewhere.
func (w *Workshop) FocusLost() { w.focused = false }

// TypedShortcut hands shortcuts to OnShortcut.
func (w *Workshop) TypedShortcut(s fyne.Shortcut) {
	if w.OnShortcut != nil {
		w.OnShortcut(s)
	}
}

// Tapped takes the keyboard, so that the arrow keys work after a click.
func (w *Workshop) Tapped(*fyne.PointEvent) { w.takeFocus() }

func (w *Workshop) takeFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(w); c != nil {
		c.Focus(w)
	}
}

// CreateRenderer builds the step's view.
func (w *Workshop) CreateRenderer() fyne.WidgetRenderer {
	w.ExtendBaseWidget(w)
	r := &workshopRenderer{w: w, bg: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

var (
	_ fyne.Focusable      = (*Workshop)(nil)
	_ fyne.Tappable       = (*Workshop)(nil)
	_ fyne.Shortcutable   = (*Workshop)(nil)
	_ fyne.WidgetRenderer = (*workshopRenderer)(nil)
)

// workshopRenderer lays the step out as a column: the step line with the
// timer, the block's title, question and prompts, the vote bar, and the
// notes.
type workshopRenderer struct {
	w       *Workshop
	bg      *canvas.Rectangle
	content fyne.CanvasObject
}

func (r *workshopRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	pad := theme.Padding() * 6
	r.content.Move(fyne.NewPos(pad, pad))
	r.content.Resize(size.SubtractWidthHeight(2*pad, 2*pad))
}

func (r *workshopRenderer) MinSize() fyne.Size {
	pad := theme.Padding() * 6
	return r.content.MinSize().AddWidthHeight(2*pad, 2*pad)
}

func (r *workshopRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.content}
}

func (r *workshopRenderer) Destroy() {}

// Refresh rebuilds the view from the canvas and the step.
func (r *workshopRenderer) Refresh() {
	w := r.w
	th := w.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = th.Color(theme.ColorNameBackground, v)
	steps := w.Steps()
	t := w.canvas.Template()
	b, _ := t.Block(steps[w.step])

	stepLine := canvas.NewText(fmt.Sprintf("%s · step %d of %d", t.Name, w.step+1, len(steps)), th.Color(theme.ColorNamePlaceHolder, v))
	stepLine.TextSize = theme.TextSize() * 1.2
	help := canvas.NewText("← → move   Esc back to the board", th.Color(theme.ColorNamePlaceHolder, v))
	help.TextSize = theme.TextSize()
	top := container.NewHBox(stepLine, layout.NewSpacer(), r.timerText(th, v), r.timerButton(), help)

	title := canvas.NewText(b.Title, th.Color(theme.ColorNameForeground, v))
	title.TextSize = theme.TextSize() * 3.2
	title.TextStyle.Bold = true
	question := widget.NewRichText(&widget.TextSegment{Text: b.Question,
		Style: widget.RichTextStyle{SizeName: theme.SizeNameHeadingText, ColorName: theme.ColorNameForeground}})
	question.Wrapping = fyne.TextWrapWord
	var prompts []widget.RichTextSegment
	for _, p := range b.Prompts {
		prompts = append(prompts, &widget.TextSegment{Text: "•  " + p,
			Style: widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText, ColorName: theme.ColorNamePlaceHolder}})
	}
	promptText := widget.NewRichText(prompts...)
	promptText.Wrapping = fyne.TextWrapWord

	head := container.NewVBox(top, title, question, promptText, newVoteBar(w, b.ID), widget.NewSeparator())
	r.content = container.NewBorder(head, r.progress(th, v), nil, nil, container.NewVScroll(r.notes(b.ID)))
	r.Layout(w.Size())
	canvas.Refresh(w)
}

// timerText shows the time left in the step, or nothing without a timer.
func (r *workshopRenderer) timerText(th fyne.Theme, v fyne.ThemeVariant) fyne.CanvasObject {
	w := r.w
	if w.timer == 0 {
		return layout.NewSpacer()
	}
	left := w.Remaining()
	txt := canvas.NewText("", th.Color(theme.ColorNameForeground, v))
	txt.TextSize = theme.TextSize() * 1.6
	txt.TextStyle.Monospace = true
	if left <= 0 {
		txt.Text = "Time's up"
		txt.Color = th.Color(theme.ColorNameError, v)
	} else {
		secs := int((left + time.Second - 1) / time.Second)
		txt.Text = fmt.Sprintf("%d:%02d", secs/60, secs%60)
	}
	return container.NewHBox(txt, widget.NewLabel(""))
}

// TimerChoices are the step times the timer button offers, in turn; 0 is
// no timer.
var TimerChoices = []time.Duration{0, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute}

// NextTimer moves the timer to the next of TimerChoices.
func (w *Workshop) NextTimer() {
	next := TimerChoices[0]
	for i, d := range TimerChoices {
		if d == w.timer && i+1 < len(TimerChoices) {
			next = TimerChoices[i+1]
		}
	}
	w.SetTimer(next)
}

// timerButton cycles the time each step gets.
func (r *workshopRenderer) timerButton() fyne.CanvasObject {
	label := "Timer: off"
	if r.w.timer > 0 {
		label = fmt.Sprintf("Timer: %d min", int(r.w.timer/time.Minute))
	}
	b := widget.NewButtonWithIcon(label, theme.HistoryIcon(), func() {
		r.w.NextTimer()
		r.w.takeFocus()
	})
	b.Importance = widget.LowImportance
	return b
}

// notes lays out the block's notes as paper notes, with the dots of the
// vote: the voter's own while a vote is open, everyone's once closed.
func (r *workshopRenderer) notes(block string) fyne.CanvasObject {
	w := r.w
	notes := w.canvas.Blocks[block]
	if len(notes) == 0 {
		return widget.NewLabelWithStyle("No notes yet: write them on the board, or on paper and add them later.",
			fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	}
	var own map[string]int
	voter := w.canvas.Voters() - 1
	if w.canvas.Voting() && voter >= 0 {
		own, _ = w.canvas.DotsOf(voter)
	}
	grid := container.NewGridWrap(fyne.NewSize(220, 120))
	for _, n := range notes {
		dots, result := n.Votes, true
		if w.canvas.Voting() {
			dots, result = own[n.ID], false
		}
		grid.Add(newVoteNote(w, n, dots, result))
	}
	return grid
}

// progress is the row of the steps' titles, the current one in bold.
func (r *workshopRenderer) progress(th fyne.Theme, v fyne.ThemeVariant) fyne.CanvasObject {
	w := r.w
	t := w.canvas.Template()
	row := container.NewHBox()
	for i, id := range w.Steps() {
		b, _ := t.Block(id)
		txt := canvas.NewText(fmt.Sprintf("%d %s", i+1, b.Title), th.Color(theme.ColorNamePlaceHolder, v))
		txt.TextSize = theme.TextSize() * 0.9
		if i == w.step {
			txt.Color = th.Color(theme.ColorNamePrimary, v)
			txt.TextStyle.Bold = true
		}
		row.Add(txt)
		if i < len(w.Steps())-1 {
			row.Add(canvas.NewText("›", th.Color(theme.ColorNamePlaceHolder, v)))
		}
	}
	return container.NewVBox(widget.NewSeparator(), container.NewCenter(row))
}
