package formats

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/bmcanvas/bmcanvas/assets"
	"github.com/bmcanvas/bmcanvas/bmc"
)

// slow fails an input that took longer than a parser of a few kilobytes
// should: every reader here runs in linear time.
func slow(t *testing.T, start time.Time, data []byte) {
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("took %v for %d bytes", d, len(data))
	}
}

// FuzzImportMarkdown feeds arbitrary text to the Markdown reader: it never
// panics, whatever it accepts is a valid canvas, and that canvas written
// as Markdown reads back to the same notes.
func FuzzImportMarkdown(f *testing.F) {
	for _, ex := range assets.Examples() {
		c, err := bmc.Load(ex.Name, ex.Data)
		if err != nil {
			f.Fatal(err)
		}
		md, err := WriteMarkdown(c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(md)
	}
	for _, s := range []string{
		"# T\n## Channels\n- a\n  b\n\n  c\n- [x] d\nlazy\n",
		"---\ntemplate: lean\ntitle: \"x\"\n---\n## Problem\n- &#10;a&#32;\n  <!-- bmcanvas {\"color\":\"blue\"} -->\n",
		"## Customer Segments\n- s\n  <!-- bmcanvas {\"id\":\"s\"} -->\n## Channels\n- c\n  <!-- bmcanvas {\"segments\":[\"s\"]} -->\n",
		"## Partners\n1. a\n2) b\n```\n- c\n```\n---\n***\n> q\n<x>\n\t- tab\n",
		"## Who you help\n-\n  x\n- \\- y\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		c, _, err := ReadMarkdown("fuzz.md", data, Options{})
		slow(t, start, data)
		if err != nil {
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("accepted a canvas that breaks the rules: %v", err)
		}
		md, err := WriteMarkdown(c)
		if err != nil {
			t.Fatalf("cannot write what was read: %v", err)
		}
		back, _, err := ReadMarkdown("fuzz.md", md, Options{})
		if err != nil {
			t.Fatalf("cannot read back what was written: %v\n%s", err, md)
		}
		sameNotes(t, c, back)
	})
}

// FuzzExportMarkdown writes canvases read from arbitrary YAML as Markdown:
// every text, whatever characters it holds, reads back the same.
func FuzzExportMarkdown(f *testing.F) {
	for _, ex := range assets.Examples() {
		f.Add(ex.Data)
	}
	f.Add([]byte("format: bmcanvas/1\ntemplate: lean\ntitle: \" #a\\t\"\nblocks:\n  problem:\n    - \"\\n- x\\n\\n\\t[x] \\\\* &#1;\\r\\n\"\n    - \"---\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := bmc.Load("fuzz.yaml", data)
		if err != nil {
			return
		}
		md, err := WriteMarkdown(c)
		if err != nil {
			t.Fatalf("cannot write a valid canvas: %v", err)
		}
		back, _, err := ReadMarkdown("fuzz.md", md, Options{})
		if err != nil {
			t.Fatalf("cannot read back what was written: %v\n%s", err, md)
		}
		sameNotes(t, c, back)
	})
}

// FuzzImportBMML feeds arbitrary bytes to the BMML reader: it never
// panics and whatever it accepts is a valid canvas that saves.
func FuzzImportBMML(f *testing.F) {
	files, _ := filepath.Glob("testdata/bmml/*.bmml")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"version: \"2.0\"\nmeta: {name: x}\ncustomer_segments:\n  - {id: cs-a, name: A}\nchannels:\n  - {id: ch-a, name: B, for: {customer_segments: [cs-a, cs-b]}}\n",
		"customer_segments: [{id: cs-a, name: a}, {id: cs-a, name: b}]\nfits: [{for: {value_propositions: [vp-x], customer_segments: [cs-a]}, mappings: [[a], [b, c]]}]\n",
		"cost_structure: {type: cost_driven, characteristics: [a, ''], major_costs: [{name: x, linked_to: kr-a}]}\n",
		"meta: {name: \"a\\nb\", tagline: t, created: c}\nkey_partnerships: [{id: 'bad id', name: n, provides: [ka-x]}]\n",
		"a: &x 1\nb: *x\n", "- [", "---\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		c, rep, err := ReadBMML("fuzz.bmml", data)
		slow(t, start, data)
		if err != nil {
			return
		}
		if rep == nil {
			t.Fatal("no report")
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("accepted a canvas that breaks the rules: %v", err)
		}
		if _, err := c.Marshal(); err != nil {
			t.Fatalf("cannot save the canvas: %v", err)
		}
	})
}

// FuzzJSON feeds arbitrary bytes to the JSON reader: it never panics, and
// whatever it accepts is a valid canvas that writes as JSON and reads back
// equal. Canvases read from YAML go through the same round trip.
func FuzzJSON(f *testing.F) {
	for _, ex := range assets.Examples() {
		c, err := bmc.Load(ex.Name, ex.Data)
		if err != nil {
			f.Fatal(err)
		}
		data, err := WriteJSON(c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(ex.Data)
	}
	for _, s := range []string{
		`{"format":"bmcanvas/1","template":"lean","blocks":{"problem":["a\/b","\ud83d\ude00","\ud800",{"amount":1e-7,"period":"once"}]}}`,
		`{"format":"bmcanvas/1","template":"personal","view":{"backstage":"hidden"},"blocks":{"channels":[{"id":"x","tags":["\u2028"]}]}}`,
		`[1,2`, `{"a":1,"a":2}`, "\ufeff{}",
	} {
		f.Add([]byte(s))
	}
	roundTrip := func(t *testing.T, c *bmc.Canvas) {
		data, err := WriteJSON(c)
		if err != nil {
			t.Fatalf("cannot write a valid canvas: %v", err)
		}
		back, err := ReadJSON("fuzz.json", data)
		if err != nil {
			t.Fatalf("cannot read back what was written: %v\n%s", err, data)
		}
		if !reflect.DeepEqual(back, c) {
			t.Fatalf("JSON round trip changed the canvas:\n%s", data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		c, err := ReadJSON("fuzz.json", data)
		slow(t, start, data)
		if err == nil {
			if err := c.Validate(); err != nil {
				t.Fatalf("accepted a canvas that breaks the rules: %v", err)
			}
			roundTrip(t, c)
		}
		if c, err := bmc.Load("fuzz.yaml", data); err == nil {
			roundTrip(t, c)
		}
	})
}
