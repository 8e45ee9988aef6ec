package bmc

import (
	"fmt"
	"slices"
	"strings"
)

// Relation is the meaning of a link from a note in one block to a note in
// another: "a key partner supplies a key resource". A note's Links are
// written on the From note.
type Relation struct {
	// From and To are block IDs.
	From, To string
	// Verb says what the From note does to the To note: "supplies".
	Verb string
	// Depends is true when the From note exists because of the To note (a
	// revenue stream pays for a proposition, a cost comes from an
	// activity), false when the To note relies on the From note (a partner
	// supplies a resource, an activity supports a proposition). Chains and
	// DropImpact follow this direction.
	Depends bool
}

// relations lists, per template, every pair of blocks a link may join, in
// the order a menu offers them. A pair that is not here has no meaning and
// the rules refuse it. Links to customer segments are written in Segments.
var relations = map[string][]Relation{
	bmcTemplate.ID:      bmcRelations,
	personalTemplate.ID: bmcRelations,
	leanTemplate.ID: {
		{"solution", "problem", "solves", true},
		{"solution", "unique_value_proposition", "delivers", false},
		{"unfair_advantage", "unique_value_proposition", "protects", false},
		{"unfair_advantage", "solution", "protects", false},
		{"revenue_streams", "unique_value_proposition", "pays for", true},
		{"key_metrics", "solution", "measures", true},
		{"key_metrics", "channels", "measures", true},
		{"key_metrics", "revenue_streams", "measures", true},
		{"cost_structure", "solution", "comes from", true},
		{"cost_structure", "channels", "comes from", true},
	},
}

// bmcRelations are the links of the Business Model Canvas and of the
// personal canvas, which has the same nine places.
var bmcRelations = []Relation{
	{"key_partners", "key_resources", "supplies", false},
	{"key_partners", "key_activities", "supplies", false},
	{"key_partners", "channels", "grew into", false},
	{"key_resources", "key_activities", "enables", false},
	{"key_resources", "value_propositions", "enables", false},
	{"key_activities", "value_propositions", "supports", false},
	{"key_activities", "channels", "supports", false},
	{"key_activities", "customer_relationships", "supports", false},
	{"revenue_streams", "value_propositions", "pays for", true},
	{"cost_structure", "key_activities", "comes from", true},
	{"cost_structure", "key_resources", "comes from", true},
}

// Relations returns every pair of blocks a note of the template may link,
// with the meaning of the link; nil for an unknown template.
func Relations(templateID string) []Relation {
	return append([]Relation(nil), relations[templateID]...)
}

// RelationOf returns the meaning of a link from a note in block from to a
// note in block to, in the template.
func RelationOf(templateID, from, to string) (Relation, bool) {
	for _, r := range relations[templateID] {
		if r.From == from && r.To == to {
			return r, true
		}
	}
	return Relation{}, false
}

// PersonaRef splits an entry of Note.Segments into the segment's ID and the
// persona's name, empty for a link to the whole segment: "n2/Ana" is
// persona Ana of segment n2. IDs never hold "/", so the first one splits.
func PersonaRef(ref string) (segment, persona string) {
	segment, persona, _ = strings.Cut(ref, "/")
	return segment, persona
}

// SegmentOf returns the segment ID an entry of Note.Segments refers to.
func SegmentOf(ref string) string {
	s, _ := PersonaRef(ref)
	return s
}

// LinkTarget is a note another note may link to, with the meaning of the
// link, for the editor's "Link to…" menu.
type LinkTarget struct {
	Block string
	Note  Note
	// Relation is read from the note that holds the link: Relation.From is
	// the block of the note whose Links hold the other.
	Relation Relation
	// Linked reports whether the link is there already.
	Linked bool
}

// LinkTargets returns, in template order, every note that the note id may
// be linked with in either direction, and whether it is.
func (c *Canvas) LinkTargets(id string) []LinkTarget {
	block, i, ok := c.Find(id)
	if !ok {
		return nil
	}
	n := c.Blocks[block][i]
	var out []LinkTarget
	for _, b := range c.template().Blocks {
		for _, m := range c.Blocks[b.ID] {
			if r, ok := RelationOf(c.TemplateID, block, b.ID); ok {
				out = append(out, LinkTarget{Block: b.ID, Note: m.Clone(), Relation: r, Linked: contains(n.Links, m.ID)})
			} else if r, ok := RelationOf(c.TemplateID, b.ID, block); ok {
				out = append(out, LinkTarget{Block: b.ID, Note: m.Clone(), Relation: r, Linked: contains(m.Links, id)})
			}
		}
	}
	return out
}

// Link links notes a and b, whichever of them the link is written on:
// Link(resource, partner) adds the resource to the partner's Links. It
// fails when the two blocks have no relation; linking twice does nothing.
func (c *Canvas) Link(a, b string) error {
	from, to, err := c.linkEnds(a, b)
	if err != nil {
		return fmt.Errorf("link: %w", err)
	}
	return c.change(from, func(n *Note) {
		if !contains(n.Links, to) {
			n.Links = append(n.Links, to)
		}
	})
}

// Unlink removes the link between notes a and b, in whichever direction it
// is written.
func (c *Canvas) Unlink(a, b string) error {
	from, to, err := c.linkEnds(a, b)
	if err != nil {
		return fmt.Errorf("unlink: %w", err)
	}
	return c.change(from, func(n *Note) { n.Links = without(n.Links, to) })
}

// linkEnds returns which of a and b holds a link between them.
func (c *Canvas) linkEnds(a, b string) (from, to string, err error) {
	ba, _, okA := c.Find(a)
	bb, _, okB := c.Find(b)
	switch {
	case !okA:
		return "", "", fmt.Errorf("no note %q", a)
	case !okB:
		return "", "", fmt.Errorf("no note %q", b)
	}
	if _, ok := RelationOf(c.TemplateID, ba, bb); ok {
		return a, b, nil
	}
	if _, ok := RelationOf(c.TemplateID, bb, ba); ok {
		return b, a, nil
	}
	return "", "", fmt.Errorf("%s", c.noRelation(ba, bb))
}

// noRelation explains that notes of two blocks cannot be linked.
func (c *Canvas) noRelation(from, to string) string {
	t := c.template()
	title := func(id string) string {
		if b, ok := t.Block(id); ok {
			return b.Title
		}
		return id
	}
	if from == to {
		return fmt.Sprintf("notes in %s cannot link each other: links join notes of different blocks", title(from))
	}
	if to == SegmentBlock {
		return "links to customer segments go in segments, not links"
	}
	if r, ok := RelationOf(t.ID, to, from); ok {
		return fmt.Sprintf("a note in %s cannot link to one in %s; write the link on the other note (a note in %s %s one in %s)",
			title(from), title(to), title(to), r.Verb, title(from))
	}
	var can []string
	for _, r := range relations[t.ID] {
		if r.From == from {
			can = append(can, title(r.To))
		}
	}
	if len(can) == 0 {
		return fmt.Sprintf("notes in %s link to no other notes (only to customer segments)", title(from))
	}
	return fmt.Sprintf("a note in %s cannot link to one in %s; it can link to %s", title(from), title(to), strings.Join(can, ", "))
}

// Neighbours returns, in template order, the IDs of the notes linked to or
// from the note id: its links and segments (a persona counts as its
// segment), and the notes whose links or segments name it.
func (c *Canvas) Neighbours(id string) []string {
	n, ok := c.Note(id)
	if !ok {
		return nil
	}
	near := map[string]bool{}
	for _, l := range n.Links {
		near[l] = true
	}
	for _, s := range n.Segments {
		near[SegmentOf(s)] = true
	}
	var out []string
	for _, b := range c.template().Blocks {
		for _, m := range c.Blocks[b.ID] {
			if m.ID == id {
				continue
			}
			if near[m.ID] || contains(m.Links, id) || slices.ContainsFunc(m.Segments, func(s string) bool { return SegmentOf(s) == id }) {
				out = append(out, m.ID)
			}
		}
	}
	return out
}
