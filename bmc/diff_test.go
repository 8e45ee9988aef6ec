package bmc

import (
	"fmt"
	"strings"
	"testing"
)

// twoSided returns a small canvas for comparing and merging: two segments,
// partners, a proposition linked to both, a revenue stream with an amount
// and evidence.
func twoSided(t testing.TB) *Canvas {
	t.Helper()
	c, err := New(BusinessModelCanvas().ID)
	if err != nil {
		t.Fatal(err)
	}
	c.Meta = Meta{Title: "Corner Bakery", Version: "3", Date: "2026-11-24", Currency: "€"}
	amount := 2400.0
	for _, add := range []struct {
		block string
		note  Note
	}{
		{SegmentBlock, Note{ID: "s1", Text: "Office workers", Color: Blue}},
		{SegmentBlock, Note{ID: "s2", Text: "Families", Color: Pink}},
		{"key_partners", Note{ID: "p1", Text: "Flour mill", Color: Grey}},
		{"key_partners", Note{ID: "p2", Text: "Dairy", Color: Grey}},
		{"key_partners", Note{ID: "p3", Text: "Coffee roaster", Color: Grey}},
		{"value_propositions", Note{ID: "v1", Text: "Fresh at 7am", Segments: []string{"s1", "s2"}, Tags: []string{"fresh"}}},
		{"revenue_streams", Note{ID: "r1", Text: "Counter sales", Segments: []string{"s1"}, Status: StatusHypothesis,
			Evidence: "Till reports", Amount: &amount, Period: PeriodMonth}},
	} {
		if _, err := c.AddNote(add.block, -1, add.note); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// must fails the test on an error from a canvas method.
func noErr(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// describeChange writes a change compactly for comparing in tests.
func describeChange(ch Change) string {
	var b strings.Builder
	b.WriteString(string(ch.Kind))
	for _, s := range []string{ch.Note, ch.Field} {
		if s != "" {
			b.WriteString(" " + s)
		}
	}
	if ch.Old != "" || ch.New != "" {
		fmt.Fprintf(&b, " %q→%q", ch.Old, ch.New)
	}
	if len(ch.Added) > 0 {
		fmt.Fprintf(&b, " +%s", strings.Join(ch.Added, ","))
	}
	if len(ch.Removed) > 0 {
		fmt.Fprintf(&b, " -%s", strings.Join(ch.Removed, ","))
	}
	if ch.Kind == ChangeMoved || ch.Kind == ChangeReordered {
		fmt.Fprintf(&b, " @%d→%d", ch.OldPos, ch.NewPos)
	}
	return b.String()
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, c *Canvas) *Canvas
		want   []string
	}{
		{"nothing", func(t *testing.T, c *Canvas) *Canvas { return c }, nil},
		{"added", func(t *testing.T, c *Canvas) *Canvas {
			_, err := c.AddNote("key_partners", 0, Note{ID: "p4", Text: "Egg farm"})
			noErr(t, err)
			return c
		}, []string{`added p4 ""→"Egg farm"`}},
		{"removed keeps its place", func(t *testing.T, c *Canvas) *Canvas {
			noErr(t, c.DeleteNote("p2"))
			return c
		}, []string{`removed p2 "Dairy"→""`}},
		{"removed segment unlinks", func(t *testing.T, c *Canvas) *Canvas {
			noErr(t, c.DeleteNote("s2"))
			return c
		}, []string{`segments v1 "s1, s2"→"s1" -s2`, `removed s2 "Families"→""`}},
		{"moved to another block", func(t *testing.T, c *Canvas) *Canvas {
			noErr(t, c.MoveNote("p3", "key_resources", 0))
			return c
		}, []string{`moved p3 "key_partners"→"key_resources" @3→1`}},
		{"reordered: only the note that moved counts", func(t *testing.T, c *Canvas) *Canvas {
			noErr(t, c.ReorderNote("p3", 0))
			return c
		}, []string{`reordered p3 @3→1`}},
		{"an insertion is no reordering", func(t *testing.T, c *Canvas) *Canvas {
			_, err := c.AddNote("key_partners", 1, Note{ID: "p9", Text: "Bank"})
			noErr(t, err)
			noErr(t, c.DeleteNote("p1"))
			return c
		}, []string{`removed p1 "Flour mill"→""`, `added p9 ""→"Bank"`}},
		{"text", func(t *testing.T, c *Canvas) *Canvas {
			noErr(t, c.SetText("p1", "Organic flour mill\nweekly"))
			return c
		}, []string{`text p1 "Flour mill"→"Organic flour mill\nweekly"`}},
		{"colour, status, evidence", func(t *testing.T, c *Canvas) *Canvas {
			n, _ := c.Note("r1")
			n.Color, n.Status, n.Evidence = Green, StatusValidated, "Till reports Jan–Oct"
			noErr(t, c.UpdateNote(n))
			return c
		}, []string{`color r1 "yellow"→"green"`, `status r1 "hypothesis"→"validated"`, `evidence r1 "Till reports"→"Till reports Jan–Oct"`}},
		{"status back to idea", func(t *testing.T, c *Canvas) *Canvas {
			n, _ := c.Note("r1")
			n.Status = ""
			noErr(t, c.UpdateNote(n))
			return c
		}, []string{`status r1 "hypothesis"→"idea"`}},
		{"tags added, removed, reordered", func(t *testing.T, c *Canvas) *Canvas {
			n, _ := c.Note("v1")
			n.Tags = []string{"local", "fresh"}
			noErr(t, c.UpdateNote(n))
			n, _ = c.Note("p1")
			n.Tags = []string{"supplier"}
			noErr(t, c.UpdateNote(n))
			return c
		}, []string{`tags p1 ""→"supplier" +supplier`, `tags v1 "fresh"→"local, fresh" +local`}},
		{"tags only reordered", func(t *testing.T, c *Canvas) *Canvas {
			n, _ := c.Note("v1")
			n.Tags = []string{"fresh", "warm"}
			noErr(t, c.UpdateNote(n))
			return c
		}, []string{`tags v1 "fresh"→"fresh, warm" +warm`}},
		{"amount and period", func(t *testing.T, c *Canvas) *Canvas {
			n, _ := c.Note("r1")
			a := 30000.0
			n.Amount, n.Period = &a, PeriodYear
			noErr(t, c.UpdateNote(n))
			m, _ := c.Note("p1")
			b := 18000.0
			m.Amount, m.Period = &b, PeriodOnce
			noErr(t, c.UpdateNote(m))
			return c
		}, []string{`amount p1 ""→"18000 once"`, `amount r1 "2400 per month"→"30000 per year"`}},
		{"amount removed", func(t *testing.T, c *Canvas) *Canvas {
			n, _ := c.Note("r1")
			n.Amount, n.Period = nil, ""
			noErr(t, c.UpdateNote(n))
			return c
		}, []string{`amount r1 "2400 per month"→""`}},
		{"links added, removed, reordered", func(t *testing.T, c *Canvas) *Canvas {
			n, _ := c.Note("v1")
			n.Segments = []string{"s2", "s1"}
			noErr(t, c.UpdateNote(n))
			n, _ = c.Note("r1")
			n.Segments = []string{"s2"}
			noErr(t, c.UpdateNote(n))
			return c
		}, []string{`segments v1 "s1, s2"→"s2, s1"`, `segments r1 "s1"→"s2" +s2 -s1`}},
		{"header and view", func(t *testing.T, c *Canvas) *Canvas {
			m := c.Meta
			m.Title, m.Version, m.DesignedBy = "Corner Bakery & Café", "4", "Ana"
			noErr(t, c.SetMeta(m))
			noErr(t, c.SetBackstageShown(false))
			return c
		}, []string{`header title "Corner Bakery"→"Corner Bakery & Café"`, `header designed_by ""→"Ana"`,
			`header version "3"→"4"`, `view "shown"→"hidden"`}},
		{"template", func(t *testing.T, c *Canvas) *Canvas {
			c.TemplateID = Personal().ID
			return c
		}, []string{`template "business-model-canvas"→"personal"`}},
		{"moved and edited", func(t *testing.T, c *Canvas) *Canvas {
			noErr(t, c.MoveNote("p1", "key_resources", -1))
			noErr(t, c.SetText("p1", "Our own mill"))
			return c
		}, []string{`moved p1 "key_partners"→"key_resources" @1→1`, `text p1 "Flour mill"→"Our own mill"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := twoSided(t)
			d := Compare(old, tt.change(t, twoSided(t)))
			var got []string
			for _, ch := range d.Changes {
				got = append(got, describeChange(ch))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if d.Equal() != (len(tt.want) == 0) {
				t.Errorf("Equal() = %v", d.Equal())
			}
		})
	}
}

func TestCompareOrder(t *testing.T) {
	old := twoSided(t)
	c := twoSided(t)
	noErr(t, c.DeleteNote("p1"))
	_, err := c.AddNote("key_partners", -1, Note{ID: "p4", Text: "Egg farm"})
	noErr(t, err)
	noErr(t, c.SetText("s1", "Office workers nearby"))
	noErr(t, c.SetText("p3", "Roaster"))
	d := Compare(old, c)
	var got []string
	for _, ch := range d.Changes {
		got = append(got, string(ch.Kind)+" "+ch.Note)
	}
	// Blocks in template order (Key Partners first), removed notes where
	// they were.
	want := "removed p1,text p3,added p4,text s1"
	if strings.Join(got, ",") != want {
		t.Errorf("order %s, want %s", strings.Join(got, ","), want)
	}
	if s := d.Summary(); s != (Summary{Added: 1, Removed: 1, Changed: 2}) || s.String() != "1 added, 1 removed, 2 changed" {
		t.Errorf("summary %+v %q", s, s)
	}
	if got := d.Of("p3"); len(got) != 1 || got[0].New != "Roaster" {
		t.Errorf("Of(p3) = %+v", got)
	}
	if (Summary{}).String() != "no changes" || (Summary{Moved: 2, Header: 1}).String() != "2 moved, 1 header field" {
		t.Error("Summary.String")
	}
}

func TestCompareExamples(t *testing.T) {
	for _, c := range diffSeeds(t) {
		if d := Compare(c, c.Clone()); !d.Equal() {
			t.Errorf("%s differs from its clone: %v", c.Title, d.Changes)
		}
	}
}

func TestLongestIncreasing(t *testing.T) {
	for _, tt := range []struct {
		seq  []int
		want int
	}{{nil, 0}, {[]int{0}, 1}, {[]int{2, 0, 1}, 2}, {[]int{3, 1, 2, 0, 4}, 3}, {[]int{4, 3, 2, 1}, 1}} {
		got := longestIncreasing(tt.seq)
		if len(got) != tt.want {
			t.Errorf("%v: %v", tt.seq, got)
		}
		for i := 1; i < len(got); i++ {
			if got[i] <= got[i-1] || tt.seq[got[i]] <= tt.seq[got[i-1]] {
				t.Errorf("%v: %v is not increasing", tt.seq, got)
			}
		}
	}
}

func TestChangeDeltaAndDiffNote(t *testing.T) {
	upper := strings.ToUpper
	for _, tc := range []struct {
		ch   Change
		want string
	}{
		{Change{Added: []string{"a"}, Removed: []string{"b", "c"}}, "+A −B −C"},
		{Change{Added: []string{"a"}}, "+A"},
		{Change{Old: "a, b", New: "b, a"}, ""}, // only reordered
	} {
		if got := tc.ch.Delta(upper); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.ch, got, tc.want)
		}
	}
	old, _ := New(Lean().ID)
	old.AddNote("problem", -1, Note{ID: "gone", Text: "old only"})
	old.AddNote("problem", -1, Note{ID: "kept", Text: "before"})
	new := old.Clone()
	new.DeleteNote("gone")
	new.SetText("kept", "after")
	d := Compare(old, new)
	for id, want := range map[string]string{"gone": "old only", "kept": "after"} {
		if n, ok := d.Note(id); !ok || n.Text != want {
			t.Errorf("Note(%s) = %q, %v; want %q", id, n.Text, ok, want)
		}
	}
	if _, ok := d.Note("none"); ok {
		t.Error("Note(none) found a note")
	}
}
