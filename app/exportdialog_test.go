package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/export"
)

func TestExportOntoCanvasIsRefused(t *testing.T) {
	e, w := newTestEditor(t)
	path, before := openBakeryFile(t, e)
	e.ExportTo(path, defaultExportOptions())
	after, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(before, after) {
		t.Fatalf("exporting onto the canvas changed it: %v, %d bytes → %d", err, len(before), len(after))
	}
	if msg := overlayText(w); !strings.Contains(msg, "Export refused") || !strings.Contains(msg, "bakery.yaml") {
		t.Errorf("dialog:\n%s", msg)
	}
	if e.doc.Path != path {
		t.Errorf("document path %q", e.doc.Path)
	}
}

func TestPDFTarget(t *testing.T) {
	dir := t.TempDir()
	canvas := filepath.Join(dir, "plan.yaml")
	if err := os.WriteFile(canvas, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "plan.pdf")
	if err := os.Symlink(canvas, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard")
	if err := os.Link(canvas, hard+".pdf"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{filepath.Join(dir, "out.pdf"), filepath.Join(dir, "out.pdf")},
		{filepath.Join(dir, "out"), filepath.Join(dir, "out.pdf")},
		{filepath.Join(dir, "out.PDF"), filepath.Join(dir, "out.PDF")},
		{canvas, ""},
		{filepath.Join(dir, "other.yml"), ""},
		{filepath.Join(dir, "OTHER.YAML"), ""},
		{link, ""},
		{hard, ""},
	} {
		got, err := pdfTarget(tc.in, canvas)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("pdfTarget(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	// An untitled canvas refuses only canvas files.
	if got, err := pdfTarget(link, ""); err != nil || got != link {
		t.Errorf("untitled: %q, %v", got, err)
	}
}

// The export dialog offers the inks and keeps the choice.
func TestExportFormInk(t *testing.T) {
	e, _ := newTestEditor(t)
	openBakeryFile(t, e)
	c := e.doc.Canvas()
	for _, ink := range []export.Ink{export.InkColor, export.InkLight, export.InkMono} {
		f := newExportForm(export.Options{Paper: export.DefaultPaper, Ink: ink}, c)
		if got := f.options(export.Options{}).Ink; got != ink {
			t.Errorf("ink %s came back as %s (shown %q)", ink, got, f.ink.Selected)
		}
	}
	f := newExportForm(defaultExportOptions(), c)
	f.ink.SetSelected("Black and white")
	if got := f.options(defaultExportOptions()).Ink; got != export.InkMono {
		t.Errorf("choosing black and white gives ink %q", got)
	}
}
