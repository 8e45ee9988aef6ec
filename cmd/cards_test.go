package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestCardsNextToInput(t *testing.T) {
	in := copyExample(t, "bakery")
	code, out, errs := run(t, "cards", in)
	want := strings.TrimSuffix(in, ".yaml") + "-cards.pdf"
	if code != ExitOK || !strings.Contains(out, "wrote "+want) {
		t.Fatalf("code %d, out %q, errs %q", code, out, errs)
	}
	isPDF(t, want)
	n, size := pages(t, want)
	if n != "2" || !strings.Contains(size, "(A4)") { // 8 hypotheses, four cards a sheet
		t.Errorf("pages %s, size %s; want 2 A4 sheets", n, size)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", want, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(string(text)), " ")
		for _, h := range []string{"Leftover-bag app sells unsold bread at closing", "Plan tomorrow's quantities to cut waste"} {
			if !strings.Contains(flat, h) {
				t.Errorf("%q not on the cards", h)
			}
		}
	}
}

// The output is checked as export checks it: a canvas is never replaced.
func TestCardsRefuseToReplaceACanvas(t *testing.T) {
	in := copyExample(t, "bakery")
	other := copyExample(t, "designer")
	before, _ := os.ReadFile(other)
	code, _, errs := run(t, "cards", in, "-o", other)
	if code != ExitUsage || !strings.Contains(errs, "is a canvas, not a PDF") {
		t.Errorf("code %d, errs %q", code, errs)
	}
	if after, _ := os.ReadFile(other); string(after) != string(before) {
		t.Error("the canvas was changed")
	}
	if code, _, errs := run(t, "cards", in, "-o", in); code != ExitUsage || !strings.Contains(errs, "replace the canvas") {
		t.Errorf("same file: code %d, errs %q", code, errs)
	}
}

func TestCardsProblems(t *testing.T) {
	dir := t.TempDir()
	none := filepath.Join(dir, "none.yaml")
	if err := os.WriteFile(none, []byte("format: bmcanvas/1\ntemplate: lean\nblocks:\n  problem: [Queues]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"cards"}, ExitUsage, "name one canvas file"},
		{[]string{"cards", none, "--paper", "B7"}, ExitUsage, "unknown paper"},
		{[]string{"cards", none}, ExitUsage, "no hypotheses"},
		{[]string{"cards", filepath.Join(dir, "missing.yaml")}, ExitUsage, "missing.yaml"},
	} {
		code, _, errs := run(t, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.msg) {
			t.Errorf("%v: code %d, errs %q; want %d and %q", tc.args, code, errs, tc.code, tc.msg)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "none-cards.pdf")); err == nil {
		t.Error("a PDF was written for a canvas without hypotheses")
	}
}
