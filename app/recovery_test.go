package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// keepRecoveryIn makes e keep recovery files in dir, written delay after
// each change, and returns a channel that hears of every write. The test
// must wait on it before touching the editor again: the write reads the
// canvas from the timer's goroutine, as fyne.Do runs inline in tests.
func keepRecoveryIn(t *testing.T, e *Editor, dir string, delay time.Duration) <-chan string {
	t.Helper()
	r := NewRecovery(dir)
	r.delay = delay
	written := make(chan string, 16)
	r.onWritten = func(name string) { written <- name }
	r.onError = func(err error) { t.Errorf("recovery: %v", err) }
	e.recovery = r
	t.Cleanup(r.stop)
	return written
}

// waitWritten waits for a recovery file to be written and returns its
// name.
func waitWritten(t *testing.T, written <-chan string) string {
	t.Helper()
	select {
	case name := <-written:
		return name
	case <-time.After(5 * time.Second):
		t.Fatal("no recovery file was written")
		return ""
	}
}

// anotherEditor builds a second editor, as a new start of the program
// would, in the same test app.
func anotherEditor(t *testing.T, e *Editor) (*Editor, fyne.Window) {
	t.Helper()
	w := test.NewTempWindow(t, nil)
	e2 := NewEditor(e.app, w)
	e2.quit = func() { t.Log("quit") }
	w.Resize(fyne.NewSize(1200, 800))
	return e2, w
}

// editText sets the text of the first note of block through the editor.
func editText(t *testing.T, e *Editor, block, text string) string {
	t.Helper()
	id := firstNote(t, e.doc.Canvas(), block)
	if err := e.edit("Edit note", func(c *bmc.Canvas) error { return c.SetText(id, text) }); err != nil {
		t.Fatal(err)
	}
	return id
}

// recoveryFiles lists the recovery files in dir.
func recoveryFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestRecoveryDir(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	tests := []struct {
		goos    string
		vars    map[string]string
		want    string
		wantErr bool
	}{
		{"linux", map[string]string{"XDG_DATA_HOME": "/data", "HOME": "/home/ana"}, "/data/bmcanvas/recovery", false},
		{"linux", map[string]string{"HOME": "/home/ana"}, "/home/ana/.local/share/bmcanvas/recovery", false},
		{"linux", map[string]string{"XDG_DATA_HOME": "relative", "HOME": "/home/ana"}, "/home/ana/.local/share/bmcanvas/recovery", false},
		{"freebsd", map[string]string{"HOME": "/home/ana"}, "/home/ana/.local/share/bmcanvas/recovery", false},
		{"darwin", map[string]string{"HOME": "/Users/ana"}, "/Users/ana/Library/Application Support/bmcanvas/recovery", false},
		{"darwin", map[string]string{"XDG_DATA_HOME": "/data", "HOME": "/Users/ana"}, "/data/bmcanvas/recovery", false},
		{"windows", map[string]string{"LOCALAPPDATA": "/appdata", "XDG_DATA_HOME": "/data"}, "/appdata/bmcanvas/recovery", false},
		{"windows", nil, "", true},
		{"linux", nil, "", true},
	}
	for _, tt := range tests {
		got, err := recoveryDir(tt.goos, env(tt.vars))
		if (err != nil) != tt.wantErr || got != filepath.FromSlash(tt.want) {
			t.Errorf("%s %v: %q, %v; want %q, error %v", tt.goos, tt.vars, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestRecoveryRecordRoundTrip(t *testing.T) {
	data := mustExample(t, "bakery")
	in := recoveryRecord{
		Path: "/home/ana/a \"quoted\"\nname.yaml", Suggested: "x.yaml",
		Written: time.Date(2026, 11, 29, 14, 32, 5, 123, time.UTC), PID: 4242,
		Disk:   Fingerprint{Exists: true, Size: 99, ModTime: time.Date(2026, 11, 29, 14, 0, 0, 7, time.UTC), SHA256: "ab12"},
		Canvas: data,
	}
	out, c, err := parseRecovery("r.yaml", in.marshal())
	if err != nil {
		t.Fatal(err)
	}
	if out.Path != in.Path || out.Suggested != in.Suggested || !out.Written.Equal(in.Written) || out.PID != in.PID ||
		!out.Disk.Same(in.Disk) || out.Disk.Size != 99 || !out.Disk.ModTime.Equal(in.Disk.ModTime) {
		t.Errorf("read back %+v", out)
	}
	if c.Title != "Corner Bakery" || string(out.Canvas) != string(data) {
		t.Errorf("canvas %q", c.Title)
	}
	// The file is a canvas file too: bmc reads it, comments and all.
	if _, err := bmc.Load("r.yaml", in.marshal()); err != nil {
		t.Errorf("bmc cannot read a recovery file: %v", err)
	}
	untitled := recoveryRecord{Untitled: "bakery example", Written: in.Written, Canvas: data}
	if out, _, err := parseRecovery("u.yaml", untitled.marshal()); err != nil || out.Untitled != "bakery example" || out.Path != "" || out.Disk.Exists {
		t.Errorf("untitled: %+v, %v", out, err)
	}
	for _, bad := range []string{
		"",
		"format: bmcanvas/1\n",
		"# file: /unquoted\n# written: 2026-11-29T14:32:05Z\n# pid: 1\nformat: bmcanvas/1\ntemplate: lean\n",
		"# file: \"/a.yaml\"\n# pid: 1\nformat: bmcanvas/1\ntemplate: lean\n",
		"# file: \"/a.yaml\"\n# written: 2026-11-29T14:32:05Z\n# pid: 1\nformat: bmcanvas/1\ntemplate: nope\n",
	} {
		if _, _, err := parseRecovery("bad.yaml", []byte(bad)); err == nil {
			t.Errorf("read a bad recovery file:\n%s", bad)
		}
	}
}

// An edit is written to a recovery file in the recovery folder, readable
// by its owner only, and nothing is written beside the canvas.
func TestRecoveryWrittenAfterEdit(t *testing.T) {
	e, _ := newTestEditor(t)
	dir := filepath.Join(t.TempDir(), "recovery")
	written := keepRecoveryIn(t, e, dir, 10*time.Millisecond)
	path, _ := openBakeryFile(t, e)
	editText(t, e, "channels", "Flyers at the station")
	name := waitWritten(t, written)

	file := filepath.Join(dir, name)
	st, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("recovery file mode %v, want 0600", st.Mode().Perm())
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Errorf("recovery folder mode %v, want 0700", st.Mode().Perm())
	}
	data, _ := os.ReadFile(file)
	rec, c, err := parseRecovery(name, data)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Path != path || !rec.Disk.Exists || rec.Disk.SHA256 != e.doc.Disk.SHA256 || rec.PID != os.Getpid() {
		t.Errorf("record %+v", rec)
	}
	if n := c.Blocks["channels"][0]; n.Text != "Flyers at the station" {
		t.Errorf("the recovery file has %q", n.Text)
	}
	beside, _ := os.ReadDir(filepath.Dir(path))
	if len(beside) != 1 {
		t.Errorf("files beside the canvas: %v", beside)
	}
	// Another edit rewrites the same file.
	editText(t, e, "channels", "Flyers at the market")
	if again := waitWritten(t, written); again != name {
		t.Errorf("second write to %s, first to %s", again, name)
	}
}

// Saving, undoing back to the saved canvas, quitting with Don't Save and
// opening another canvas with Don't Save each remove the recovery file.
func TestRecoveryRemoved(t *testing.T) {
	tests := []struct {
		name string
		do   func(t *testing.T, e *Editor, w fyne.Window)
	}{
		{"save", func(t *testing.T, e *Editor, _ fyne.Window) { e.Save() }},
		{"undo to saved", func(t *testing.T, e *Editor, _ fyne.Window) { e.Undo() }},
		{"quit, don't save", func(t *testing.T, e *Editor, w fyne.Window) {
			e.Quit()
			tapButton(t, w, "Don't Save")
		}},
		{"new, don't save", func(t *testing.T, e *Editor, w fyne.Window) {
			e.New()
			tapButton(t, w, "Don't Save")
			tapButton(t, w, "New Lean Canvas")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, w := newTestEditor(t)
			dir := t.TempDir()
			written := keepRecoveryIn(t, e, dir, 10*time.Millisecond)
			openBakeryFile(t, e)
			editText(t, e, "channels", "Flyers")
			waitWritten(t, written)
			if len(recoveryFiles(t, dir)) != 1 {
				t.Fatal("no recovery file")
			}
			tt.do(t, e, w)
			if left := recoveryFiles(t, dir); len(left) != 0 {
				t.Errorf("recovery files left: %v", left)
			}
		})
	}
}

// Closing the window with Don't Save removes the recovery file.
func TestRecoveryRemovedOnClose(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewWindow(nil) // closed by the editor, not by the test's clean-up
	e := NewEditor(a, w)
	dir := t.TempDir()
	written := keepRecoveryIn(t, e, dir, 10*time.Millisecond)
	openBakeryFile(t, e)
	editText(t, e, "channels", "Flyers")
	waitWritten(t, written)
	e.closeWindow()
	tapButton(t, w, "Don't Save")
	if left := recoveryFiles(t, dir); len(left) != 0 {
		t.Errorf("recovery files left: %v", left)
	}
}

// A recovery file another editor left is not removed just because the
// same file is opened clean; a file written for an untitled canvas goes
// once it is saved under a name.
func TestRecoveryLeavesOthersAlone(t *testing.T) {
	e, _ := newTestEditor(t)
	dir := t.TempDir()
	written := keepRecoveryIn(t, e, dir, 10*time.Millisecond)
	path, _ := openBakeryFile(t, e)
	editText(t, e, "channels", "Flyers")
	waitWritten(t, written)
	e.recovery.stop() // the first editor stops: it crashed

	e2, _ := anotherEditor(t, e)
	keepRecoveryIn(t, e2, dir, time.Hour)
	if err := e2.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	if len(recoveryFiles(t, dir)) != 1 {
		t.Fatal("opening the file clean removed the crashed editor's recovery file")
	}

	e3, _ := anotherEditor(t, e)
	written3 := keepRecoveryIn(t, e3, dir, 10*time.Millisecond)
	if err := e3.OpenExample("bakery"); err != nil {
		t.Fatal(err)
	}
	editText(t, e3, "channels", "Flyers")
	name := waitWritten(t, written3)
	if !strings.HasPrefix(name, "untitled-") {
		t.Errorf("untitled canvas's recovery file %s", name)
	}
	if err := e3.SaveTo(filepath.Join(t.TempDir(), "mine.yaml")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
		t.Error("the untitled canvas's recovery file outlived its save")
	}
	if len(recoveryFiles(t, dir)) != 1 {
		t.Errorf("recovery files %v", recoveryFiles(t, dir))
	}
}

// crashWithEdit opens a copy of the bakery example, changes the text of
// the first Channels note and lets the editor "crash" once its recovery
// file is written. It returns the canvas file, the note and the folder.
func crashWithEdit(t *testing.T, e *Editor, text string) (path, id, dir string) {
	t.Helper()
	dir = t.TempDir()
	written := keepRecoveryIn(t, e, dir, 10*time.Millisecond)
	path, _ = openBakeryFile(t, e)
	id = editText(t, e, "channels", text)
	waitWritten(t, written)
	e.recovery.stop()
	return path, id, dir
}

// The next start on the same file offers the changes back: which file,
// when, what differs. Restore gives the edit back with the document
// unsaved, and Save writes it and removes the recovery file.
func TestRecoveryOfferedAndRestored(t *testing.T) {
	e, _ := newTestEditor(t)
	path, id, dir := crashWithEdit(t, e, "Flyers at the station")

	e2, w := anotherEditor(t, e)
	keepRecoveryIn(t, e2, dir, time.Hour)
	e2.Start(path)
	msg := overlayText(w)
	for _, want := range []string{"Restore unsaved changes?", "bakery.yaml", path, "today at", "1 note changed", "Restore", "Discard"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the offer does not say %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "changed on disk") {
		t.Errorf("the offer says the file changed on disk:\n%s", msg)
	}
	// Restore has the keyboard: Enter picks it.
	focused, ok := w.Canvas().Focused().(*answerButton)
	if !ok || focused.Text != "Restore" {
		t.Fatalf("focused %#v, want the Restore answer", w.Canvas().Focused())
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	if n, _ := e2.doc.Canvas().Note(id); n.Text != "Flyers at the station" {
		t.Errorf("restored note says %q", n.Text)
	}
	if e2.doc.Path != path || !e2.doc.Dirty() || !strings.HasPrefix(w.Title(), "• bakery.yaml") {
		t.Errorf("restored: path %q dirty %v title %q", e2.doc.Path, e2.doc.Dirty(), w.Title())
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Errorf("a dialog is still open:\n%s", overlayText(w))
	}
	e2.Save()
	saved, err := bmc.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := saved.Note(id); n.Text != "Flyers at the station" {
		t.Errorf("saved note says %q", n.Text)
	}
	if left := recoveryFiles(t, dir); len(left) != 0 {
		t.Errorf("recovery files left after saving: %v", left)
	}
}

// A plain start offers the changes too, before the template chooser;
// Discard deletes the recovery file and the chooser follows.
func TestRecoveryDiscarded(t *testing.T) {
	e, _ := newTestEditor(t)
	path, id, dir := crashWithEdit(t, e, "Flyers at the station")
	before, _ := os.ReadFile(path)

	e2, w := anotherEditor(t, e)
	keepRecoveryIn(t, e2, dir, time.Hour)
	e2.Start("")
	if msg := overlayText(w); !strings.Contains(msg, path) || !strings.Contains(msg, "1 note changed") {
		t.Fatalf("no offer:\n%s", msg)
	}
	tapButton(t, w, "Discard")
	if left := recoveryFiles(t, dir); len(left) != 0 {
		t.Errorf("recovery files left after Discard: %v", left)
	}
	if !strings.Contains(overlayText(w), "Start a new canvas") {
		t.Errorf("no chooser after the offer:\n%s", overlayText(w))
	}
	if _, _, ok := e2.doc.Canvas().Find(id); ok || e2.doc.Dirty() {
		t.Errorf("Discard changed the document")
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("Discard changed the canvas file")
	}
}

// An untitled canvas comes back untitled, with its name.
func TestRecoveryUntitled(t *testing.T) {
	e, _ := newTestEditor(t)
	dir := t.TempDir()
	written := keepRecoveryIn(t, e, dir, 10*time.Millisecond)
	if err := e.OpenExample("bakery"); err != nil {
		t.Fatal(err)
	}
	id := editText(t, e, "channels", "Flyers")
	waitWritten(t, written)
	e.recovery.stop()

	e2, w := anotherEditor(t, e)
	written2 := keepRecoveryIn(t, e2, dir, 10*time.Millisecond)
	e2.Start("")
	if msg := overlayText(w); !strings.Contains(msg, "bakery example") || !strings.Contains(msg, "a new canvas with") {
		t.Errorf("offer:\n%s", msg)
	}
	tapButton(t, w, "Restore")
	// The restored canvas keeps the same recovery file.
	waitWritten(t, written2)
	if left := recoveryFiles(t, dir); len(left) != 1 {
		t.Errorf("recovery files %v", left)
	}
	if n, _ := e2.doc.Canvas().Note(id); n.Text != "Flyers" || e2.doc.Path != "" || !e2.doc.Dirty() ||
		e2.doc.Name() != "bakery example" || e2.doc.FileName() != "bakery.yaml" {
		t.Errorf("restored %q: path %q dirty %v name %q", n.Text, e2.doc.Path, e2.doc.Dirty(), e2.doc.Name())
	}
}

// The offer says when the file changed on disk after the changes began,
// and what restoring would change in it now.
func TestRecoveryFileChangedSince(t *testing.T) {
	e, _ := newTestEditor(t)
	path, _, dir := crashWithEdit(t, e, "Flyers")
	c, err := bmc.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c.Title = "Changed elsewhere"
	if err := bmc.SaveFile(path, c); err != nil {
		t.Fatal(err)
	}
	e2, w := anotherEditor(t, e)
	keepRecoveryIn(t, e2, dir, time.Hour)
	e2.Start(path)
	msg := overlayText(w)
	for _, want := range []string{"1 note changed, title changed", "changed on disk after these changes began"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the offer does not say %q:\n%s", want, msg)
		}
	}
	tapButton(t, w, "Restore")
	// Saving then asks before replacing the other version.
	e2.Save()
	if msg := overlayText(w); !strings.Contains(msg, "changed by another program") {
		t.Errorf("Save did not ask:\n%s", msg)
	}
}

// A recovery file that cannot be read is reported and moved aside; the
// start carries on.
func TestRecoveryCorruptFile(t *testing.T) {
	e, w := newTestEditor(t)
	dir := t.TempDir()
	keepRecoveryIn(t, e, dir, time.Hour)
	bad := filepath.Join(dir, "file-0123456789abcdef.yaml")
	os.WriteFile(bad, []byte("# file: \"/x.yaml\"\n# written: 2026-11-29T14:32:05Z\n# pid: 1\nformat: bmcanvas/1\n\x00\x01garbage"), 0o600)
	done := false
	e.offerRecovery(func(restored bool) { done = !restored })
	if !done {
		t.Error("the start did not carry on")
	}
	msg := overlayText(w)
	if !strings.Contains(msg, "could not be read") || !strings.Contains(msg, bad+".broken") {
		t.Errorf("report:\n%s", msg)
	}
	if _, err := os.Stat(bad + ".broken"); err != nil {
		t.Errorf("not moved aside: %v", err)
	}
	if left := recoveryFiles(t, dir); len(left) != 0 {
		t.Errorf("still offered: %v", left)
	}
}

// A recovery file written by an editor that is still running is not
// offered.
func TestRecoveryOfRunningEditorNotOffered(t *testing.T) {
	e, w := newTestEditor(t)
	dir := t.TempDir()
	keepRecoveryIn(t, e, dir, time.Hour)
	rec := recoveryRecord{Untitled: "Untitled", Written: time.Now(), PID: os.Getppid(), Canvas: mustExample(t, "bakery")}
	os.WriteFile(filepath.Join(dir, "untitled-1.yaml"), rec.marshal(), 0o600)
	e.offerRecovery(nil)
	if w.Canvas().Overlays().Top() != nil {
		t.Errorf("offered a running editor's changes:\n%s", overlayText(w))
	}
}

// The changes of an editor told to stop are written at once.
func TestRecoveryWrittenOnClose(t *testing.T) {
	e, _ := newTestEditor(t)
	dir := t.TempDir()
	keepRecoveryIn(t, e, dir, time.Hour)
	openBakeryFile(t, e)
	editText(t, e, "channels", "Flyers")
	e.recovery.Close(e.doc)
	if len(recoveryFiles(t, dir)) != 1 {
		t.Error("closing with unsaved changes wrote no recovery file")
	}
}
