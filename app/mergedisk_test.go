package app

import (
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// editOnDisk changes the canvas file at path as another program would.
func editOnDisk(t *testing.T, path string, edit func(c *bmc.Canvas) error) {
	t.Helper()
	c, err := bmc.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := edit(c); err != nil {
		t.Fatal(err)
	}
	if err := bmc.SaveFile(path, c); err != nil {
		t.Fatal(err)
	}
}

func TestChangedOnDiskMerge(t *testing.T) {
	e, w := newTestEditor(t)
	path, _ := openBakeryFile(t, e)
	// Ours: a new note (n39) and an edit; theirs on disk: another new note
	// under the same id, and an edit of another note.
	if err := e.edit("Add note", func(c *bmc.Canvas) error {
		_, err := c.AddNote("channels", -1, bmc.Note{Text: "Market stall"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := e.edit("Edit note", func(c *bmc.Canvas) error { return c.SetText("n5", "Coffee + croissant, 90 s") }); err != nil {
		t.Fatal(err)
	}
	editOnDisk(t, path, func(c *bmc.Canvas) error {
		if _, err := c.AddNote("channels", -1, bmc.Note{Text: "Hotel leaflets"}); err != nil {
			return err
		}
		return c.SetText("n30", "Molino Ruiz – flour, daily")
	})
	e.CheckDisk()
	if msg := overlayText(w); !strings.Contains(msg, "Merging combines both") {
		t.Fatalf("no Merge offered:\n%s", msg)
	}
	tapButton(t, w, "Merge")
	c := e.doc.Canvas()
	for id, want := range map[string]string{"n39": "Market stall", "n40": "Hotel leaflets", "n5": "Coffee + croissant, 90 s", "n30": "Molino Ruiz – flour, daily"} {
		if n, _ := c.Note(id); n.Text != want {
			t.Errorf("%s: %q, want %q", id, n.Text, want)
		}
	}
	if msg := overlayText(w); !strings.Contains(msg, "are combined. Save to write the result") || !strings.Contains(msg, "the one from disk is now n40") {
		t.Errorf("the merge was not reported:\n%s", msg)
	}
	if !e.doc.Dirty() || !strings.HasPrefix(e.menu.undo.Label, "Undo Merge") {
		t.Errorf("dirty %v, %q", e.doc.Dirty(), e.menu.undo.Label)
	}
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	// The file on disk is merged in: not asked about again, and saved
	// over without asking.
	e.CheckDisk()
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("asked again:\n%s", overlayText(w))
	}
	e.Save()
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("Save asked:\n%s", overlayText(w))
	}
	saved, err := bmc.LoadFile(path)
	if err != nil || saved.NoteCount() != c.NoteCount() {
		t.Fatalf("saved %v", err)
	}
	// Undo goes back to ours.
	e.Undo()
	if n, ok := e.doc.Canvas().Note("n40"); ok {
		t.Errorf("after undo: %q", n.Text)
	}
}

func TestChangedOnDiskMergeConflict(t *testing.T) {
	e, w := newTestEditor(t)
	path, _ := openBakeryFile(t, e)
	if err := e.edit("Edit note", func(c *bmc.Canvas) error { return c.SetText("n5", "Ours") }); err != nil {
		t.Fatal(err)
	}
	editOnDisk(t, path, func(c *bmc.Canvas) error { return c.SetText("n5", "Theirs") })
	e.CheckDisk()
	tapButton(t, w, "Merge")
	n, _ := e.doc.Canvas().Note("n5")
	if n.Text != "<<<<<<< ours\nOurs\n=======\nTheirs\n>>>>>>> theirs" || !strings.Contains(strings.Join(n.Tags, ","), "conflict") {
		t.Errorf("n5: %q %v", n.Text, n.Tags)
	}
	if msg := overlayText(w); !strings.Contains(msg, "with 1 conflict") || !strings.Contains(msg, "note n5") {
		t.Errorf("the conflict was not reported:\n%s", msg)
	}
}

// A file on disk that no longer loads cannot be merged: the canvas stays,
// and the version is not asked about again.
func TestChangedOnDiskMergeBadFile(t *testing.T) {
	e, w := newTestEditor(t)
	path, _ := openBakeryFile(t, e)
	if err := e.edit("Edit note", func(c *bmc.Canvas) error { return c.SetText("n5", "Ours") }); err != nil {
		t.Fatal(err)
	}
	if err := bmc.WriteFileAtomic(path, []byte("format: bmcanvas/1\ntemplate: nope\n")); err != nil {
		t.Fatal(err)
	}
	e.CheckDisk()
	tapButton(t, w, "Merge")
	if n, _ := e.doc.Canvas().Note("n5"); n.Text != "Ours" {
		t.Errorf("n5: %q", n.Text)
	}
	if msg := overlayText(w); !strings.Contains(msg, "could not be opened") {
		t.Errorf("no error shown:\n%s", msg)
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	e.CheckDisk()
	if w.Canvas().Overlays().Top() != nil {
		t.Errorf("asked again about the same version:\n%s", overlayText(w))
	}
}

// A canvas never saved has no base to merge from: no Merge is offered.
func TestMergeNeedsABase(t *testing.T) {
	e, _ := newTestEditor(t)
	if e.doc.Base() != nil || e.MergeFromDisk() == nil {
		t.Error("an untitled canvas has a base")
	}
	path := bakeryCopy(t)
	if err := e.SaveTo(path); err != nil {
		t.Fatal(err)
	}
	if e.doc.Base() == nil {
		t.Error("saving did not set the base")
	}
}
