package export

import (
	"bytes"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/internal/examples"
)

func testFonts(t testing.TB) *fonts {
	t.Helper()
	fs, err := loadFonts("")
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func example(t testing.TB, name string) *bmc.Canvas {
	t.Helper()
	return examples.Load(t, name)
}

var stressWords = strings.Fields(`the a of to and in for with our we customers bakery fresh
	sourdough délivery café naïve Müller Größe façade Ελλάδα Москва €12 “quoted” 24/7 — –
	subscription partnerships wholesale-and-retail long-term co-operation
	Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen
	https://example.com/a/very/long/path/that/never/ends/and/keeps/going`)

// stressText returns text of exactly n bytes or a little more, made of
// random words.
func stressText(r *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 {
			if r.IntN(12) == 0 {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(stressWords[r.IntN(len(stressWords))])
	}
	return strings.TrimSpace(b.String())
}

// stressCanvas returns a Business Model Canvas with three segments and n
// notes of 40 to 400 characters in block, linked to random segments.
func stressCanvas(t testing.TB, seed uint64, n int, block string) *bmc.Canvas {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 1))
	c, err := bmc.New(bmc.BusinessModelCanvas().ID)
	if err != nil {
		t.Fatal(err)
	}
	c.Title = "Stress test"
	for i, col := range []bmc.Color{bmc.Blue, bmc.Pink, bmc.Green} {
		if _, err := c.AddNote(bmc.SegmentBlock, -1, bmc.Note{ID: fmt.Sprintf("s%d", i+1), Text: "Segment " + strconv.Itoa(i+1), Color: col}); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < n; i++ {
		note := bmc.Note{Text: stressText(r, 40+r.IntN(361)), Color: bmc.Palette()[r.IntN(len(bmc.Palette()))]}
		for s := 1; s <= 3; s++ {
			if r.IntN(3) == 0 {
				note.Segments = append(note.Segments, fmt.Sprintf("s%d", s))
			}
		}
		if r.IntN(5) == 0 {
			a := float64(r.IntN(100000)) / 4
			note.Amount, note.Period = &a, bmc.Periods()[r.IntN(3)]
		}
		if _, err := c.AddNote(block, -1, note); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// layoutOf lays out c with opt as PDF would.
func layoutOf(t testing.TB, c *bmc.Canvas, opt Options) (*poster, layoutInput) {
	t.Helper()
	paper, err := ParsePaper(opt.Paper)
	if err != nil {
		t.Fatal(err)
	}
	fs := testFonts(t)
	san := newSanitizer(fs)
	in := layoutInput{t: c.Template(), c: sanitizeCanvas(c.Template(), c, san), opt: opt, paper: paper, fonts: fs}
	return layout(in), in
}

// checkLayout asserts what every poster must satisfy: blocks on the page,
// notes inside their block's note area and apart from each other, lines
// within their notes, no type below the minimum, and every note's whole
// text set, across pages.
func checkLayout(t *testing.T, p *poster, in layoutInput) {
	t.Helper()
	pageBox := box{0, 0, p.w, p.h}
	got := map[string]string{}
	for pi, pg := range p.pages {
		for _, bb := range pg.blocks {
			where := fmt.Sprintf("page %d, %s", pi+1, bb.block.ID)
			if !pageBox.contains(bb.frame) || !bb.frame.contains(bb.area) {
				t.Errorf("%s: frame %v or area %v outside the page %v", where, bb.frame, bb.area, pageBox)
			}
			for i, nb := range bb.notes {
				if !bb.area.contains(nb.box) {
					t.Errorf("%s: note %s at %v spills out of the area %v", where, nb.note.ID, nb.box, bb.area)
				}
				if nb.text.size < p.minNote-1e-9 {
					t.Errorf("%s: note %s set at %.2f pt, below the minimum %.2f pt", where, nb.note.ID, nb.text.size, p.minNote)
				}
				checkText(t, in, where+" note "+nb.note.ID, nb.text, nb.box)
				checkText(t, in, where+" amount of "+nb.note.ID, nb.amount, nb.box)
				for _, other := range bb.notes[:i] {
					if overlap(nb.box, other.box) {
						t.Errorf("%s: notes %s and %s overlap", where, nb.note.ID, other.note.ID)
					}
				}
				got[nb.note.ID] += strings.Join(nb.text.lines, " ")
			}
		}
	}
	for _, pl := range in.t.Layout(!in.opt.Frontstage) {
		for _, n := range in.c.Blocks[pl.Block.ID] {
			if squeeze(got[n.ID]) != squeeze(n.Text) {
				t.Errorf("note %s: printed %.60q…, want %.60q…", n.ID, got[n.ID], n.Text)
			}
		}
	}
}

// checkText asserts that a text box's lines fit its width and lie inside b.
func checkText(t *testing.T, in layoutInput, where string, tb textBox, b box) {
	t.Helper()
	if len(tb.lines) == 0 {
		return
	}
	base := in.fonts.regular
	if tb.bold {
		base = in.fonts.bold
	}
	for _, l := range tb.lines {
		if w := in.fonts.width(base, l, tb.size); w > tb.w+1e-6 && len([]rune(l)) > 1 {
			t.Errorf("%s: line %q is %.2f mm wide, more than %.2f", where, l, w, tb.w)
		}
	}
	if !b.contains(box{tb.x, tb.y, tb.w, tb.height()}) {
		t.Errorf("%s: text %v×%v at (%v, %v) outside its note %v", where, tb.w, tb.height(), tb.x, tb.y, b)
	}
}

func overlap(a, b box) bool {
	const eps = 1e-6
	return a.x < b.right()-eps && b.x < a.right()-eps && a.y < b.bottom()-eps && b.y < a.bottom()-eps
}

// squeeze drops all white space, to compare texts however they wrapped.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// needTool skips the test when a poppler tool is missing (make deps
// installs them).
func needTool(t testing.TB, name string) {
	t.Helper()
	pkg := "poppler-utils"
	if name == "rsvg-convert" {
		pkg = "librsvg2-bin"
	}
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed: make deps installs %s, and CI must not skip these checks", name, pkg)
		}
		t.Skipf("%s is not installed (make deps installs %s)", name, pkg)
	}
}

func writePDF(t testing.TB, c *bmc.Canvas, opt Options) ([]byte, []string) {
	t.Helper()
	var buf bytes.Buffer
	warnings, err := PDF(&buf, c, opt)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), warnings
}

// tool runs a tool with the PDF on its standard input and returns its
// standard output.
func tool(t testing.TB, pdf []byte, name string, args ...string) []byte {
	t.Helper()
	needTool(t, name)
	cmd := exec.Command(name, append(args, "-")...)
	cmd.Stdin = bytes.NewReader(pdf)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v: %s", name, err, errOut.String())
	}
	return out.Bytes()
}

// pdfInfo returns pdfinfo's fields, such as "Pages" and "Title".
func pdfInfo(t testing.TB, pdf []byte, args ...string) map[string]string {
	t.Helper()
	info := map[string]string{}
	for _, line := range strings.Split(string(tool(t, pdf, "pdfinfo", args...)), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// word is a word pdftotext found, with its box in millimetres.
type word struct {
	text string
	box
}

var (
	pageTag = regexp.MustCompile(`<page width="`)
	wordTag = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// pdfWords returns the words of each page with their positions.
func pdfWords(t testing.TB, pdf []byte) [][]word {
	t.Helper()
	out := string(tool(t, pdf, "pdftotext", "-bbox", "-enc", "UTF-8", "-"))
	var pages [][]word
	for _, pg := range pageTag.Split(out, -1)[1:] {
		var words []word
		for _, m := range wordTag.FindAllStringSubmatch(pg, -1) {
			var v [4]float64
			for i := range v {
				v[i], _ = strconv.ParseFloat(m[i+1], 64)
				v[i] /= 72 / 25.4
			}
			words = append(words, word{html.UnescapeString(m[5]), box{v[0], v[1], v[2] - v[0], v[3] - v[1]}})
		}
		pages = append(pages, words)
	}
	return pages
}

// textIn returns the words whose centres lie in b, joined without spaces.
func textIn(words []word, b box) string {
	var s strings.Builder
	for _, w := range words {
		cx, cy := w.x+w.w/2, w.y+w.h/2
		if cx >= b.x && cx <= b.right() && cy >= b.y && cy <= b.bottom() {
			s.WriteString(w.text)
		}
	}
	return s.String()
}
