package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

var (
	_ fyne.Focusable    = (*noteEditor)(nil)
	_ fyne.Tabbable     = (*noteEditor)(nil)
	_ fyne.Shortcutable = (*noteEditor)(nil)
)

// noteEditor is the multi-line entry the board swaps in over a card while
// its note is edited. Escape cancels; Ctrl+Enter, Tab or losing the focus
// commits. Either happens once per editing session.
type noteEditor struct {
	widget.Entry
	noteID   string
	onCommit func(id, text string, byKey bool)
	onCancel func(id string)
	open     bool
	paper    bmc.Color // the colour of the note being edited
}

func newNoteEditor() *noteEditor {
	e := &noteEditor{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// start opens the editor on a note's text, with the cursor at its end.
// Size the editor first: the end depends on where lines wrap.
func (e *noteEditor) start(id, text string) {
	e.noteID, e.open = id, true
	e.SetText(text)
	e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
}

// commit ends the session keeping the text; byKey says the user asked
// for it with a key rather than by leaving the editor.
func (e *noteEditor) commit(byKey bool) {
	if !e.open {
		return
	}
	e.open = false
	if e.onCommit != nil {
		e.onCommit(e.noteID, e.Text, byKey)
	}
}

// cancel ends the session dropping the text.
func (e *noteEditor) cancel() {
	if !e.open {
		return
	}
	e.open = false
	if e.onCancel != nil {
		e.onCancel(e.noteID)
	}
}

// AcceptsTab is true: Tab commits, handing the focus back to the board,
// rather than typing a tab character or jumping out of the board.
func (e *noteEditor) AcceptsTab() bool { return true }

// TypedKey cancels on Escape, commits on Tab and edits otherwise.
func (e *noteEditor) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		e.cancel()
	case fyne.KeyTab:
		e.commit(true)
	default:
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut commits on Ctrl+Enter (Cmd+Enter on macOS).
func (e *noteEditor) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && isEnter(cs.KeyName) &&
		(cs.Modifier == fyne.KeyModifierControl || cs.Modifier == fyne.KeyModifierShortcutDefault) {
		e.commit(true)
		return
	}
	e.Entry.TypedShortcut(s)
}

// FocusLost commits.
func (e *noteEditor) FocusLost() {
	e.Entry.FocusLost()
	e.commit(false)
}

func isEnter(k fyne.KeyName) bool { return k == fyne.KeyReturn || k == fyne.KeyEnter }

// paperTheme dresses the editor as the note it edits: the note's paper
// colour, dark ink and the card's text size.
type paperTheme struct {
	fyne.Theme
	paper color.NRGBA
	text  float32
}

// newPaperTheme returns base dressed for a note of colour c with text of
// the given size (0: a card's usual size).
func newPaperTheme(base fyne.Theme, c bmc.Color, size float32) *paperTheme {
	r, g, b := c.RGB()
	if size <= 0 {
		size = cardTextSize(base)
	}
	return &paperTheme{Theme: base, paper: color.NRGBA{R: r, G: g, B: b, A: 0xff}, text: size}
}

// Color returns the paper for the entry's background and ink for its text.
func (t *paperTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameInputBackground:
		return t.paper
	case theme.ColorNameForeground:
		return inkColor
	case theme.ColorNamePlaceHolder:
		c := inkColor
		c.A = 0x80
		return c
	case theme.ColorNameInputBorder:
		return blend(t.paper, color.NRGBA{A: 0x30})
	}
	return t.Theme.Color(n, v)
}

// Size returns the card's text size for text.
func (t *paperTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return t.text
	}
	return t.Theme.Size(n)
}
