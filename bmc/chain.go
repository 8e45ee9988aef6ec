package bmc

// flow is the canvas as a graph of support: an edge from a to b says that
// b relies on a (a partner supplies a resource, an activity supports a
// proposition, a proposition serves a segment, a proposition is what a
// revenue stream pays for, an activity is where a cost comes from).
type flow struct {
	block    map[string]string
	down, up map[string][]string
	// segments holds, per note, the segments it serves (personas count as
	// their segment), without repeats.
	segments map[string][]string
}

// flow builds the support graph of c from its segment entries and links.
func (c *Canvas) flow() *flow {
	f := &flow{block: map[string]string{}, down: map[string][]string{}, up: map[string][]string{}, segments: map[string][]string{}}
	for b, notes := range c.Blocks {
		for _, n := range notes {
			f.block[n.ID] = b
		}
	}
	edge := func(a, b string) {
		f.down[a] = append(f.down[a], b)
		f.up[b] = append(f.up[b], a)
	}
	for b, notes := range c.Blocks {
		for _, n := range notes {
			for _, ref := range n.Segments {
				seg := SegmentOf(ref)
				if f.block[seg] == SegmentBlock && !contains(f.segments[n.ID], seg) {
					f.segments[n.ID] = append(f.segments[n.ID], seg)
					edge(n.ID, seg)
				}
			}
			for _, id := range n.Links {
				r, ok := RelationOf(c.TemplateID, b, f.block[id])
				switch {
				case !ok:
				case r.Depends:
					edge(id, n.ID)
				default:
					edge(n.ID, id)
				}
			}
		}
	}
	return f
}

// reach adds to set every note reachable from id along next, without
// going on from the notes for which end is true.
func reach(id string, next map[string][]string, set map[string]bool, end func(string) bool) {
	stack := []string{id}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, m := range next[cur] {
			if !set[m] {
				set[m] = true
				if !end(m) {
					stack = append(stack, m)
				}
			}
		}
	}
}

// Chain returns the IDs of a note and of every note in its chain: the
// notes it relies on, all the way up (the activities, resources and
// partners behind a proposition), the notes that rely on it, all the way
// down (the propositions, segments and revenue a partner's resources lead
// to), and the costs that come from any of them. A segment's chain is
// every note that serves it, or one of its personas, and what is behind
// those. Revenue streams end a chain: one that several segments pay does
// not pull the other segments' propositions into a segment's chain. It is
// empty when id is no note.
func (c *Canvas) Chain(id string) map[string]bool {
	out := map[string]bool{}
	f := c.flow()
	if _, ok := f.block[id]; !ok {
		return out
	}
	out[id] = true
	end := func(n string) bool { return f.block[n] == RevenueBlock }
	reach(id, f.down, out, end)
	reach(id, f.up, out, end)
	for _, n := range c.Blocks[costBlock] {
		for _, m := range append(append([]string(nil), f.up[n.ID]...), f.down[n.ID]...) {
			if out[m] {
				out[n.ID] = true
			}
		}
	}
	return out
}

// costBlock is the block of costs in every built-in template.
const costBlock = "cost_structure"

// DropImpact answers "what if we drop this note?": it returns, in
// template order, every note that loses its only support when id goes,
// directly or because what it relied on lost its own. A note relies on
// the notes linked behind it (a resource on its partners, a proposition
// on its activities and resources, a revenue stream on the propositions
// it pays for, a cost on the activities it comes from), on the segments it
// serves, and a segment on the propositions that serve it; it loses its
// support when every note of one of those kinds it had is gone.
func (c *Canvas) DropImpact(id string) []Located {
	f := c.flow()
	if _, ok := f.block[id]; !ok {
		return nil
	}
	props := propositionBlock(c.template())
	// groups lists, per note, the kinds of support it has.
	groups := func(n string) [][]string {
		if f.block[n] == SegmentBlock {
			var serving []string
			for _, m := range f.up[n] {
				if f.block[m] == props {
					serving = append(serving, m)
				}
			}
			return [][]string{serving}
		}
		var linked []string
		for _, m := range f.up[n] {
			if f.block[m] != SegmentBlock {
				linked = append(linked, m)
			}
		}
		return [][]string{linked, f.segments[n]}
	}
	lost := map[string]bool{id: true}
	for changed := true; changed; {
		changed = false
		for n := range f.block {
			if lost[n] {
				continue
			}
			for _, g := range groups(n) {
				if len(g) > 0 && allIn(g, lost) {
					lost[n], changed = true, true
					break
				}
			}
		}
	}
	var out []Located
	for _, b := range c.template().Blocks {
		for _, n := range c.Blocks[b.ID] {
			if lost[n.ID] && n.ID != id {
				out = append(out, Located{Block: b.ID, Note: n.Clone()})
			}
		}
	}
	return out
}

func allIn(list []string, set map[string]bool) bool {
	for _, v := range list {
		if !set[v] {
			return false
		}
	}
	return true
}
