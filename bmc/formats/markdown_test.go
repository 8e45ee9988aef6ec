package formats

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/assets"
	"github.com/bmcanvas/bmcanvas/bmc"
)

// sameNotes checks that b holds a's header and notes: every note in the
// same block and place with the same text and attributes, links pointing
// at the same notes. IDs may differ: Markdown writes only those a link
// needs.
func sameNotes(t testing.TB, a, b *bmc.Canvas) {
	t.Helper()
	if a.TemplateID != b.TemplateID || a.Meta != b.Meta || a.BackstageShown() != b.BackstageShown() {
		t.Fatalf("header differs:\n%+v %s %v\n%+v %s %v", a.Meta, a.TemplateID, a.View, b.Meta, b.TemplateID, b.View)
	}
	place := func(c *bmc.Canvas, id string) string {
		blk, i, ok := c.Find(id)
		if !ok {
			return "nowhere"
		}
		return fmt.Sprintf("%s[%d]", blk, i)
	}
	for _, blk := range a.Template().BlockIDs() {
		na, nb := a.Blocks[blk], b.Blocks[blk]
		if len(na) != len(nb) {
			t.Fatalf("%s: %d notes, read back %d", blk, len(na), len(nb))
		}
		for i := range na {
			x, y := na[i], nb[i]
			if x.Text != y.Text {
				t.Errorf("%s[%d]: text %q, read back %q", blk, i, x.Text, y.Text)
			}
			var lx, ly []string
			for _, s := range x.Segments {
				lx = append(lx, place(a, s))
			}
			for _, s := range y.Segments {
				ly = append(ly, place(b, s))
			}
			x.ID, y.ID, x.Text, y.Text, x.Segments, y.Segments = "", "", "", "", nil, nil
			if !reflect.DeepEqual(x, y) || !reflect.DeepEqual(lx, ly) {
				t.Errorf("%s[%d]: %+v links %v, read back %+v links %v", blk, i, x, lx, y, ly)
			}
		}
	}
}

func TestMarkdownRoundTripExamples(t *testing.T) {
	for _, ex := range assets.Examples() {
		t.Run(ex.Name, func(t *testing.T) {
			c := loadExample(t, ex.Name)
			md, err := WriteMarkdown(c)
			if err != nil {
				t.Fatal(err)
			}
			back, rep, err := ReadMarkdown(ex.Name+".md", md, Options{})
			if err != nil {
				t.Fatalf("read back: %v\n%s", err, md)
			}
			sameNotes(t, c, back)
			if len(rep.Skipped) > 0 {
				t.Errorf("reading back skipped: %v", rep.Skipped)
			}
			again, _ := WriteMarkdown(back)
			if string(again) != string(md) {
				t.Errorf("writing the read-back canvas gives other Markdown:\n%s\n---\n%s", md, again)
			}
		})
	}
}

// TestMarkdownKeepsEveryText: texts that Markdown would read otherwise
// come back exactly.
func TestMarkdownKeepsEveryText(t *testing.T) {
	texts := []string{
		"", " ", "plain", "two\nlines", "blank\n\nline", "three\n\n\nblanks", "\nleading break", "trailing break\n",
		"\n", "\n\n", "  two leading blanks", "trailing blanks  ", "tab\there", "\tleading tab", "line\r\nwith CR",
		`back\slash`, `escaped \* star`, `\\`, `ends with \`, "&#32; literal reference", "&amp; named", "&#x41;",
		"[x] looks done", "[ ] looks open", "[x]", "not [x] at start", "# not a heading", "- not a bullet",
		"1. not a number", "> not a quote", "<!-- bmcanvas {\"color\":\"red\"} -->", "a\n<!-- bmcanvas {} -->",
		"<b>html</b>", "```\ncode\n```", "---", "a\n---\nb", "a\n  indented\n    more", "a\n- sub\n  - subsub",
		"emoji 😀 and 日本語", "nul\x00byte", "line\u2028separator", "bom\ufeff", "del\x7f", "c1\u0085nel",
		"*emphasis* and **strong**", "trailing hashes ##", "  \n  ",
	}
	c, _ := bmc.New(bmc.BusinessModelCanvas().ID)
	for _, s := range texts {
		if _, err := c.AddNote("channels", -1, bmc.Note{Text: s}); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.SetMeta(bmc.Meta{Title: " # Title with: colon #", DesignedFor: "3", Version: "true", Currency: "€", Date: "2026-11-24"}); err != nil {
		t.Fatal(err)
	}
	md, err := WriteMarkdown(c)
	if err != nil {
		t.Fatal(err)
	}
	back, _, err := ReadMarkdown("texts.md", md, Options{})
	if err != nil {
		t.Fatalf("%v\n%s", err, md)
	}
	sameNotes(t, c, back)
}

func TestMarkdownKeepsAttributes(t *testing.T) {
	c, _ := bmc.New(bmc.Lean().ID)
	seg, _ := c.AddNote(bmc.SegmentBlock, -1, bmc.Note{Text: "Students", Color: bmc.Blue})
	amount := 9.5
	if _, err := c.AddNote("revenue_streams", -1, bmc.Note{Text: "Fee --> <b>", Color: bmc.Green, Segments: []string{seg.ID},
		Status: bmc.StatusHypothesis, Evidence: "3 of 5 said yes\n--> really", Tags: []string{"subscription", "a & b"},
		Amount: &amount, Period: bmc.PeriodMonth}); err != nil {
		t.Fatal(err)
	}
	md, err := WriteMarkdown(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(md), "\n") {
		if strings.Contains(l, "<!--") && strings.Count(l, "-->") != 1 {
			t.Errorf("a comment holds \"-->\" before its end: %s", l)
		}
	}
	back, _, err := ReadMarkdown("attrs.md", md, Options{})
	if err != nil {
		t.Fatalf("%v\n%s", err, md)
	}
	sameNotes(t, c, back)
}

func TestReadMarkdownHandWritten(t *testing.T) {
	md := `# Corner Bakery

Our plan for next year. This paragraph is not a note.

## 1. Customer segment

- Office workers
- [x] Tourists
* Students,
  living nearby

## PARTNERS:

1. Flour mill
2) Dairy
- Milk
lazily continued

| a | b |
|---|---|

### Costs

- Rent
  - sub point, part of the note

## Notes

Some closing words.
`
	c, rep, err := ReadMarkdown("bakery.md", []byte(md), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.TemplateID != bmc.BusinessModelCanvas().ID || c.Title != "Corner Bakery" {
		t.Errorf("template %s, title %q", c.TemplateID, c.Title)
	}
	want := map[string][]string{
		"customer_segments": {"Office workers", "Tourists", "Students,\nliving nearby"},
		"key_partners":      {"Flour mill", "Dairy", "Milk\nlazily continued"},
		"cost_structure":    {"Rent\n- sub point, part of the note"},
	}
	for blk, texts := range want {
		var got []string
		for _, n := range c.Blocks[blk] {
			got = append(got, n.Text)
		}
		if !reflect.DeepEqual(got, texts) {
			t.Errorf("%s: %q, want %q", blk, got, texts)
		}
	}
	report := rep.String()
	for _, s := range []string{
		"# Corner Bakery (line 1) → title",
		"## 1. Customer segment (line 5) → Customer Segments: 3 notes",
		"## PARTNERS: (line 12) → Key Partners: 3 notes",
		"### Costs (line 22) → Cost Structure: 1 note",
		"bakery.md: line 3, column 1: text that is not a bullet skipped: only bullets become notes",
		"bakery.md: line 19, column 1: text that is not a bullet skipped",
		`bakery.md: line 27, column 1: heading "Notes" skipped: it names no block of the Business Model Canvas`,
		"bakery.md: line 29, column 1: text that is not a bullet skipped",
		"bakery.md: line 8, column 1: task boxes ([ ] or [x]) on 1 bullet are not kept",
	} {
		if !strings.Contains(report, s) {
			t.Errorf("the report lacks %q:\n%s", s, report)
		}
	}
}

func TestReadMarkdownTemplates(t *testing.T) {
	cases := []struct{ md, template string }{
		{"## Problem\n- a\n## Customer Segments\n- b\n", "lean"},
		{"## Unique value proposition\n- a\n", "lean"},
		{"## Who you help\n- a\n## How you help\n- b\n", "personal"},
		{"## Channels\n- a\n", "business-model-canvas"},
		{"## Value Propositions\n- a\n## Key Partners\n- b\n", "business-model-canvas"},
		{"## Value proposition\n- a\n## Problem\n- b\n", "lean"},
		{"---\ntemplate: personal\n---\n## Key Partners\n- a\n", "personal"},
	}
	for _, tc := range cases {
		c, _, err := ReadMarkdown("t.md", []byte(tc.md), Options{})
		if err != nil {
			t.Errorf("%q: %v", tc.md, err)
			continue
		}
		if c.TemplateID != tc.template {
			t.Errorf("%q: template %s, want %s", tc.md, c.TemplateID, tc.template)
		}
	}
	c, _, err := ReadMarkdown("t.md", []byte("## Channels\n- a\n"), Options{Template: "lean"})
	if err != nil || c.TemplateID != "lean" {
		t.Errorf("--template lean: %v", err)
	}
}

// TestReadMarkdownEmptyFrontMatter: a front matter of nothing but
// comments or blanks is no front matter, not an error.
func TestReadMarkdownEmptyFrontMatter(t *testing.T) {
	for _, fm := range []string{"", "\n", "# just a comment\n", "  \n# a\n# b\n"} {
		c, _, err := ReadMarkdown("x.md", []byte("---\n"+fm+"---\n## Problem\n- a\n"), Options{})
		if err != nil || c.NoteCount() != 1 {
			t.Errorf("front matter %q: %v", fm, err)
		}
	}
}

func TestReadMarkdownErrors(t *testing.T) {
	long := strings.Repeat("x", bmc.MaxTextLength+1)
	cases := []struct{ name, md, want string }{
		{"nothing", "Just a paragraph.\n", `bad.md: found no block heading such as "## Customer Segments"`},
		{"bullet before headings", "# Title\n- a note\n## Channels\n- b\n", `bad.md: line 2, column 1: a bullet before any block heading`},
		{"unknown heading with bullets", "## Chanels\n- a\n", `bad.md: line 1, column 1: heading "Chanels" names no block of the Business Model Canvas, so its bullets have no place (did you mean "Channels"?)`},
		{"block of another template", "---\ntemplate: business-model-canvas\n---\n## Problem\n- a\n", `bad.md: line 4, column 1: heading "Problem" names no block of the Business Model Canvas, so its bullets have no place (it is a block of the Lean Canvas)`},
		{"mixed templates", "## Problem\n- a\n## Key Partners\n- b\n", `bad.md: line 3, column 1: the headings name blocks of different templates`},
		{"unknown template", "---\ntemplate: leen\n---\n## Problem\n- a\n", `bad.md: line 2, column 11: unknown template "leen" (did you mean "lean"?)`},
		{"template conflict", "---\ntemplate: lean\n---\n## Problem\n- a\n", `bad.md: line 2, column 11: the file is a lean canvas, not personal`},
		{"unclosed front matter", "---\ntemplate: lean\n## Problem\n", `bad.md: line 1, column 1: the front matter that starts here has no closing "---" line`},
		{"front matter syntax", "---\ntitle: [a\n---\n## Problem\n- a\n", `bad.md: line 3: front matter: YAML syntax: did not find expected ',' or ']'`},
		{"front matter list", "---\ntitle: [a]\n---\n## Problem\n- a\n", `bad.md: line 2, column 8: front matter key "title" must be one line of text`},
		{"front matter key twice", "---\ntitle: a\ntitle: b\n---\n## Problem\n- a\n", `bad.md: line 3, column 1: front matter: key "title" appears twice (first on line 2)`},
		{"front matter alias", "---\ntitle: &t a\nversion: *t\n---\n## Problem\n- a\n", `bad.md: line 2, column 8: YAML anchors and aliases (&name, *name) are not allowed in a Markdown file's front matter`},
		{"front matter list at top", "---\n- a\n---\n## Problem\n- a\n", `bad.md: line 2, column 1: front matter: expected a mapping of keys such as "template: business-model-canvas", found a list`},
		{"front matter syntax on its first line", "---\ntitle: a: b\n---\n## Problem\n- a\n", `bad.md: line 2: front matter: YAML syntax: mapping values are not allowed in this context (text that contains ": ", "#", "," or brackets must be quoted: title: "Bakery: the plan")`},
		{"front matter long key", "---\ntitle: a\n" + strings.Repeat("k", 1100) + ": a\n---\n## Problem\n- a\n", `bad.md: line 3: front matter: a key is longer than 1,024 characters; keys are short names such as "title"`},
		{"front matter control character", "---\ntitle: a\x07\n---\n## Problem\n- a\n", `bad.md: line 2, column 9: control character U+0007 (BEL) is not allowed in a Markdown file's front matter`},
		{"long title", "---\ntitle: " + strings.Repeat("t", 501) + "\n---\n## Problem\n- a\n", `bad.md: line 2, column 8: title is 501 characters long; it may be at most 500`},
		{"bad backstage", "---\nbackstage: gone\n---\n## Channels\n- a\n", `bad.md: line 2, column 12: backstage must be "shown" or "hidden", not "gone"`},
		{"lean has no backstage", "---\ntemplate: lean\nbackstage: hidden\n---\n## Problem\n- a\n", `bad.md: line 3, column 12: the Lean Canvas has no backstage to hide`},
		{"text too long", "## Channels\n\n- " + long + "\n", `bad.md: line 3, column 1: text is 20001 characters long; a note's text may be at most 20000`},
		{"invalid UTF-8", "## Channels\n- caf\xe9\n", `bad.md: line 2, column 6: byte 0xE9 is not valid UTF-8`},
		{"attributes not JSON", "## Channels\n- a\n  <!-- bmcanvas {color: blue} -->\n", `bad.md: line 3, column 3: the note's attributes: invalid character 'c'`},
		{"unknown attribute", "## Channels\n- a\n  <!-- bmcanvas {\"colour\":\"blue\"} -->\n", `bad.md: line 3, column 3: the note's attributes: unknown field "colour"`},
		{"tags not a list", "## Channels\n- a\n  <!-- bmcanvas {\"tags\":\"x\"} -->\n", `bad.md: line 3, column 3: the note's attributes: tags must be a list of texts such as ["a"], found text`},
		{"amount as text", "## Channels\n- a\n  <!-- bmcanvas {\"amount\":\"12\"} -->\n", `bad.md: line 3, column 3: the note's attributes: amount must be a number such as 1200 or 9.99, found text`},
		{"color a number", "## Channels\n- a\n  <!-- bmcanvas {\"color\":3} -->\n", `bad.md: line 3, column 3: the note's attributes: color must be text, found a number`},
		{"bad colour", "## Channels\n- a\n  <!-- bmcanvas {\"color\":\"red\"} -->\n", `bad.md: line 2, column 1: unknown colour "red"`},
		{"duplicate id", "## Channels\n- a\n  <!-- bmcanvas {\"id\":\"x\"} -->\n- b\n  <!-- bmcanvas {\"id\":\"x\"} -->\n", `bad.md: line 4, column 1: note id "x" is used twice (first on line 2)`},
		{"link to nothing", "## Channels\n- a\n  <!-- bmcanvas {\"segments\":[\"s\"]} -->\n", `bad.md: line 3, column 3: the note links to "s", which no note of the file has as its id`},
		{"link to no segment", "## Channels\n- a\n  <!-- bmcanvas {\"id\":\"c\"} -->\n- b\n  <!-- bmcanvas {\"segments\":[\"c\"]} -->\n", `bad.md: line 5, column 3: the note links to "c", which is not a note of Customer Segments`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opt := Options{}
			if tc.name == "template conflict" {
				opt.Template = "personal"
			}
			_, _, err := ReadMarkdown("bad.md", []byte(tc.md), opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error:\n%v\nwant it to contain:\n%s", err, tc.want)
			}
		})
	}
}

// TestHeadingVariants: the headings the README promises name their blocks.
func TestHeadingVariants(t *testing.T) {
	cases := []struct{ heading, template, block string }{
		{"Customer Segment", "business-model-canvas", "customer_segments"},
		{"2. Value Propositions", "business-model-canvas", "value_propositions"},
		{"COSTS:", "business-model-canvas", "cost_structure"},
		{"Partners", "business-model-canvas", "key_partners"},
		{"Key Partnerships", "business-model-canvas", "key_partners"},
		{"Resources", "business-model-canvas", "key_resources"},
		{"Key Activity", "business-model-canvas", "key_activities"},
		{"Revenue", "business-model-canvas", "revenue_streams"},
		{"Customers", "business-model-canvas", "customer_segments"},
		{"customer_relationships", "business-model-canvas", "customer_relationships"},
		{"**Channels**", "business-model-canvas", "channels"},
		{"🤝 Key Partners", "business-model-canvas", "key_partners"},
		{"UVP", "lean", "unique_value_proposition"},
		{"Problems", "lean", "problem"},
		{"Who you are and what you have", "personal", "key_resources"},
		{"Key Partners", "personal", "key_partners"},
	}
	for _, tc := range cases {
		if got, ok := blockFor(tc.heading, tc.template); !ok || got != tc.block {
			t.Errorf("%q in %s: %q, %v; want %q", tc.heading, tc.template, got, ok, tc.block)
		}
	}
	for _, h := range []string{"Notes", "Key", "Values", "Introduction"} {
		if got, ok := blockFor(h, "business-model-canvas"); ok {
			t.Errorf("%q names %s", h, got)
		}
	}
}
