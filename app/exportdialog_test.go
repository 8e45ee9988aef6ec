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

// The Export dialog offers the poster as PNG and SVG: PNG asks a
// resolution; tiling is for the PDF only; data formats take none of the
// poster's choices.
func TestExportFormPictures(t *testing.T) {
	e, _ := newTestEditor(t)
	openBakeryFile(t, e)
	f := newExportForm(defaultExportOptions(), e.doc.Canvas())
	if !f.resolution.Disabled() || f.tile.Disabled() {
		t.Errorf("PDF: resolution disabled %v, tile disabled %v", f.resolution.Disabled(), f.tile.Disabled())
	}
	for _, c := range pictureFormatChoices {
		f.format.SetSelected(c.label)
		got, ok := f.pictureFormat()
		if !ok || got != c.format {
			t.Fatalf("%q gives %q", c.label, got)
		}
		if f.resolution.Disabled() != (c.format != export.PNG) || !f.tile.Disabled() || f.paper.Disabled() || f.ink.Disabled() {
			t.Errorf("%s: resolution disabled %v, tile disabled %v, paper disabled %v", c.format, f.resolution.Disabled(), f.tile.Disabled(), f.paper.Disabled())
		}
	}
	f.format.SetSelected(pictureFormatChoices[0].label)
	f.resolution.SetSelected("300 dpi (print)")
	if f.dpi() != 300 {
		t.Errorf("dpi %g, want 300", f.dpi())
	}
	f.format.SetSelected(dataFormatChoices[0].label)
	if !f.paper.Disabled() || !f.resolution.Disabled() || !f.focus.Disabled() {
		t.Error("Markdown: the poster's choices stay enabled")
	}
	f.format.SetSelected(formatPDF)
	if f.paper.Disabled() || f.tile.Disabled() {
		t.Error("back to PDF: paper or tile disabled")
	}
}

// writePictures writes one picture per page of the poster, as the command
// line does, and the editor refuses a picture over the canvas.
func TestExportPictures(t *testing.T) {
	e, w := newTestEditor(t)
	path, before := openBakeryFile(t, e)
	out := filepath.Join(t.TempDir(), "slide.png")
	names, _, err := writePictures(out, path, e.doc.Canvas(), export.Options{Paper: "A4"}, export.PNG, 30)
	if err != nil || len(names) != 1 || names[0] != out {
		t.Fatalf("wrote %v: %v", names, err)
	}
	if data, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(data, []byte("\x89PNG")) {
		t.Fatalf("slide.png: %v", err)
	}
	e.ExportPicturesTo(path, export.Options{}, export.SVG, 0)
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("an SVG export replaced the canvas")
	}
	if msg := overlayText(w); !strings.Contains(msg, "Export refused") || !strings.Contains(msg, "an SVG picture cannot replace it") {
		t.Errorf("dialog:\n%s", msg)
	}
}
