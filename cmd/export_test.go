package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// copyExample copies a bundled example into a fresh folder.
func copyExample(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(examples + name + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	return write(t, name+".yaml", string(data))
}

func isPDF(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no PDF: %v", err)
	}
	if !strings.HasPrefix(string(data), "%PDF-") || !strings.Contains(string(data[len(data)-10:]), "%%EOF") {
		t.Fatalf("%s is not a whole PDF", path)
	}
}

// pages returns pdfinfo's page count and size of the first page, or skips.
func pages(t *testing.T, path string) (string, string) {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdfinfo is not installed: make deps installs poppler-utils, and CI must not skip these checks")
		}
		t.Skip("pdfinfo is not installed (make deps)")
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var n, size string
	for _, l := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && k == "Pages" {
			n = strings.TrimSpace(v)
		} else if ok && k == "Page size" {
			size = strings.TrimSpace(v)
		}
	}
	return n, size
}

func TestExportNextToInput(t *testing.T) {
	in := copyExample(t, "bakery")
	code, out, errs := run(t, "export", in)
	want := strings.TrimSuffix(in, ".yaml") + ".pdf"
	if code != ExitOK || !strings.Contains(out, "wrote "+want) {
		t.Fatalf("exit %d, out %q, err %q", code, out, errs)
	}
	isPDF(t, want)
	if n, size := pages(t, want); n != "1" || !strings.HasPrefix(size, "2383.94 x 1683.78") {
		t.Errorf("%s pages of %s; want one A1 landscape page", n, size)
	}
}

func TestExportOptions(t *testing.T) {
	in := copyExample(t, "designer")
	dir := filepath.Dir(in)
	for _, tc := range []struct {
		args  []string
		pages string
		size  string
	}{
		{[]string{"--paper", "A4", "--portrait"}, "1", "595.28 x 841.89"},
		{[]string{"--paper=a3", "--frontstage"}, "1", "1190.55 x 841.89"},
		{[]string{"--blank", "--paper", "600x400"}, "1", "1700.79 x 1133.86"},
		{[]string{"--tile", "A4"}, "15", "595.28 x 841.89"},
		{[]string{"--paper", "A2", "--tile", "Letter"}, "8", "612 x 792"},
	} {
		out := filepath.Join(dir, "out.pdf")
		args := append([]string{"export", in, "-o", out}, tc.args...)
		if code, _, errs := run(t, args...); code != ExitOK {
			t.Fatalf("%q: exit %d: %s", args, code, errs)
		}
		if n, size := pages(t, out); n != tc.pages || !strings.HasPrefix(size, tc.size) {
			t.Errorf("%q: %s pages of %s; want %s of %s", args, n, size, tc.pages, tc.size)
		}
	}
}

// Warnings go to standard error and the export still succeeds. (Emoji
// print; a private-use character no font has does not.)
func TestExportWarnings(t *testing.T) {
	in := write(t, "emoji.yaml", "format: bmcanvas/1\ntemplate: lean\ntitle: \"Launch 🚀\"\nblocks:\n  problem:\n    - {id: p1, text: \"Queues 😩 and \\U0010FFFD\"}\n")
	code, out, errs := run(t, "export", in, "-o", filepath.Join(filepath.Dir(in), "e.pdf"), "--frontstage")
	if code != ExitOK || !strings.Contains(out, "wrote") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errs)
	}
	for _, s := range []string{"warning", "U+10FFFD", "note p1", "no backstage"} {
		if !strings.Contains(errs, s) {
			t.Errorf("stderr lacks %q:\n%s", s, errs)
		}
	}
	isPDF(t, filepath.Join(filepath.Dir(in), "e.pdf"))
}

// --ink chooses how much colour the poster spends; an unknown ink is a
// usage error.
func TestExportInk(t *testing.T) {
	in := write(t, "plan.yaml", "format: bmcanvas/1\ntemplate: lean\nblocks:\n  problem:\n    - {id: p1, text: Queues}\n")
	for _, ink := range []string{"color", "light", "mono"} {
		out := filepath.Join(filepath.Dir(in), ink+".pdf")
		if code, _, errs := run(t, "export", in, "--ink", ink, "-o", out); code != ExitOK {
			t.Errorf("--ink %s: exit %d: %s", ink, code, errs)
		}
		isPDF(t, out)
	}
	code, _, errs := run(t, "export", in, "--ink", "sepia")
	if code != ExitUsage || !strings.Contains(errs, `unknown ink "sepia"`) {
		t.Errorf("--ink sepia: exit %d: %s", code, errs)
	}
}

func TestExportErrors(t *testing.T) {
	bad := write(t, "bad.yaml", "format: bmcanvas/1\ntemplate: lean\nblocks:\n  problem:\n    - {id: a, text: x, color: bleu}\n")
	good := copyExample(t, "startup")
	dir := filepath.Dir(good)
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{bad}, ExitProblems, `line 5, column 31: unknown colour "bleu"`},
		{[]string{filepath.Join(dir, "missing.yaml")}, ExitUsage, "missing.yaml"},
		{[]string{}, ExitUsage, "name one canvas file"},
		{[]string{good, good}, ExitUsage, "name one canvas file"},
		{[]string{good, "--paper", "B5"}, ExitUsage, `--paper: unknown paper "B5"`},
		{[]string{good, "--tile", "huge"}, ExitUsage, `--tile: unknown paper "huge"`},
		{[]string{good, "--paper", "A4", "--tile", "A4"}, ExitUsage, "no bigger than one A4 sheet"},
		{[]string{good, "--paper", "5000x5000", "--tile", "100x100"}, ExitUsage, "would take 5,100 sheets (75 rows of 68); at most 400 are printed"},
		{[]string{good, "--font", filepath.Join(dir, "none.ttf")}, ExitUsage, "none.ttf"},
		{[]string{good, "-o", good}, ExitUsage, "the PDF would replace the canvas it is printed from"},
		{[]string{good, "-o", filepath.Join(dir, "no", "such", "dir.pdf")}, ExitUsage, "dir.pdf"},
		{[]string{good, "--bogus"}, ExitUsage, "flag provided but not defined"},
	} {
		code, _, errs := run(t, append([]string{"export"}, tc.args...)...)
		if code != tc.code || !strings.Contains(errs, tc.err) {
			t.Errorf("export %q: exit %d, stderr %q; want %d and %q", tc.args, code, errs, tc.code, tc.err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "startup.pdf")); err == nil {
		t.Error("a failed export left a PDF behind")
	}
}

// A failed export leaves an existing PDF as it was, and no temporary file.
func TestExportFailureKeepsOldPDF(t *testing.T) {
	in := copyExample(t, "startup")
	out := strings.TrimSuffix(in, ".yaml") + ".pdf"
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := run(t, "export", in, "--font", in); code != ExitUsage {
		t.Fatalf("exporting with a YAML file as font: exit %d", code)
	}
	if data, _ := os.ReadFile(out); string(data) != "old" {
		t.Errorf("the old PDF became %.20q", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(in))
	if len(entries) != 2 {
		t.Errorf("files left: %v", entries)
	}
}

func TestPoster(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tc := range []struct {
		args []string
		file string
		size string
	}{
		{nil, "business-model-canvas-A1.pdf", "2383.94 x 1683.78"},
		{[]string{"--template", "personal", "--paper", "A0"}, "personal-A0.pdf", "3370.39 x 2383.94"},
		{[]string{"--template", "lean", "--paper", "ansi c", "--portrait"}, "lean-ANSI-C.pdf", "1224 x 1584"},
		{[]string{"--template", "lean", "-o", "blank.pdf"}, "blank.pdf", "2383.94 x 1683.78"},
	} {
		code, out, errs := run(t, append([]string{"poster"}, tc.args...)...)
		if code != ExitOK || !strings.Contains(out, "wrote "+tc.file) {
			t.Fatalf("poster %q: exit %d, out %q, err %q", tc.args, code, out, errs)
		}
		if n, size := pages(t, tc.file); n != "1" || !strings.HasPrefix(size, tc.size) {
			t.Errorf("poster %q: %s pages of %s", tc.args, n, size)
		}
	}
	for _, tc := range []struct {
		args []string
		err  string
	}{
		{[]string{"--template", "lean-canvas"}, `unknown template "lean-canvas"`},
		{[]string{"--paper", "Z9"}, `unknown paper "Z9"`},
		{[]string{"canvas.yaml"}, "bmcanvas export --blank"},
	} {
		if code, _, errs := run(t, append([]string{"poster"}, tc.args...)...); code != ExitUsage || !strings.Contains(errs, tc.err) {
			t.Errorf("poster %q: exit %d, stderr %q", tc.args, code, errs)
		}
	}
}

func TestExportHelp(t *testing.T) {
	for _, name := range []string{"export", "poster"} {
		code, _, errs := run(t, name, "-h")
		if code != ExitOK || !strings.Contains(errs, "-paper") || !strings.Contains(errs, "-tile") {
			t.Errorf("%s -h: exit %d:\n%s", name, code, errs)
		}
	}
}

func TestExportFocus(t *testing.T) {
	in := copyExample(t, "bakery")
	out := filepath.Join(filepath.Dir(in), "focus.pdf")
	if code, _, errs := run(t, "export", in, "--focus", "n2", "-o", out, "--paper", "A3"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	isPDF(t, out)
	// Any note can be in focus: a key partner's poster names it, and its
	// chain (the baking it supplies, the propositions that needs) stays
	// clear while the rest fades.
	if code, _, errs := run(t, "export", in, "--focus", "n30", "-o", out, "--paper", "A3"); code != ExitOK {
		t.Fatalf("focus on a partner: exit %d: %s", code, errs)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is missing: install poppler-utils")
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"FOCUSED ON MOLINO RUIZ – ORGANIC FLOUR", "Baking from 3 am", "Celebration cakes to order"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the partner's poster lacks %q:\n%.600s", want, text)
		}
	}
	code, _, errs := run(t, "export", in, "--focus", "n99", "-o", out)
	if code != ExitUsage || !strings.Contains(errs, `--focus "n99" is no note on the canvas`) || !strings.Contains(errs, "n2 (") {
		t.Errorf("focus on no note: exit %d, %q", code, errs)
	}
}
