package export

import (
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
	c, err := bmc.New(bmc.BusinessModelCanvas.ID)
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

// TestPrintScripts writes the many-script poster to .run/scripts-*.pdf
// for a look (a scratch test while building).
func TestPrintScripts(t *testing.T) {
	for _, ink := range []Ink{InkColor, InkLight, InkMono} {
		pdf, warnings := writePDF(t, scriptCanvas(t), Options{Paper: "A3", Ink: ink})
		t.Logf("%s warnings: %q", ink, warnings)
		os.MkdirAll("../.run", 0o755)
		os.WriteFile("../.run/scripts-"+string(ink)+".pdf", pdf, 0o644)
		text := string(tool(t, pdf, "pdftotext", "-enc", "UTF-8", "-"))
		if !strings.Contains(text, "東京ベーカリー") {
			t.Errorf("no title in %s", text)
		}
	}
}
