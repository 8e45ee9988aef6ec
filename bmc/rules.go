package bmc

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The limits of the bmcanvas/1 format. Load refuses a file past them, every
// change to a Canvas is checked against them, and Marshal never writes a
// canvas that breaks them.
const (
	// MaxFileSize is the largest canvas file, in bytes.
	MaxFileSize = 8 << 20
	// MaxTextLength is the most characters a note's text or evidence holds.
	MaxTextLength = 20000
	// MaxFieldLength is the most characters of a header field or a tag.
	MaxFieldLength = 500
	// MaxIDLength is the most characters of a note ID.
	MaxIDLength = 64
	// MaxAmount is the largest amount either way: a thousand trillion.
	MaxAmount = 1e15
)

// This file is the one rulebook of what makes a canvas valid. The decoder
// runs it over a canvas it read and locates each problem in the file; the
// Canvas methods run the part that concerns what they change; Marshal runs
// all of it before writing.

// problem is one broken rule: where (a note by block and index, or the
// header when index is -1), which key, and what is wrong.
type problem struct {
	block string
	index int
	key   string
	msg   string
	// first points at an earlier note the problem refers to (the first
	// use of a duplicate ID), -1 when none.
	firstBlock string
	firstIndex int
}

// header and notes say where a problem lies.
func headerProblem(key, msg string) problem {
	return problem{index: -1, key: key, msg: msg, firstIndex: -1}
}

// validate runs every rule over c and reports each broken one, in file
// order, until report returns false.
func (c *Canvas) validate(report func(problem) bool) {
	for _, p := range c.metaProblems() {
		if !report(p) {
			return
		}
	}
	if p, ok := c.viewProblem(); ok && !report(p) {
		return
	}
	if p, ok := c.voteProblem(); ok && !report(p) {
		return
	}
	type ref struct {
		block string
		index int
	}
	first := make(map[string]ref, c.NoteCount())
	links := c.linkIndex()
	t := c.template()
	for _, b := range t.Blocks {
		for i := range c.Blocks[b.ID] {
			n := &c.Blocks[b.ID][i]
			stop := false
			at := func(key, msg string) {
				if !stop && !report(problem{block: b.ID, index: i, key: key, msg: msg, firstIndex: -1}) {
					stop = true
				}
			}
			n.problems(at)
			if prev, dup := first[n.ID]; dup && n.ID != "" {
				if !stop && !report(problem{block: b.ID, index: i, key: "id", msg: fmt.Sprintf("duplicate note id %q", n.ID),
					firstBlock: prev.block, firstIndex: prev.index}) {
					return
				}
			} else {
				first[n.ID] = ref{b.ID, i}
			}
			c.linkProblems(n, b.ID, links, at)
			if stop {
				return
			}
		}
	}
	for id := range c.Blocks {
		if _, ok := t.Block(id); !ok {
			report(problem{block: id, index: -1, msg: fmt.Sprintf("unknown block %q", id), firstIndex: -1})
			return
		}
	}
}

// Validate checks c against every rule of the format and returns the
// problems as Errors (without lines: the canvas has no file yet), or nil.
func (c *Canvas) Validate() error {
	if _, ok := TemplateByID(c.TemplateID); !ok {
		return Errors{{Msg: fmt.Sprintf("unknown template %q", c.TemplateID)}}
	}
	var errs Errors
	c.validate(func(p problem) bool {
		msg := p.msg
		if p.index >= 0 {
			msg = fmt.Sprintf("note %d of %s: %s", p.index+1, p.block, msg)
		}
		errs = append(errs, &Error{Msg: msg})
		return len(errs) < maxErrors
	})
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// firstProblem returns the first problem the rules find, as an error.
func firstProblem(rules func(report func(key, msg string))) error {
	var err error
	rules(func(_, msg string) {
		if err == nil {
			err = fmt.Errorf("%s", msg)
		}
	})
	return err
}

// metaProblems checks the header: single lines of a bounded length.
func (c *Canvas) metaProblems() []problem {
	var out []problem
	for _, f := range c.Meta.fields() {
		if msg := checkField(f.key, *f.value); msg != "" {
			out = append(out, headerProblem(f.key, msg))
		}
	}
	return out
}

// fields lists the header fields with their keys in the file, in order.
func (m *Meta) fields() []struct {
	key   string
	value *string
} {
	return []struct {
		key   string
		value *string
	}{
		{"title", &m.Title}, {"designed_for", &m.DesignedFor}, {"designed_by", &m.DesignedBy},
		{"date", &m.Date}, {"version", &m.Version}, {"currency", &m.Currency},
	}
}

// checkField checks a one-line header field; "" when it is fine.
func checkField(key, v string) string {
	switch {
	case !utf8.ValidString(v):
		return key + " holds text that is not valid UTF-8"
	case strings.ContainsAny(v, "\r\n\u0085\u2028\u2029"):
		return key + " must be a single line"
	case utf8.RuneCountInString(v) > MaxFieldLength:
		return fmt.Sprintf("%s is %d characters long; it may be at most %d", key, utf8.RuneCountInString(v), MaxFieldLength)
	}
	return ""
}

func (c *Canvas) viewProblem() (problem, bool) {
	switch c.View.Backstage {
	case BackstageShown, "":
		return problem{}, false
	case BackstageHidden:
		if !c.template().HasBackstage() {
			return headerProblem("view", fmt.Sprintf("the %s has no backstage to hide; remove the view line", c.template().Name)), true
		}
		return problem{}, false
	}
	return headerProblem("view", fmt.Sprintf("backstage must be \"shown\" or \"hidden\", not %q", truncate(string(c.View.Backstage), 60))), true
}

// problems reports what is wrong with a normalized note on its own, each
// with the key it concerns.
func (n *Note) problems(report func(key, msg string)) {
	if err := CheckID(n.ID); err != nil {
		report("id", err.Error())
	}
	if !n.Color.Valid() {
		report("color", fmt.Sprintf("unknown colour %q%s; colours are %s", truncate(string(n.Color), 60), suggestion(string(n.Color), strs(palette[:])), joinQuoted(palette[:])))
	}
	if !n.Status.Valid() {
		report("status", fmt.Sprintf("unknown status %q%s; statuses are %s", truncate(string(n.Status), 60), suggestion(string(n.Status), strs(statuses[:])), joinQuoted(statuses[:])))
	}
	switch {
	case n.Period != "" && !n.Period.Valid():
		report("period", fmt.Sprintf("unknown period %q%s; periods are %s", truncate(string(n.Period), 60), suggestion(string(n.Period), strs(periods[:])), joinQuoted(periods[:])))
	case n.Period != "" && n.Amount == nil:
		report("period", fmt.Sprintf("period %q given without an amount", n.Period))
	}
	if n.Amount != nil {
		if msg := checkAmount(*n.Amount); msg != "" {
			report("amount", msg)
		}
	}
	if n.Votes < 0 || n.Votes > MaxVotes {
		report("votes", fmt.Sprintf("votes must be between 0 and %d, not %d", MaxVotes, n.Votes))
	}
	checkText(report, "text", n.Text)
	checkText(report, "evidence", n.Evidence)
	for _, tag := range n.Tags {
		if msg := checkTag(tag); msg != "" {
			report("tags", msg)
			break
		}
	}
}

// checkTag checks one tag: a single line of bounded length, not blank.
func checkTag(tag string) string {
	switch {
	case !utf8.ValidString(tag):
		return "a tag holds text that is not valid UTF-8"
	case strings.TrimSpace(tag) == "":
		return "empty tag"
	case strings.ContainsAny(tag, "\r\n\u0085\u2028\u2029"):
		return fmt.Sprintf("tag %q must be a single line", truncate(tag, 40))
	case utf8.RuneCountInString(tag) > MaxFieldLength:
		return fmt.Sprintf("tag %q is %d characters long; a tag may be at most %d", truncate(tag, 40), utf8.RuneCountInString(tag), MaxFieldLength)
	}
	return ""
}

// checkText checks a note's free text: valid UTF-8, not too long.
func checkText(report func(key, msg string), key, s string) {
	switch {
	case !utf8.ValidString(s):
		report(key, key+" holds text that is not valid UTF-8")
	case len(s) > MaxTextLength && utf8.RuneCountInString(s) > MaxTextLength:
		report(key, fmt.Sprintf("%s is %d characters long; a note's %s may be at most %d", key, utf8.RuneCountInString(s), key, MaxTextLength))
	}
}

// checkAmount checks an amount is a finite number within ±MaxAmount.
func checkAmount(a float64) string {
	switch {
	case math.IsNaN(a) || math.IsInf(a, 0):
		return fmt.Sprintf("amount %v is not a finite number", a)
	case math.Abs(a) > MaxAmount:
		return fmt.Sprintf("amount %s is out of range: amounts lie between -%s and %s", formatNumber(a), formatNumber(MaxAmount), formatNumber(MaxAmount))
	}
	return ""
}

// CheckID reports whether id can name a note: 1 to 64 letters, digits,
// '-' or '_'.
func CheckID(id string) error {
	if id == "" {
		return fmt.Errorf("empty note id")
	}
	if len(id) > MaxIDLength {
		return fmt.Errorf("note id %q is longer than %d characters", truncate(id, 20), MaxIDLength)
	}
	for _, r := range id {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
			return fmt.Errorf("note id %q may only hold letters, digits, '-' and '_'", truncate(id, 40))
		}
	}
	return nil
}

// MaxPersonaLength is the most characters of a persona's name.
const MaxPersonaLength = 64

// linkIndex tells, for checking links, which block each note is in and
// which personas each segment has.
type linkIndex struct {
	template string
	blockOf  map[string]string
	personas map[string][]string
}

// linkIndex indexes the notes of c.
func (c *Canvas) linkIndex() *linkIndex {
	x := &linkIndex{template: c.TemplateID, blockOf: make(map[string]string, c.NoteCount()), personas: map[string][]string{}}
	for b, notes := range c.Blocks {
		for _, n := range notes {
			if _, dup := x.blockOf[n.ID]; !dup {
				x.blockOf[n.ID] = b
			}
			if b == SegmentBlock {
				x.personas[n.ID] = n.Personas
			}
		}
	}
	return x
}

// personaProblems reports what is wrong with a note's personas: only a
// customer segment has them, each a short single line without "/", none
// twice.
func personaProblems(n *Note, block string, report func(key, msg string)) {
	if len(n.Personas) == 0 {
		return
	}
	if block != SegmentBlock {
		report("personas", fmt.Sprintf("note %q has personas, but only customer segments have personas", n.ID))
		return
	}
	seen := make(map[string]bool, len(n.Personas))
	for _, p := range n.Personas {
		if msg := checkPersona(p); msg != "" {
			report("personas", msg)
			return
		}
		if seen[p] {
			report("personas", fmt.Sprintf("segment %q names persona %q twice", n.ID, truncate(p, 40)))
			return
		}
		seen[p] = true
	}
}

// checkPersona checks a persona's name; "" when it is fine.
func checkPersona(p string) string {
	switch {
	case !utf8.ValidString(p):
		return "a persona's name holds text that is not valid UTF-8"
	case strings.TrimSpace(p) == "":
		return "empty persona name"
	case p != strings.TrimSpace(p):
		return fmt.Sprintf("persona %q starts or ends with a blank", truncate(p, 40))
	case strings.ContainsAny(p, "/\r\n\t\u0085\u2028\u2029"):
		return fmt.Sprintf("persona %q must be a single line without \"/\"", truncate(p, 40))
	case utf8.RuneCountInString(p) > MaxPersonaLength:
		return fmt.Sprintf("persona %q is %d characters long; a persona's name may be at most %d", truncate(p, 40), utf8.RuneCountInString(p), MaxPersonaLength)
	}
	return ""
}

// checkDots checks a vote's dots per person; "" when fine.
func checkDots(dots int) string {
	if dots < 1 || dots > MaxDots {
		return fmt.Sprintf("dots per person must be between 1 and %d, not %d", MaxDots, dots)
	}
	return ""
}

// linkProblems reports links of n, a note of block, that name no note or a
// note that does not fit: a segment entry that is no customer segment or
// names no persona of it, a segment and its persona both, a link to the
// note itself, to its own block, or between blocks the template gives no
// meaning, and anything linked twice.
func (c *Canvas) linkProblems(n *Note, block string, x *linkIndex, report func(key, msg string)) {
	personaProblems(n, block, report)
	if len(n.Segments) > 0 {
		seen := make(map[string]bool, len(n.Segments))
		for _, ref := range n.Segments {
			if msg := segmentRefProblem(n, ref, x, seen); msg != "" {
				report("segments", msg)
				break
			}
			seen[ref] = true
		}
	}
	seen := make(map[string]bool, len(n.Links))
	for _, id := range n.Links {
		if msg := c.linkProblem(n, block, id, x, seen); msg != "" {
			report("links", msg)
			return
		}
		seen[id] = true
	}
}

// segmentRefProblem checks one entry of n.Segments; seen holds the entries
// before it.
func segmentRefProblem(n *Note, ref string, x *linkIndex, seen map[string]bool) string {
	seg, persona := PersonaRef(ref)
	switch {
	case seen[ref]:
		return fmt.Sprintf("note %q links segment %q twice", n.ID, truncate(ref, 40))
	case x.blockOf[seg] != SegmentBlock || seg == "":
		return fmt.Sprintf("note %q links to %q, which is not a note in Customer Segments", n.ID, truncate(seg, 40))
	case strings.Contains(ref, "/") && !contains(x.personas[seg], persona):
		if len(x.personas[seg]) == 0 {
			return fmt.Sprintf("note %q links to persona %q of segment %q, which has no personas", n.ID, truncate(persona, 40), seg)
		}
		return fmt.Sprintf("note %q links to persona %q, which segment %q does not have%s; its personas are %s", n.ID, truncate(persona, 40), seg,
			suggestion(persona, x.personas[seg]), strings.Join(x.personas[seg], ", "))
	case persona != "" && seen[seg], persona == "" && anyPersonaOf(seen, seg):
		return fmt.Sprintf("note %q links both segment %q and one of its personas: keep one", n.ID, seg)
	}
	return ""
}

func anyPersonaOf(seen map[string]bool, seg string) bool {
	for ref := range seen {
		if s, p := PersonaRef(ref); s == seg && p != "" {
			return true
		}
	}
	return false
}

// linkProblem checks one entry of n.Links; seen holds the entries before it.
func (c *Canvas) linkProblem(n *Note, block, id string, x *linkIndex, seen map[string]bool) string {
	to, ok := x.blockOf[id]
	switch {
	case seen[id]:
		return fmt.Sprintf("note %q links %q twice", n.ID, truncate(id, 40))
	case id == n.ID:
		return fmt.Sprintf("note %q links to itself", n.ID)
	case !ok:
		return fmt.Sprintf("note %q links to %q, which is no note on the canvas", n.ID, truncate(id, 40))
	}
	if _, ok := RelationOf(x.template, block, to); !ok {
		return fmt.Sprintf("note %q links to %q: %s", n.ID, id, c.noRelation(block, to))
	}
	return ""
}

// voteProblem checks the open vote: its dots, its number of ballots, and
// that each ballot holds at most Dots dots on notes of the canvas.
func (c *Canvas) voteProblem() (problem, bool) {
	v := c.Vote
	if v == nil {
		return problem{}, false
	}
	if msg := checkDots(v.Dots); msg != "" {
		return headerProblem("vote.dots", "vote: "+msg), true
	}
	if len(v.Ballots) > MaxVoters {
		return headerProblem("vote.ballots", fmt.Sprintf("vote: %d ballots; a vote counts at most %d people", len(v.Ballots), MaxVoters)), true
	}
	ids := c.idSet()
	for i, b := range v.Ballots {
		if len(b) > v.Dots {
			return headerProblem("vote.ballots", fmt.Sprintf("vote: ballot %d places %d dots; each person has %d", i+1, len(b), v.Dots)), true
		}
		for _, id := range b {
			if !ids[id] {
				return headerProblem("vote.ballots", fmt.Sprintf("vote: ballot %d places a dot on %q, which is not a note of the canvas", i+1, truncate(id, 40))), true
			}
		}
	}
	return problem{}, false
}

// idSet returns the IDs of every note.
func (c *Canvas) idSet() map[string]bool {
	set := make(map[string]bool, c.NoteCount())
	for _, notes := range c.Blocks {
		for _, n := range notes {
			set[n.ID] = true
		}
	}
	return set
}
