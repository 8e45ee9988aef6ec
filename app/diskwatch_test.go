package app

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// changeOnDisk adds a note to the canvas file at path, as another program
// would, and returns the note's ID.
func changeOnDisk(t *testing.T, path, text string) string {
	t.Helper()
	c, err := bmc.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n, err := c.AddNote("key_partners", 0, bmc.Note{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if err := bmc.SaveFile(path, c); err != nil {
		t.Fatal(err)
	}
	return n.ID
}

func TestFingerprintRecheck(t *testing.T) {
	path := bakeryCopy(t)
	fp, err := fingerprintFile(path)
	if err != nil || !fp.Exists || fp.SHA256 == "" {
		t.Fatalf("%+v, %v", fp, err)
	}
	if again, _ := fp.recheck(path); again != fp {
		t.Errorf("an unchanged file rechecked as %+v", again)
	}
	later := fp.ModTime.Add(time.Minute)
	os.Chtimes(path, later, later)
	touched, _ := fp.recheck(path)
	if !touched.Same(fp) || !touched.ModTime.Equal(later) {
		t.Errorf("a touched file: %+v", touched)
	}
	changeOnDisk(t, path, "x")
	if changed, _ := fp.recheck(path); changed.Same(fp) {
		t.Error("a changed file rechecked as the same")
	}
	os.Remove(path)
	if gone, err := fp.recheck(path); gone.Exists || err != nil || gone.Same(fp) {
		t.Errorf("a deleted file: %+v, %v", gone, err)
	}
}

// Without unsaved changes, a file changed on disk is offered for reload.
func TestChangedOnDiskReload(t *testing.T) {
	e, w := newTestEditor(t)
	path, _ := openBakeryFile(t, e)
	e.CheckDisk()
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("asked about an unchanged file:\n%s", overlayText(w))
	}
	id := changeOnDisk(t, path, "Added elsewhere")
	e.CheckDisk()
	msg := overlayText(w)
	for _, want := range []string{"bakery.yaml changed on disk. Reload?", "Reload", "Keep this version"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the offer does not say %q:\n%s", want, msg)
		}
	}
	if f, ok := w.Canvas().Focused().(*answerButton); !ok || f.Text != "Reload" {
		t.Errorf("focused %v, want Reload", w.Canvas().Focused())
	}
	tapButton(t, w, "Reload")
	if n, ok := e.doc.Canvas().Note(id); !ok || n.Text != "Added elsewhere" || e.doc.Dirty() {
		t.Errorf("after Reload: note %q (%v), dirty %v", n.Text, ok, e.doc.Dirty())
	}
	e.CheckDisk()
	if w.Canvas().Overlays().Top() != nil {
		t.Errorf("asked again after reloading:\n%s", overlayText(w))
	}
}

// Keep is not asked again for the same version on disk, but is for the
// next one; the canvas on screen no longer matches the file, so it shows
// as unsaved and Save asks before replacing the other version.
func TestChangedOnDiskKeep(t *testing.T) {
	e, w := newTestEditor(t)
	path, _ := openBakeryFile(t, e)
	changeOnDisk(t, path, "one")
	e.CheckDisk()
	tapButton(t, w, "Keep this version")
	if !e.doc.Dirty() || e.doc.Canvas().NoteCount() != mustCount(t, "bakery") {
		t.Errorf("after Keep: dirty %v, %d notes", e.doc.Dirty(), e.doc.Canvas().NoteCount())
	}
	e.CheckDisk()
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("asked again about the kept version:\n%s", overlayText(w))
	}
	changeOnDisk(t, path, "two")
	e.CheckDisk()
	if msg := overlayText(w); !strings.Contains(msg, "changed on disk") {
		t.Fatalf("not asked about a newer version:\n%s", msg)
	}
	tapButton(t, w, "Keep mine")
	e.Save()
	if msg := overlayText(w); !strings.Contains(msg, "changed by another program since you opened it") {
		t.Errorf("Save did not ask:\n%s", msg)
	}
}

func mustCount(t *testing.T, example string) int {
	t.Helper()
	c, err := bmc.Load(example+".yaml", mustExample(t, example))
	if err != nil {
		t.Fatal(err)
	}
	return c.NoteCount()
}

// With unsaved changes, a change on disk is a warning: reloading would
// lose them. Keep mine keeps them.
func TestChangedOnDiskWhileDirty(t *testing.T) {
	e, w := newTestEditor(t)
	path, _ := openBakeryFile(t, e)
	id := editText(t, e, "channels", "Mine")
	other := changeOnDisk(t, path, "Theirs")
	e.CheckDisk()
	msg := overlayText(w)
	for _, want := range []string{"changed on disk, and you have unsaved changes", "Reload and lose my changes", "Keep mine"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the warning does not say %q:\n%s", want, msg)
		}
	}
	if f, ok := w.Canvas().Focused().(*answerButton); !ok || f.Text != "Keep mine" {
		t.Errorf("focused %v, want Keep mine", w.Canvas().Focused())
	}
	tapButton(t, w, "Keep mine")
	if n, _ := e.doc.Canvas().Note(id); n.Text != "Mine" || !e.doc.Dirty() {
		t.Errorf("after Keep mine: %q, dirty %v", n.Text, e.doc.Dirty())
	}
	e.CheckDisk()
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("asked again:\n%s", overlayText(w))
	}

	// Asked about a newer version, the user reloads.
	changeOnDisk(t, path, "Theirs again")
	e.CheckDisk()
	tapButton(t, w, "Reload and lose my changes")
	if n, _ := e.doc.Canvas().Note(id); n.Text == "Mine" || e.doc.Dirty() {
		t.Errorf("after Reload: %q, dirty %v", n.Text, e.doc.Dirty())
	}
	if _, ok := e.doc.Canvas().Note(other); !ok {
		t.Error("the reloaded canvas lacks the other program's note")
	}
}

// Save asks before replacing a file another program changed, and Cancel
// writes nothing; Overwrite writes.
func TestSaveAsksBeforeOverwritingNewerFile(t *testing.T) {
	e, w := newTestEditor(t)
	path, _ := openBakeryFile(t, e)
	id := editText(t, e, "channels", "Mine")
	changeOnDisk(t, path, "Theirs")
	theirs, _ := os.ReadFile(path)
	quits := 0
	e.quit = func() { quits++ }

	c := w.Canvas().(fyne.Shortcutable)
	c.TypedShortcut(ctrl(fyne.KeyS))
	msg := overlayText(w)
	for _, want := range []string{"Overwrite bakery.yaml?", "bakery.yaml was changed by another program since you opened it.", path, "Overwrite", "Cancel"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the question does not say %q:\n%s", want, msg)
		}
	}
	if f, ok := w.Canvas().Focused().(*answerButton); !ok || f.Text != "Cancel" {
		t.Errorf("focused %v, want Cancel", w.Canvas().Focused())
	}
	tapButton(t, w, "Cancel")
	if now, _ := os.ReadFile(path); string(now) != string(theirs) || !e.doc.Dirty() {
		t.Errorf("Cancel wrote the file, or cleaned the document (dirty %v)", e.doc.Dirty())
	}
	// Quit › Save › Cancel neither writes nor quits.
	e.Quit()
	tapButton(t, w, "Save")
	tapButton(t, w, "Cancel")
	if now, _ := os.ReadFile(path); string(now) != string(theirs) || quits != 0 {
		t.Errorf("Quit › Save › Cancel wrote the file or quit (%d)", quits)
	}
	e.Save()
	tapButton(t, w, "Overwrite")
	saved, err := bmc.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := saved.Note(id); n.Text != "Mine" || e.doc.Dirty() {
		t.Errorf("after Overwrite the file says %q, dirty %v", n.Text, e.doc.Dirty())
	}
	// Now the file is ours: the next save does not ask.
	editText(t, e, "channels", "Mine again")
	e.Save()
	if w.Canvas().Overlays().Top() != nil || e.doc.Dirty() {
		t.Errorf("the next save asked:\n%s", overlayText(w))
	}
}

// A deleted file is reported once; the canvas shows as unsaved and Save
// writes it again without asking.
func TestDeletedOnDisk(t *testing.T) {
	e, w := newTestEditor(t)
	path, _ := openBakeryFile(t, e)
	os.Remove(path)
	e.CheckDisk()
	if msg := overlayText(w); !strings.Contains(msg, "bakery.yaml was deleted") {
		t.Fatalf("no report:\n%s", msg)
	}
	if !e.doc.Dirty() || !strings.HasPrefix(w.Title(), "• ") {
		t.Errorf("a deleted file's canvas is not unsaved: %q", w.Title())
	}
	tapButton(t, w, "Close")
	e.CheckDisk()
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("reported twice:\n%s", overlayText(w))
	}
	e.Save()
	if w.Canvas().Overlays().Top() != nil {
		t.Errorf("Save asked:\n%s", overlayText(w))
	}
	if _, err := bmc.LoadFile(path); err != nil || e.doc.Dirty() {
		t.Errorf("not written again: %v, dirty %v", err, e.doc.Dirty())
	}
}

// Coming back to the window looks at the file.
func TestCheckDiskOnForeground(t *testing.T) {
	e, w := newTestEditor(t)
	path, _ := openBakeryFile(t, e)
	stop := e.watchDisk(time.Hour)
	defer stop()
	changeOnDisk(t, path, "x")
	hook, ok := e.app.Lifecycle().(interface{ OnEnteredForeground() func() })
	if !ok || hook.OnEnteredForeground() == nil {
		t.Fatal("no hook for the window coming to the front")
	}
	hook.OnEnteredForeground()()
	if !strings.Contains(overlayText(w), "changed on disk") {
		t.Errorf("coming to the front did not look at the file:\n%s", overlayText(w))
	}
}

// A note being typed in when the file changes on disk counts as an
// unsaved change: the question warns instead of offering a plain reload.
func TestChangedOnDiskWhileTyping(t *testing.T) {
	e, w := newTestEditor(t)
	path, _ := openBakeryFile(t, e)
	id := firstNote(t, e.doc.Canvas(), "channels")
	e.board.Select(id)
	e.board.EditSelected()
	focused := w.Canvas().Focused()
	if focused == nil {
		t.Fatal("editing focused nothing")
	}
	test.Type(focused, " typed")
	changeOnDisk(t, path, "Theirs")
	e.CheckDisk()
	if msg := overlayText(w); !strings.Contains(msg, "you have unsaved changes") {
		t.Errorf("typing was not counted:\n%s", msg)
	}
	tapButton(t, w, "Keep mine")
	if n, _ := e.doc.Canvas().Note(id); !strings.HasSuffix(n.Text, " typed") {
		t.Errorf("the note says %q", n.Text)
	}
}
