package cmd

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func pngSize(t *testing.T, path string) (int, int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return cfg.Width, cfg.Height
}

// export --format png|svg draws the poster as pictures: named after the
// canvas, after -o, or by -o's extension; at --dpi; with the poster's
// options.
func TestExportPictures(t *testing.T) {
	in := copyExample(t, "bakery")
	base := strings.TrimSuffix(in, ".yaml")
	if code, out, errs := run(t, "export", in, "--format", "png", "--paper", "A4", "--dpi", "50"); code != ExitOK || out != "wrote "+base+".png\n" {
		t.Fatalf("--format png: exit %d\n%s%s", code, out, errs)
	}
	// A4 landscape at 50 dpi: 297 and 210 mm
	if w, h := pngSize(t, base+".png"); w != 585 || h != 413 {
		t.Errorf("A4 at 50 dpi is %d×%d, want 585×413", w, h)
	}
	svg := filepath.Join(filepath.Dir(in), "slide.svg")
	if code, out, errs := run(t, "export", in, "-o", svg, "--frontstage", "--ink", "light", "--portrait", "--paper", "A3"); code != ExitOK || out != "wrote "+svg+"\n" {
		t.Fatalf("-o slide.svg: exit %d\n%s%s", code, out, errs)
	}
	data, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`width="297mm" height="420mm"`)) || !bytes.Contains(data, []byte("Corner Bakery")) {
		t.Errorf("slide.svg is not an A3 portrait poster of the bakery:\n%.400s", data)
	}
	if bytes.Contains(data, []byte("Molino Ruiz")) {
		t.Error("--frontstage: the backstage's Key Partners are in the SVG")
	}
	data, err = os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	old := write(t, "old.yaml", strings.Replace(string(data), "Deck oven", "Old oven", 1))
	changes := filepath.Join(filepath.Dir(in), "changes.png")
	if code, out, errs := run(t, "export", in, "--compare", old, "--focus", "n2", "--ink", "mono", "-o", changes, "--dpi", "20"); code != ExitOK || out != "wrote "+changes+"\n" {
		t.Fatalf("a change poster as PNG: exit %d\n%s%s", code, out, errs)
	}
}

// A poster with continuation pages gives one picture per page, named
// OUT, OUT-2, … and said so.
func TestExportPicturesOfManyPages(t *testing.T) {
	var b strings.Builder
	b.WriteString("format: bmcanvas/1\ntemplate: lean\nblocks:\n  problem:\n")
	for i := range 120 {
		fmt.Fprintf(&b, "    - {id: p%d, text: \"Problem %d: queues at the counter every morning, people leave before they are served and never come back\"}\n", i, i)
	}
	in := write(t, "long.yaml", b.String())
	out := filepath.Join(filepath.Dir(in), "long.png")
	code, stdout, errs := run(t, "export", in, "-o", out, "--paper", "A4", "--dpi", "20")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	second := filepath.Join(filepath.Dir(in), "long-2.png")
	if !strings.Contains(stdout, "wrote "+out+"\nwrote "+second+"\n") || !strings.Contains(errs, "pages, one picture each: "+out+", "+second) {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout, errs)
	}
	if w, _ := pngSize(t, second); w != 234 {
		t.Errorf("page 2 is %d wide, want A4's 234 pixels at 20 dpi", w)
	}
	// a shorter poster later: the old page 2 is named, not silently left
	bakery := copyExample(t, "bakery")
	if code, _, errs := run(t, "export", bakery, "-o", out, "--dpi", "20"); code != ExitOK || !strings.Contains(errs, second+" is left from an earlier export with more pages") {
		t.Errorf("exit %d, %q", code, errs)
	}
}

func TestExportPicturesRefuses(t *testing.T) {
	in := copyExample(t, "bakery")
	dir := filepath.Dir(in)
	notes := write(t, "notes.png", "my notes, not a picture")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "png", "--tile", "A4"}, "tiling cuts a poster into sheets to print and tape together, which a PNG picture is not"},
		{[]string{"--format", "svg", "--dpi", "150"}, "--dpi sets the resolution of a PNG; an SVG export takes none"},
		{[]string{"--dpi", "150"}, "--dpi sets the resolution of a PNG; a PDF export takes none"},
		{[]string{"--format", "png", "--dpi", "5"}, "a resolution of 5 dpi is out of range; choose from 10 to 1200"},
		{[]string{"--format", "png", "--paper", "A0", "--dpi", "600"}, "choose 212 dpi or less, or a smaller paper"},
		{[]string{"--format", "png", "--paper", "B9"}, "--paper:"},
		{[]string{"-o", notes}, notes + ": exists and is not a PNG picture; use --force to replace it"},
		{[]string{"--format", "png", "-o", in}, "the picture would replace the canvas it is drawn from"},
		{[]string{"--format", "md", "--dpi", "100"}, "--dpi sets the resolution of a PNG; an MD export takes none"},
		{[]string{"--format", "gif"}, `unknown --format "gif"; export writes pdf, png, svg, md or json`},
		{[]string{"--format", "png", "--focus", "zz"}, `--focus "zz" is no note on the canvas`},
		{[]string{"--format", "svg", "--compare", filepath.Join(dir, "missing.yaml")}, "--compare: "},
	} {
		code, _, errs := run(t, append([]string{"export", in}, tc.args...)...)
		if code != ExitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, errs, tc.want)
		}
	}
	if data, _ := os.ReadFile(notes); string(data) != "my notes, not a picture" {
		t.Error("notes.png was replaced")
	}
	if code, _, errs := run(t, "export", in, "-o", notes, "--force", "--dpi", "10"); code != ExitOK {
		t.Errorf("--force: exit %d: %s", code, errs)
	}
}

// BMML's own pair of versions (a photo-sharing app before and after its
// pivot), imported, make a real diff and change poster, as a PDF and as
// a PNG for slides.
func TestBMMLPivotChangePoster(t *testing.T) {
	dir := t.TempDir()
	v1, pivot := filepath.Join(dir, "v1.yaml"), filepath.Join(dir, "pivot.yaml")
	for _, tc := range [][2]string{{"photo-sharing-v1", v1}, {"photo-sharing-pivot", pivot}} {
		if code, _, errs := run(t, "import", bmmlExamples+tc[0]+".bmml", "-o", tc[1]); code != ExitOK {
			t.Fatalf("import %s: exit %d: %s", tc[0], code, errs)
		}
	}
	code, out, errs := run(t, "diff", v1, pivot)
	if code != 1 || !strings.Contains(out, "removed") || !strings.Contains(out, "added") {
		t.Fatalf("diff: exit %d\n%s%s", code, out, errs)
	}
	for _, ext := range []string{".pdf", ".png"} {
		poster := filepath.Join(dir, "pivot"+ext)
		args := []string{"export", pivot, "--compare", v1, "-o", poster}
		if ext == ".png" {
			args = append(args, "--dpi", "30")
		}
		code, stdout, errs := run(t, args...)
		if code != ExitOK || !strings.Contains(stdout, "wrote "+poster) {
			t.Fatalf("change poster %s: exit %d\n%s%s", ext, code, stdout, errs)
		}
	}
	if w, _ := pngSize(t, filepath.Join(dir, "pivot.png")); w != 993 {
		t.Errorf("the A1 change poster at 30 dpi is %d pixels wide, want 993", w)
	}
}

// The pictures of a many-page poster never replace the canvas (not even
// with --force) and are all checked before any is written.
func TestExportPicturesNeverReplaceTheCanvas(t *testing.T) {
	var b strings.Builder
	b.WriteString("format: bmcanvas/1\ntemplate: lean\nblocks:\n  problem:\n")
	for i := range 120 {
		fmt.Fprintf(&b, "    - {id: p%d, text: \"Problem %d: queues at the counter every morning, people leave before they are served and never come back\"}\n", i, i)
	}
	dir := t.TempDir()
	canvas := filepath.Join(dir, "p-2.yaml")
	if err := os.WriteFile(canvas, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-o", filepath.Join(dir, "p.yaml"), "--format", "svg", "--force"},
		{"-o", filepath.Join(dir, "p.yml"), "--format", "png", "--dpi", "20"},
	} {
		code, _, errs := run(t, append([]string{"export", canvas, "--paper", "A4"}, args...)...)
		if code != ExitUsage || !strings.Contains(errs, "names a canvas file") {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
	if data, _ := os.ReadFile(canvas); string(data) != b.String() {
		t.Fatal("the canvas was replaced")
	}
	// page 2's name holds notes: nothing is written
	notes := filepath.Join(dir, "q-2.png")
	os.WriteFile(notes, []byte("my notes"), 0o644)
	code, out, errs := run(t, "export", canvas, "-o", filepath.Join(dir, "q.png"), "--paper", "A4", "--dpi", "20")
	if code != ExitUsage || out != "" || !strings.Contains(errs, notes+": exists and is not a PNG picture") {
		t.Errorf("exit %d, %q, %q", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "q.png")); err == nil {
		t.Error("page 1 was written though page 2 was refused")
	}
	// "-o -" writes a one-page picture to standard output, and refuses more
	bakery := copyExample(t, "bakery")
	if code, out, errs := run(t, "export", bakery, "--format", "svg", "-o", "-"); code != ExitOK || !strings.HasPrefix(out, "<?xml") {
		t.Errorf("-o -: exit %d, %.60q, %q", code, out, errs)
	}
	if code, _, errs := run(t, "export", canvas, "--format", "svg", "-o", "-", "--paper", "A4"); code != ExitUsage || !strings.Contains(errs, "name a file with -o instead of -") {
		t.Errorf("-o - with many pages: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, "export", bakery, "-o", filepath.Join(dir, "no", "such", "x.png")); code != ExitUsage || !strings.Contains(errs, "does not exist") {
		t.Errorf("a missing folder: exit %d, %q", code, errs)
	}
}
