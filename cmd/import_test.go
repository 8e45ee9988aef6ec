package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

const bmmlExamples = "../bmc/formats/testdata/bmml/"

func TestImportBMML(t *testing.T) {
	data, err := os.ReadFile(bmmlExamples + "meal-kit-full.bmml")
	if err != nil {
		t.Fatal(err)
	}
	in := write(t, "meal-kit.bmml", string(data))
	code, out, errs := run(t, "import", in)
	yaml := strings.TrimSuffix(in, ".bmml") + ".yaml"
	if code != ExitOK || !strings.Contains(out, "wrote "+yaml+" (Business Model Canvas, 27 notes)") ||
		!strings.Contains(out, "customer_segments.jobs (6) → the segment's note, listed under \"Jobs:\"") || errs != "" {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	if code, out, _ := run(t, "lint", yaml); code != ExitOK {
		t.Errorf("lint of the import: exit %d\n%s", code, out)
	}
	// Not over an existing file without -f.
	if code, _, errs := run(t, "import", in); code != ExitUsage || !strings.Contains(errs, "already exists; use -f") {
		t.Errorf("second import: exit %d, %s", code, errs)
	}
	if code, _, _ := run(t, "import", in, "-f"); code != ExitOK {
		t.Errorf("import -f: exit %d", code)
	}
}

func TestImportMarkdownToStdout(t *testing.T) {
	in := write(t, "plan.md", "# Plan\n\n## Customer Segments\n- Students\n\nA paragraph.\n")
	code, out, errs := run(t, "import", in, "-o", "-")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	c, err := bmc.Load("stdout", []byte(out))
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if c.Title != "Plan" || len(c.Segments()) != 1 {
		t.Errorf("title %q, %d segments", c.Title, len(c.Segments()))
	}
	if !strings.Contains(errs, in+": line 6, column 1: text that is not a bullet skipped") {
		t.Errorf("the report on standard error lacks the skipped paragraph:\n%s", errs)
	}
}

func TestImportProblems(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "bad.md")
	os.WriteFile(md, []byte("## Chanels\n- a\n"), 0o644)
	txt := filepath.Join(dir, "notes.txt")
	os.WriteFile(txt, []byte("## Channels\n- a\n"), 0o644)
	bmml := filepath.Join(dir, "m.bmml")
	os.WriteFile(bmml, []byte("meta: {name: x}\n"), 0o644)
	canvas := copyExample(t, "bakery")
	cases := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"import"}, ExitUsage, "import: name one file to import"},
		{[]string{"import", md, "-o", filepath.Join(dir, "x.yaml")}, ExitProblems, md + `: line 1, column 1: heading "Chanels" names no block of the Business Model Canvas, so its bullets have no place (did you mean "Channels"?)`},
		{[]string{"import", txt}, ExitUsage, "cannot tell the format of " + txt + " from its name: say it with --from md|json|bmml"},
		{[]string{"import", txt, "--from", "rst"}, ExitUsage, `unknown format "rst"; --from takes md, json, bmml`},
		{[]string{"import", canvas}, ExitUsage, "is a canvas file already"},
		{[]string{"import", bmml, "--template", "lean"}, ExitUsage, "--template is for Markdown; a BMML file gives its own template"},
		{[]string{"import", md, "--template", "leen"}, ExitUsage, `unknown template "leen" (did you mean "lean"?)`},
		{[]string{"import", filepath.Join(dir, "missing.md")}, ExitUsage, "missing.md: cannot open"},
		{[]string{"import", dir, "--from", "md", "-o", filepath.Join(dir, "y.yaml")}, ExitUsage, "is a folder, not a Markdown file"},
	}
	for _, tc := range cases {
		code, _, errs := run(t, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.err) {
			t.Errorf("%v: exit %d, %q; want %d, %q", tc.args, code, errs, tc.code, tc.err)
		}
	}
	if code, out, errs := run(t, "import", txt, "--from", "markdown", "--template", "lean", "-o", filepath.Join(dir, "lean.yaml")); code != ExitOK {
		t.Errorf("--from markdown --template lean: exit %d\n%s%s", code, out, errs)
	}
}

func TestExportDataFormats(t *testing.T) {
	in := copyExample(t, "bakery")
	base := strings.TrimSuffix(in, ".yaml")
	if code, out, errs := run(t, "export", in, "--format", "md"); code != ExitOK || !strings.Contains(out, "wrote "+base+".md") {
		t.Fatalf("--format md: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs := run(t, "export", in, "-o", base+"-data.json"); code != ExitOK || !strings.Contains(out, "wrote "+base+"-data.json") {
		t.Fatalf("-o x.json: exit %d\n%s%s", code, out, errs)
	}
	// What was written imports back.
	for _, f := range []string{base + ".md", base + "-data.json"} {
		if code, out, errs := run(t, "import", f, "-o", f+".yaml"); code != ExitOK {
			t.Errorf("import %s: exit %d\n%s%s", f, code, out, errs)
		}
	}
	if code, out, _ := run(t, "export", in, "--format", "JSON", "-o", "-"); code != ExitOK || !strings.HasPrefix(out, "{\n  \"format\": \"bmcanvas/1\",") {
		t.Errorf("--format JSON -o -: exit %d\n%.80s", code, out)
	}
	// A file that is not an earlier export is replaced only with --force.
	notes := base + "-notes.md"
	if err := os.WriteFile(notes, []byte("# My own notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		err  string
	}{
		{[]string{"export", in, "--format", "md", "--paper", "A3"}, "--paper shape a PDF; a md export takes none of them"},
		{[]string{"export", in, "--format", "bmml"}, `unknown --format "bmml"; export writes pdf, png, svg, md or json`},
		{[]string{"export", in, "--format", "md", "-o", base + ".json"}, "--format md, but -o " + base + ".json names a JSON file"},
		{[]string{"export", in, "--format", "json", "-o", base + ".pdf"}, "names a PDF file"},
		{[]string{"export", in, "--format", "json", "-o", base + "-copy.yaml"}, "names a canvas file, which the JSON must not replace; choose a name ending in .json"},
		{[]string{"export", in, "--format", "md", "-o", in}, "names a canvas file, which the Markdown must not replace"},
		{[]string{"export", in, "-o", notes}, notes + ": exists and is not a bmcanvas Markdown export; use --force to replace it"},
	}
	for _, tc := range cases {
		code, _, errs := run(t, tc.args...)
		if code != ExitUsage || !strings.Contains(errs, tc.err) {
			t.Errorf("%v: exit %d, %q; want %q", tc.args, code, errs, tc.err)
		}
	}
	if code, _, errs := run(t, "export", in, "-o", notes, "--force"); code != ExitOK {
		t.Errorf("--force: exit %d, %s", code, errs)
	}
	if code, _, errs := run(t, "export", in, "-o", notes); code != ExitOK {
		t.Errorf("replacing an earlier export: exit %d, %s", code, errs)
	}
}
