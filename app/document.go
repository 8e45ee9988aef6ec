package app

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// AppName is the program's name in window titles and dialogs.
const AppName = "bmcanvas"

// Document is the canvas being edited: its file, its undo history and
// whether it has changes that are not saved. It knows nothing of windows.
type Document struct {
	// Path is the file the canvas was loaded from or last saved to; empty
	// for a canvas never saved.
	Path string
	// Untitled is the name shown while Path is empty, such as "Untitled"
	// or "bakery example".
	Untitled string
	// Suggested is the file name Save As offers while Path is empty, such
	// as "bakery.yaml".
	Suggested string

	canvas  *bmc.Canvas
	history *History
	// state numbers every version of the canvas: saved is the one on disk,
	// last the highest handed out.
	state, saved, last int
	// file is the canvas as the file holds it (or, for a canvas never
	// saved, as it was created), in the file format: a canvas in another
	// state whose bytes are the same has no unsaved changes.
	file []byte
	// differs caches Dirty's answer for the state differsAt.
	differs   bool
	differsAt int
}

// NewDocument returns a document for c, read from path (empty for a new
// canvas), with no unsaved changes.
func NewDocument(c *bmc.Canvas, path string) *Document {
	d := &Document{Path: path, Untitled: "Untitled", canvas: c, history: NewHistory(MaxUndo)}
	d.file, _ = c.Marshal()
	return d
}

// Canvas returns the current canvas. Change it only through Edit.
func (d *Document) Canvas() *bmc.Canvas { return d.canvas }

// Edit applies op to the canvas as one undoable step named label, such as
// "Move note". When op fails the canvas is restored as it was and the error
// returned; when op changes nothing, no step is recorded. changed reports
// whether a step was recorded.
func (d *Document) Edit(label string, op func(*bmc.Canvas) error) (changed bool, err error) {
	before := d.canvas.Clone()
	if err := op(d.canvas); err != nil {
		*d.canvas = *before
		return false, fmt.Errorf("%s: %w", label, err)
	}
	if reflect.DeepEqual(before, d.canvas) {
		return false, nil
	}
	d.history.Push(label, before, d.state)
	d.last++
	d.state = d.last
	return true, nil
}

// Undo reverses the last edit; it reports false when there is none. The
// canvas is replaced by another value: fetch it again with Canvas.
func (d *Document) Undo() bool {
	c, s, ok := d.history.Undo(d.canvas, d.state)
	d.canvas, d.state = c, s
	return ok
}

// Redo repeats the last undone edit; it reports false when there is none.
// The canvas is replaced by another value: fetch it again with Canvas.
func (d *Document) Redo() bool {
	c, s, ok := d.history.Redo(d.canvas, d.state)
	d.canvas, d.state = c, s
	return ok
}

// History returns the document's undo history, for menu labels.
func (d *Document) History() *History { return d.history }

// Dirty reports whether the canvas differs from the file on disk (or, for
// a canvas never saved, from how it was created): hiding and showing the
// backstage again, or undoing back to the saved canvas, leaves nothing
// to save.
func (d *Document) Dirty() bool {
	if d.state == d.saved {
		return false
	}
	if d.differsAt != d.state || d.differsAt == 0 {
		data, err := d.canvas.Marshal()
		d.differs = err != nil || !bytes.Equal(data, d.file)
		d.differsAt = d.state
	}
	return d.differs
}

// MarkSaved records that the current canvas was written to path.
func (d *Document) MarkSaved(path string) {
	d.Path = path
	d.saved = d.state
	d.file, _ = d.canvas.Marshal()
	d.differsAt = 0
}

// Name returns the file's base name, or Untitled when there is no file.
func (d *Document) Name() string {
	if d.Path == "" {
		if d.Untitled == "" {
			return "Untitled"
		}
		return d.Untitled
	}
	return filepath.Base(d.Path)
}

// WindowTitle returns the window title: the name, a bullet when there are
// unsaved changes, and the program's name, as in "• plan.yaml — bmcanvas".
func (d *Document) WindowTitle() string {
	dot := ""
	if d.Dirty() {
		dot = "• "
	}
	return dot + d.Name() + " — " + AppName
}

// FileName suggests a file name for Save As: the current one, else
// Suggested, else "canvas.yaml".
func (d *Document) FileName() string {
	switch {
	case d.Path != "":
		return filepath.Base(d.Path)
	case d.Suggested != "":
		return d.Suggested
	}
	return "canvas.yaml"
}
