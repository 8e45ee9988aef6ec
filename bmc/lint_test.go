package bmc

import (
	"fmt"
	"strings"
	"testing"
)

// clean returns a canvas of the template with one note per block, every
// link in place: Lint finds nothing in it.
func clean(t *testing.T, templateID string) *Canvas {
	t.Helper()
	c, _ := New(templateID)
	for _, b := range c.Template().Blocks {
		n := Note{ID: b.ID, Text: b.Title + " note"}
		if b.ID != SegmentBlock {
			n.Segments = []string{"seg"}
		}
		if b.ID == SegmentBlock {
			n.ID = "seg"
		}
		c.Blocks[b.ID] = []Note{n}
		c.Blocks[b.ID][0].normalize()
	}
	for _, r := range Relations(templateID) {
		c.Blocks[r.From][0].Links = append(c.Blocks[r.From][0].Links, r.To)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	return c
}

func findings(c *Canvas) string {
	var out []string
	for _, f := range c.Lint() {
		out = append(out, fmt.Sprintf("%s %s %s/%s", f.Severity, f.Rule, f.Block, f.NoteID))
	}
	return strings.Join(out, "; ")
}

func TestLintRules(t *testing.T) {
	for _, id := range TemplateIDs() {
		if got := findings(clean(t, id)); got != "" {
			t.Errorf("clean %s canvas has findings: %s", id, got)
		}
	}
	unlink := func(block string) func(c *Canvas) {
		return func(c *Canvas) { c.Blocks[block][0].Segments = nil }
	}
	unlinkAll := func(block string) func(c *Canvas) {
		return func(c *Canvas) { c.Blocks[block][0].Links = nil }
	}
	linksOnly := func(block, to string) func(c *Canvas) {
		return func(c *Canvas) { c.Blocks[block][0].Links = []string{to} }
	}
	status := func(block string, s Status, evidence string) func(c *Canvas) {
		return func(c *Canvas) { c.Blocks[block][0].Status, c.Blocks[block][0].Evidence = s, evidence }
	}
	tests := []struct {
		name     string
		template string
		change   func(c *Canvas)
		want     string
	}{
		{"proposition without segment", "business-model-canvas", unlink("value_propositions"),
			"error proposition-without-segment value_propositions/value_propositions; error unserved-segment customer_segments/seg"},
		{"lean proposition without segment", "lean", unlink("unique_value_proposition"),
			"error proposition-without-segment unique_value_proposition/unique_value_proposition; error unserved-segment customer_segments/seg"},
		{"revenue without segment", "business-model-canvas", unlink("revenue_streams"),
			"hint segment-without-revenue customer_segments/seg; error revenue-without-segment revenue_streams/revenue_streams"},
		{"channel without segment", "personal", unlink("channels"),
			"error channel-without-segment channels/channels; hint segment-without-channel customer_segments/seg"},
		{"other blocks need no link", "business-model-canvas", unlink("key_partners"), ""},
		{"empty block", "business-model-canvas", func(c *Canvas) { c.DeleteNote("key_resources") },
			"error empty-block key_resources/"},
		{"empty unfair advantage is a hint", "lean", func(c *Canvas) { delete(c.Blocks, "unfair_advantage") },
			"hint empty-block unfair_advantage/"},
		{"hypothesis without evidence", "business-model-canvas", status("channels", StatusHypothesis, " "),
			"hint hypothesis-without-evidence channels/channels"},
		{"hypothesis with evidence", "business-model-canvas", status("channels", StatusHypothesis, "asked 5"), ""},
		{"validated without evidence", "lean", status("problem", StatusValidated, ""),
			"hint validated-without-evidence problem/problem"},
		{"invalidated still linked", "business-model-canvas", status("channels", StatusInvalidated, "nobody came"),
			"hint invalidated-still-linked channels/channels"},
		{"revenue without proposition", "business-model-canvas", unlinkAll("revenue_streams"),
			"error revenue-without-proposition revenue_streams/revenue_streams"},
		{"lean revenue without proposition", "lean", unlinkAll("revenue_streams"),
			"error revenue-without-proposition revenue_streams/revenue_streams"},
		{"revenue for a proposition, from no segment", "business-model-canvas", unlink("revenue_streams"),
			"hint segment-without-revenue customer_segments/seg; error revenue-without-segment revenue_streams/revenue_streams"},
		{"activity that supports nothing", "business-model-canvas", unlinkAll("key_activities"),
			"error activity-supports-nothing key_activities/key_activities; hint proposition-without-activity value_propositions/value_propositions"},
		{"activity that supports only a channel", "business-model-canvas", linksOnly("key_activities", "channels"),
			"hint proposition-without-activity value_propositions/value_propositions"},
		{"personal activity that supports nothing", "personal", unlinkAll("key_activities"),
			"error activity-supports-nothing key_activities/key_activities; hint proposition-without-activity value_propositions/value_propositions"},
		{"resource nothing uses", "business-model-canvas", unlinkAll("key_resources"),
			"error unused-resource key_resources/key_resources"},
		{"resource that only enables a proposition", "business-model-canvas", linksOnly("key_resources", "value_propositions"), ""},
		{"cost linked to nothing", "business-model-canvas", unlinkAll("cost_structure"),
			"hint cost-without-cause cost_structure/cost_structure"},
		{"lean cost linked to nothing", "lean", unlinkAll("cost_structure"),
			"hint cost-without-cause cost_structure/cost_structure"},
		{"partner that supplies nothing", "business-model-canvas", unlinkAll("key_partners"),
			"hint partner-supplies-nothing key_partners/key_partners"},
		{"partner that became a channel", "personal", linksOnly("key_partners", "channels"), ""},
		{"no rules for blocks the lean canvas lacks", "lean", func(c *Canvas) {
			for _, b := range []string{"problem", "solution", "key_metrics", "unfair_advantage", "unique_value_proposition", "channels"} {
				unlinkAll(b)(c)
			}
		}, ""},
		{"a persona counts as its segment", "business-model-canvas", func(c *Canvas) {
			c.Blocks[SegmentBlock][0].Personas = []string{"Ana"}
			for _, b := range []string{"value_propositions", "channels", "revenue_streams"} {
				c.Blocks[b][0].Segments = []string{"seg/Ana"}
			}
		}, ""},
		{"invalidated and unlinked", "business-model-canvas", func(c *Canvas) {
			status("key_partners", StatusInvalidated, "")(c)
			unlink("key_partners")(c)
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := clean(t, tt.template)
			tt.change(c)
			if err := c.Validate(); err != nil {
				t.Fatalf("the changed canvas is not valid: %v", err)
			}
			if got := findings(c); got != tt.want {
				t.Errorf("findings:\n got %s\nwant %s", got, tt.want)
			}
			if HasErrors(c.Lint(), false) != strings.Contains(tt.want, "error") {
				t.Errorf("HasErrors disagrees with %q", tt.want)
			}
			if HasErrors(c.Lint(), true) != (tt.want != "") {
				t.Errorf("strict HasErrors disagrees with %q", tt.want)
			}
		})
	}
}

func TestLintWording(t *testing.T) {
	c := clean(t, "personal")
	c.Blocks["value_propositions"][0].Segments = nil
	c.Blocks["value_propositions"][0].Text = "Logo design\nand brand books"
	delete(c.Blocks, "cost_structure")
	c.Blocks["key_partners"][0].Links = nil
	c.Blocks["revenue_streams"][0].Links = nil
	var msgs []string
	for _, f := range c.Lint() {
		msgs = append(msgs, f.Message)
	}
	want := []string{
		`who helps you: “Who helps you note” helps with nothing yet: link them to what they bring or do, or the channel they became`,
		`how you help: “Logo design…” helps nobody in "Who you help": link it to the people it is for`,
		`who you help: “Who you help note” gets none of your help: link a "How you help" note to them`,
		`What you give is empty: what does your work cost you?`,
		`what you get: “What you get note” rewards none of the ways you help: link it to the "How you help" notes it pays for`,
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("messages:\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

func TestLintRulesListed(t *testing.T) {
	listed := map[string]bool{}
	for _, r := range lintRules {
		listed[r.Rule] = true
	}
	for _, id := range TemplateIDs() {
		c, _ := New(id)
		unlinked := clean(t, id)
		for _, notes := range unlinked.Blocks {
			notes[0].Links, notes[0].Segments = nil, nil
		}
		for _, f := range append(c.Lint(), unlinked.Lint()...) {
			if !listed[f.Rule] {
				t.Errorf("rule %q is not in LintRules", f.Rule)
			}
		}
	}
}

func TestLintQuotesNotesOnce(t *testing.T) {
	for text, want := range map[string]string{
		"Bread":              "“Bread”",
		"“Friday loaf” club": "“Friday loaf” club",
		"\"Quoted\" plainly": "\"Quoted\" plainly",
		"":                   "(empty note x)",
	} {
		if got := quoteNote(Note{ID: "x", Text: text}); got != want {
			t.Errorf("quoteNote(%q) = %q, want %q", text, got, want)
		}
	}
}
