package cmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// run runs the command line without an editor and returns exit code,
// stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runWin(t, Window{}, args...)
}

func runWith(t *testing.T, editor func(string) error, args ...string) (int, string, string) {
	t.Helper()
	return runWin(t, Window{Editor: editor}, args...)
}

// runWin runs the command line with the given app window functions.
func runWin(t *testing.T, win Window, args ...string) (int, string, string) {
	t.Helper()
	var out, errs bytes.Buffer
	code := Main(args, &out, &errs, win)
	return code, out.String(), errs.String()
}

func write(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const examples = "../assets/examples/"

func TestMainDispatch(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		out, err string
	}{
		{nil, ExitOK, "Commands:", ""},
		{[]string{"help"}, ExitOK, "validate   check canvas files", ""},
		{[]string{"--help"}, ExitOK, "Usage:", ""},
		{[]string{"help", "new"}, ExitOK, "", "Usage: bmcanvas new"},
		{[]string{"help", "help"}, ExitOK, "Commands:", ""},
		{[]string{"help", "-h"}, ExitOK, "Commands:", ""},
		{[]string{"help", "nwe"}, ExitUsage, "", `unknown command "nwe" (did you mean "new"?)`},
		{[]string{"version"}, ExitOK, "bmcanvas dev", ""},
		{[]string{"--version"}, ExitOK, "bmcanvas ", ""},
		{[]string{"valdate", "x"}, ExitUsage, "", `unknown command "valdate" (did you mean "validate"?)`},
		{[]string{"--frobnicate"}, ExitUsage, "", "unknown flag --frobnicate"},
		{[]string{"validate"}, ExitUsage, "", "name at least one canvas file"},
		{[]string{"validate", "-x", "a.yaml"}, ExitUsage, "", "flag provided but not defined: -x"},
		{[]string{"new", "-h"}, ExitOK, "", "-template"},
		{[]string{"export", "x.yaml", "--dpi", "abc"}, ExitUsage, "", "invalid value \"abc\" for flag -dpi: parse error\nRun 'bmcanvas export -h' for its usage.\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := run(t, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errs, tt.err) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", code, out, errs, tt.code, tt.out, tt.err)
			}
		})
	}
}

// TestBadFlagKeepsMessageInSight checks that a bad flag or value gets its
// message and a pointer to -h, not the command's whole usage, and that -h
// still prints the whole usage afterwards.
func TestBadFlagKeepsMessageInSight(t *testing.T) {
	for _, args := range [][]string{{"export", "x.yaml", "--dpi", "abc"}, {"diff", "--bogus", "a", "b"}, {"validate", "-x", "a.yaml"}} {
		code, _, errs := run(t, args...)
		if code != ExitUsage || strings.Contains(errs, "Options:") || strings.Count(errs, "\n") != 2 {
			t.Errorf("%q: exit %d, stderr %q; want the error and the -h hint only", args, code, errs)
		}
	}
	if code, _, errs := run(t, "export", "-h"); code != ExitOK || !strings.Contains(errs, "Options:") || !strings.Contains(errs, "-dpi float") {
		t.Errorf("export -h: exit %d, stderr %q", code, errs)
	}
}

func TestEditorComparing(t *testing.T) {
	var opened []string
	win := Window{
		Editor: func(path string) error { opened = append(opened, path); return nil },
		EditorComparing: func(path string, old *bmc.Canvas, name string) error {
			opened = append(opened, path+" < "+name+" "+old.Title)
			return nil
		},
	}
	path, old := write(t, "x.yaml", ""), copyExample(t, "bakery")
	for _, args := range [][]string{{path, "--compare", old}, {path, "-compare", old}, {path, "--compare=" + old}} {
		if code, _, errs := runWin(t, win, args...); code != ExitOK || errs != "" {
			t.Errorf("%q: exit %d, %q", args, code, errs)
		}
	}
	if want := strings.Repeat(","+path+" < bakery.yaml Corner Bakery", 3)[1:]; strings.Join(opened, ",") != want {
		t.Errorf("opened %q, want %q", opened, want)
	}
	opened = nil
	missing := filepath.Join(t.TempDir(), "nope.yaml")
	if code, _, errs := runWin(t, win, path, "--compare", missing); code != ExitUsage || !strings.Contains(errs, "--compare: "+missing+": cannot open") {
		t.Errorf("a missing old version: exit %d, %q", code, errs)
	}
	broken := write(t, "broken.yaml", "format: bmcanvas/1\ntemplate: lean\ntitle: [\n")
	if code, _, errs := runWin(t, win, path, "--compare", broken); code != ExitUsage || !strings.Contains(errs, "broken.yaml:") {
		t.Errorf("a broken old version: exit %d, %q", code, errs)
	}
	for _, args := range [][]string{{path, "--compare"}, {path, "--compare="}, {path, "--compar", old}, {path, "--compare", old, old}} {
		if code, _, errs := runWin(t, win, args...); code != ExitUsage || !strings.Contains(errs, "--compare OLD (a file, or git's REV:PATH)") {
			t.Errorf("%q: exit %d, %q", args, code, errs)
		}
	}
	if len(opened) > 0 {
		t.Errorf("opened %q", opened)
	}
	if _, out, _ := runWin(t, win, "help"); !strings.Contains(out, "--compare OLD.yaml") {
		t.Errorf("the usage does not name --compare:\n%s", out)
	}
}

func TestEditorHook(t *testing.T) {
	var opened []string
	editor := func(path string) error { opened = append(opened, path); return nil }
	path := write(t, "x.yaml", "")
	if code, _, _ := runWith(t, editor); code != ExitOK {
		t.Errorf("no argument: exit %d", code)
	}
	if code, _, _ := runWith(t, editor, path); code != ExitOK {
		t.Errorf("a file: exit %d", code)
	}
	if code, _, _ := runWith(t, editor, "not-yet.yml"); code != ExitOK {
		t.Errorf("a new .yml file: exit %d", code)
	}
	if code, _, errs := runWith(t, editor, "exprot"); code != ExitUsage || !strings.Contains(errs, `did you mean "export"`) {
		t.Errorf("a typo opened the editor: %d %q", code, errs)
	}
	if strings.Join(opened, ",") != ","+path+",not-yet.yml" {
		t.Errorf("opened %q", opened)
	}
	failing := func(string) error { return errors.New("x.yaml: cannot open the editor's window") }
	if code, _, errs := runWith(t, failing, path); code != ExitUsage || errs != "bmcanvas: x.yaml: cannot open the editor's window\n" {
		t.Errorf("a failing editor: exit %d, %q", code, errs)
	}
	// Without an editor, a file name is not a command.
	if code, _, errs := run(t, path); code != ExitUsage || !strings.Contains(errs, "unknown command") {
		t.Errorf("no editor: exit %d, %q", code, errs)
	}
}

func TestValidate(t *testing.T) {
	bad := write(t, "bad.yaml", "format: bmcanvas/1\ntemplate: lean\ntitel: x\nblocks:\n  problem:\n    - {id: a, color: bleu}\n")
	code, out, _ := run(t, "validate", examples+"bakery.yaml", bad, examples+"startup.yaml")
	if code != ExitProblems {
		t.Errorf("exit %d, want 1", code)
	}
	want := examples + "bakery.yaml: ok (Business Model Canvas, 38 notes)\n" +
		bad + `: line 3, column 1: canvas: unknown key "titel" (did you mean "title"?)` + "\n" +
		bad + `: line 6, column 22: unknown colour "bleu" (did you mean "blue"?); colours are yellow, orange, pink, green, blue, purple, grey` + "\n" +
		examples + "startup.yaml: ok (Lean Canvas, 33 notes)\n"
	if out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
	if code, out, _ := run(t, "validate", "-q", examples+"designer.yaml"); code != ExitOK || out != "" {
		t.Errorf("-q: exit %d, %q", code, out)
	}
	if code, _, errs := run(t, "validate", "missing.yaml"); code != ExitUsage || errs != "bmcanvas validate: missing.yaml: cannot open: no such file or directory\n" {
		t.Errorf("missing file: exit %d, %q", code, errs)
	}
}

func TestNew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "me.yaml")
	code, out, errs := run(t, "new", "--template", "personal", "-o", path, "--title", "Me")
	if code != ExitOK || !strings.Contains(out, "wrote "+path) {
		t.Fatalf("exit %d %q %q", code, out, errs)
	}
	c, err := bmc.LoadFile(path)
	if err != nil || c.TemplateID != "personal" || c.Title != "Me" || c.Date == "" {
		t.Fatalf("%+v %v", c, err)
	}
	if code, _, errs := run(t, "new", "-o", path); code != ExitUsage || errs != "bmcanvas new: "+path+": already exists; use --force to replace it\n" {
		t.Errorf("overwrite without --force: %d %q", code, errs)
	}
	if code, _, _ := run(t, "new", "--force", "-o", path); code != ExitOK {
		t.Errorf("overwrite with --force: %d", code)
	}
	if code, _, _ := run(t, "new", "-f", "-o", path); code != ExitOK {
		t.Errorf("overwrite with -f: %d", code)
	}
	dir := t.TempDir()
	if code, _, errs := run(t, "new", "--force", "-o", dir); code != ExitUsage || errs != "bmcanvas new: "+dir+": is a folder; name the canvas file to write with -o\n" {
		t.Errorf("a folder: %d %q", code, errs)
	}
	if code, _, errs := run(t, "new", "--template", "leen", "-o", "-"); code != ExitUsage || !strings.Contains(errs, `did you mean "lean"`) {
		t.Errorf("bad template: %d %q", code, errs)
	}
	if code, out, _ := run(t, "new", "--template", "lean", "-o", "-"); code != ExitOK || !strings.HasPrefix(out, "format: bmcanvas/1\ntemplate: lean\n") {
		t.Errorf("stdout: %d %q", code, out)
	}
	if code, _, errs := run(t, "new"); code != ExitUsage || !strings.Contains(errs, "-o FILE.yaml") {
		t.Errorf("no -o: %d %q", code, errs)
	}
}

func TestLint(t *testing.T) {
	clean := write(t, "clean.yaml", `format: bmcanvas/1
template: lean
blocks:
  problem: [{id: p, text: Slow repairs, segments: [s]}]
  solution: [{id: so, text: Booking}]
  key_metrics: [{id: k, text: Bookings}]
  unique_value_proposition: [{id: u, text: Fix it fast, segments: [s]}]
  unfair_advantage: []
  channels: [{id: c, text: Posters, segments: [s]}]
  customer_segments: [{id: s, text: Tinkerers}]
  cost_structure: [{id: co, text: Hosting, links: [so]}]
  revenue_streams: [{id: r, text: Fees, segments: [s], links: [u], status: hypothesis}]
`)
	code, out, _ := run(t, "lint", clean)
	want := clean + ": line 8, column 3: hint: Unfair Advantage is empty: what do you have that cannot easily be copied or bought? [empty-block]\n" +
		clean + ": line 12, column 21: hint: “Fees” is a hypothesis with no evidence yet: test it and note what you learn [hypothesis-without-evidence]\n" +
		clean + ": 0 errors, 2 hints\n"
	if code != ExitOK || out != want {
		t.Errorf("exit %d, stdout:\n%s\nwant:\n%s", code, out, want)
	}
	if code, _, _ := run(t, clean, "--strict"); code != ExitUsage {
		t.Errorf("file then flag without command: %d", code)
	}
	if code, _, _ := run(t, "lint", clean, "--strict"); code != ExitProblems {
		t.Errorf("--strict with hints: exit %d, want 1", code)
	}
	code, out, _ = run(t, "lint", "--json", examples+"startup.yaml")
	var results []map[string]any
	if err := json.Unmarshal([]byte(out), &results); err != nil || code != ExitProblems || len(results) == 0 {
		t.Fatalf("--json: exit %d, %v\n%s", code, err, out)
	}
	first := results[0]
	for _, key := range []string{"file", "line", "rule", "severity", "block", "note", "message"} {
		if _, ok := first[key]; !ok {
			t.Errorf("--json result lacks %q: %v", key, first)
		}
	}
	broken := write(t, "broken.yaml", "format: bmcanvas/1\n")
	if code, _, errs := run(t, "lint", broken); code != ExitProblems || !strings.Contains(errs, `missing "template:"`) {
		t.Errorf("invalid file: %d %q", code, errs)
	}
}

// The version set at build time with -ldflags "-X
// github.com/bmcanvas/bmcanvas/cmd.version=…" is what version prints.
func TestVersionFromLinker(t *testing.T) {
	version = "v1.2.3"
	defer func() { version = "" }()
	if code, out, _ := run(t, "version"); code != ExitOK || out != "bmcanvas v1.2.3\n" {
		t.Errorf("exit %d, %q", code, out)
	}
}
