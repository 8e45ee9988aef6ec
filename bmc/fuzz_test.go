package bmc

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/bmcanvas/bmcanvas/assets"
)

// FuzzLoad feeds arbitrary bytes to the loader: it must never panic or
// hang, and whatever it accepts must save and load back unchanged.
func FuzzLoad(f *testing.F) {
	for _, ex := range assets.Examples() {
		f.Add(ex.Data)
	}
	seeds := []string{
		"format: bmcanvas/1\ntemplate: lean\n",
		"format: bmcanvas/1\ntemplate: personal\nview: {backstage: hidden}\nblocks:\n  customer_segments:\n    - {id: s, text: x}\n  channels:\n    - {id: c, segments: [s], amount: 1e3, period: once, tags: [a]}\n",
		"format: bmcanvas/1\ntemplate: business-model-canvas\nblocks:\n  channels:\n    - \"a\\tb\\n c\"\n    - text: |+\n        x\n\n",
		"a: &a [x]\nb: *a\n",
		"format: bmcanvas/2\n",
		"- [",
		// Values the format refuses however they are written.
		"format: bmcanvas/1\ntemplate: lean\nblocks:\n  revenue_streams:\n    - {id: a, amount: NaN}\n",
		"format: bmcanvas/1\ntemplate: lean\nblocks:\n  revenue_streams:\n    - {id: a, amount: .nan}\n",
		"format: bmcanvas/1\ntemplate: lean\nblocks:\n  revenue_streams:\n    - {id: a, amount: +Inf}\n",
		"format: bmcanvas/1\ntemplate: lean\nblocks:\n  revenue_streams:\n    - {id: a, amount: -.inf}\n",
		"format: bmcanvas/1\ntemplate: lean\nblocks:\n  revenue_streams:\n    - {id: a, amount: 1e400}\n",
		"format: bmcanvas/1\ntemplate: lean\ntitle: \"a\\nb\"\n",
		"format: bmcanvas/1\ntemplate: lean\ntitle: \"a\\u2028b\"\n",
		"format: bmcanvas/1\ntemplate: lean\n# a comment\ntitle: \"tab\\tand\\\"quote\"\n",
		"format: bmcanvas/1\ntemplate: lean\ntitle: a\u0085b\n",
		"format: bmcanvas/1\ntemplate: lean\nblocks:\n  problem:\n    - {id: a, tags: [\"x\\ny\"]}\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Load("fuzz.yaml", data)
		if err != nil {
			return
		}
		out, err := c.Marshal()
		if err != nil {
			t.Fatalf("marshal a loaded canvas: %v", err)
		}
		back, err := Load("fuzz.yaml", out)
		if err != nil {
			t.Fatalf("cannot load what was saved: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(back, c) {
			t.Fatalf("load(save(c)) != c\n%s", out)
		}
		again, _ := back.Marshal()
		if !bytes.Equal(again, out) {
			t.Fatalf("saving twice differs:\n%s\n---\n%s", out, again)
		}
	})
}

// bigCanvas returns a canvas with n notes spread over the blocks, with
// links, tags and amounts, like a busy workshop wall.
func bigCanvas(tb testing.TB, n int) *Canvas {
	c, _ := New(BusinessModelCanvas().ID)
	blocks := BusinessModelCanvas().BlockIDs()
	for i := 0; i < 10; i++ {
		if _, err := c.AddNote(SegmentBlock, -1, Note{Text: fmt.Sprintf("Segment %d", i), Color: palette[i%len(palette)]}); err != nil {
			tb.Fatal(err)
		}
	}
	for i := 10; i < n; i++ {
		a := float64(i * 10)
		note := Note{Text: fmt.Sprintf("Note %d: something the team wrote\non two lines", i), Color: palette[i%len(palette)],
			Segments: []string{fmt.Sprintf("n%d", i%10+1)}, Tags: []string{"tag"}, Amount: &a, Period: PeriodMonth}
		if _, err := c.AddNote(blocks[i%len(blocks)], -1, note); err != nil {
			tb.Fatal(err)
		}
	}
	return c
}

func BenchmarkLoad(b *testing.B) {
	data, err := bigCanvas(b, 1000).Marshal()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Load("big.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshal(b *testing.B) {
	c := bigCanvas(b, 1000)
	for b.Loop() {
		if _, err := c.Marshal(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSave measures a whole save: marshal, write, sync and rename.
func BenchmarkSave(b *testing.B) {
	c := bigCanvas(b, 1000)
	path := filepath.Join(b.TempDir(), "big.yaml")
	for b.Loop() {
		if err := SaveFile(path, c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadHandEdited measures the general YAML path, which a file
// takes once someone edits it by hand (here: a comment on top).
func BenchmarkLoadHandEdited(b *testing.B) {
	data, err := bigCanvas(b, 1000).Marshal()
	if err != nil {
		b.Fatal(err)
	}
	data = append([]byte("# edited by hand\n"), data...)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Load("big.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
