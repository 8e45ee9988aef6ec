package bmc

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/assets"
)

// diffSeeds returns the canvases diff and merge tests start from: the
// bundled examples and twoSided.
func diffSeeds(t testing.TB) []*Canvas {
	t.Helper()
	var out []*Canvas
	for _, ex := range assets.Examples() {
		c, err := Load(ex.Name+".yaml", ex.Data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return append(out, twoSided(t))
}

// mutate changes a copy of c as the bytes of ops say, through the Canvas
// methods, two bytes per step: what to do, and a number that picks a
// note, a block, a place or a value. Steps the methods refuse are skipped.
func mutateCanvas(c *Canvas, ops []byte) *Canvas {
	c = c.Clone()
	blocks := c.template().BlockIDs()
	for i := 0; i+1 < len(ops); i += 2 {
		op, k := ops[i], int(ops[i+1])
		var ids []string
		for _, b := range blocks {
			for _, n := range c.Blocks[b] {
				ids = append(ids, n.ID)
			}
		}
		var n Note
		if len(ids) > 0 {
			n, _ = c.Note(ids[k%len(ids)])
		}
		words := []string{"bread", "Bread", "", "two\nlines", "café ☕", "x", "long " + strings.Repeat("é", 40)}
		word := words[k%len(words)]
		switch op % 16 {
		case 0: // a new note, with the editor's next ID
			c.AddNote(blocks[k%len(blocks)], k%3-1, Note{Text: word, Color: palette[k%len(palette)]})
		case 1:
			if n.ID != "" {
				c.DeleteNote(n.ID)
			}
		case 2:
			if n.ID != "" {
				c.MoveNote(n.ID, blocks[(k/7)%len(blocks)], (k/3)%4-1)
			}
		case 3:
			if n.ID != "" {
				c.ReorderNote(n.ID, k%2*-1)
			}
		case 4:
			n.Text = word + n.Text
			c.UpdateNote(n)
		case 5:
			n.Color = palette[(k/5)%len(palette)]
			c.UpdateNote(n)
		case 6:
			n.Status = statuses[(k/5)%len(statuses)]
			c.UpdateNote(n)
		case 7:
			n.Evidence = word
			c.UpdateNote(n)
		case 8:
			n.Tags = append(n.Tags, []string{"fixed", "new", "x"}[k%3])
			if k%4 == 0 {
				n.Tags = n.Tags[1:]
			}
			c.UpdateNote(n)
		case 9:
			a := float64(k * 100)
			n.Amount, n.Period = &a, periods[k%len(periods)]
			if k%5 == 0 {
				n.Amount, n.Period = nil, ""
			}
			c.UpdateNote(n)
		case 10:
			if segs := c.Segments(); len(segs) > 0 {
				s := segs[(k/3)%len(segs)].ID
				if contains(n.Segments, s) {
					n.Segments = without(n.Segments, s)
				} else {
					n.Segments = append(n.Segments, s)
				}
				c.UpdateNote(n)
			}
		case 11:
			m := c.Meta
			*m.fields()[k%6].value = word
			c.SetMeta(m)
		case 12:
			c.SetBackstageShown(k%2 == 0)
		case 13: // a new note with a chosen ID, as a hand-written file has
			c.AddNote(blocks[k%len(blocks)], -1, Note{ID: fmt.Sprintf("x%d", k%4), Text: word})
		case 14: // a new segment, and a note linked to it
			if s, err := c.AddNote(SegmentBlock, -1, Note{Text: word}); err == nil && n.ID != "" {
				n.Segments = append(n.Segments, s.ID)
				c.UpdateNote(n)
			}
		case 15:
			if n.ID != "" {
				n.Text = strings.Repeat("z", MaxTextLength-k)
				c.UpdateNote(n)
			}
		}
	}
	return c
}

// saved returns the bytes c is saved to, failing the test when it cannot
// be saved.
func savedBytes(t *testing.T, c *Canvas) []byte {
	t.Helper()
	data, err := c.Marshal()
	if err != nil {
		t.Fatalf("cannot save: %v", err)
	}
	return data
}

func addDiffSeeds(f *testing.F) {
	f.Add(byte(0), []byte{}, []byte{})
	f.Add(byte(1), []byte{0, 1, 4, 2}, []byte{0, 1, 5, 9})
	f.Add(byte(3), []byte{1, 3, 2, 20}, []byte{4, 3, 6, 7})
	f.Add(byte(0), []byte{3, 5, 8, 1, 10, 4}, []byte{3, 7, 9, 2, 11, 0, 12, 1})
	f.Add(byte(2), []byte{14, 2, 13, 1}, []byte{14, 3, 13, 1, 1, 0})
	f.Add(byte(3), []byte{15, 3}, []byte{15, 4, 7, 7})
}

// FuzzCompare: a diff is empty exactly when the two canvases save to the
// same bytes (and so load back equal), a canvas compared with itself or
// an equal one is empty, and the counts add up.
func FuzzCompare(f *testing.F) {
	addDiffSeeds(f)
	seeds := diffSeeds(f)
	f.Fuzz(func(t *testing.T, seed byte, opsA, opsB []byte) {
		base := seeds[int(seed)%len(seeds)]
		a, b := mutateCanvas(base, opsA), mutateCanvas(base, opsB)
		d := Compare(a, b)
		if same := bytes.Equal(savedBytes(t, a), savedBytes(t, b)); d.Equal() != same {
			t.Fatalf("Equal() = %v, same bytes %v; changes %+v", d.Equal(), same, d.Changes)
		}
		if reflect.DeepEqual(a, b) && !d.Equal() {
			t.Fatalf("equal canvases differ: %+v", d.Changes)
		}
		if self := Compare(a, a.Clone()); !self.Equal() {
			t.Fatalf("a canvas differs from itself: %+v", self.Changes)
		}
		s := d.Summary()
		if b.NoteCount()-a.NoteCount() != s.Added-s.Removed {
			t.Fatalf("%d notes became %d, but %d added and %d removed", a.NoteCount(), b.NoteCount(), s.Added, s.Removed)
		}
	})
}

// FuzzMerge: merging a version with itself, or with an unchanged base,
// returns that version; merging any two versions gives a canvas that
// saves and loads back, keeps every note either side changed or added,
// and reports a conflict for every note it tagged.
func FuzzMerge(f *testing.F) {
	addDiffSeeds(f)
	seeds := diffSeeds(f)
	f.Fuzz(func(t *testing.T, seed byte, opsA, opsB []byte) {
		base := seeds[int(seed)%len(seeds)]
		x := mutateCanvas(base, opsA)
		want := savedBytes(t, x)
		for _, tt := range []struct {
			name          string
			b, ours, thrs *Canvas
		}{{"X X X", x, x, x}, {"B X X", base, x, x}, {"B B X", base, base, x}, {"B X B", base, x, base}} {
			m, err := Merge(tt.b, tt.ours, tt.thrs)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if got := savedBytes(t, m.Canvas); !bytes.Equal(got, want) || len(m.Conflicts) > 0 || len(m.Renumbered) > 0 {
				t.Fatalf("%s: merge is not X (%d conflicts %v):\n%s\n---\nwant\n%s", tt.name, len(m.Conflicts), m.Conflicts, got, want)
			}
		}
		y := mutateCanvas(base, opsB)
		m, err := Merge(base, x, y)
		if err != nil {
			if strings.Contains(err.Error(), "please report") {
				t.Fatal(err)
			}
			return
		}
		back, err := Load("merged.yaml", savedBytes(t, m.Canvas))
		if err != nil {
			t.Fatalf("the merged canvas does not load: %v", err)
		}
		texts := map[string]bool{}
		for _, notes := range back.Blocks {
			for _, n := range notes {
				texts[n.Text] = true
				if contains(n.Tags, ConflictTag) && !contains(base.allTags(n.ID), ConflictTag) && !hasConflict(m, n.ID) {
					t.Fatalf("note %s is tagged conflict without a conflict listed: %v", n.ID, m.Conflicts)
				}
			}
		}
		baseAt := base.index()
		for _, side := range []*Canvas{x, y} {
			for _, notes := range side.Blocks {
				for _, n := range notes {
					if b, ok := baseAt[n.ID]; ok && b.note.Text == n.Text {
						continue
					}
					if !texts[n.Text] && !inSomeText(back, n.Text) {
						t.Fatalf("the new or changed text %q of %s is lost", n.Text, n.ID)
					}
				}
			}
		}
	})
}

// allTags returns the tags of the note with the given ID, nil when none.
func (c *Canvas) allTags(id string) []string {
	n, _ := c.Note(id)
	return n.Tags
}

func hasConflict(m *Merged, id string) bool {
	for _, c := range m.Conflicts {
		if c.Note == id {
			return true
		}
	}
	return false
}

func inSomeText(c *Canvas, s string) bool {
	for _, notes := range c.Blocks {
		for _, n := range notes {
			if strings.Contains(n.Text, s) {
				return true
			}
		}
	}
	return false
}

// bigVersions returns a 1,000-note canvas and two versions of it, each
// with 50 edited, 10 deleted, 10 added and 10 moved notes, and 5 texts
// both changed.
func bigVersions(tb testing.TB) (base, ours, theirs *Canvas) {
	base = bigCanvas(tb, 1000)
	ours, theirs = base.Clone(), base.Clone()
	for i := 20; i < 70; i++ {
		ours.SetText(fmt.Sprintf("n%d", i), fmt.Sprintf("ours edited %d", i))
		theirs.SetText(fmt.Sprintf("n%d", i+100), fmt.Sprintf("theirs edited %d", i))
	}
	for i := 200; i < 210; i++ {
		ours.DeleteNote(fmt.Sprintf("n%d", i))
		theirs.DeleteNote(fmt.Sprintf("n%d", i+20))
		ours.MoveNote(fmt.Sprintf("n%d", i+300), "channels", 0)
		theirs.MoveNote(fmt.Sprintf("n%d", i+400), "key_partners", -1)
		ours.AddNote("channels", -1, Note{Text: "ours new"})
		theirs.AddNote("channels", -1, Note{Text: "theirs new"})
	}
	for i := 600; i < 605; i++ {
		ours.SetText(fmt.Sprintf("n%d", i), "ours clash")
		theirs.SetText(fmt.Sprintf("n%d", i), "theirs clash")
	}
	return base, ours, theirs
}

func BenchmarkCompare(b *testing.B) {
	base, ours, _ := bigVersions(b)
	for b.Loop() {
		if Compare(base, ours).Equal() {
			b.Fatal("equal")
		}
	}
}

func BenchmarkMerge(b *testing.B) {
	base, ours, theirs := bigVersions(b)
	for b.Loop() {
		m, err := Merge(base, ours, theirs)
		if err != nil || len(m.Conflicts) != 5 {
			b.Fatal(err, m.Conflicts)
		}
	}
}
