package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// A modal dialog owns the keyboard: while one is open the editor's
// shortcuts wait (a shortcut typed over the Evidence dialog does not open
// another dialog behind it), Escape closes the dialog and Enter applies
// it. Fyne 2.7's dialogs do neither, and a focused entry keeps both keys
// to itself, so the dialogs use the entries below and are opened with
// showDialog.

// openDialog is a dialog shown with showDialog.
type openDialog struct {
	d dialog.Dialog
	// apply applies the dialog, as its confirm button does; nil when
	// Enter only closes it.
	apply func()
}

// showDialog shows d as the editor's top dialog: Escape closes it and
// Enter calls apply (or closes it too, when apply is nil).
func (e *Editor) showDialog(d dialog.Dialog, apply func()) {
	od := &openDialog{d: d, apply: apply}
	e.dialogs = append(e.dialogs, od)
	d.SetOnClosed(func() {
		for i, o := range e.dialogs {
			if o == od {
				e.dialogs = append(e.dialogs[:i], e.dialogs[i+1:]...)
				break
			}
		}
	})
	d.Show()
}

// showForm shows a form dialog with showDialog: Enter submits it when
// what is typed is valid.
func (e *Editor) showForm(d *dialog.FormDialog) { e.showDialog(d, d.Submit) }

// modalOpen reports whether a dialog or a menu is open over the window.
func (e *Editor) modalOpen() bool {
	return len(e.dialogs) > 0 || e.win.Canvas().Overlays().Top() != nil
}

// closeDialog closes the top dialog, as Escape does.
func (e *Editor) closeDialog() {
	if n := len(e.dialogs); n > 0 {
		e.dialogs[n-1].d.Hide()
	}
}

// applyDialog applies the top dialog, as Enter does.
func (e *Editor) applyDialog() {
	n := len(e.dialogs)
	if n == 0 {
		return
	}
	if od := e.dialogs[n-1]; od.apply != nil {
		od.apply()
	} else {
		od.d.Hide()
	}
}

// dialogKey handles a key typed in a dialog with nothing focused, and
// reports whether it did.
func (e *Editor) dialogKey(ev *fyne.KeyEvent) bool {
	if len(e.dialogs) == 0 {
		return false
	}
	switch ev.Name {
	case fyne.KeyEscape:
		e.closeDialog()
	case fyne.KeyReturn, fyne.KeyEnter:
		e.applyDialog()
	}
	return true
}

// guarded returns action made to wait while a dialog is open: what menu
// shortcuts run.
func (e *Editor) guarded(action func()) func() {
	if action == nil {
		return nil
	}
	return func() {
		if e.modalOpen() {
			return
		}
		action()
	}
}

// dialogEntry is an entry in a dialog: Escape closes the dialog; Enter
// applies it, or Ctrl+Enter in a multi-line entry, where Enter starts a
// new line.
type dialogEntry struct {
	widget.Entry
	editor *Editor
}

// newDialogEntry returns a single-line entry for a dialog.
func (e *Editor) newDialogEntry() *dialogEntry {
	en := &dialogEntry{editor: e}
	en.ExtendBaseWidget(en)
	return en
}

// newDialogMultiLineEntry returns a multi-line entry for a dialog.
func (e *Editor) newDialogMultiLineEntry() *dialogEntry {
	en := e.newDialogEntry()
	en.MultiLine = true
	en.Wrapping = fyne.TextWrapWord
	return en
}

// TypedKey closes the dialog on Escape and applies it on Enter in a
// single-line entry.
func (en *dialogEntry) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape:
		en.editor.closeDialog()
	case !en.MultiLine && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter):
		en.editor.applyDialog()
	default:
		en.Entry.TypedKey(ev)
	}
}

// TypedShortcut applies the dialog on Ctrl+Enter.
func (en *dialogEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) &&
		(cs.Modifier == fyne.KeyModifierControl || cs.Modifier == fyne.KeyModifierShortcutDefault) {
		en.editor.applyDialog()
		return
	}
	en.Entry.TypedShortcut(s)
}

// dialogSelect is a drop-down in a dialog: Escape closes the dialog and
// Enter applies it.
type dialogSelect struct {
	widget.Select
	editor *Editor
}

// newDialogSelect returns a drop-down for a dialog.
func (e *Editor) newDialogSelect(options []string) *dialogSelect {
	s := &dialogSelect{editor: e}
	s.Options = options
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey closes the dialog on Escape and applies it on Enter.
func (s *dialogSelect) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		s.editor.closeDialog()
	case fyne.KeyReturn, fyne.KeyEnter:
		s.editor.applyDialog()
	default:
		s.Select.TypedKey(ev)
	}
}
