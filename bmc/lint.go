package bmc

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Severity says whether a lint finding is a gap in the model or advice.
type Severity string

// The two severities. Errors fail "bmcanvas lint"; hints do so only with
// --strict.
const (
	SeverityError Severity = "error"
	SeverityHint  Severity = "hint"
)

// Finding is one gap in a canvas's model, found by Lint.
type Finding struct {
	// Rule names the check, such as "unserved-segment".
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Block and NoteID say where: NoteID is empty for a whole block.
	Block   string `json:"block"`
	NoteID  string `json:"note,omitempty"`
	Message string `json:"message"`
}

// LintRule describes one rule Lint applies, for help texts.
type LintRule struct {
	Rule     string
	Severity Severity
	Checks   string
}

var lintRules = [...]LintRule{
	{"proposition-without-segment", SeverityError, "a value proposition linked to no customer segment"},
	{"revenue-without-segment", SeverityError, "a revenue stream linked to no customer segment"},
	{"channel-without-segment", SeverityError, "a channel linked to no customer segment"},
	{"unserved-segment", SeverityError, "a customer segment that no value proposition serves"},
	{"empty-block", SeverityError, "a block with no notes (a hint for the Lean Canvas's unfair advantage)"},
	{"hypothesis-without-evidence", SeverityHint, "a hypothesis with no evidence yet"},
	{"validated-without-evidence", SeverityHint, "a note marked validated that gives no evidence"},
	{"invalidated-still-linked", SeverityHint, "an invalidated note still linked to a segment"},
	{"segment-without-channel", SeverityHint, "a customer segment no channel reaches"},
	{"segment-without-revenue", SeverityHint, "a customer segment no revenue stream comes from (fine for the free side of a platform)"},
	{"revenue-without-proposition", SeverityError, "a revenue stream linked to no value proposition it pays for (the Lean Canvas: no unique value proposition)"},
	{"activity-supports-nothing", SeverityError, "a key activity linked to no value proposition, channel or customer relationship (not in the Lean Canvas)"},
	{"unused-resource", SeverityError, "a key resource linked to no key activity or value proposition it enables (not in the Lean Canvas)"},
	{"cost-without-cause", SeverityHint, "a cost linked to nothing it comes from (activities and resources; the Lean Canvas: solution and channels)"},
	{"proposition-without-activity", SeverityHint, "a value proposition that no key activity supports (not in the Lean Canvas)"},
	{"partner-supplies-nothing", SeverityHint, "a key partner linked to no resource, activity or channel (not in the Lean Canvas)"},
}

// LintRules returns every rule Lint applies, with its severity and what
// it checks.
func LintRules() []LintRule { return append([]LintRule(nil), lintRules[:]...) }

// wording holds one template's phrasing of the lint messages; each takes
// the note's text.
type wording struct {
	proposition, revenue, channel, unserved, noChannel, noRevenue string
	// The link rules; empty where a template lacks the blocks.
	revenueForNothing, idleActivity, unusedResource, costForNothing, propositionAlone, idlePartner string
}

var wordings = map[string]wording{
	bmcTemplate.ID: {
		proposition: "value proposition %s serves no customer segment: link it to the segments it is for",
		revenue:     "revenue stream %s comes from no customer segment: link it to the segments that pay",
		channel:     "channel %s reaches no customer segment: link it to the segments it reaches",
		unserved:    "customer segment %s gets no value proposition: link a proposition to it",
		noChannel:   "customer segment %s is reached by no channel",
		noRevenue:   "customer segment %s pays through no revenue stream (fine for the free side of a platform)",

		revenueForNothing: "revenue stream %s pays for no value proposition: link it to the propositions customers pay for",
		idleActivity:      "key activity %s supports nothing: link it to the propositions, channels or relationships that need it",
		unusedResource:    "key resource %s is used by nothing: link it to the activities or propositions it enables",
		costForNothing:    "cost %s comes from nothing on the canvas: link it to the activities or resources that cause it",
		propositionAlone:  "value proposition %s has no key activity behind it: link the activities that deliver it",
		idlePartner:       "key partner %s supplies nothing: link it to the resources or activities it brings, or the channel it became",
	},
	personalTemplate.ID: {
		proposition: "how you help: %s helps nobody in \"Who you help\": link it to the people it is for",
		revenue:     "what you get: %s comes from nobody you help: link it to whoever pays or thanks you",
		channel:     "how they know you: %s reaches nobody you help: link it to the people it reaches",
		unserved:    "who you help: %s gets none of your help: link a \"How you help\" note to them",
		noChannel:   "who you help: %s has no way to know you or get your work",
		noRevenue:   "who you help: %s gives you nothing back yet, in money or otherwise",

		revenueForNothing: "what you get: %s rewards none of the ways you help: link it to the \"How you help\" notes it pays for",
		idleActivity:      "what you do: %s serves nothing you offer: link it to the help, contact or channel it goes into",
		unusedResource:    "who you are & what you have: %s goes into nothing you do: link it to the work or help it makes possible",
		costForNothing:    "what you give: %s goes into nothing on the canvas: link it to what you do or have that costs it",
		propositionAlone:  "how you help: %s has nothing you do behind it: link a \"What you do\" note to it",
		idlePartner:       "who helps you: %s helps with nothing yet: link them to what they bring or do, or the channel they became",
	},
	leanTemplate.ID: {
		proposition: "unique value proposition %s speaks to no customer segment: link it to the segments it is for",
		revenue:     "revenue stream %s comes from no customer segment: link it to the segments that pay",
		channel:     "channel %s reaches no customer segment: link it to the segments it reaches",
		unserved:    "customer segment %s gets no unique value proposition: link one to it",
		noChannel:   "customer segment %s is reached by no channel",
		noRevenue:   "customer segment %s pays through no revenue stream (fine for the free side of a platform)",

		revenueForNothing: "revenue stream %s pays for no unique value proposition: link it to what customers pay for",
		costForNothing:    "cost %s comes from nothing on the canvas: link it to the solution or channels that cause it",
	},
}

// propositionBlock returns the block holding the template's value
// propositions.
func propositionBlock(t *Template) string {
	if _, ok := t.Block("unique_value_proposition"); ok {
		return "unique_value_proposition"
	}
	return "value_propositions"
}

// Lint checks the canvas as a model: propositions, channels and revenue
// linked to the segments they serve, every segment served, no empty
// block, and hints on assumptions. Findings come in template block order.
func (c *Canvas) Lint() []Finding {
	t := c.Template()
	w := wordings[t.ID]
	var out []Finding
	add := func(rule string, sev Severity, block, id, msg string) {
		out = append(out, Finding{Rule: rule, Severity: sev, Block: block, NoteID: id, Message: msg})
	}
	linkedFrom := func(block string) map[string]bool {
		set := map[string]bool{}
		for _, n := range c.Blocks[block] {
			for _, s := range n.Segments {
				set[SegmentOf(s)] = true
			}
		}
		return set
	}
	props := propositionBlock(t)
	mustLink := map[string][2]string{
		props:        {"proposition-without-segment", w.proposition},
		RevenueBlock: {"revenue-without-segment", w.revenue},
		"channels":   {"channel-without-segment", w.channel},
	}
	served, reached, paying := linkedFrom(props), linkedFrom("channels"), linkedFrom(RevenueBlock)
	rules := c.linkRules(w)
	for _, b := range t.Blocks {
		notes := c.Blocks[b.ID]
		if len(notes) == 0 {
			sev := SeverityError
			if b.ID == "unfair_advantage" {
				sev = SeverityHint
			}
			add("empty-block", sev, b.ID, "", fmt.Sprintf("%s is empty: %s", b.Title, lowerFirst(b.Question)))
		}
		for _, n := range notes {
			label := quoteNote(n)
			if rule, ok := mustLink[b.ID]; ok && len(n.Segments) == 0 {
				add(rule[0], SeverityError, b.ID, n.ID, fmt.Sprintf(rule[1], label))
			}
			if b.ID == SegmentBlock {
				if !served[n.ID] {
					add("unserved-segment", SeverityError, b.ID, n.ID, fmt.Sprintf(w.unserved, label))
				}
				if !reached[n.ID] {
					add("segment-without-channel", SeverityHint, b.ID, n.ID, fmt.Sprintf(w.noChannel, label))
				}
				if !paying[n.ID] {
					add("segment-without-revenue", SeverityHint, b.ID, n.ID, fmt.Sprintf(w.noRevenue, label))
				}
			}
			out = append(out, c.assumptionHints(b.ID, n)...)
			for _, r := range rules {
				if r.block == b.ID && r.text != "" && !r.met(n) {
					add(r.rule, r.sev, b.ID, n.ID, fmt.Sprintf(r.text, label))
				}
			}
		}
	}
	return out
}

// linkRule is a lint rule that asks a note of a block for a link.
type linkRule struct {
	rule  string
	sev   Severity
	block string
	text  string
	met   func(n Note) bool
}

// linkRules returns the rules about links between notes, in the wording
// of the template; a rule whose blocks the template lacks has no text.
func (c *Canvas) linkRules(w wording) []linkRule {
	x := c.linkIndex()
	linksTo := func(blocks ...string) func(Note) bool {
		return func(n Note) bool {
			for _, id := range n.Links {
				if contains(blocks, x.blockOf[id]) {
					return true
				}
			}
			return false
		}
	}
	supported := map[string]bool{}
	for _, a := range c.Blocks["key_activities"] {
		for _, id := range a.Links {
			supported[id] = true
		}
	}
	return []linkRule{
		{"revenue-without-proposition", SeverityError, RevenueBlock, w.revenueForNothing, linksTo(propositionBlock(c.template()))},
		{"activity-supports-nothing", SeverityError, "key_activities", w.idleActivity, linksTo("value_propositions", "channels", "customer_relationships")},
		{"unused-resource", SeverityError, "key_resources", w.unusedResource, linksTo("key_activities", "value_propositions")},
		{"cost-without-cause", SeverityHint, costBlock, w.costForNothing, func(n Note) bool { return len(n.Links) > 0 }},
		{"proposition-without-activity", SeverityHint, "value_propositions", w.propositionAlone, func(n Note) bool { return supported[n.ID] }},
		{"partner-supplies-nothing", SeverityHint, "key_partners", w.idlePartner, func(n Note) bool { return len(n.Links) > 0 }},
	}
}

// assumptionHints gives the hints about a note's status and evidence.
func (c *Canvas) assumptionHints(block string, n Note) []Finding {
	var out []Finding
	hint := func(rule, format string, args ...any) {
		out = append(out, Finding{Rule: rule, Severity: SeverityHint, Block: block, NoteID: n.ID, Message: fmt.Sprintf(format, args...)})
	}
	noEvidence := strings.TrimSpace(n.Evidence) == ""
	switch {
	case n.Status == StatusHypothesis && noEvidence:
		hint("hypothesis-without-evidence", "%s is a hypothesis with no evidence yet: test it and note what you learn", quoteNote(n))
	case n.Status == StatusValidated && noEvidence:
		hint("validated-without-evidence", "%s is marked validated but gives no evidence: say what showed it", quoteNote(n))
	case n.Status == StatusInvalidated && len(n.Segments) > 0:
		var names []string
		for _, s := range n.Segments {
			id, persona := PersonaRef(s)
			if seg, ok := c.Note(id); ok {
				if persona != "" {
					names = append(names, persona+" of "+quoteNote(seg))
				} else {
					names = append(names, quoteNote(seg))
				}
			}
		}
		hint("invalidated-still-linked", "%s was invalidated but is still linked to %s: unlink it or rethink it", quoteNote(n), strings.Join(names, ", "))
	}
	return out
}

// quoteNote returns the note's first line, shortened, in quotes.
func quoteNote(n Note) string {
	first, _, more := strings.Cut(strings.TrimSpace(n.Text), "\n")
	if first == "" {
		return "(empty note " + n.ID + ")"
	}
	s := truncate(first, 48)
	if more && s == first {
		s += "…"
	}
	if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune("\"'“‘«„", r) {
		return s // already quoted by its author
	}
	return "“" + s + "”"
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// HasErrors reports whether any finding is an error, or, with strict, any
// finding at all.
func HasErrors(findings []Finding, strict bool) bool {
	for _, f := range findings {
		if strict || f.Severity == SeverityError {
			return true
		}
	}
	return false
}
