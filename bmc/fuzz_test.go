package bmc

import (
	"bytes"
	"fmt"
	"math"
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
		"format: bmcanvas/1\ntemplate: business-model-canvas\nview: {backstage: }\n",
		"format: bmcanvas/1\ntemplate: business-model-canvas\nview: {backstage: \"\"}\n",
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
		// Links and personas.
		"format: bmcanvas/1\ntemplate: business-model-canvas\nblocks:\n  key_partners:\n    - {id: p, links: [r, ch]}\n  key_resources:\n    - {id: r, links: [v]}\n  value_propositions:\n    - {id: v, segments: [s/Ana]}\n  channels:\n    - {id: ch, segments: [\"s/Raj, Jr.\"]}\n  customer_segments:\n    - {id: s, personas: [Ana, \"Raj, Jr.\"]}\n",
		"format: bmcanvas/1\ntemplate: lean\nblocks:\n  solution:\n    - {id: x, links: [x, y, y]}\n  problem:\n    - {id: y, personas: [\"a/b\"], links: [x]}\n",
		"format: bmcanvas/1\ntemplate: lean\nvote:\n  dots: 2\n  ballots:\n    - [a, a]\n    - []\nblocks:\n  problem:\n    - {id: a, votes: 3}\n",
		"format: bmcanvas/1\ntemplate: lean\nvote: {dots: 1, ballots: [[], null]}\n",
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
			Segments: []string{fmt.Sprintf("n%d", i%10+1)}, Tags: []string{"tag"}, Amount: &a, Period: PeriodMonth,
			Status: statuses[i%len(statuses)]}
		if note.Status != StatusIdea {
			note.Evidence = "5 of 8 interviewed said so"
		}
		if _, err := c.AddNote(blocks[i%len(blocks)], -1, note); err != nil {
			tb.Fatal(err)
		}
	}
	return c
}

// BenchmarkLoad reads realistic canvases (links, statuses, evidence,
// tags, amounts) of 40, 150 and 1,000 notes through the YAML decoder.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{40, 150, 1000} {
		b.Run(fmt.Sprintf("%d", n), func(b *testing.B) {
			data, err := bigCanvas(b, n).Marshal()
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Load("big.yaml", data); err != nil {
					b.Fatal(err)
				}
			}
		})
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

// FuzzSave builds a canvas through its methods from arbitrary values:
// whatever the methods accept, Marshal writes and Load reads back equal.
func FuzzSave(f *testing.F) {
	f.Add("Corner Bakery", "Bread\nwith butter", "subscription", "5 of 8 said so", 1200.5)
	f.Add("a\u2028b", " lead", "x\ny", "", math.NaN())
	f.Add("", "🥐 \t tab", "#", "\u0085", 1e15)
	f.Fuzz(func(t *testing.T, title, text, tag, evidence string, amount float64) {
		c, _ := New(Lean().ID)
		c.SetMeta(Meta{Title: title, Currency: tag})
		seg, err := c.AddNote(SegmentBlock, -1, Note{Text: title})
		if err != nil {
			seg.ID = ""
		}
		n := Note{Text: text, Evidence: evidence, Tags: []string{tag}, Amount: &amount, Status: StatusHypothesis}
		if seg.ID != "" {
			n.Segments = []string{seg.ID}
			seg.Personas = []string{tag, title}
			if c.UpdateNote(seg) == nil {
				n.Segments = []string{seg.ID + "/" + tag}
			}
		}
		uvp, _ := c.AddNote("unique_value_proposition", -1, Note{Text: evidence})
		if uvp.ID != "" {
			n.Links = []string{uvp.ID}
		}
		c.AddNote("revenue_streams", -1, n)
		c.AddNote("problem", -1, Note{Text: text, Votes: len(evidence) - 2})
		// A vote whose dots per person and placements come from the
		// lengths of the strings: the methods refuse what the rules do.
		if c.StartVote(len(tag)%(MaxDots+3)-1) == nil && len(c.Blocks["problem"]) > 0 {
			for i := range len(title) % 4 {
				v, _ := c.NextVoter()
				for j := range len(text) % 5 {
					c.PlaceDot(v, c.Blocks["problem"][(i+j)%len(c.Blocks["problem"])].ID)
				}
			}
		}
		out, err := c.Marshal()
		if err != nil {
			t.Fatalf("Marshal refused a canvas the methods built: %v", err)
		}
		back, err := Load("fuzz.yaml", out)
		if err != nil {
			t.Fatalf("cannot load what was saved: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(back, c) {
			t.Fatalf("load(save(c)) != c\n%s", out)
		}
	})
}
