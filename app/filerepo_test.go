package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// lazyFiles starts a test app and installs the lazy file writer.
func lazyFiles(t *testing.T) {
	t.Helper()
	test.NewTempApp(t)
	installLazyFileWriter()
	installLazyFileWriter() // idempotent
	repo, err := repository.ForScheme("file")
	if err != nil {
		t.Fatal(err)
	}
	lazy, ok := repo.(*lazyFileRepository)
	if !ok {
		t.Fatalf("file repository is %T", repo)
	}
	if _, ok := lazy.fileRepository.(*lazyFileRepository); ok {
		t.Fatal("installed twice")
	}
}

func TestLazyWriterClosedUnwrittenKeepsFile(t *testing.T) {
	lazyFiles(t)
	dir := t.TempDir()
	old := filepath.Join(dir, "old.yaml")
	if err := os.WriteFile(old, []byte("old content"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := storage.Writer(storage.NewFileURI(old))
	if err != nil {
		t.Fatal(err)
	}
	if w.URI().Path() != old {
		t.Errorf("writer URI %v", w.URI())
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(old); err != nil || string(data) != "old content" {
		t.Errorf("after closing an unwritten writer: %q, %v", data, err)
	}
	// A new name is not created.
	fresh := filepath.Join(dir, "new.yaml")
	w, err = storage.Writer(storage.NewFileURI(fresh))
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	if _, err := os.Stat(fresh); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("an unwritten writer created %s: %v", fresh, err)
	}
}

func TestLazyWriterWriteReplaces(t *testing.T) {
	lazyFiles(t)
	dir := t.TempDir()
	old := filepath.Join(dir, "old.txt")
	if err := os.WriteFile(old, []byte("old content, longer"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := storage.Writer(storage.NewFileURI(old))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("new")); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(" text")); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(old); err != nil || string(data) != "new text" {
		t.Errorf("after writing: %q, %v", data, err)
	}
	if _, err := w.Write([]byte("x")); err == nil {
		t.Error("wrote after Close")
	}
	// Opening errors come from the first Write.
	w, err = storage.Writer(storage.NewFileURI(filepath.Join(dir, "missing", "x.txt")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("x")); err == nil {
		t.Error("wrote into a missing folder")
	}
	w.Close()
}

func TestLazyFileRepositoryStillBrowses(t *testing.T) {
	lazyFiles(t)
	dir := t.TempDir()
	for _, name := range []string{"a.yaml", "b.pdf"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	u := storage.NewFileURI(dir)
	if ok, err := storage.CanList(u); !ok || err != nil {
		t.Fatalf("CanList: %v %v", ok, err)
	}
	items, err := storage.List(u)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, it := range items {
		names = append(names, it.Name())
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"a.yaml", "b.pdf"}) {
		t.Errorf("listed %v", names)
	}
	child, err := storage.Child(u, "a.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if parent, err := storage.Parent(child); err != nil || filepath.Clean(parent.Path()) != dir {
		t.Errorf("parent %v, %v", parent, err)
	}
	if ok, _ := storage.Exists(child); !ok {
		t.Error("a.yaml does not exist")
	}
	if err := storage.Copy(child, storage.NewFileURI(filepath.Join(dir, "c.yaml"))); err != nil {
		t.Error(err)
	}
	if err := storage.CreateListable(storage.NewFileURI(filepath.Join(dir, "sub"))); err != nil {
		t.Error(err)
	}
	if _, err := storage.ListerForURI(u); err != nil {
		t.Error(err)
	}
}

// TestFailedSaveAsKeepsOldFile drives Save As over an existing file through
// Fyne's file dialog, with the atomic write failing: the old file must keep
// its bytes.
func TestFailedSaveAsKeepsOldFile(t *testing.T) {
	e, w := newTestEditor(t)
	path, before := openBakeryFile(t, e)
	moveFirstNote(t, e, "key_partners", "channels")
	saveFile = func(string, *bmc.Canvas) error { return errors.New("disk full") }
	t.Cleanup(func() { saveFile = bmc.SaveFile })

	e.SaveAs()
	var name *widget.Entry
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if en, ok := o.(*widget.Entry); ok && en.Text == "bakery.yaml" {
			name = en
		}
	}
	if name == nil {
		t.Fatal("no file name entry in the Save dialog")
	}
	tapButton(t, w, "Save")
	tapButton(t, w, "Yes") // Overwrite?
	if msg := overlayText(w); !bytes.Contains([]byte(msg), []byte("Could not save")) {
		t.Errorf("dialog:\n%s", msg)
	}
	after, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("a failed Save As harmed the old file: %v, %d bytes → %d", err, len(before), len(after))
	}
	if !e.doc.Dirty() {
		t.Error("a failed save cleaned the document")
	}
}
