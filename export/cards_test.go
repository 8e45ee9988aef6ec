package export

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func writeCards(t *testing.T, c *bmc.Canvas, opt CardOptions) ([]byte, []string) {
	t.Helper()
	var buf bytes.Buffer
	warnings, err := Cards(&buf, c, opt)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), warnings
}

// Every hypothesis of the bakery gets a card: its text, whole, inside the
// card's cut rectangle, on the sheet its place says, four to an A4 sheet.
func TestCardsHoldEveryHypothesis(t *testing.T) {
	c := example(t, "bakery")
	hyps := c.Hypotheses()
	if len(hyps) < 5 {
		t.Fatalf("the bakery has %d hypotheses; the test wants more than one sheet", len(hyps))
	}
	pdf, warnings := writeCards(t, c, CardOptions{FileName: "bakery.yaml"})
	if len(warnings) > 0 {
		t.Errorf("warnings: %v", warnings)
	}
	info := pdfInfo(t, pdf)
	if want := CardSheets(len(hyps)); info["Pages"] != strconv.Itoa(want) {
		t.Errorf("%s sheets, want %d for %d cards", info["Pages"], want, len(hyps))
	}
	if !strings.HasPrefix(info["Page size"], "595.28 x 841.89") {
		t.Errorf("page size %q, want A4 upright", info["Page size"])
	}
	pages := pdfWords(t, pdf)
	for i, h := range hyps {
		cut := cardCell(i, 210, 297)
		got := textIn(pages[i/CardsPerSheet], cut)
		for _, want := range []string{squeeze(h.Note.Text), "Test:", "Metric:", "Success:", "Learnt:", "note" + h.Note.ID} {
			if !strings.Contains(got, want) {
				t.Errorf("card %d (%s): %q not found in %q", i+1, h.Note.ID, want, got)
			}
		}
		b, _ := c.Template().Block(h.Block)
		if !strings.Contains(got, squeeze(strings.ToUpper(b.Title))) {
			t.Errorf("card %d names no block %q: %q", i+1, b.Title, got)
		}
		for _, id := range h.Note.Segments {
			s, _ := c.Note(id)
			if !strings.Contains(got, squeeze(firstLineOf(s.Text))) {
				t.Errorf("card %d does not name segment %q", i+1, s.Text)
			}
		}
	}
	// Nothing is printed across a cut.
	for p, words := range pages {
		for _, w := range words {
			inside := false
			for i := 0; i < CardsPerSheet; i++ {
				cell := cardCell(i, 210, 297)
				pad := box{cell.x + 1, cell.y + 1, cell.w - 2, cell.h - 2}
				inside = inside || pad.contains(w.box)
			}
			if !inside {
				t.Errorf("page %d: %q at %+v crosses a cut", p+1, w.text, w.box)
			}
		}
	}
}

func TestCardSheets(t *testing.T) {
	for n, want := range map[int]int{1: 1, 4: 1, 5: 2, 8: 2, 9: 3} {
		if got := CardSheets(n); got != want {
			t.Errorf("CardSheets(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestCardsRefuseACanvasWithoutHypotheses(t *testing.T) {
	c, _ := bmc.New(bmc.BusinessModelCanvas().ID)
	if _, err := c.AddNote("channels", -1, bmc.Note{Text: "Shop"}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := Cards(&buf, c, CardOptions{}); err == nil || !strings.Contains(err.Error(), "no hypotheses") {
		t.Errorf("err = %v, want no hypotheses", err)
	}
	if buf.Len() > 0 {
		t.Error("wrote a PDF anyway")
	}
}

// An emoji in a hypothesis prints as on posters (Fyne's emoji font is
// built in): no crash, no warning.
func TestCardsPrintEmoji(t *testing.T) {
	c, _ := bmc.New(bmc.BusinessModelCanvas().ID)
	if _, err := c.AddNote("channels", -1, bmc.Note{Text: "Parents share 🍞 photos", Status: bmc.StatusHypothesis}); err != nil {
		t.Fatal(err)
	}
	pdf, warnings := writeCards(t, c, CardOptions{Paper: "Letter"})
	if len(warnings) != 0 || len(pdf) == 0 {
		t.Errorf("%d bytes, warnings %v", len(pdf), warnings)
	}
}

// The first sheet of the bakery's cards, at 40 dpi: four cards and the
// cut marks. After a deliberate change, look at testdata/failed/ and run
// go test ./export -run GoldenCards -update.
func TestGoldenCards(t *testing.T) {
	pdf, _ := writeCards(t, example(t, "bakery"), CardOptions{FileName: "bakery.yaml"})
	got := tool(t, pdf, "pdftoppm", "-png", "-r", "40", "-singlefile", "-f", "1", "-l", "1")
	matchGolden(t, "cards-bakery", got)
}
