package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/bmc/formats"
)

func TestOpenImportsMarkdown(t *testing.T) {
	e, w := newTestEditor(t)
	path := filepath.Join(t.TempDir(), "plan.md")
	os.WriteFile(path, []byte("# Plan\n\n## Customer Segments\n- Students\n\nA paragraph.\n\n## Channels\n- Campus fairs\n"), 0o644)
	if err := e.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	c := e.doc.Canvas()
	if c.Title != "Plan" || c.NoteCount() != 2 || e.doc.Path != "" || !e.doc.Dirty() {
		t.Errorf("title %q, %d notes, path %q, dirty %v", c.Title, c.NoteCount(), e.doc.Path, e.doc.Dirty())
	}
	if e.doc.FileName() != "plan.yaml" || w.Title() != "• plan.md (imported) — bmcanvas" {
		t.Errorf("save as %q, title %q", e.doc.FileName(), w.Title())
	}
	msg := overlayText(w)
	for _, want := range []string{"Imported from Markdown", "plan.md became an untitled canvas of 2 notes",
		"## Channels (line 8) → Channels: 1 note", "plan.md: line 6, column 1: text that is not a bullet skipped"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the report does not say %q:\n%s", want, msg)
		}
	}
}

func TestOpenBadImportKeepsCanvas(t *testing.T) {
	e, w := newTestEditor(t)
	good, _ := openBakeryFile(t, e)
	before := e.doc.Canvas()
	bad := filepath.Join(t.TempDir(), "model.bmml")
	os.WriteFile(bad, []byte("channels:\n  - App Store\n"), 0o644)
	if err := e.OpenFile(bad); err == nil {
		t.Fatal("a bad file opened")
	}
	if e.doc.Canvas() != before || e.doc.Path != good {
		t.Errorf("the canvas changed: path %q", e.doc.Path)
	}
	if msg := overlayText(w); !strings.Contains(msg, "model.bmml: line 2, column 5: each entry of channels must be a mapping") {
		t.Errorf("dialog:\n%s", msg)
	}
}

func TestOpenOffersImportFiles(t *testing.T) {
	for _, ext := range []string{".yaml", ".yml", ".md", ".markdown", ".json", ".bmml"} {
		if !slices.Contains(openExtensions(), ext) {
			t.Errorf("File → Open does not offer %s", ext)
		}
	}
	if len(canvasExtensions) != 2 {
		t.Errorf("canvasExtensions changed: %v", canvasExtensions)
	}
}

func TestExportDataFormats(t *testing.T) {
	e, w := newTestEditor(t)
	path, before := openBakeryFile(t, e)
	f := newExportForm(defaultExportOptions(), e.doc.Canvas())
	if _, data := f.dataFormat(); data || f.format.Selected != formatPDF {
		t.Errorf("the dialog starts on %q", f.format.Selected)
	}
	dir := t.TempDir()
	for i, c := range dataFormatChoices {
		f.format.SetSelected(c.label)
		fm, data := f.dataFormat()
		if !data || fm != c.format {
			t.Fatalf("choice %q gives %q", c.label, fm)
		}
		out := filepath.Join(dir, "bakery"+strings.Repeat("x", i)) // no extension: the format's is added
		if err := e.ExportDataTo(out, fm); err != nil {
			t.Fatal(err)
		}
		c2, _, err := formats.ImportFile(out+fm.Extension(), fm, formats.Options{})
		if err != nil {
			t.Fatalf("read back %s: %v", fm, err)
		}
		if c2.NoteCount() != e.doc.Canvas().NoteCount() {
			t.Errorf("%s: %d notes, want %d", fm, c2.NoteCount(), e.doc.Canvas().NoteCount())
		}
		if msg := overlayText(w); !strings.Contains(msg, "Wrote "+out+fm.Extension()) {
			t.Errorf("dialog: %s", msg)
		}
	}
	// Never onto a canvas file.
	for _, target := range []string{path, filepath.Join(dir, "other.yaml")} {
		if err := e.ExportDataTo(target, formats.JSON); err == nil {
			t.Errorf("exported onto %s", target)
		}
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the canvas file changed")
	}
	if _, err := bmc.LoadFile(path); err != nil {
		t.Error(err)
	}
}
