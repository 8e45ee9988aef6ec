package export

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// scriptCanvas returns the bakery of a new user who writes in many
// scripts: the title and notes in Japanese, Chinese, Korean, Arabic,
// Hebrew, Devanagari and German, symbols Noto Sans lacks, and emoji of
// every kind (single, ZWJ family, skin tone, flag).
func scriptCanvas(t testing.TB) *bmc.Canvas {
	t.Helper()
	c, err := bmc.New(bmc.BusinessModelCanvas().ID)
	if err != nil {
		t.Fatal(err)
	}
	c.Title = "東京ベーカリー 🥐"
	c.DesignedBy = "王小明"
	c.DesignedFor = "مخبز طوكيو"
	add := func(block string, n bmc.Note) {
		t.Helper()
		if _, err := c.AddNote(block, -1, n); err != nil {
			t.Fatal(err)
		}
	}
	add("customer_segments", bmc.Note{ID: "s1", Text: "近所の家族 👨‍👩‍👧", Color: bmc.Pink})
	add("customer_segments", bmc.Note{ID: "s2", Text: "上班族 office workers", Color: bmc.Blue})
	add("customer_segments", bmc.Note{ID: "s3", Text: "학생 손님", Color: bmc.Green})
	add("value_propositions", bmc.Note{ID: "v1", Text: "焼きたてのクロワッサン 🥐 毎朝7時から", Segments: []string{"s1", "s2"}})
	add("value_propositions", bmc.Note{ID: "v2", Text: "خبز طازج كل صباح", Segments: []string{"s1"}, Color: bmc.Orange})
	add("value_propositions", bmc.Note{ID: "v3", Text: "לחם טרי בכל בוקר", Segments: []string{"s3"}, Color: bmc.Green})
	add("channels", bmc.Note{ID: "c1", Text: "ताज़ा ब्रेड हर सुबह", Segments: []string{"s2"}})
	add("channels", bmc.Note{ID: "c2", Text: "Bäckerei Müller: Brötchen für 1,20 € → günstig ≥ Supermarkt ≤ Café", Segments: []string{"s2"}, Color: bmc.Blue})
	add("customer_relationships", bmc.Note{ID: "r1", Text: "Loyalty 👍🏽 stamps 🇯🇵 🇩🇪 and smiles 😀", Segments: []string{"s1", "s3"}, Status: bmc.StatusValidated, Evidence: "asked"})
	add("revenue_streams", bmc.Note{ID: "rv1", Text: "빵 구독 서비스", Segments: []string{"s3"}, Status: bmc.StatusHypothesis, Evidence: "guess"})
	add("key_partners", bmc.Note{ID: "p1", Text: "café naïve façade — résumé", Color: bmc.Grey})
	return c
}

// scriptSamples are characters of each script of scriptCanvas, which the
// fonts make deps installs must cover.
var scriptSamples = map[string]rune{"Japanese": 'ベ', "Chinese": '班', "Korean": '학', "Arabic": 'ب',
	"Hebrew": 'ש', "Devanagari": 'क', "arrows": '→', "emoji": '🥐'}

// needScriptFonts skips the test when the system lacks a font for one of
// the scripts (make deps installs them), and fails it under CI.
func needScriptFonts(t testing.TB) {
	t.Helper()
	fs := testFonts(t)
	var missing []string
	for name, r := range scriptSamples {
		if !fs.covers(fs.regular, r) {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		return
	}
	msg := fmt.Sprintf("no installed font for %v: make deps installs fonts-noto-cjk and fonts-noto-core", missing)
	if os.Getenv("CI") != "" {
		t.Fatal(msg + ", and CI must not skip this check")
	}
	t.Skip(msg)
}

// Every script prints, and stays text: pdftotext finds the words of the
// title and notes (the title's emoji too), and nothing is replaced.
func TestScriptsPrintAsText(t *testing.T) {
	needScriptFonts(t)
	pdf, warnings := writePDF(t, scriptCanvas(t), Options{Paper: "A3"})
	if len(warnings) > 0 {
		t.Errorf("warnings with every font installed: %q", warnings)
	}
	text := string(tool(t, pdf, "pdftotext", "-enc", "UTF-8", "-"))
	for _, word := range []string{"東京ベーカリー", "🥐", "焼きたてのクロワッサン", "朝7時から", "上班族", "학생", "손님", "빵", "구독",
		"خبز", "طازج", "صباح", "לחם", "טרי", "बरड" /* see below */, "Bäckerei", "Müller", "Brötchen", "→", "≥", "≤",
		"günstig", "naïve", "façade", "résumé", "👨\u200d👩\u200d👧", "👍🏽", "🇯🇵", "🇩🇪", "😀", "王小明", "مخبز"} {
		if word == "बरड" {
			word = "ब्रेड"
		}
		if !strings.Contains(text, word) {
			t.Errorf("pdftotext does not find %q in:\n%s", word, text)
		}
	}
	if strings.ContainsRune(text, replacement) {
		t.Errorf("the text holds a replacement character:\n%s", text)
	}
	if info := pdfInfo(t, pdf); !strings.Contains(info["Title"], "東京ベーカリー") {
		t.Errorf("the PDF's title is %q", info["Title"])
	}
}

// The many-script poster in each ink, rendered: each script drawn, the
// emoji in colour (in colour and light ink), mono without any colour.
func TestScriptsGolden(t *testing.T) {
	needScriptFonts(t)
	for _, ink := range []Ink{InkColor, InkLight, InkMono} {
		t.Run(string(ink), func(t *testing.T) {
			pdf, _ := writePDF(t, scriptCanvas(t), Options{Paper: "A3", Ink: ink})
			got := tool(t, pdf, "pdftoppm", "-png", "-r", "40", "-singlefile")
			matchGolden(t, "scripts-"+string(ink), got)
			img, err := png.Decode(bytes.NewReader(got))
			if err != nil {
				t.Fatal(err)
			}
			coloured := colouredPixels(img, img.Bounds())
			if ink == InkMono && coloured > 0 {
				t.Errorf("the mono poster has %d coloured pixels", coloured)
			}
			if ink != InkMono && coloured < 1000 {
				t.Errorf("the %s poster has only %d coloured pixels", ink, coloured)
			}
		})
	}
}

// A mono poster has no colour at all, whatever it shows: notes of every
// colour, segment marks, status badges, a focus, a blank poster.
func TestMonoHasNoColour(t *testing.T) {
	for name, pdf := range map[string]func() []byte{
		"bakery": func() []byte { b, _ := writePDF(t, example(t, "bakery"), Options{Ink: InkMono}); return b },
		"startup focused": func() []byte {
			b, _ := writePDF(t, example(t, "startup"), Options{Ink: InkMono, Focus: "n1"})
			return b
		},
		"tiled": func() []byte { // the first sheet: its overlap marks are dashed, not red
			b, _ := writePDF(t, example(t, "bakery"), Options{Paper: "A2", Tile: "A4", Ink: InkMono})
			return b
		},
		"blank": func() []byte {
			var buf bytes.Buffer
			if _, err := Poster(&buf, bmc.BusinessModelCanvas(), Options{Ink: InkMono}); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		},
	} {
		img, err := png.Decode(bytes.NewReader(tool(t, pdf(), "pdftoppm", "-png", "-r", "40", "-singlefile")))
		if err != nil {
			t.Fatal(err)
		}
		if n := colouredPixels(img, img.Bounds()); n > 0 {
			t.Errorf("%s: %d coloured pixels in mono", name, n)
		}
	}
}

// colouredPixels counts the pixels in r whose channels differ by more
// than a little: grey, black and white have none.
func colouredPixels(img image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			hi, lo := max(cr, cg, cb)>>8, min(cr, cg, cb)>>8
			if hi-lo > 12 {
				n++
			}
		}
	}
	return n
}

// Emoji print in colour at the size of the text around them: in the title
// "🥐" sits right of the text, as tall as its letters, and is orange; in
// mono it is grey.
func TestEmojiInColour(t *testing.T) {
	c, _ := bmc.New(bmc.Lean().ID)
	c.Title = "Bakery 🥐"
	for _, ink := range []Ink{InkColor, InkMono} {
		pdf, warnings := writePDF(t, c, Options{Paper: "A4", Ink: ink})
		if len(warnings) > 0 {
			t.Errorf("warnings: %q", warnings)
		}
		img, err := png.Decode(bytes.NewReader(tool(t, pdf, "pdftoppm", "-png", "-r", "72", "-singlefile")))
		if err != nil {
			t.Fatal(err)
		}
		header := image.Rect(0, 0, img.Bounds().Dx()/2, img.Bounds().Dy()/10)
		coloured := colouredPixels(img, header)
		if ink == InkColor && coloured < 40 {
			t.Errorf("only %d coloured pixels in the header: the emoji is not in colour", coloured)
		}
		if ink == InkMono && coloured > 0 {
			t.Errorf("%d coloured pixels in the mono header", coloured)
		}
	}
}

// Nothing a user types makes the PDF writer panic or fail: any Unicode in
// the title, the header and notes, in any ink.
func FuzzExportText(f *testing.F) {
	for _, s := range []string{"東京ベーカリー 🥐", "مخبز طازج", "👨\u200d👩\u200d👧 🇩🇪 👍🏽", "a\u0301e\u0308 \u200d\ufe0f", "\U0010FFFD \ue000 \x00\x07",
		"\xff\xfe broken", "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", "→≥≤ ﷽", strings.Repeat("ꦏ", 40)} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, k uint8) {
		c, _ := bmc.New(bmc.Lean().ID)
		c.Title, c.DesignedBy = s, s
		for i, part := range []string{s, s + " " + s, strings.ToUpper(s)} {
			if _, err := c.AddNote("problem", -1, bmc.Note{ID: fmt.Sprintf("n%d", i), Text: part, Status: bmc.StatusHypothesis}); err != nil {
				return // text the canvas refuses
			}
		}
		ink := []Ink{InkColor, InkLight, InkMono}[int(k)%3]
		var buf bytes.Buffer
		if _, err := PDF(&buf, c, Options{Paper: "A4", Ink: ink, FileName: s}); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Fatalf("%q: no PDF", s)
		}
	})
}
