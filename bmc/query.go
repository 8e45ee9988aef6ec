package bmc

import (
	"fmt"
	"strings"
	"unicode"
)

// Query selects notes, as typed in the editor's find bar: words to find in
// a note's text, evidence or tags, plus filters written as key:value —
// color:blue (or colour:), tag:subscription, status:hypothesis. Values
// with spaces go in quotes: tag:"problem solving". Words must all match;
// several values of one filter match any of them.
type Query struct {
	Words    []string
	Colors   []Color
	Tags     []string
	Statuses []Status
	// Problems lists filters that name no known colour or status, for the
	// find bar to show; they match nothing.
	Problems []string
}

// ParseQuery reads a query. It never fails: text it cannot read as a
// filter becomes words to find.
func ParseQuery(s string) Query {
	var q Query
	for _, tok := range tokens(s) {
		key, value, isFilter := strings.Cut(tok, ":")
		if !isFilter || value == "" {
			q.Words = append(q.Words, strings.ToLower(tok))
			continue
		}
		switch strings.ToLower(key) {
		case "color", "colour":
			if c := Color(strings.ToLower(value)); c.Valid() {
				q.Colors = append(q.Colors, c)
			} else {
				q.Problems = append(q.Problems, "unknown colour "+quoteWord(value)+suggestion(value, strs(palette[:])))
			}
		case "status":
			if st := Status(strings.ToLower(value)); st.Valid() {
				q.Statuses = append(q.Statuses, st)
			} else {
				q.Problems = append(q.Problems, "unknown status "+quoteWord(value)+suggestion(value, strs(statuses[:])))
			}
		case "tag":
			q.Tags = append(q.Tags, strings.ToLower(value))
		default:
			q.Words = append(q.Words, strings.ToLower(tok))
		}
	}
	return q
}

func quoteWord(s string) string { return fmt.Sprintf("%q", s) }

// tokens splits s at spaces, keeping "quoted parts" together and dropping
// the quotes.
func tokens(s string) []string {
	var out []string
	var cur strings.Builder
	inQuote, has := false, false
	for _, r := range s {
		switch {
		case r == '"':
			inQuote, has = !inQuote, true
		case unicode.IsSpace(r) && !inQuote:
			if has && cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
				has = false
			}
		default:
			cur.WriteRune(r)
			has = true
		}
	}
	if has && cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// Empty reports whether the query selects every note.
func (q Query) Empty() bool {
	return len(q.Words)+len(q.Colors)+len(q.Tags)+len(q.Statuses)+len(q.Problems) == 0
}

// Match reports whether n is selected by the query.
func (q Query) Match(n Note) bool {
	if len(q.Problems) > 0 {
		return false
	}
	if len(q.Colors) > 0 && !contains(q.Colors, n.Color) {
		return false
	}
	if len(q.Statuses) > 0 && !contains(q.Statuses, n.Status) {
		return false
	}
	if len(q.Tags) > 0 && !anyTag(n.Tags, q.Tags) {
		return false
	}
	if len(q.Words) == 0 {
		return true
	}
	hay := strings.ToLower(n.Text + "\n" + n.Evidence + "\n" + strings.Join(n.Tags, "\n"))
	for _, w := range q.Words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

func anyTag(have, want []string) bool {
	for _, h := range have {
		if contains(want, strings.ToLower(h)) {
			return true
		}
	}
	return false
}

// Select returns the IDs of the notes the query selects.
func (c *Canvas) Select(q Query) map[string]bool {
	out := map[string]bool{}
	for _, notes := range c.Blocks {
		for _, n := range notes {
			if q.Match(n) {
				out[n.ID] = true
			}
		}
	}
	return out
}

// Located is a note with the block it sits in.
type Located struct {
	Block string
	Note  Note
}

// Hypotheses returns every note whose status is hypothesis, in template
// block order, for a test plan.
func (c *Canvas) Hypotheses() []Located {
	var out []Located
	for _, b := range c.Template().Blocks {
		for _, n := range c.Blocks[b.ID] {
			if n.Status == StatusHypothesis {
				out = append(out, Located{Block: b.ID, Note: n.Clone()})
			}
		}
	}
	return out
}

// SuggestedTags returns the template's tags for a block followed by every
// other tag used on the canvas, without repeats, for a tag menu.
func (c *Canvas) SuggestedTags(block string) []string {
	var out []string
	seen := map[string]bool{}
	addTag := func(t string) {
		if !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			out = append(out, t)
		}
	}
	if b, ok := c.Template().Block(block); ok {
		for _, t := range b.Tags {
			addTag(t)
		}
	}
	for _, b := range c.Template().Blocks {
		for _, n := range c.Blocks[b.ID] {
			for _, t := range n.Tags {
				addTag(t)
			}
		}
	}
	return out
}
