package export

import (
	"bufio"
	"encoding/binary"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/assets"
	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/internal/capture"
	"github.com/jung-kurt/gofpdf"
)

// tableAt returns where a table of Noto Sans Regular starts in font.
func tableAt(t *testing.T, font []byte, table string) int {
	t.Helper()
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := 0; i < n; i++ {
		rec := font[12+16*i:]
		if string(rec[:4]) == table {
			return int(binary.BigEndian.Uint32(rec[8:]))
		}
	}
	t.Fatalf("no %q table", table)
	return 0
}

// brokenFonts are copies of Noto Sans Regular with one field changed, each
// of which makes gofpdf print a line on standard output.
func brokenFonts(t *testing.T) []struct {
	name, refused, printed string
	data                   []byte
} {
	set := func(table string, off int, v uint16) []byte {
		font := slices.Clone(assets.FontRegular)
		binary.BigEndian.PutUint16(font[tableAt(t, font, table)+off:], v)
		return font
	}
	// A name gofpdf decodes from UTF-16 (Windows, Unicode BMP, US English,
	// the family name) with an odd length.
	oddName := slices.Clone(assets.FontRegular)
	name := tableAt(t, oddName, "name")
	for i := 0; i < int(binary.BigEndian.Uint16(oddName[name+2:])); i++ {
		rec := oddName[name+6+12*i:]
		if binary.BigEndian.Uint16(rec) == 3 && binary.BigEndian.Uint16(rec[2:]) == 1 &&
			binary.BigEndian.Uint16(rec[4:]) == 0x409 && binary.BigEndian.Uint16(rec[6:]) == 1 {
			binary.BigEndian.PutUint16(rec[8:], binary.BigEndian.Uint16(rec[8:])|1)
		}
	}
	// Every Unicode subtable of format 4 moved to the Windows symbol
	// encoding: no Unicode map of format 4 is left.
	noCmap4 := slices.Clone(assets.FontRegular)
	cmap := tableAt(t, noCmap4, "cmap")
	for i := 0; i < int(binary.BigEndian.Uint16(noCmap4[cmap+2:])); i++ {
		rec := noCmap4[cmap+4+8*i:]
		if binary.BigEndian.Uint16(noCmap4[cmap+int(binary.BigEndian.Uint32(rec[4:])):]) == 4 {
			binary.BigEndian.PutUint16(rec, 3)
			binary.BigEndian.PutUint16(rec[2:], 0)
		}
	}
	return []struct {
		name, refused, printed string
		data                   []byte
	}{
		{"name format", "unsupported name table", "Illegal format 1", set("name", 0, 1)},
		{"odd name", "name 1 in the name table is not UTF-16 text", "name is not binar byte format", oddName},
		{"glyph data format", "unknown glyph data format 1 in the head table", "Unknown symbol data format 1", set("head", 52, 1)},
		{"loca format", "unknown glyph location format 2 in the head table", "Unknown loca table format 2", set("head", 50, 2)},
		{"metric format", "unknown horizontal metric format 1 in the hhea table", "Unknown horizontal metric data format 1", set("hhea", 32, 1)},
		{"no metrics", "no horizontal metrics in the hhea table", "Number of horizontal metrics is 0", set("hhea", 34, 0)},
		{"restricted licence", "licence does not allow embedding it in a PDF (OS/2 fsType 0x0002)", "ERROR - copyright restrictions.", set("OS/2", 8, 2)},
		{"no subsetting", "licence does not allow embedding it in a PDF (OS/2 fsType 0x0100)", "ERROR - copyright restrictions.", set("OS/2", 8, 0x0100)},
		{"no Unicode cmap", "no Unicode character map of format 4", "Font does not have cmap for Unicode", noCmap4},
	}
}

// gofpdfEmbed embeds a copy of font (gofpdf may write into the bytes it
// is given) with gofpdf alone, as render would without our checks, and
// draws a word with it.
func gofpdfEmbed(font []byte) {
	font = slices.Clone(font)
	defer func() { recover() }() // a broken font may also crash it: render recovers too
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("x", "", font)
	pdf.AddPage()
	pdf.SetFont("x", "", 12)
	pdf.Text(10, 10, "Hello")
	pdf.Output(io.Discard)
}

// Every font that makes gofpdf print on standard output is refused by
// checkTrueType first, with a message that says what is wrong with it, so
// that the printing never happens (export's standard output holds only
// what bmcanvas writes there).
func TestGofpdfPrintsOnlyWhatWeRefuse(t *testing.T) {
	if out := capture.Stdout(t, func() { gofpdfEmbed(assets.FontRegular) }); out != "" {
		t.Errorf("gofpdf printed %q for Noto Sans", out)
	}
	for _, tc := range brokenFonts(t) {
		t.Run(tc.name, func(t *testing.T) {
			if out := capture.Stdout(t, func() { gofpdfEmbed(tc.data) }); !strings.Contains(out, tc.printed) {
				t.Errorf("the font no longer makes gofpdf print %q (it printed %q): is the check still needed?", tc.printed, out)
			}
			if err := checkTrueType(tc.data); err == nil || !strings.Contains(err.Error(), tc.refused) {
				t.Errorf("checkTrueType = %v, want %q", err, tc.refused)
			}
			path := filepath.Join(t.TempDir(), "font.ttf")
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			var err error
			out := capture.Stdout(t, func() {
				_, err = PDF(io.Discard, testCanvasForFont(t), Options{Paper: "A4", FontFile: path})
			})
			if want := path + ": "; err == nil || !strings.HasPrefix(err.Error(), want) || strings.Count(err.Error(), path) != 1 {
				t.Errorf("PDF error %v, want one starting %q and naming the font once", err, want)
			}
			if out != "" {
				t.Errorf("export printed %q on standard output", out)
			}
		})
	}
}

func testCanvasForFont(t *testing.T) *bmc.Canvas {
	c, _ := bmc.New(bmc.Lean().ID)
	if _, err := c.AddNote("problem", -1, bmc.Note{Text: "排队 queues"}); err != nil {
		t.Fatal(err)
	}
	return c
}

// The checks above cover every place where gofpdf prints on standard
// output. This test lists those places in gofpdf's source, so that an
// upgrade that adds one fails here until someone checks it.
func TestGofpdfPrintCalls(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/jung-kurt/gofpdf").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("gofpdf's source is not in the module cache: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var found []string
	for _, file := range files {
		base := filepath.Base(file)
		if strings.HasSuffix(base, "_test.go") || base == "compare.go" { // compare.go: CompareBytes, a test helper we never call
			continue
		}
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if !strings.HasPrefix(line, "//") && (strings.Contains(line, "fmt.Print") || strings.Contains(line, "os.Stdout") ||
				strings.Contains(line, "println(") || strings.Contains(line, "log.Print")) {
				found = append(found, base+": "+line)
			}
		}
		f.Close()
	}
	want := []string{
		`fpdf.go: fmt.Printf("get metrics Error: %e\n", err)`, // parseFile's error: not a TrueType font, refused first
		`utf8fontfile.go: fmt.Printf("Illegal format %d\n", format)`,
		`utf8fontfile.go: fmt.Printf("name is not binar byte format\n")`,
		`utf8fontfile.go: fmt.Printf("Unknown symbol data format %d\n", symbolDataFormat)`,
		`utf8fontfile.go: fmt.Printf("Unknown horizontal metric data format %d\n", metricDataFormat)`,
		`utf8fontfile.go: fmt.Printf("Number of horizontal metrics is 0\n")`,
		`utf8fontfile.go: fmt.Printf("ERROR - copyright restrictions.\n")`,
		`utf8fontfile.go: fmt.Printf("Font does not have cmap for Unicode\n")`,
		`utf8fontfile.go: fmt.Printf("Font does not have cmap for Unicode\n")`,
		`utf8fontfile.go: fmt.Printf("Unknown loca table format %d\n", format)`,
	}
	if !slices.Equal(found, want) {
		t.Errorf("gofpdf prints in other places than checkTrueType guards against; check each and update both:\n%s", strings.Join(found, "\n"))
	}
}
