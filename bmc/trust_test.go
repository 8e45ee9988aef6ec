package bmc

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestOneRulebook checks that the reader refuses what the rules refuse,
// however the value is written: the fast line reader once accepted these.
func TestOneRulebook(t *testing.T) {
	const head = "format: bmcanvas/1\ntemplate: lean\n"
	note := func(fields string) string {
		return head + "blocks:\n  revenue_streams:\n    - {id: a, " + fields + "}\n"
	}
	tests := []struct {
		name, in string
		line     int
		msg      string
	}{
		{"NaN", note("amount: NaN"), 5, `amount must be a number such as 1200 or 9.99, found "NaN"`},
		{".nan", note("amount: .nan"), 5, "amount NaN is not a finite number"},
		{"+Inf", note("amount: +Inf"), 5, `amount must be a number such as 1200 or 9.99, found "+Inf"`},
		{".inf", note("amount: -.inf"), 5, "amount -Inf is not a finite number"},
		{"1e400", note("amount: 1e400"), 5, "amount 1e400 is out of range: amounts lie between -1000000000000000 and 1000000000000000"},
		{"too large", note("amount: 2e15"), 5, "amount 2000000000000000 is out of range"},
		{"escaped newline in the title", head + "title: \"a\\nb\"\n", 3, "title must be a single line"},
		{"escaped line separator", head + "version: \"3\\u2028b\"\n", 3, "version must be a single line"},
		{"escaped newline in a tag", note(`tags: ["x\ny"]`), 5, `tag "x\ny" must be a single line`},
		{"long title", head + "title: " + strings.Repeat("t", MaxFieldLength+1) + "\n", 3, "title is 501 characters long; it may be at most 500"},
		{"long text", note("text: " + strings.Repeat("t", MaxTextLength+1)), 5, "text is 20001 characters long; a note's text may be at most 20000"},
		{"long tag", note("tags: [" + strings.Repeat("t", MaxFieldLength+1) + "]"), 5, "a tag may be at most 500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load("r.yaml", []byte(tt.in))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("err = %v, want located errors", err)
			}
			if es[0].Line != tt.line || !strings.Contains(es[0].Msg, tt.msg) {
				t.Errorf("got %q (line %d), want line %d with %q", es[0].Error(), es[0].Line, tt.line, tt.msg)
			}
		})
	}
}

// TestMutatorsAndWriterKeepTheRules checks that no Canvas method lets in
// what Load would refuse, and that Marshal refuses a canvas changed by hand.
func TestMutatorsAndWriterKeepTheRules(t *testing.T) {
	c, _ := New(Lean().ID)
	nan, big := math.NaN(), 1e16
	for name, n := range map[string]Note{
		"NaN amount":   {Text: "x", Amount: &nan},
		"huge amount":  {Text: "x", Amount: &big},
		"long text":    {Text: strings.Repeat("x", MaxTextLength+1)},
		"tag newline":  {Text: "x", Tags: []string{"a\u2028b"}},
		"bad colour":   {Text: "x", Color: "bleu"},
		"dangling seg": {Text: "x", Segments: []string{"nope"}},
	} {
		if _, err := c.AddNote("revenue_streams", -1, n); err == nil {
			t.Errorf("AddNote accepted a note with a %s", name)
		}
	}
	if err := c.SetMeta(Meta{Title: "a\u2029b"}); err == nil {
		t.Error("SetMeta accepted a title with a paragraph separator")
	}
	if err := c.SetMeta(Meta{Currency: strings.Repeat("€", MaxFieldLength+1)}); err == nil {
		t.Error("SetMeta accepted a 501-character currency")
	}
	n, err := c.AddNote("revenue_streams", -1, Note{Text: "ok"})
	if err != nil {
		t.Fatal(err)
	}
	c.Blocks["revenue_streams"][0].Amount = &nan // by hand, past the methods
	if _, err := c.Marshal(); err == nil || !strings.Contains(err.Error(), "amount NaN is not a finite number") {
		t.Errorf("Marshal of a NaN amount: %v", err)
	}
	c.Blocks["revenue_streams"][0].Amount = nil
	c.Title = "two\nlines"
	if _, err := c.Marshal(); err == nil {
		t.Error("Marshal wrote a two-line title")
	}
	_ = n
}

// TestLoadLocatesEveryBadByte checks that control characters and bytes that
// are not UTF-8 each get their own line and column.
func TestLoadLocatesEveryBadByte(t *testing.T) {
	in := "format: bmcanvas/1\ntemplate: lean\ntitle: a\x00b\nversion: \x1b[31m\ndate: caf\xe9\n"
	_, err := Load("b.yaml", []byte(in))
	want := "b.yaml: line 3, column 9: control character U+0000 (NUL) is not allowed in a canvas file: remove it\n" +
		"b.yaml: line 4, column 10: control character U+001B (ESC) is not allowed in a canvas file: remove it\n" +
		"b.yaml: line 5, column 10: byte 0xE9 is not valid UTF-8: save the file as UTF-8 text"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestLoadCountsLinesAsEditorsDo checks that a raw NEL, U+2028 or U+2029
// inside a note (a line break to YAML, not to editors) does not shift the
// lines of later problems.
func TestLoadCountsLinesAsEditorsDo(t *testing.T) {
	for _, sep := range []string{"\u0085", "\u2028", "\u2029"} {
		in := "format: bmcanvas/1\ntemplate: lean\nblocks:\n  problem:\n    - text: \"a" + sep + "        b\"\n      color: bleu\n"
		_, err := Load("s.yaml", []byte(in))
		var es Errors
		if !errors.As(err, &es) || es[0].Line != 6 || es[0].Column != 14 {
			t.Errorf("separator %U: %v, want line 6, column 14", []rune(sep)[0], err)
		}
	}
	in := "format: bmcanvas/1\ntemplate: lean\ntitle: x\u2028y: z\nversion: [\n"
	_, err := Load("s.yaml", []byte(in))
	if err == nil || !strings.Contains(err.Error(), "s.yaml: line 4") && !strings.Contains(err.Error(), "s.yaml: line 5") {
		t.Errorf("syntax error after a line separator: %v", err)
	}
}

func TestLoadMessages(t *testing.T) {
	const head = "format: bmcanvas/1\ntemplate: lean\n"
	tests := []struct{ name, in, want string }{
		{"long key", head + strings.Repeat("k", 1100) + ": v\n",
			"m.yaml: line 3: a key is longer than 1,024 characters; keys are short names such as \"text\": if this is a note, write it as - text: …"},
		{"cap", head + strings.Repeat("zebra: 1\n", 60), "… and 10 more problems"},
	}
	for _, tt := range tests {
		_, err := Load("m.yaml", []byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %.300v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestSourcePositions checks where Decode says notes and blocks stand,
// also when a note's text looks like a key.
func TestSourcePositions(t *testing.T) {
	in := "format: bmcanvas/1\ntemplate: lean\nblocks:\n  problem:\n    - id: a\n      text: |\n        id: b\n        see id: c\n    - {id: b, text: x}\n  solution:\n    - plain text\n"
	c, src, err := Decode("p.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Position{"a": {5, 7}, "b": {9, 7}, c.Blocks["solution"][0].ID: {11, 7}}
	for id, p := range want {
		if got := src.Note(id); got != p {
			t.Errorf("note %s at %v, want %v", id, got, p)
		}
	}
	if got := src.Block("solution"); got != (Position{10, 3}) {
		t.Errorf("block solution at %v", got)
	}
	if got := src.Locate(Finding{Block: "problem", NoteID: "b"}); got.Line != 9 {
		t.Errorf("Locate = %v", got)
	}
	if got := src.Locate(Finding{Block: "key_metrics"}); got.Line != 0 {
		t.Errorf("a block not in the file at %v", got)
	}
}

// TestLoadLongListInBoundedMemory is the memory test of the issue: a
// canonical file with one note of 20,000 tags loads in well under a second
// and under 100 MB.
func TestLoadLongListInBoundedMemory(t *testing.T) {
	var b strings.Builder
	b.WriteString("format: bmcanvas/1\ntemplate: lean\nblocks:\n  problem:\n    - id: n1\n      text: many tags\n      color: yellow\n      tags: [")
	for i := 0; i < 20000; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "tag%d", i)
	}
	b.WriteString("]\n")
	data := []byte(b.String())
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	c, err := Load("tags.yaml", data)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil || len(c.Blocks["problem"][0].Tags) != 20000 {
		t.Fatalf("err %v", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
		t.Errorf("loading a %d KB file allocated %d MB", len(data)>>10, alloc>>20)
	}
	if took > 5*time.Second { // generous: a guard against quadratic time, not a benchmark
		t.Errorf("loading took %v", took)
	}
}

// TestPackageDataCannotBeChanged checks that what the package hands out
// are copies: changing them changes no later answer.
func TestPackageDataCannotBeChanged(t *testing.T) {
	Palette()[0] = "black"
	Statuses()[0] = "maybe"
	Periods()[0] = "week"
	LintRules()[0].Rule = "gone"
	tp := BusinessModelCanvas()
	tp.Blocks[0].Title = "Changed"
	tp.Blocks[0].Prompts[0] = "Changed"
	tp.Blocks[0].Icon.Shapes[0].R = 99
	c, _ := New(BusinessModelCanvas().ID)
	c.Template().Blocks[0].Tags = nil
	c.Layout()[0].Block.Title = "Changed"
	if Palette()[0] != Yellow || Statuses()[0] != StatusIdea || Periods()[0] != PeriodOnce || LintRules()[0].Rule == "gone" {
		t.Error("a list handed out was the package's own")
	}
	again := BusinessModelCanvas()
	if again.Blocks[0].Title != "Key Partners" || again.Blocks[0].Prompts[0] == "Changed" || again.Blocks[0].Icon.Shapes[0].R == 99 ||
		c.Template().Blocks[0].Title != "Key Partners" {
		t.Error("a template handed out was the package's own")
	}
	if kr, _ := c.Template().Block("key_resources"); len(kr.Tags) == 0 {
		t.Error("a canvas's template lost its tags")
	}
}
