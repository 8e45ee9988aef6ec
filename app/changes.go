package app

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// describeChanges sums up in a few words how canvas now differs from
// canvas was, notes first, as in "3 notes changed, 1 added, title
// changed"; "" when they hold the same. A note is matched by its id: it
// is changed when anything on it differs, moved when only its block does.
func describeChanges(was, now *bmc.Canvas) string {
	type place struct {
		block string
		note  bmc.Note
	}
	index := func(c *bmc.Canvas) map[string]place {
		m := map[string]place{}
		for block, notes := range c.Blocks {
			for _, n := range notes {
				m[n.ID] = place{block, n}
			}
		}
		return m
	}
	old, cur := index(was), index(now)
	var changed, added, removed, moved int
	for id, p := range cur {
		o, ok := old[id]
		switch {
		case !ok:
			added++
		case !sameNote(o.note, p.note):
			changed++
		case o.block != p.block:
			moved++
		}
	}
	for id := range old {
		if _, ok := cur[id]; !ok {
			removed++
		}
	}

	var parts []string
	for _, c := range []struct {
		n    int
		verb string
	}{{changed, "changed"}, {added, "added"}, {removed, "removed"}, {moved, "moved to another block"}} {
		switch {
		case c.n == 0:
		case len(parts) == 0:
			parts = append(parts, plural(c.n, "note")+" "+c.verb)
		default:
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.verb))
		}
	}
	if reordered(was, now) {
		parts = append(parts, "notes reordered")
	}
	if was.TemplateID != now.TemplateID {
		parts = append(parts, "template changed")
	}
	if was.Title != now.Title {
		parts = append(parts, "title changed")
	}
	wm, nm := was.Meta, now.Meta
	wm.Title, nm.Title = "", ""
	if wm != nm {
		parts = append(parts, "details changed")
	}
	if was.TemplateID == now.TemplateID && was.BackstageShown() != now.BackstageShown() {
		if now.BackstageShown() {
			parts = append(parts, "backstage shown")
		} else {
			parts = append(parts, "backstage hidden")
		}
	}
	return strings.Join(parts, ", ")
}

// sameNote reports whether two notes say the same in every field.
func sameNote(a, b bmc.Note) bool {
	if (a.Amount == nil) != (b.Amount == nil) || a.Amount != nil && *a.Amount != *b.Amount {
		return false
	}
	return a.ID == b.ID && a.Text == b.Text && a.Color == b.Color && a.Status == b.Status &&
		a.Evidence == b.Evidence && a.Period == b.Period &&
		slices.Equal(a.Segments, b.Segments) && slices.Equal(a.Tags, b.Tags)
}

// reordered reports whether the notes that stayed in a block come in
// another order in now than in was.
func reordered(was, now *bmc.Canvas) bool {
	for b := range now.Blocks {
		in := func(notes []bmc.Note) map[string]bool {
			m := map[string]bool{}
			for _, n := range notes {
				m[n.ID] = true
			}
			return m
		}
		inWas, inNow := in(was.Blocks[b]), in(now.Blocks[b])
		kept := func(notes []bmc.Note) []string {
			var ids []string
			for _, n := range notes {
				if inWas[n.ID] && inNow[n.ID] {
					ids = append(ids, n.ID)
				}
			}
			return ids
		}
		if !slices.Equal(kept(was.Blocks[b]), kept(now.Blocks[b])) {
			return true
		}
	}
	return false
}
