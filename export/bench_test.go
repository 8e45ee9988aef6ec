package export

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

var realisticWords = strings.Fields(`the a of to and in for with our we customers bakery fresh bread
	sourdough delivery café Müller naïve flour ovens weekly orders subscription partners wholesale
	retail long-term co-operation market stall €12 24/7 “quoted” — – families office workers
	morning pick-up loyalty card app pastries cakes events catering margin costs rent staff
	training supplier organic local seasonal pricing discount Saturday weekend coffee`)

// realisticText returns text of about n bytes in sentences of realistic
// words; one note in forty also has a web address.
func realisticText(r *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(realisticWords[r.IntN(len(realisticWords))])
	}
	if r.IntN(40) == 0 {
		b.WriteString(" https://example.com/bakery/orders")
	}
	return b.String()
}

// realisticCanvas returns a Business Model Canvas of n notes as a team
// writes them: five customer segments, notes of five to thirty words
// spread over the blocks, the front-stage ones linked to one or two
// segments, statuses and evidence, tags, and amounts on revenue and
// costs.
func realisticCanvas(t testing.TB, n int) *bmc.Canvas {
	t.Helper()
	r := rand.New(rand.NewPCG(7, uint64(n)))
	c, err := bmc.New(bmc.BusinessModelCanvas().ID)
	if err != nil {
		t.Fatal(err)
	}
	c.Title, c.Currency = "Corner Bakery at scale", "€"
	segs := 5
	for i := 0; i < segs; i++ {
		if _, err := c.AddNote(bmc.SegmentBlock, -1, bmc.Note{ID: fmt.Sprintf("s%d", i), Text: fmt.Sprintf("Segment %d: %s", i, realisticText(r, 30)),
			Color: bmc.Palette()[i%len(bmc.Palette())]}); err != nil {
			t.Fatal(err)
		}
	}
	blocks := bmc.BusinessModelCanvas().Blocks
	for i := segs; i < n; i++ {
		b := blocks[i%len(blocks)]
		if b.ID == bmc.SegmentBlock {
			b = blocks[(i+1)%len(blocks)]
		}
		note := bmc.Note{Text: realisticText(r, 25+r.IntN(150)), Color: bmc.Palette()[r.IntN(len(bmc.Palette()))],
			Status: bmc.Statuses()[r.IntN(len(bmc.Statuses()))]}
		if note.Status == bmc.StatusHypothesis || note.Status == bmc.StatusValidated {
			note.Evidence = "interviews"
		}
		for k := 0; k < 1+r.IntN(2); k++ {
			note.Segments = append(note.Segments, fmt.Sprintf("s%d", r.IntN(segs)))
		}
		note.Segments = uniq(note.Segments)
		for k := 0; k < r.IntN(3); k++ {
			note.Tags = append(note.Tags, []string{"pilot", "q3", "risky", "partner"}[r.IntN(4)])
		}
		note.Tags = uniq(note.Tags)
		if b.ID == "revenue_streams" || b.ID == "cost_structure" {
			a := float64(100 + r.IntN(20000))
			note.Amount, note.Period = &a, bmc.Periods()[r.IntN(len(bmc.Periods()))]
		}
		if _, err := c.AddNote(b.ID, -1, note); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func uniq(s []string) []string {
	var out []string
	for _, v := range s {
		if !strings.Contains(strings.Join(out, "\x00")+"\x00", v+"\x00") {
			out = append(out, v)
		}
	}
	return out
}

// BenchmarkExport writes an A1 poster of a realistic 1,000-note canvas;
// BenchmarkExport10k one of 10,000 notes, to see how the cost grows.
func BenchmarkExport(b *testing.B)    { benchExport(b, 1000) }
func BenchmarkExport10k(b *testing.B) { benchExport(b, 10000) }

func benchExport(b *testing.B, n int) {
	c := realisticCanvas(b, n)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := PDF(&buf, c, Options{}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1024, "KiB/pdf")
}

// BenchmarkExportBakery writes an A1 poster of the bundled bakery example,
// the per-poster cost of bmcanvas export without the process around it.
func BenchmarkExportBakery(b *testing.B) {
	c := example(b, "bakery")
	for b.Loop() {
		if _, err := PDF(&bytes.Buffer{}, c, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportScripts writes the many-script poster: shaping, system
// fonts and glyphs drawn as paths and images.
func BenchmarkExportScripts(b *testing.B) {
	c := scriptCanvas(b)
	for b.Loop() {
		if _, err := PDF(&bytes.Buffer{}, c, Options{Paper: "A3"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPictures draws the A1 poster of a realistic 1,000-note canvas
// as a PNG at 96 dpi and as an SVG.
func BenchmarkPictures(b *testing.B) {
	c := realisticCanvas(b, 1000)
	for _, f := range []PictureFormat{PNG, SVG} {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				pages, _, err := Pictures(c, Options{}, f, DefaultDPI)
				if err != nil {
					b.Fatal(err)
				}
				size = len(pages[0])
			}
			b.ReportMetric(float64(size)/1024, "KiB/page")
		})
	}
}
