package export

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// BenchmarkExport writes an A1 poster of a 1,000-note canvas.
func BenchmarkExport(b *testing.B) {
	c, _ := bmc.New(bmc.BusinessModelCanvas().ID)
	for i := 0; i < 1000; i++ {
		block := bmc.BusinessModelCanvas().Blocks[i%9].ID
		text := fmt.Sprintf("Note %d: %s", i, strings.Repeat("word ", 3+i%9))
		if _, err := c.AddNote(block, -1, bmc.Note{Text: text, Color: bmc.Palette()[i%7]}); err != nil {
			b.Fatal(err)
		}
	}
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
