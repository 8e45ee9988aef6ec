package widgets

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// This file holds editing a note in place: the editor the board lays over
// a card, and the new note that exists only while it is being written.

// inPlaceEdit is the note being edited, if any.
type inPlaceEdit struct {
	editor *noteEditor
	note   string // the note being edited
	// pending is a note AddNote opened and not yet committed: it shows on
	// the board but is not in the canvas, so that a new note committed
	// empty or cancelled never was.
	pending *pendingNote
}

// pendingNote is a new note being written, at the end of block.
type pendingNote struct {
	block string
	note  bmc.Note
}

// pendingID is the ID of a new note being written: no canvas note has it,
// as IDs in files are letters, digits, "-" and "_".
const pendingID = "\x00new"

// notes returns a block's notes as the board shows them: the canvas's,
// and a new note being written.
func (b *Board) notes(block string) []bmc.Note {
	notes := b.canvas.Blocks[block]
	if p := b.edit.pending; p != nil && p.block == block {
		return append(notes[:len(notes):len(notes)], p.note)
	}
	return notes
}

// EditSelected opens the selected note for editing in place.
func (b *Board) EditSelected() {
	if b.sel.note != "" {
		b.startEdit(b.sel.note)
	}
}

// CommitEdit saves the text of a note being edited in place, if any, and
// closes the editor. Call it before saving or exporting, since choosing a
// menu item does not take the focus from the editor.
func (b *Board) CommitEdit() {
	if b.edit.note != "" {
		b.edit.editor.commit(false)
	}
}

// Editing reports whether a note is being edited in place.
func (b *Board) Editing() bool { return b.edit.note != "" }

// startEdit opens the editor over a note's card and focuses it.
func (b *Board) startEdit(id string) {
	n, ok := b.note(id)
	if !ok {
		return
	}
	if b.edit.note != "" && b.edit.note != id {
		b.edit.editor.commit(false)
		if n, ok = b.note(id); !ok {
			return
		}
	}
	b.edit.note = id
	b.edit.editor.paper = n.Color
	if id == pendingID {
		b.setSelection("", b.edit.pending.block)
		b.scrollIntoView(id)
	} else {
		block, _, _ := b.find(id)
		b.setSelection(id, block)
		b.scrollIntoView(id)
	}
	b.redraw() // lays out the editor over the card
	b.edit.editor.Show()
	b.edit.editor.start(id, n.Text)
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil {
		c.Focus(b.edit.editor)
	}
}

// commitEdit saves the editor's text; byKey says the user asked for it
// (Ctrl+Enter) rather than clicking away, and takes the focus back. A new
// note committed with text is added, as one "Add note" edit; one
// committed empty goes away without a trace.
func (b *Board) commitEdit(id, text string, byKey bool) {
	p := b.edit.pending
	b.closeEditor()
	if p != nil && id == pendingID {
		b.edit.pending = nil
		b.cache.dirty = true
		b.setSelection("", p.block)
		if text = trimAdded(text, ""); text != "" {
			var added string
			note := p.note
			note.ID, note.Text = "", text
			if b.change("Add note", func(c *bmc.Canvas) error {
				n, err := c.AddNote(p.block, -1, note)
				added = n.ID
				return err
			}) {
				b.setSelection(added, p.block)
				b.scrollIntoView(added)
			}
		}
		b.redraw()
	} else if n, ok := b.note(id); ok && text != n.Text {
		if text = trimAdded(text, n.Text); text != n.Text {
			b.change("Edit note", func(c *bmc.Canvas) error { return c.SetText(id, text) })
		}
	}
	if byKey {
		b.requestFocus()
	}
}

// cancelEdit closes the editor without saving; a new note goes away.
func (b *Board) cancelEdit(id string) {
	p := b.edit.pending
	b.closeEditor()
	if p != nil && id == pendingID {
		b.setSelection("", p.block)
		b.redraw()
	}
	b.requestFocus()
}

// closeEditor hides the editor, ending its session without a word; a new
// note being written goes away.
func (b *Board) closeEditor() {
	if b.edit.editor == nil {
		return
	}
	if b.edit.note == pendingID {
		b.edit.pending = nil
		b.cache.dirty = true
	}
	b.edit.editor.open = false
	b.edit.note = ""
	b.edit.editor.Hide()
}

// trimAdded drops the blank space at either end of text that was not in
// the note's text before: spaces and newlines typed after the last word
// or before the first go, while those the note already had stay. Text
// that is only blank space becomes "".
func trimAdded(text, before string) string {
	lead, body, trail := margins(text)
	if body == "" {
		return ""
	}
	oldLead, oldBody, oldTrail := margins(before)
	if oldBody == "" { // the note was blank: none of its space is a margin
		oldLead, oldTrail = "", ""
	}
	return commonSuffix(lead, oldLead) + body + commonPrefix(trail, oldTrail)
}

// margins splits s into its leading blank space, the rest up to its
// trailing blank space, and that.
func margins(s string) (lead, body, trail string) {
	rest := strings.TrimLeftFunc(s, unicode.IsSpace)
	body = strings.TrimRightFunc(rest, unicode.IsSpace)
	return s[:len(s)-len(rest)], body, rest[len(body):]
}

// commonPrefix returns the longest common prefix of a and b, in whole
// characters.
func commonPrefix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) {
		ra, size := utf8.DecodeRuneInString(a[n:])
		if rb, _ := utf8.DecodeRuneInString(b[n:]); ra != rb {
			break
		}
		n += size
	}
	return a[:n]
}

// commonSuffix returns the longest common suffix of a and b, in whole
// characters.
func commonSuffix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) {
		ra, size := utf8.DecodeLastRuneInString(a[:len(a)-n])
		if rb, _ := utf8.DecodeLastRuneInString(b[:len(b)-n]); ra != rb {
			break
		}
		n += size
	}
	return a[len(a)-n:]
}
