package export

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// checkNotesInPDF asserts that every note's whole text (and amount) appears
// inside the note's rectangle on the PDF's pages, as pdftotext reads it.
func checkNotesInPDF(t *testing.T, pdf []byte, p *poster) {
	t.Helper()
	pages := pdfWords(t, pdf)
	if len(pages) != len(p.pages) {
		t.Fatalf("the PDF has %d pages, the layout %d", len(pages), len(p.pages))
	}
	got, want := map[string]string{}, map[string]string{}
	var order []string
	for i, pg := range p.pages {
		for _, bb := range pg.blocks {
			for _, nb := range bb.notes {
				if _, ok := want[nb.note.ID]; !ok {
					order = append(order, nb.note.ID)
				}
				got[nb.note.ID] += textIn(pages[i], nb.box)
				want[nb.note.ID] += strings.Join(nb.text.lines, "") + strings.Join(nb.amount.lines, "")
			}
		}
	}
	for _, id := range order {
		if squeeze(got[id]) != squeeze(want[id]) {
			t.Errorf("note %s: the PDF shows %q, want %q", id, squeeze(got[id]), squeeze(want[id]))
		}
	}
}

// allWords returns every word pdftotext finds, in page order, joined
// without spaces (pdftotext's plain output would join hyphenated words).
func allWords(t *testing.T, pdf []byte) string {
	var b strings.Builder
	for _, pg := range pdfWords(t, pdf) {
		for _, w := range pg {
			b.WriteString(w.text)
		}
	}
	return b.String()
}

func TestExamplesPDF(t *testing.T) {
	for _, name := range []string{"bakery", "designer", "startup"} {
		t.Run(name, func(t *testing.T) {
			c := example(t, name)
			opt := Options{FileName: name + ".yaml"}
			pdf, _ := writePDF(t, c, opt)
			info := pdfInfo(t, pdf)
			if info["Pages"] != "1" || info["Page size"] != "2383.94 x 1683.78 pts (A1)" {
				t.Errorf("pages %q, size %q; want 1 page of A1 landscape", info["Pages"], info["Page size"])
			}
			for k, v := range map[string]string{"Title": c.Title, "Author": c.DesignedBy, "Creator": "bmcanvas",
				"Subject": c.Template().Name + " for " + c.DesignedFor} {
				if info[k] != v {
					t.Errorf("metadata %s = %q, want %q", k, info[k], v)
				}
			}
			p, _ := layoutOf(t, c, opt)
			checkNotesInPDF(t, pdf, p)
			if n := len(pdfWords(t, pdf)[0]); n < c.NoteCount()*2 {
				t.Errorf("only %d words on the page", n)
			}
			text := string(tool(t, pdf, "pdftotext", "-enc", "UTF-8", "-"))
			for _, s := range []string{c.Template().Attribution, name + ".yaml", "Designed by", c.DesignedBy} {
				if !strings.Contains(squeeze(text), squeeze(s)) {
					t.Errorf("the poster lacks %q", s)
				}
			}
		})
	}
}

func TestPaperSizesInPDF(t *testing.T) {
	c := example(t, "startup")
	for _, tc := range []struct {
		opt  Options
		size string
	}{
		{Options{Paper: "A4"}, "841.89 x 595.28 pts (A4)"},
		{Options{Paper: "A4", Portrait: true}, "595.28 x 841.89 pts (A4)"},
		{Options{Paper: "A0"}, "3370.39 x 2383.94 pts (A0)"},
		{Options{Paper: "Letter"}, "792 x 612 pts (letter)"},
		{Options{Paper: "ANSI D", Portrait: true}, "1584 x 2448 pts"},
		{Options{Paper: "600x400"}, "1700.79 x 1133.86 pts"},
	} {
		pdf, _ := writePDF(t, c, tc.opt)
		info := pdfInfo(t, pdf)
		if info["Page size"] != tc.size || info["Pages"] != "1" {
			t.Errorf("%+v: %s pages of %q, want 1 of %q", tc.opt, info["Pages"], info["Page size"], tc.size)
		}
	}
}

func TestTiledPDF(t *testing.T) {
	c := example(t, "bakery")
	for _, tc := range []struct {
		opt         Options
		sheets      int
		sheetSize   string
		firstLabels []string
	}{
		{Options{Tile: "A4"}, 15, "595.28 x 841.89 pts (A4)", []string{"Sheet A1: row 1 of 3, column 1 of 5", "A1 poster on 15 A4 sheets"}},
		{Options{Tile: "letter", Paper: "A2"}, 8, "612 x 792 pts (letter)", []string{"Sheet A1: row 1 of 2, column 1 of 4", "A2 poster on 8 Letter sheets"}},
		{Options{Tile: "A4", Paper: "A3", Portrait: true}, 4, "595.28 x 841.89 pts (A4)", []string{"Sheet A1"}},
	} {
		pdf, _ := writePDF(t, c, tc.opt)
		info := pdfInfo(t, pdf, "-f", "1", "-l", fmt.Sprint(tc.sheets))
		if info["Pages"] != fmt.Sprint(tc.sheets) {
			t.Errorf("%+v: %s sheets, want %d", tc.opt, info["Pages"], tc.sheets)
		}
		for i := 1; i <= tc.sheets; i++ {
			if got := info[fmt.Sprintf("Page %4d size", i)]; got != tc.sheetSize {
				t.Errorf("%+v: sheet %d is %q, want %q", tc.opt, i, got, tc.sheetSize)
			}
		}
		first := string(tool(t, pdf, "pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", "-"))
		for _, l := range tc.firstLabels {
			if !strings.Contains(strings.Join(strings.Fields(first), " "), l) {
				t.Errorf("%+v: sheet 1 lacks %q:\n%s", tc.opt, l, first)
			}
		}
	}
	// Every note that lies wholly within a sheet's printed part is printed
	// whole on that sheet, in the right place.
	pdf, _ := writePDF(t, c, Options{Tile: "A4"})
	p, _ := layoutOf(t, c, Options{})
	sheet, _ := ParsePaper("A4")
	plan, err := planTiles(p.w, p.h, sheet)
	if err != nil {
		t.Fatal(err)
	}
	sheets := pdfWords(t, pdf)
	sx, sy := plan.step()
	found := 0
	for r := 0; r < plan.rows; r++ {
		for col := 0; col < plan.cols; col++ {
			region := box{float64(col) * sx, float64(r) * sy, plan.pw, plan.ph}
			for _, bb := range p.pages[0].blocks {
				for _, nb := range bb.notes {
					if !region.contains(nb.box) {
						continue
					}
					on := nb.box
					on.x += tileMargin - region.x
					on.y += tileMargin - region.y
					got := squeeze(textIn(sheets[r*plan.cols+col], on))
					want := squeeze(strings.Join(nb.text.lines, "") + strings.Join(nb.amount.lines, ""))
					if got != want {
						t.Errorf("sheet %d,%d: note %s shows %q, want %q", r+1, col+1, nb.note.ID, got, want)
					}
					found++
				}
			}
		}
	}
	if found < c.NoteCount()/2 {
		t.Errorf("only %d of %d notes lie wholly on one sheet", found, c.NoteCount())
	}
	// Overflow pages are tiled too.
	stress := stressCanvas(t, 5, 60, "channels")
	p, _ = layoutOf(t, stress, Options{Paper: "A3"})
	pdf, _ = writePDF(t, stress, Options{Paper: "A3", Tile: "A4"})
	if got, want := pdfInfo(t, pdf)["Pages"], fmt.Sprint(4*len(p.pages)); got != want || len(p.pages) < 2 {
		t.Errorf("a %d-page A3 poster tiled on A4: %s sheets, want %s", len(p.pages), got, want)
	}
}

// A canvas too big for its block continues on extra pages, and every note
// is still printed whole inside its rectangle.
func TestOverflowPDF(t *testing.T) {
	c := stressCanvas(t, 9, 60, "customer_relationships")
	pdf, warnings := writePDF(t, c, Options{Paper: "A3"})
	p, _ := layoutOf(t, c, Options{Paper: "A3"})
	if len(p.pages) < 2 || !strings.Contains(strings.Join(warnings, "\n"), "Customer Relationships holds more notes than fit") {
		t.Fatalf("%d pages, warnings %q", len(p.pages), warnings)
	}
	checkNotesInPDF(t, pdf, p)
}

func TestBlankPosterPDF(t *testing.T) {
	for _, tmpl := range bmc.Templates() {
		var buf bytes.Buffer
		warnings, err := Poster(&buf, tmpl, Options{Paper: "A0"})
		if err != nil || len(warnings) > 0 {
			t.Fatalf("%s: %v %q", tmpl.ID, err, warnings)
		}
		info := pdfInfo(t, buf.Bytes())
		if info["Pages"] != "1" || info["Title"] != tmpl.Name || info["Page size"] != "3370.39 x 2383.94 pts (A0)" {
			t.Errorf("%s: %v", tmpl.ID, info)
		}
		text := allWords(t, buf.Bytes())
		for _, b := range tmpl.Blocks {
			for _, s := range append([]string{b.Title, b.Question}, b.Prompts...) {
				if !strings.Contains(text, squeeze(s)) {
					t.Errorf("%s: the blank poster lacks %q", tmpl.ID, s)
				}
			}
		}
	}
	// PDF with Blank keeps the canvas's header but prints no notes.
	c := example(t, "bakery")
	pdf, _ := writePDF(t, c, Options{Blank: true})
	text := squeeze(string(tool(t, pdf, "pdftotext", "-enc", "UTF-8", "-")))
	if !strings.Contains(text, squeeze(c.Title)) || strings.Contains(text, squeeze(c.Segments()[0].Text)) {
		t.Errorf("a blank poster of a canvas should show its title and no notes:\n%s", text)
	}
}

// On a machine without fonts of its own, emoji still print (Fyne's emoji
// font is built in) and Chinese is replaced and named in a warning; the
// rest of each note prints, and nothing crashes the PDF writer.
func TestEmojiAndChineseWithoutSystemFonts(t *testing.T) {
	c, _ := bmc.New(bmc.BusinessModelCanvas().ID)
	c.Title = "Launch 🚀 plan"
	c.DesignedBy = "王小明"
	for _, text := range []string{"Coffee ☕ and cake 🎂 for everyone 😀", "面包店 bakery in 北京", "flag 🇩🇪 and family 👨‍👩‍👧"} {
		if _, err := c.AddNote("value_propositions", -1, bmc.Note{Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	fs := bareFonts(t)
	san := newSanitizer(fs)
	in := layoutInput{t: c.Template(), c: sanitizeCanvas(c.Template(), c, san), paper: mustPaper(t, "A3"), fonts: fs}
	var buf bytes.Buffer
	if err := render(&buf, in, layout(in), nil); err != nil {
		t.Fatal(err)
	}
	w := strings.Join(san.warnings(), "\n")
	for _, s := range []string{"U+9762", "U+738B", "the header", "note n2", "fonts-noto-cjk"} {
		if !strings.Contains(w, s) {
			t.Errorf("warnings lack %s:\n%s", s, w)
		}
	}
	for _, s := range []string{"U+1F680", "U+1F382", "U+1F600", "U+1F1E9", "U+2615", "note n1", "note n3"} {
		if strings.Contains(w, s) {
			t.Errorf("warnings name %s, which prints:\n%s", s, w)
		}
	}
	text := allWords(t, buf.Bytes())
	for _, s := range []string{"Coffee", "☕", "🎂", "😀", "bakeryin", "foreveryone", "Launch🚀plan", "🇩🇪", "👨‍👩‍👧"} {
		if !strings.Contains(text, s) {
			t.Errorf("the PDF lacks %q:\n%s", s, text)
		}
	}
}

func mustPaper(t testing.TB, name string) Paper {
	t.Helper()
	p, err := ParsePaper(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// With --font, characters Noto Sans lacks are set in the user's font, and
// the rest stays in Noto Sans.
func TestUserFont(t *testing.T) {
	const font = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	if _, err := os.Stat(font); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no CJK TrueType font: make deps installs fonts-droid-fallback, and CI must not skip this check")
		}
		t.Skip("no CJK TrueType font here (fonts-droid-fallback)")
	}
	c, _ := bmc.New(bmc.BusinessModelCanvas().ID)
	c.Title = "面包店 Bakery"
	if _, err := c.AddNote("customer_segments", -1, bmc.Note{Text: "北京的上班族 office workers"}); err != nil {
		t.Fatal(err)
	}
	pdf, warnings := writePDF(t, c, Options{Paper: "A3", FontFile: font})
	if len(warnings) > 0 {
		t.Errorf("warnings with a CJK font: %q", warnings)
	}
	text := string(tool(t, pdf, "pdftotext", "-enc", "UTF-8", "-"))
	for _, s := range []string{"北京的上班族", "面包店", "office workers"} {
		if !strings.Contains(text, s) {
			t.Errorf("the PDF lacks %q:\n%s", s, text)
		}
	}
	fonts := string(tool(t, pdf, "pdffonts"))
	if !strings.Contains(fonts, "noto") || !strings.Contains(fonts, "extra") {
		t.Errorf("want both Noto Sans and the user's font embedded:\n%s", fonts)
	}
}

// The same canvas always gives the same bytes: no clock, no map order.
func TestDeterministic(t *testing.T) {
	c := example(t, "designer")
	a, _ := writePDF(t, c, Options{Tile: "A4", Paper: "A2"})
	b, _ := writePDF(t, c, Options{Tile: "A4", Paper: "A2"})
	if !bytes.Equal(a, b) {
		t.Error("two exports of the same canvas differ")
	}
	if !bytes.Contains(a, []byte("D:20000101")) {
		t.Error("the creation date is not the fixed one")
	}
}

func TestPDFErrors(t *testing.T) {
	c := example(t, "bakery")
	for _, tc := range []struct {
		opt  Options
		want string
	}{
		{Options{Paper: "B5"}, `unknown paper "B5"`},
		{Options{Tile: "A5"}, `tile: unknown paper "A5"`},
		{Options{Paper: "A4", Tile: "A4"}, "no bigger than one A4 sheet"},
		{Options{FontFile: "/no/such.ttf"}, "/no/such.ttf"},
	} {
		var buf bytes.Buffer
		_, err := PDF(&buf, c, tc.opt)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.opt, err, tc.want)
		}
	}
	if _, err := PDF(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("PDF of a nil canvas succeeded")
	}
	if _, err := Poster(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("Poster of a nil template succeeded")
	}
	_, warnings := writePDF(t, c, Options{Focus: "nope"})
	if !strings.Contains(strings.Join(warnings, "\n"), `focus "nope"`) {
		t.Errorf("no warning for an unknown focus: %q", warnings)
	}
}

// A focused poster says in its header which segment it is focused on.
func TestFocusedPosterNamesSegment(t *testing.T) {
	c := example(t, "bakery")
	pdf, _ := writePDF(t, c, Options{Focus: "n2", Paper: "A3"})
	text := string(tool(t, pdf, "pdftotext", "-enc", "UTF-8", "-"))
	if !strings.Contains(text, "FOCUSED ON LOCAL FAMILIES, WEEKEND TREATS") {
		t.Errorf("the focused poster does not name its segment:\n%.400s", text)
	}
	plain, _ := writePDF(t, c, Options{Paper: "A3"})
	if strings.Contains(string(tool(t, plain, "pdftotext", "-enc", "UTF-8", "-")), "FOCUSED ON") {
		t.Error("an unfocused poster says it is focused")
	}
}

// An invalidated note is struck through on the poster, as on screen: one
// line per text line more than the same note as a hypothesis.
func TestInvalidatedNotesAreStruckThrough(t *testing.T) {
	compress = false
	defer func() { compress = true }()
	lines := func(st bmc.Status) int {
		c, _ := bmc.New(bmc.Lean().ID)
		if _, err := c.AddNote("problem", -1, bmc.Note{Text: "Queues", Status: st, Evidence: "asked"}); err != nil {
			t.Fatal(err)
		}
		pdf, _ := writePDF(t, c, Options{Paper: "A4"})
		return strings.Count(string(pdf), " l S")
	}
	// (Both badges draw two lines: a tick, a cross.)
	if got, base := lines(bmc.StatusInvalidated), lines(bmc.StatusValidated); got != base+1 {
		t.Errorf("an invalidated one-line note draws %d lines, a validated one %d; want one more", got, base)
	}
}
