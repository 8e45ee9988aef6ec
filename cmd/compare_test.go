package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportCompare(t *testing.T) {
	dir := t.TempDir()
	new := saveCanvas(t, dir, "new.yaml", bakeryEdited(t))
	out := filepath.Join(dir, "changes.pdf")
	code, stdout, errs := run(t, "export", new, "--compare", examples+"bakery.yaml", "-o", out, "--paper", "A3")
	if code != ExitOK || errs != "" || !strings.Contains(stdout, "wrote "+out) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	if data, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("no PDF: %v", err)
	}
	for _, tt := range []struct {
		old, err string
	}{
		{filepath.Join(dir, "nope.yaml"), "export: --compare: " + filepath.Join(dir, "nope.yaml") + ": cannot open"},
		{write(t, "bad.yaml", "format: bmcanvas/1\n"), `missing "template:"`},
	} {
		code, _, errs := run(t, "export", new, "--compare", tt.old, "-o", out)
		if code != ExitUsage || !strings.Contains(errs, tt.err) {
			t.Errorf("--compare %s: exit %d, stderr %q; want %q", tt.old, code, errs, tt.err)
		}
	}
	if code, _, errs := run(t, "export", "-h"); code != ExitOK || !strings.Contains(errs, "-compare") {
		t.Errorf("help: %q", errs)
	}
}
