package bmc

import (
	"errors"
	"strings"
	"testing"
)

// TestLoadRejectsBadInput checks that each kind of broken file gets a
// message naming the file, the line and what is wrong.
func TestLoadRejectsBadInput(t *testing.T) {
	const head = "format: bmcanvas/1\ntemplate: business-model-canvas\n"
	tests := []struct {
		name string
		in   string
		line int
		msg  string
	}{
		{"empty file", "", 0, "the file is empty"},
		{"only a comment", "# nothing\n", 0, "the file is empty"},
		{"syntax error", head + "title: [unclosed\n", 3, "YAML syntax:"},
		{"syntax error on the first line", "format: a: b\n", 1, "YAML syntax: mapping values are not allowed in this context"},
		{"bad indentation", head + "blocks:\n  channels:\n   - text: a\n  - text: b\n", 4, "YAML syntax:"},
		{"tab indentation", head + "blocks:\n\tchannels: []\n", 4, "YAML syntax:"},
		{"tab before a key", head + "blocks:\n  channels:\n    - text: a\n\t  color: x\n", 5, "YAML syntax: found a tab character that violates indentation (indent with spaces, not tabs)"},
		{"not a mapping", "- a\n- b\n", 1, "expected a mapping"},
		{"missing format", "template: lean\n", 1, `missing "format: bmcanvas/1"`},
		{"newer format", "format: bmcanvas/2\ntemplate: lean\n", 1, "made by a newer bmcanvas"},
		{"foreign format", "format: bmml/1\n", 1, `unknown format "bmml/1"`},
		{"missing template", "format: bmcanvas/1\ntitle: x\n", 1, `missing "template:"`},
		{"unknown template", "format: bmcanvas/1\ntemplate: lean-canvas\n", 2, `unknown template "lean-canvas"`},
		{"misspelt key", head + "titel: Bakery\n", 3, `unknown key "titel" (did you mean "title"?)`},
		{"duplicate key", head + "title: a\ntitle: b\n", 4, `key "title" appears twice (first on line 3)`},
		{"misspelt block", head + "blocks:\n  key_partner: []\n", 4, `unknown block "key_partner" (did you mean "key_partners"?)`},
		{"unknown block far off", head + "blocks:\n  zebra: []\n", 4, `unknown block "zebra"; the Business Model Canvas has key_partners`},
		{"block of another template", head + "blocks:\n  problem: []\n", 4, `unknown block "problem"`},
		{"block not a list", head + "blocks:\n  channels: web shop\n", 4, `block channels must be a list of notes, found "web shop"`},
		{"blocks not a mapping", head + "blocks: [a]\n", 3, "blocks must be a mapping"},
		{"title not text", head + "title: {a: 1}\n", 3, "title must be text, found a mapping"},
		{"multi-line title", head + "title: |\n  a\n  b\n", 3, "title must be a single line"},
		{"note not a mapping", head + "blocks:\n  channels:\n    - [a, b]\n", 5, "a note must be a mapping"},
		{"misspelt note key", head + "blocks:\n  channels:\n    - {id: a, txt: Web}\n", 5, `unknown key "txt" (did you mean "text"?)`},
		{"unknown colour", head + "blocks:\n  channels:\n    - id: a\n      color: bleu\n", 6, `unknown colour "bleu" (did you mean "blue"?)`},
		{"unknown status", head + "blocks:\n  channels:\n    - id: a\n      status: validate\n", 6, `unknown status "validate" (did you mean "validated"?)`},
		{"unknown period", head + "blocks:\n  channels:\n    - id: a\n      amount: 5\n      period: monthly\n", 7, `unknown period "monthly" (did you mean "month"?)`},
		{"amount not a number", head + "blocks:\n  channels:\n    - id: a\n      amount: lots\n", 6, `amount must be a number such as 1200 or 9.99, found "lots"`},
		{"amount infinite", head + "blocks:\n  channels:\n    - id: a\n      amount: .inf\n", 6, "is not a finite number"},
		{"tags not a list", head + "blocks:\n  channels:\n    - id: a\n      tags: web\n", 6, "tags must be a list"},
		{"duplicate id", head + "blocks:\n  channels:\n    - id: a\n    - id: a\n", 6, `duplicate note id "a" (first used on line 5)`},
		{"bad id", head + "blocks:\n  channels:\n    - id: a b\n", 5, `note id "a b" may only hold`},
		{"dangling segment", head + "blocks:\n  channels:\n    - id: a\n      segments: [zz]\n", 6, `links to "zz", which is not a note in Customer Segments`},
		{"link to a non-segment", head + "blocks:\n  channels:\n    - id: a\n    - id: b\n      segments: [a]\n", 7, `links to "a"`},
		{"dangling link", head + "blocks:\n  key_partners:\n    - id: a\n      links: [zz]\n", 6, `note "a" links to "zz", which is no note on the canvas`},
		{"link to itself", head + "blocks:\n  key_partners:\n    - id: a\n      links: [a]\n", 6, `note "a" links to itself`},
		{"link into its own block", head + "blocks:\n  key_partners:\n    - id: a\n    - id: b\n      links: [a]\n", 7, "notes in Key Partners cannot link each other"},
		{"link written on the wrong note", head + "blocks:\n  key_activities:\n    - id: k\n  value_propositions:\n    - id: v\n      links: [k]\n", 8,
			"write the link on the other note (a note in Key Activities supports one in Value Propositions)"},
		{"link without a meaning", head + "blocks:\n  channels:\n    - id: c\n  value_propositions:\n    - id: v\n      links: [c]\n", 8,
			"notes in Value Propositions link to no other notes (only to customer segments)"},
		{"segment in links", head + "blocks:\n  key_partners:\n    - id: a\n      links: [s]\n  customer_segments:\n    - id: s\n", 6, "links to customer segments go in segments, not links"},
		{"link twice", head + "blocks:\n  key_partners:\n    - id: a\n      links: [r, r]\n  key_resources:\n    - id: r\n", 6, `note "a" links "r" twice`},
		{"links not a list", head + "blocks:\n  key_partners:\n    - id: a\n      links: r\n", 6, "links must be a list"},
		{"personas off a segment", head + "blocks:\n  channels:\n    - id: c\n      personas: [Ana]\n", 6, "only customer segments have personas"},
		{"persona twice", head + "blocks:\n  customer_segments:\n    - id: s\n      personas: [Ana, Ana]\n", 6, `segment "s" names persona "Ana" twice`},
		{"persona with a slash", head + "blocks:\n  customer_segments:\n    - id: s\n      personas: [\"A/B\"]\n", 6, `persona "A/B" must be a single line without "/"`},
		{"unknown persona", head + "blocks:\n  customer_segments:\n    - id: s\n      personas: [Ana]\n  channels:\n    - id: c\n      segments: [s/Anna]\n", 9,
			`note "c" links to persona "Anna", which segment "s" does not have (did you mean "Ana"?); its personas are Ana`},
		{"persona of a segment without personas", head + "blocks:\n  customer_segments:\n    - id: s\n  channels:\n    - id: c\n      segments: [s/Ana]\n", 8, "which has no personas"},
		{"segment and its persona", head + "blocks:\n  customer_segments:\n    - id: s\n      personas: [Ana]\n  channels:\n    - id: c\n      segments: [s/Ana, s]\n", 9, `links both segment "s" and one of its personas`},
		{"bad backstage", head + "view: {backstage: off}\n", 3, `backstage must be "shown" or "hidden", not "off"`},
		{"alias", head + "title: &t Bakery\ndesigned_by: *t\n", 3, "anchors and aliases"},
		{"unquoted colon", head + "blocks:\n  channels:\n    - {id: a, text: Wages: 2 bakers}\n", 5, `did not find expected ',' or '}' (text that contains ": ", "#", "," or brackets must be quoted: text: "Wages: 2 bakers")`},
		{"quoted amount", head + "blocks:\n  channels:\n    - {id: a, amount: \"2400\"}\n", 5, "write it without quotes, as amount: 2400"},
		{"hidden backstage on lean", "format: bmcanvas/1\ntemplate: lean\nview: {backstage: hidden}\n", 3, "the Lean Canvas has no backstage to hide"},
		{"two documents", head + "---\nformat: bmcanvas/1\n", 3, "a second YAML document"},
		{"invalid UTF-8", head + "title: caf\xe9\n", 3, "not valid UTF-8"},
		{"alias bomb", "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n", 1, "anchors and aliases"},
		{"empty tag on a note without id", head + "blocks:\n  cost_structure:\n    - {text: rent, tags: [\"\"]}\n", 5, "empty tag"},
		{"period without amount, no id", head + "blocks:\n  cost_structure:\n    - {text: rent, period: month}\n", 5, `period "month" given without an amount`},
		{"too large", head + "title: " + strings.Repeat("x", MaxFileSize) + "\n", 0, "is 8,388,667 bytes (8.0 MiB), 59 bytes more than a canvas file may be (8 MiB)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load("bad.yaml", []byte(tt.in))
			if err == nil {
				t.Fatalf("loaded %+v, want an error", c)
			}
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error %v is not a located Errors", err)
			}
			e := es[0]
			if e.File != "bad.yaml" || e.Line != tt.line || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("first error = %q (line %d), want line %d with %q", e.Error(), e.Line, tt.line, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), "bad.yaml: ") {
				t.Errorf("message %q does not start with the file name", err)
			}
		})
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	in := "format: bmcanvas/1\ntemplate: business-model-canvas\ntitel: x\nblocks:\n  channel: []\n  channels:\n    - {id: a, color: bleu}\n"
	_, err := Load("f.yaml", []byte(in))
	want := "f.yaml: line 3, column 1: canvas: unknown key \"titel\" (did you mean \"title\"?)\n" +
		"f.yaml: line 5, column 3: unknown block \"channel\" (did you mean \"channels\"?)\n" +
		"f.yaml: line 7, column 22: unknown colour \"bleu\" (did you mean \"blue\"?); colours are yellow, orange, pink, green, blue, purple, grey"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

func TestLoadIsLenientWhereItHelps(t *testing.T) {
	in := "format: bmcanvas/1\r\ntemplate: lean\r\nversion: 3\r\ndate: 2026-01-02\r\nblocks:\r\n  problem:\r\n    - Slow repairs\r\n    - {text: No spare parts}\r\n  solution:\r\n"
	c, err := Load("ok.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if c.Version != "3" || c.Date != "2026-01-02" || ids(c.Blocks["problem"]) != "n1,n2" || c.Blocks["problem"][0].Text != "Slow repairs" {
		t.Errorf("loaded %+v", c)
	}
}

// A huge bad value is quoted shortened, so that messages stay readable.
func TestLoadShortensLongValues(t *testing.T) {
	long := strings.Repeat("b", 1<<20)
	in := "format: bmcanvas/1\ntemplate: lean\nblocks:\n  problem:\n    - {id: a, color: " + long + "}\n    - {id: b, status: " + long + "}\n    - {id: c, segments: [" + long + "]}\n"
	_, err := Load("long.yaml", []byte(in))
	if err == nil {
		t.Fatal("loaded")
	}
	if n := len(err.(Errors)); n != 3 {
		t.Errorf("%d errors, want 3", n)
	}
	for _, e := range err.(Errors) {
		if len(e.Msg) > 1000 || !strings.Contains(e.Msg, "bbb…") {
			t.Errorf("message of %d bytes: %.120s", len(e.Msg), e.Msg)
		}
	}
}
