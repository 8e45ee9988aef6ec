package app

import (
	"errors"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func addNote(text string) func(*bmc.Canvas) error {
	return func(c *bmc.Canvas) error {
		_, err := c.AddNote("channels", -1, bmc.Note{Text: text})
		return err
	}
}

func TestDocumentEdits(t *testing.T) {
	tests := []struct {
		name      string
		run       func(d *Document)
		wantNotes int
		wantDirty bool
		wantTitle string
		undo      string
		redo      string
	}{
		{"new", func(d *Document) {}, 0, false, "plan.yaml — bmcanvas", "", ""},
		{"one edit", func(d *Document) { d.Edit("Add note", addNote("x")) }, 1, true, "• plan.yaml — bmcanvas", "Add note", ""},
		{"undo to saved", func(d *Document) {
			d.Edit("Add note", addNote("x"))
			d.Undo()
		}, 0, false, "plan.yaml — bmcanvas", "", "Add note"},
		{"redo", func(d *Document) {
			d.Edit("Add note", addNote("x"))
			d.Undo()
			d.Redo()
		}, 1, true, "• plan.yaml — bmcanvas", "Add note", ""},
		{"saved then undo", func(d *Document) {
			d.Edit("Add note", addNote("x"))
			d.MarkSaved("/tmp/other.yaml")
			d.Undo()
		}, 0, true, "• other.yaml — bmcanvas", "", "Add note"},
		{"failed edit", func(d *Document) {
			d.Edit("Add note", func(c *bmc.Canvas) error {
				c.Title = "half done"
				return errors.New("boom")
			})
		}, 0, false, "plan.yaml — bmcanvas", "", ""},
		{"edit that changes nothing", func(d *Document) {
			d.Edit("Move note", func(c *bmc.Canvas) error { return nil })
		}, 0, false, "plan.yaml — bmcanvas", "", ""},
		{"backstage", func(d *Document) {
			d.Edit("Hide backstage", func(c *bmc.Canvas) error { return c.SetBackstageShown(false) })
		}, 0, true, "• plan.yaml — bmcanvas", "Hide backstage", ""},
		// Unsaved means different from the file: back to the same bytes,
		// nothing is unsaved, whatever the history holds.
		{"backstage hidden and shown again", func(d *Document) {
			d.Edit("Hide backstage", func(c *bmc.Canvas) error { return c.SetBackstageShown(false) })
			d.Edit("Show backstage", func(c *bmc.Canvas) error { return c.SetBackstageShown(true) })
		}, 0, false, "plan.yaml — bmcanvas", "Show backstage", ""},
		{"added and deleted", func(d *Document) {
			d.Edit("Add note", addNote("x"))
			d.Edit("Delete note", func(c *bmc.Canvas) error { return c.DeleteNote(c.Blocks["channels"][0].ID) })
		}, 0, false, "plan.yaml — bmcanvas", "Delete note", ""},
		{"saved, changed, undone to the save", func(d *Document) {
			d.Edit("Add note", addNote("x"))
			d.MarkSaved("/tmp/plan.yaml")
			d.Edit("Add note", addNote("y"))
			d.Undo()
		}, 1, false, "plan.yaml — bmcanvas", "Add note", "Add note"},
		{"details", func(d *Document) {
			d.Edit("Edit details", func(c *bmc.Canvas) error { return c.SetMeta(bmc.Meta{Title: "Plan"}) })
		}, 0, true, "• plan.yaml — bmcanvas", "Edit details", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDocument(newCanvas(t, bmc.BusinessModelCanvas.ID), "/tmp/plan.yaml")
			tt.run(d)
			if n := d.Canvas().NoteCount(); n != tt.wantNotes {
				t.Errorf("notes = %d, want %d", n, tt.wantNotes)
			}
			if d.Canvas().Title != "" && tt.undo != "Edit details" {
				t.Errorf("title %q leaked from a failed edit", d.Canvas().Title)
			}
			if d.Dirty() != tt.wantDirty {
				t.Errorf("Dirty = %v, want %v", d.Dirty(), tt.wantDirty)
			}
			if got := d.WindowTitle(); got != tt.wantTitle {
				t.Errorf("WindowTitle = %q, want %q", got, tt.wantTitle)
			}
			if h := d.History(); h.UndoLabel() != tt.undo || h.RedoLabel() != tt.redo {
				t.Errorf("labels %q/%q, want %q/%q", h.UndoLabel(), h.RedoLabel(), tt.undo, tt.redo)
			}
		})
	}
}

func TestDocumentEditError(t *testing.T) {
	d := NewDocument(newCanvas(t, bmc.Lean.ID), "")
	_, err := d.Edit("Hide backstage", func(c *bmc.Canvas) error { return c.SetBackstageShown(false) })
	if err == nil || err.Error() != "Hide backstage: the Lean Canvas has no backstage" {
		t.Errorf("err = %v", err)
	}
}

// TestDocumentUndoDepth checks that at least 200 edits can be undone, one
// by one, back to the canvas as it was opened.
func TestDocumentUndoDepth(t *testing.T) {
	d := NewDocument(newCanvas(t, bmc.BusinessModelCanvas.ID), "")
	if _, err := d.Edit("Add note", addNote("first")); err != nil {
		t.Fatal(err)
	}
	d.MarkSaved("/tmp/x.yaml")
	id := d.Canvas().Blocks["channels"][0].ID
	blocks := []string{"key_partners", "channels", "customer_segments", "cost_structure"}
	const n = 220
	for i := range n {
		if _, err := d.Edit("Move note", func(c *bmc.Canvas) error { return c.MoveNote(id, blocks[i%len(blocks)], -1) }); err != nil {
			t.Fatal(err)
		}
	}
	undone := 0
	for undone < n && d.Undo() {
		undone++
	}
	if undone != n {
		t.Errorf("undid %d steps, want %d", undone, n)
	}
	if b, _, _ := d.Canvas().Find(id); b != "channels" || d.Dirty() {
		t.Errorf("after undoing everything the note is in %s, dirty %v", b, d.Dirty())
	}
	redone := 0
	for d.Redo() {
		redone++
	}
	if redone != undone || !d.Dirty() {
		t.Errorf("redid %d of %d, dirty %v", redone, undone, d.Dirty())
	}
}

func TestDocumentNames(t *testing.T) {
	tests := []struct {
		path, untitled, suggested string
		name, file                string
	}{
		{"/a/b/plan.yaml", "", "", "plan.yaml", "plan.yaml"},
		{"", "", "", "Untitled", "canvas.yaml"},
		{"", "bakery example", "bakery.yaml", "bakery example", "bakery.yaml"},
	}
	for _, tt := range tests {
		d := NewDocument(newCanvas(t, bmc.Personal.ID), tt.path)
		d.Untitled, d.Suggested = tt.untitled, tt.suggested
		if d.Name() != tt.name || d.FileName() != tt.file {
			t.Errorf("%+v: Name %q FileName %q", tt, d.Name(), d.FileName())
		}
	}
}
