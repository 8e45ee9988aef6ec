package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/bmcanvas/bmcanvas/widgets"
)

// overlays counts the overlays (dialogs) open over the window.
func overlays(w fyne.Window) int { return len(w.Canvas().Overlays().List()) }

// A dialog owns the keyboard: the editor's shortcuts wait behind it,
// Escape closes it, Enter applies it.
func TestDialogOwnsTheKeyboard(t *testing.T) {
	e, w := openBakery(t)
	c := w.Canvas().(fyne.Shortcutable)
	e.ShowEvidence("n9")
	if overlays(w) != 1 {
		t.Fatalf("%d overlays after opening the Evidence dialog", overlays(w))
	}
	c.TypedShortcut(ctrl(fyne.KeyE))
	c.TypedShortcut(ctrl(fyne.KeyB))
	c.TypedShortcut(&fyne.ShortcutUndo{})
	if overlays(w) != 1 || !e.doc.Canvas().BackstageShown() {
		t.Fatalf("shortcuts acted behind the dialog: %d overlays, backstage shown %v", overlays(w), e.doc.Canvas().BackstageShown())
	}
	// Escape in the evidence text closes the dialog without applying.
	evidence := overlayWidgets[*dialogEntry](t, w)[0]
	test.Type(evidence, "Asked 12 customers")
	evidence.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if overlays(w) != 0 || note(t, e, "n9").Evidence != "" || len(e.dialogs) != 0 {
		t.Fatalf("Escape: %d overlays, evidence %q", overlays(w), note(t, e, "n9").Evidence)
	}
	// Ctrl+Enter in the evidence text applies it; Enter is a new line.
	e.ShowEvidence("n9")
	evidence = overlayWidgets[*dialogEntry](t, w)[0]
	test.Type(evidence, "Asked")
	evidence.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(evidence, "12")
	evidence.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	if overlays(w) != 0 || note(t, e, "n9").Evidence != "Asked\n12" {
		t.Fatalf("Ctrl+Enter: %d overlays, evidence %q", overlays(w), note(t, e, "n9").Evidence)
	}

	// Enter in the amount applies it.
	e.ShowAmount("n21")
	amount := overlayWidgets[*dialogEntry](t, w)[0]
	amount.SetText("700")
	amount.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n := note(t, e, "n21"); overlays(w) != 0 || n.Amount == nil || *n.Amount != 700 {
		t.Fatalf("Enter in the amount: %d overlays, amount %v", overlays(w), n.Amount)
	}
	// An invalid amount is not applied: the dialog stays.
	e.ShowAmount("n21")
	amount = overlayWidgets[*dialogEntry](t, w)[0]
	amount.SetText("abc")
	amount.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if overlays(w) != 1 {
		t.Errorf("Enter applied an invalid amount")
	}
	// With nothing focused, the window's keys reach the dialog.
	w.Canvas().Unfocus()
	e.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if overlays(w) != 0 {
		t.Errorf("Escape with nothing focused left %d overlays", overlays(w))
	}
	// The check dialog, too, holds Ctrl+B back.
	e.ShowCheck()
	c.TypedShortcut(ctrl(fyne.KeyB))
	if !e.doc.Canvas().BackstageShown() {
		t.Error("Ctrl+B hid the backstage behind Check canvas")
	}
	e.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	c.TypedShortcut(ctrl(fyne.KeyB))
	if e.doc.Canvas().BackstageShown() {
		t.Error("Ctrl+B does not act once the dialog is closed")
	}
}

// Help › Keyboard Shortcuts lists every menu shortcut and the board's
// keys.
func TestShortcutList(t *testing.T) {
	e, w := newTestEditor(t)
	e.ShowShortcuts()
	text := overlayText(w)
	for _, m := range e.menu.main.Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && !strings.Contains(text, shortcutText(it.Shortcut)) {
				t.Errorf("the list lacks %s (%s)", it.Label, shortcutText(it.Shortcut))
			}
		}
	}
	for _, want := range []string{"Ctrl+S", "Ctrl+Shift+S", "Ctrl+=", "Ctrl+0", "Ctrl+arrow keys", "Insert or Ctrl+Enter", "1–7", "Escape"} {
		if !strings.Contains(text, want) {
			t.Errorf("the list lacks %q:\n%s", want, text)
		}
	}
}

// The toolbar folds its labels into icons rather than make the window
// wider; hiding the backstage does not change its width.
func TestToolbarFolds(t *testing.T) {
	e, w := openBakery(t)
	min := w.Content().MinSize()
	if min.Width > minWindowSize.Width || min.Height > minWindowSize.Height {
		t.Errorf("the editor needs %v, more than %v", min, minWindowSize)
	}
	w.Resize(fyne.NewSize(1366, 768))
	if e.toolbar.backstage.Text == "" {
		t.Error("labels folded at 1366 wide")
	}
	w.Resize(fyne.NewSize(800, 560))
	if e.toolbar.backstage.Text != "" {
		t.Errorf("the backstage button still says %q at 800 wide", e.toolbar.backstage.Text)
	}
	if h := e.toolbar.heading; h.Position().X < e.toolbar.backstage.Position().X+e.toolbar.backstage.Size().Width {
		t.Error("the heading overlaps the buttons")
	}
	e.ToggleBackstage()
	if got := w.Content().MinSize(); got != min {
		t.Errorf("hiding the backstage changed the editor's minimum size from %v to %v", min, got)
	}
}

func TestZoomShortcuts(t *testing.T) {
	e, w := openBakery(t)
	c := w.Canvas().(fyne.Shortcutable)
	c.TypedShortcut(ctrl(fyne.KeyEqual))
	if z := e.board.Zoom(); z.Fit || z.Factor != 1.1 {
		t.Errorf("Ctrl+= gave %+v", z)
	}
	c.TypedShortcut(ctrl(fyne.KeyMinus))
	c.TypedShortcut(ctrl(fyne.KeyMinus))
	if z := e.board.Zoom(); z.Factor != 0.9 {
		t.Errorf("Ctrl+- twice gave %+v", z)
	}
	c.TypedShortcut(ctrl(fyne.Key0))
	if z := e.board.Zoom(); !z.Fit || !e.menu.fit.Checked {
		t.Errorf("Ctrl+0 gave %+v, menu checked %v", z, e.menu.fit.Checked)
	}
	e.SetZoom(widgets.Zoom{Factor: 1})
	if e.menu.fit.Checked {
		t.Error("Zoom to Fit still checked")
	}
}

// The window fits the screen it opens on, unless it was last closed at a
// size that fits.
func TestFirstSize(t *testing.T) {
	laptop := screen{size: fyne.NewSize(1366, 768)}
	big := screen{size: fyne.NewSize(2560, 1440)}
	for _, tc := range []struct {
		s     screen
		saved fyne.Size
		want  fyne.Size
	}{
		{laptop, fyne.Size{}, fyne.NewSize(1350, 720)},
		{big, fyne.Size{}, designSize},
		{laptop, fyne.NewSize(1000, 700), fyne.NewSize(1000, 700)},
		{laptop, fyne.NewSize(1900, 1000), fyne.NewSize(1350, 720)}, // saved on a larger screen
		{laptop, fyne.NewSize(300, 200), fyne.NewSize(1350, 720)},   // too small to be useful
		{screen{}, fyne.Size{}, designSize},
	} {
		if got := firstSize(tc.s, tc.saved); got != tc.want {
			t.Errorf("firstSize(%v, %v) = %v, want %v", tc.s.size, tc.saved, got, tc.want)
		}
	}
}
