package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/assets"
	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/widgets"
)

// newTestEditor builds the editor in a test window.
func newTestEditor(t *testing.T) (*Editor, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	e := NewEditor(a, w)
	e.quit = func() { t.Log("quit") }
	w.Resize(fyne.NewSize(1200, 800))
	return e, w
}

// bakeryCopy writes the bakery example to a temporary file.
func bakeryCopy(t *testing.T) string {
	t.Helper()
	data, err := assets.ExampleData("bakery")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "bakery.yaml")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// openBakeryFile opens a copy of the bakery example in e and returns its path
// and bytes.
func openBakeryFile(t *testing.T, e *Editor) (string, []byte) {
	t.Helper()
	path := bakeryCopy(t)
	if err := e.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data
}

// firstNote returns the ID of the first note of block.
func firstNote(t *testing.T, c *bmc.Canvas, block string) string {
	t.Helper()
	if len(c.Blocks[block]) == 0 {
		t.Fatalf("no note in %s", block)
	}
	return c.Blocks[block][0].ID
}

// overlayText returns every label, button and answer text of the topmost
// overlay (a dialog), joined by newlines; "" without one.
func overlayText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var parts []string
	for _, o := range test.LaidOutObjects(top) {
		switch o := o.(type) {
		case *widget.Label:
			parts = append(parts, o.Text)
		case *widget.Button:
			parts = append(parts, o.Text)
		case *answerButton:
			parts = append(parts, o.Text)
		case *canvas.Text:
			parts = append(parts, o.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// tapButton taps the visible button or answer labelled text in the
// topmost overlay.
func tapButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %q in", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		switch b := o.(type) {
		case *widget.Button:
			if b.Text == text && b.Visible() {
				test.Tap(b)
				return
			}
		case *answerButton:
			if b.Text == text && b.Visible() {
				test.Tap(b)
				return
			}
		}
	}
	t.Fatalf("no button %q in the dialog:\n%s", text, overlayText(w))
}

// moveFirstNote moves the first note of from to the end of to, through the
// board's edit hook as a drag would.
func moveFirstNote(t *testing.T, e *Editor, from, to string) string {
	t.Helper()
	id := firstNote(t, e.doc.Canvas(), from)
	if err := e.board.OnEdit("Move note", func(c *bmc.Canvas) error { return c.MoveNote(id, to, -1) }); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestEditorTitleDirtyAndUndo(t *testing.T) {
	e, w := newTestEditor(t)
	if w.Title() != "Untitled — bmcanvas" {
		t.Errorf("new title %q", w.Title())
	}
	path := bakeryCopy(t)
	if err := e.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	if w.Title() != "bakery.yaml — bmcanvas" {
		t.Errorf("title %q", w.Title())
	}
	if e.board.Canvas() != e.doc.Canvas() {
		t.Fatal("the board does not show the document's canvas")
	}
	id := moveFirstNote(t, e, "key_partners", "key_activities")
	if w.Title() != "• bakery.yaml — bmcanvas" {
		t.Errorf("title after a move %q", w.Title())
	}
	if e.menu.undo.Label != "Undo Move note" || e.menu.undo.Disabled || !e.menu.redo.Disabled {
		t.Errorf("undo item %q disabled %v, redo disabled %v", e.menu.undo.Label, e.menu.undo.Disabled, e.menu.redo.Disabled)
	}
	e.Undo()
	if b, _, _ := e.board.Canvas().Find(id); b != "key_partners" {
		t.Errorf("after undo the note is in %q", b)
	}
	if w.Title() != "bakery.yaml — bmcanvas" || e.menu.redo.Label != "Redo Move note" {
		t.Errorf("after undo: title %q, redo %q", w.Title(), e.menu.redo.Label)
	}
	e.Redo()
	if b, _, _ := e.board.Canvas().Find(id); b != "key_activities" || !e.doc.Dirty() {
		t.Errorf("after redo the note is in %q, dirty %v", b, e.doc.Dirty())
	}
}

func TestEditorShortcuts(t *testing.T) {
	e, w := newTestEditor(t)
	if err := e.OpenFile(bakeryCopy(t)); err != nil {
		t.Fatal(err)
	}
	moveFirstNote(t, e, "key_partners", "channels")
	c := w.Canvas().(fyne.Shortcutable)
	type check struct {
		name     string
		shortcut fyne.Shortcut
		after    func() bool
	}
	checks := []check{
		{"Ctrl+Z", &fyne.ShortcutUndo{}, func() bool { return !e.doc.Dirty() }},
		{"Ctrl+Y", &fyne.ShortcutRedo{}, func() bool { return e.doc.Dirty() }},
		{"Ctrl+Z", &fyne.ShortcutUndo{}, func() bool { return !e.doc.Dirty() }},
		{"Ctrl+Shift+Z", ctrlShift(fyne.KeyZ), func() bool { return e.doc.Dirty() }},
		{"Ctrl+S", ctrl(fyne.KeyS), func() bool { return !e.doc.Dirty() }},
		{"Ctrl+B", ctrl(fyne.KeyB), func() bool { return !e.doc.Canvas().BackstageShown() }},
		{"Ctrl+B again", ctrl(fyne.KeyB), func() bool { return e.doc.Canvas().BackstageShown() }},
		{"Ctrl+E", ctrl(fyne.KeyE), func() bool { return strings.Contains(overlayText(w), "Print on sheets of") }},
	}
	for _, ch := range checks {
		c.TypedShortcut(ch.shortcut)
		if !ch.after() {
			t.Errorf("%s did not act", ch.name)
		}
	}
}

// TestMenuShortcutsRegistered checks that every shortcut shown in a menu
// fires its item's action through the window's canvas, whatever the menu
// bar of the driver does.
func TestMenuShortcutsRegistered(t *testing.T) {
	e, w := newTestEditor(t)
	want := map[string]bool{"New…": true, "Open…": true, "Save": true, "Save As…": true, "Export…": true,
		"Quit": true, "Undo": true, "Redo": true, "Show Backstage": true, "Find…": true, "Test Plan": true,
		"Check Canvas": true}
	for _, m := range e.menu.main.Items {
		for _, it := range m.Items {
			if it.Shortcut == nil {
				continue
			}
			delete(want, it.Label)
			called := false
			it.Action = func() { called = true }
			w.Canvas().(fyne.Shortcutable).TypedShortcut(it.Shortcut)
			if !called {
				t.Errorf("%s: its shortcut %s does not fire", it.Label, it.Shortcut.ShortcutName())
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("menu items without a shortcut: %v", want)
	}
}

func TestUndoGoesToTheEntryBeingTyped(t *testing.T) {
	e, w := newTestEditor(t)
	e.OpenFile(bakeryCopy(t))
	moveFirstNote(t, e, "key_partners", "channels")
	en := widget.NewEntry()
	w.SetContent(en)
	w.Canvas().Focus(en)
	test.Type(en, "abc")
	e.Undo()
	if !e.doc.Dirty() {
		t.Error("Undo with a text field focused undid the canvas")
	}
	if en.Text == "abc" {
		t.Error("Undo did not reach the text field")
	}
}

func TestOpenBadFileKeepsCanvas(t *testing.T) {
	e, w := newTestEditor(t)
	good := bakeryCopy(t)
	e.OpenFile(good)
	before := e.doc.Canvas()
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("format: bmcanvas/1\ntemplate: lean\nblocks:\n  problem:\n    - {id: a, text: x, color: bleu}\n    - {id: a, text: y}\n"), 0o644)
	if err := e.OpenFile(bad); err == nil {
		t.Fatal("a bad file opened")
	}
	if e.doc.Canvas() != before || e.doc.Path != good || w.Title() != "bakery.yaml — bmcanvas" {
		t.Errorf("the canvas changed: path %q title %q", e.doc.Path, w.Title())
	}
	msg := overlayText(w)
	for _, want := range []string{"Cannot open bad.yaml", "bad.yaml: line 5, column 31: unknown colour \"bleu\"", "line 6"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the dialog does not say %q:\n%s", want, msg)
		}
	}
}

func TestConfirmDiscard(t *testing.T) {
	tests := []struct {
		button    string
		wantSaved bool
		wantNew   bool
	}{
		{"Cancel", false, false},
		{"Don't Save", false, true},
		{"Save", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.button, func(t *testing.T) {
			e, w := newTestEditor(t)
			path := bakeryCopy(t)
			e.OpenFile(path)
			id := moveFirstNote(t, e, "key_partners", "channels")
			newCalled := false
			e.confirmDiscard(func() { newCalled = true })
			if !strings.Contains(overlayText(w), "unsaved changes") {
				t.Fatalf("no prompt:\n%s", overlayText(w))
			}
			tapButton(t, w, tt.button)
			if newCalled != tt.wantNew {
				t.Errorf("went on: %v, want %v", newCalled, tt.wantNew)
			}
			saved, err := bmc.LoadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if b, _, _ := saved.Find(id); (b == "channels") != tt.wantSaved {
				t.Errorf("the file has the note in %s", b)
			}
		})
	}
}

func TestCleanDocumentIsNotConfirmed(t *testing.T) {
	e, w := newTestEditor(t)
	called := false
	e.confirmDiscard(func() { called = true })
	if !called || w.Canvas().Overlays().Top() != nil {
		t.Error("a clean document asked before being discarded")
	}
}

func TestCloseWindowAsks(t *testing.T) {
	e, w := newTestEditor(t)
	e.OpenFile(bakeryCopy(t))
	moveFirstNote(t, e, "key_partners", "channels")
	quits := 0
	e.quit = func() { quits++ }
	e.Quit()
	tapButton(t, w, "Cancel")
	e.Quit()
	tapButton(t, w, "Don't Save")
	if quits != 1 {
		t.Errorf("quit %d times, want 1", quits)
	}
}

func TestSave(t *testing.T) {
	e, w := newTestEditor(t)
	e.OpenFile(bakeryCopy(t))
	id := moveFirstNote(t, e, "key_partners", "customer_segments")
	out := filepath.Join(t.TempDir(), "out.yaml")
	if err := e.SaveTo(out); err != nil {
		t.Fatal(err)
	}
	if e.doc.Dirty() || e.doc.Path != out || w.Title() != "out.yaml — bmcanvas" {
		t.Errorf("after saving: dirty %v path %q title %q", e.doc.Dirty(), e.doc.Path, w.Title())
	}
	saved, err := bmc.LoadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if b, _, _ := saved.Find(id); b != "customer_segments" {
		t.Errorf("saved note is in %q", b)
	}
	if r := e.recent.List(); len(r) == 0 || r[0] != out {
		t.Errorf("recent files %v", r)
	}
	if items := e.menu.recent.ChildMenu.Items; items[0].Label != "out.yaml  ("+filepath.Dir(out)+")" {
		t.Errorf("Open Recent starts with %q", items[0].Label)
	}
}

func TestSaveErrorKeepsDirty(t *testing.T) {
	e, w := newTestEditor(t)
	e.OpenFile(bakeryCopy(t))
	moveFirstNote(t, e, "key_partners", "channels")
	if err := e.SaveTo(filepath.Join(t.TempDir(), "missing", "x.yaml")); err == nil {
		t.Fatal("saved into a missing folder")
	}
	if !e.doc.Dirty() || !strings.HasPrefix(w.Title(), "• bakery.yaml") {
		t.Errorf("a failed save cleaned the document: %q", w.Title())
	}
	if msg := overlayText(w); !strings.Contains(msg, "Could not save") || !strings.Contains(msg, "missing") {
		t.Errorf("dialog:\n%s", msg)
	}
}

// A read-only canvas is never replaced: the editor says so, offers Save
// As, and keeps the changes unsaved.
func TestSaveReadOnlyOffersSaveAs(t *testing.T) {
	e, w := newTestEditor(t)
	path, before := openBakeryFile(t, e)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	moveFirstNote(t, e, "key_partners", "channels")
	if err := e.SaveTo(path); !errors.Is(err, bmc.ErrReadOnly) {
		t.Fatalf("saving a read-only file: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) || !e.doc.Dirty() {
		t.Error("the read-only file changed, or the document was marked saved")
	}
	msg := overlayText(w)
	if !strings.Contains(msg, "bakery.yaml is read-only") || !strings.Contains(msg, "Save As…") {
		t.Errorf("dialog:\n%s", msg)
	}
}

func TestBackstageToggle(t *testing.T) {
	e, _ := newTestEditor(t)
	e.OpenFile(bakeryCopy(t))
	if e.menu.backstage.Disabled || !e.menu.backstage.Checked {
		t.Fatal("backstage item disabled or unchecked on a shown backstage")
	}
	e.ToggleBackstage()
	if e.doc.Canvas().BackstageShown() || e.menu.backstage.Checked || !e.doc.Dirty() {
		t.Fatal("the backstage is still shown")
	}
	if e.toolbar.backstage.label != "Show backstage" {
		t.Errorf("toolbar says %q", e.toolbar.backstage.label)
	}
	e.Undo()
	if !e.doc.Canvas().BackstageShown() || e.doc.Dirty() {
		t.Error("undo did not bring the backstage back")
	}
	// Hidden and shown again: the file would be the same bytes, so no dot
	// and no question on quitting.
	e.ToggleBackstage()
	e.ToggleBackstage()
	if !e.doc.Canvas().BackstageShown() || e.doc.Dirty() || strings.HasPrefix(e.win.Title(), "•") {
		t.Errorf("hidden and shown again: dirty %v, title %q", e.doc.Dirty(), e.win.Title())
	}

	if err := e.NewCanvas(bmc.Lean().ID); err != nil {
		t.Fatal(err)
	}
	if !e.menu.backstage.Disabled || !e.toolbar.backstage.Disabled() {
		t.Error("the backstage toggle is enabled for the Lean Canvas")
	}
	e.ToggleBackstage()
	if e.doc.Dirty() {
		t.Error("toggling the Lean Canvas's backstage changed it")
	}
}

func TestDetailsForm(t *testing.T) {
	e, w := newTestEditor(t)
	e.OpenFile(bakeryCopy(t))
	e.ShowDetails()
	var entries []*widget.Entry
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if en, ok := o.(*dialogEntry); ok {
			entries = append(entries, &en.Entry)
		}
	}
	if len(entries) != 6 || entries[0].Text != "Corner Bakery" {
		t.Fatalf("%d entries, first %q", len(entries), entries[0].Text)
	}
	entries[0].SetText("Corner Bakery 2027")
	entries[5].SetText("CHF")
	tapButton(t, w, "Apply")
	c := e.doc.Canvas()
	if c.Title != "Corner Bakery 2027" || c.Currency != "CHF" || c.DesignedBy != "Ana Ruiz" {
		t.Errorf("meta %+v", c.Meta)
	}
	if e.menu.undo.Label != "Undo Edit details" {
		t.Errorf("undo label %q", e.menu.undo.Label)
	}
	e.Undo()
	if e.doc.Canvas().Title != "Corner Bakery" {
		t.Error("undo did not restore the title")
	}
	if err := e.SetMeta(bmc.Meta{Title: "two\nlines"}); err == nil || e.doc.Canvas().Title != "Corner Bakery" {
		t.Errorf("a two-line title was taken: %v", err)
	}
}

func TestChooser(t *testing.T) {
	e, w := newTestEditor(t)
	e.ShowChooser()
	msg := overlayText(w)
	for _, tmpl := range bmc.Templates() {
		if !strings.Contains(msg, tmpl.Name) || !strings.Contains(msg, tmpl.Description) {
			t.Errorf("the chooser does not offer %s", tmpl.Name)
		}
	}
	examples := 0
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Open example" {
			examples++
		}
	}
	if examples != len(assets.Examples()) {
		t.Errorf("the chooser does not offer every example:\n%s", msg)
	}
	tapButton(t, w, "New Lean Canvas")
	if e.doc.Canvas().TemplateID != bmc.Lean().ID || e.doc.Dirty() || e.doc.Canvas().Date == "" {
		t.Errorf("chose %s, dirty %v", e.doc.Canvas().TemplateID, e.doc.Dirty())
	}
	e.ShowChooser()
	tapButton(t, w, "Open example")
	if e.doc.Canvas().NoteCount() == 0 || e.doc.Path != "" || !strings.HasSuffix(e.doc.FileName(), ".yaml") {
		t.Errorf("example: %d notes, path %q, file name %q", e.doc.Canvas().NoteCount(), e.doc.Path, e.doc.FileName())
	}
}

func TestDrop(t *testing.T) {
	e, w := newTestEditor(t)
	path := bakeryCopy(t)
	e.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(path)})
	if e.doc.Path != path {
		t.Errorf("dropping %s opened %q", path, e.doc.Path)
	}
	e.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI("/tmp/notes.txt")})
	if e.doc.Path != path || !strings.Contains(overlayText(w), "not a canvas file") {
		t.Errorf("dropping a text file: path %q, dialog %q", e.doc.Path, overlayText(w))
	}
}

func TestExportForm(t *testing.T) {
	lean, err := bmc.Load("startup.yaml", mustExample(t, "startup"))
	if err != nil {
		t.Fatal(err)
	}
	f := newExportForm(defaultExportOptions(), lean)
	if !f.frontstage.Disabled() {
		t.Error("front stage offered for the Lean Canvas")
	}
	if len(f.focus.Options) != 1+len(lean.Segments()) {
		t.Errorf("focus offers %v", f.focus.Options)
	}
	f.focus.SetSelected(f.focus.Options[1])
	f.portrait.SetChecked(true)
	f.blank.SetChecked(true)
	papers := f.paper.Options
	f.tile.SetSelected(papers[0])
	opt := f.options(defaultExportOptions())
	if !opt.Portrait || !opt.Blank || opt.Frontstage || opt.Tile != papers[0] || opt.Paper == "" || opt.Focus != lean.Segments()[0].ID {
		t.Errorf("options %+v", opt)
	}
	f.tile.SetSelected(noTiling)
	if opt := f.options(opt); opt.Tile != "" {
		t.Errorf("no tiling gave Tile %q", opt.Tile)
	}
}

func TestWritePDF(t *testing.T) {
	c, err := bmc.Load("bakery.yaml", mustExample(t, "bakery"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "bakery.pdf")
	if _, err := writePDF(out, c, defaultExportOptions()); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(data), "%PDF") {
		t.Errorf("not a PDF: %v %.10q", err, data)
	}
	if _, err := writePDF(filepath.Join(t.TempDir(), "no", "x.pdf"), c, defaultExportOptions()); err == nil {
		t.Error("wrote into a missing folder")
	}
}

func mustExample(t *testing.T, name string) []byte {
	t.Helper()
	data, err := assets.ExampleData(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// cardFor finds the board's card of note id.
func cardFor(t *testing.T, w fyne.Window, id string) *widgets.NoteCard {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
		if c, ok := o.(*widgets.NoteCard); ok && c.Visible() && c.Note.ID == id {
			return c
		}
	}
	t.Fatalf("no card for note %s", id)
	return nil
}

// TestDragThenUndo drags a note to another block on the real board, in a
// test window, and undoes and redoes the move through the editor.
func TestDragThenUndo(t *testing.T) {
	e, w := newTestEditor(t)
	if err := e.OpenFile(bakeryCopy(t)); err != nil {
		t.Fatal(err)
	}
	c := e.doc.Canvas()
	id, target := firstNote(t, c, "key_partners"), firstNote(t, c, "channels")
	// Cards are laid out by the board, relative to it; the board sits below
	// the toolbar in the window's padded content.
	abs := func(o fyne.CanvasObject) fyne.Position {
		return w.Canvas().Content().Position().Add(e.board.Position()).Add(o.Position()).AddXY(o.Size().Width/2, o.Size().Height/2)
	}
	from, to := abs(cardFor(t, w, id)), abs(cardFor(t, w, target))
	test.Drag(w.Canvas(), from, to.X-from.X, to.Y-from.Y)

	if b, _, _ := e.doc.Canvas().Find(id); b != "channels" {
		t.Fatalf("after the drag the note is in %q", b)
	}
	if !e.doc.Dirty() || e.menu.undo.Label != "Undo Move note" || !strings.HasPrefix(w.Title(), "• ") {
		t.Errorf("after the drag: dirty %v, undo %q, title %q", e.doc.Dirty(), e.menu.undo.Label, w.Title())
	}
	e.Undo()
	if b, i, _ := e.board.Canvas().Find(id); b != "key_partners" || i != 0 || e.doc.Dirty() {
		t.Errorf("after undo the board has the note in %s at %d, dirty %v", b, i, e.doc.Dirty())
	}
	cardFor(t, w, id) // the board shows it again where it was
	e.Redo()
	if b, _, _ := e.board.Canvas().Find(id); b != "channels" {
		t.Errorf("after redo the note is in %q", b)
	}
}

// A note still being typed in counts: quitting asks to save it, and saving
// writes it.
func TestOpenEditIsNotLost(t *testing.T) {
	e, w := newTestEditor(t)
	path := bakeryCopy(t)
	e.OpenFile(path)
	id := firstNote(t, e.doc.Canvas(), "channels")
	e.board.Select(id)
	e.board.EditSelected()
	before, _ := e.doc.Canvas().Note(id)
	focused := w.Canvas().Focused()
	if focused == nil {
		t.Fatal("editing focused nothing")
	}
	test.Type(focused, " typed")
	wentOn := false
	e.confirmDiscard(func() { wentOn = true })
	if wentOn || !strings.Contains(overlayText(w), "unsaved changes") {
		t.Fatalf("no prompt:\n%s", overlayText(w))
	}
	tapButton(t, w, "Save")
	saved, err := bmc.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := saved.Note(id); n.Text != before.Text+" typed" {
		t.Errorf("saved text %q", n.Text)
	}
}

// The toolbar names the canvas, follows the details, and opens them.
func TestToolbarHeading(t *testing.T) {
	e, w := newTestEditor(t)
	if got := e.toolbar.heading.Text; got != "Untitled canvas · Business Model Canvas" {
		t.Errorf("new canvas heading %q", got)
	}
	e.OpenFile(bakeryCopy(t))
	if got := e.toolbar.heading.Text; got != "Corner Bakery · Business Model Canvas · for Corner Bakery Ltd" {
		t.Errorf("bakery heading %q", got)
	}
	m := e.doc.Canvas().Meta
	m.Title = "Corner Bakery 2027"
	if err := e.SetMeta(m); err != nil {
		t.Fatal(err)
	}
	if got := e.toolbar.heading.Text; !strings.HasPrefix(got, "Corner Bakery 2027 · ") {
		t.Errorf("heading after details %q", got)
	}
	e.Undo()
	if got := e.toolbar.heading.Text; !strings.HasPrefix(got, "Corner Bakery · ") {
		t.Errorf("heading after undo %q", got)
	}
	test.Tap(e.toolbar.heading)
	if !strings.Contains(overlayText(w), "Canvas details") {
		t.Errorf("tapping the heading did not open the details:\n%s", overlayText(w))
	}
}
