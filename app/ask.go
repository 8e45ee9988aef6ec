package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// answer is one button of a question asked in a dialog.
type answer struct {
	label string
	icon  fyne.Resource
	// primary marks the answer Enter picks: it is drawn highlighted and
	// has the keyboard when the question opens.
	primary bool
	// danger draws the answer in the theme's error colour.
	danger bool
	do     func()
}

// ask shows a question: a bold heading, a body and one button per answer,
// left to right. Any answer closes the dialog, then does what it says;
// Tab moves between the answers and Enter or Space picks one.
func (e *Editor) ask(title, head string, body fyne.CanvasObject, answers ...answer) *dialog.CustomDialog {
	h := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(h, nil, nil, nil, body)
	d := dialog.NewCustomWithoutButtons(title, content, e.win)
	var buttons []fyne.CanvasObject
	var first *answerButton
	for _, a := range answers {
		do := a.do
		b := newAnswerButton(a.label, a.icon, func() {
			d.Hide()
			if do != nil {
				do()
			}
		})
		switch {
		case a.primary:
			b.Importance = widget.HighImportance
			first = b
		case a.danger:
			b.Importance = widget.DangerImportance
		}
		buttons = append(buttons, b)
	}
	d.SetButtons(buttons)
	d.Resize(dialogSize(e.win, 600, 0))
	d.Show()
	if first != nil {
		e.win.Canvas().Focus(first)
	}
	return d
}

// facts lays out pairs of a name and a value in two columns, the names in
// bold, as "File  /home/ana/bakery.yaml".
func facts(pairs ...string) fyne.CanvasObject {
	g := container.New(layout.NewFormLayout())
	for i := 0; i+1 < len(pairs); i += 2 {
		v := widget.NewLabel(pairs[i+1])
		v.Wrapping = fyne.TextWrapWord
		g.Add(widget.NewLabelWithStyle(pairs[i], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		g.Add(v)
	}
	return g
}

// paragraph is a label of wrapped text.
func paragraph(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// answerButton is a button that Enter presses as well as Space, so that
// the answer that has the keyboard is picked with Enter.
type answerButton struct {
	widget.Button
}

var _ fyne.Focusable = (*answerButton)(nil)

func newAnswerButton(label string, icon fyne.Resource, tapped func()) *answerButton {
	b := &answerButton{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter or Return, and otherwise does what
// a button does.
func (b *answerButton) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
		return
	}
	b.Button.TypedKey(ev)
}
