package bmc

import (
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want Query
	}{
		{"", Query{}},
		{"  Bread  ", Query{Words: []string{"bread"}}},
		{"color:blue colour:Pink", Query{Colors: []Color{Blue, Pink}}},
		{`tag:"problem solving" status:hypothesis fresh bread`, Query{Words: []string{"fresh", "bread"}, Tags: []string{"problem solving"}, Statuses: []Status{StatusHypothesis}}},
		{`"key: value"`, Query{Words: []string{"key: value"}}},
		{"color:bleu", Query{Problems: []string{`unknown colour "bleu" (did you mean "blue"?)`}}},
		{"status:done", Query{Problems: []string{`unknown status "done"`}}},
		{"http://x tag:", Query{Words: []string{"http://x", "tag:"}}},
		{`"unclosed quote`, Query{Words: []string{"unclosed quote"}}},
	}
	for _, tt := range tests {
		if got := ParseQuery(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseQuery(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func keys(m map[string]bool) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

func TestSelectAndChain(t *testing.T) {
	c := sample(t)
	n, _ := c.Note("p1")
	n.Tags, n.Status, n.Evidence = []string{"Supplier"}, StatusHypothesis, "Asked the miller"
	if err := c.UpdateNote(n); err != nil {
		t.Fatal(err)
	}
	n, _ = c.Note("p2")
	n.Segments = []string{"s2"}
	if err := c.UpdateNote(n); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ query, want string }{
		{"", "p1,p2,p3,s1,s2,v1"},
		{"FLOUR", "p1"},
		{"miller", "p1"},
		{"tag:supplier", "p1"},
		{"color:blue", "s1"},
		{"color:blue color:pink", "s1,s2"},
		{"status:hypothesis", "p1"},
		{"status:hypothesis color:blue", ""},
		{"fresh 7am", "v1"},
		{"color:bleu", ""},
	}
	for _, tt := range tests {
		if got := keys(c.Select(ParseQuery(tt.query))); got != tt.want {
			t.Errorf("Select(%q) = %s, want %s", tt.query, got, tt.want)
		}
	}
	if got := keys(c.Chain("s2")); got != "p2,s2,v1" {
		t.Errorf("Chain(s2) = %s", got)
	}
	if got := keys(c.Chain("p1")); got != "p1" {
		t.Errorf("Chain of an unlinked partner = %s", got)
	}
	if got := keys(c.Chain("nope")); got != "" {
		t.Errorf("Chain of no note = %s", got)
	}
	if h := c.Hypotheses(); len(h) != 1 || h[0].Block != "key_partners" || h[0].Note.ID != "p1" {
		t.Errorf("Hypotheses = %+v", h)
	}
}

func TestSuggestedTags(t *testing.T) {
	c, _ := New(BusinessModelCanvas().ID)
	c.AddNote("channels", -1, Note{Tags: []string{"Online", "physical"}})
	got := strings.Join(c.SuggestedTags("key_resources"), ",")
	if got != "physical,intellectual,human,financial,Online" {
		t.Errorf("SuggestedTags = %s", got)
	}
}

// FuzzParseQuery: any typed text parses without panic, and a query's
// words never contain blanks at their ends.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"", "bread", `tag:"problem solving" color:blue`, `"`, "status:", "colour:gr\u00e9y", "\xff"} {
		f.Add(s)
	}
	c := sample(f)
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		for _, w := range q.Words {
			if w == "" {
				t.Fatalf("empty word from %q", s)
			}
		}
		c.Select(q)
	})
}
