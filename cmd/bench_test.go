package cmd

import (
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// benchWords are the words of the benchmark canvases' notes, accents,
// typographic quotes and dashes included.
var benchWords = strings.Fields(`the a of to and in for with our we customers bakery fresh bread
	sourdough delivery café Müller naïve flour ovens weekly orders subscription partners wholesale
	retail long-term co-operation market stall €12 24/7 “quoted” — – families office workers`)

// bigVersionFiles saves a realistic canvas of 1,000 notes (five segments,
// linked notes, statuses, evidence, tags, amounts) and two versions of it
// that each edit 50 different notes, as bmcanvas saves them, and returns
// their paths.
func bigVersionFiles(b *testing.B) (base, ours, theirs string) {
	b.Helper()
	r := rand.New(rand.NewPCG(11, 1000))
	text := func(n int) string {
		var s strings.Builder
		for s.Len() < n {
			if s.Len() > 0 {
				s.WriteString(" ")
			}
			s.WriteString(benchWords[r.IntN(len(benchWords))])
		}
		return s.String()
	}
	c, err := bmc.New(bmc.BusinessModelCanvas().ID)
	if err != nil {
		b.Fatal(err)
	}
	c.Title, c.Currency = "Corner Bakery at scale", "€"
	blocks := bmc.BusinessModelCanvas().Blocks
	for i := 0; i < 1000; i++ {
		note := bmc.Note{Text: text(25 + r.IntN(150)), Color: bmc.Palette()[r.IntN(len(bmc.Palette()))]}
		block := blocks[i%len(blocks)].ID
		if i < 5 {
			block, note.ID = bmc.SegmentBlock, fmt.Sprintf("s%d", i)
		} else if block != bmc.SegmentBlock {
			note.Status = bmc.Statuses()[r.IntN(len(bmc.Statuses()))]
			if note.Status == bmc.StatusHypothesis || note.Status == bmc.StatusValidated {
				note.Evidence = "interviews"
			}
			note.Segments = []string{fmt.Sprintf("s%d", r.IntN(5))}
			note.Tags = []string{[]string{"pilot", "q3", "risky", "partner"}[r.IntN(4)]}
			if block == "revenue_streams" || block == "cost_structure" {
				a := float64(100 + r.IntN(20000))
				note.Amount, note.Period = &a, bmc.Periods()[r.IntN(len(bmc.Periods()))]
			}
		}
		if _, err := c.AddNote(block, -1, note); err != nil {
			b.Fatal(err)
		}
	}
	dir := b.TempDir()
	save := func(name string, c *bmc.Canvas) string {
		path := filepath.Join(dir, name)
		if err := bmc.SaveFile(path, c); err != nil {
			b.Fatal(err)
		}
		return path
	}
	edit := func(name string, from int) string {
		v := c.Clone()
		k := 0
		for _, bl := range blocks {
			notes := v.Blocks[bl.ID]
			for i := range notes {
				if k >= from && k < from+200 && (k-from)%4 == 0 {
					notes[i].Text += " (edited by " + name + ")"
				}
				k++
			}
		}
		return save(name+".yaml", v)
	}
	return save("base.yaml", c), edit("ours", 10), edit("theirs", 500)
}

// BenchmarkDiff1k runs bmcanvas diff on two versions of a 1,000-note
// canvas in the process: reading and decoding both files, comparing,
// printing. (scripts/cmdtime.go times the whole process.)
func BenchmarkDiff1k(b *testing.B) {
	base, ours, _ := bigVersionFiles(b)
	for b.Loop() {
		if code := Main([]string{"diff", base, ours}, io.Discard, io.Discard, Window{}); code != ExitProblems {
			b.Fatalf("exit code %d, want %d", code, ExitProblems)
		}
	}
}

// BenchmarkMerge1k runs bmcanvas merge on three versions of a 1,000-note
// canvas in the process: reading and decoding them, merging, writing the
// merged canvas safely (synced) to a file.
func BenchmarkMerge1k(b *testing.B) {
	base, ours, theirs := bigVersionFiles(b)
	out := filepath.Join(filepath.Dir(base), "merged.yaml")
	for b.Loop() {
		if code := Main([]string{"merge", base, ours, theirs, "-o", out}, io.Discard, io.Discard, Window{}); code != ExitOK {
			b.Fatalf("exit code %d, want %d", code, ExitOK)
		}
	}
}

// BenchmarkExportBakery runs bmcanvas export on the bundled bakery
// example in the process: the warm cost of the command.
func BenchmarkExportBakery(b *testing.B) {
	out := filepath.Join(b.TempDir(), "bakery.pdf")
	for b.Loop() {
		if code := Main([]string{"export", examples + "bakery.yaml", "-o", out}, io.Discard, io.Discard, Window{}); code != ExitOK {
			b.Fatalf("exit code %d", code)
		}
	}
}
