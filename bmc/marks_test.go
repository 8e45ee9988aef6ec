package bmc

import (
	"fmt"
	"strings"
	"testing"
)

// describeMarks writes marks compactly: one "id kind label | old text"
// per marked note, then one "ghost id in block after id" per ghost.
func describeMarks(m *Marks) string {
	var out []string
	for _, nm := range m.Notes {
		kind := map[MarkKind]string{MarkChanged: "changed", MarkAdded: "added", MarkRemoved: "removed"}[nm.Kind]
		s := nm.Note + " " + kind + " " + nm.Label()
		if nm.OldText != "" {
			s += " | " + nm.OldText
		}
		out = append(out, s)
	}
	for _, g := range m.Ghosts {
		out = append(out, fmt.Sprintf("ghost %s in %s after %q", g.Note.ID, g.Block, g.After))
	}
	if m.Lost > 0 {
		out = append(out, fmt.Sprintf("lost %d", m.Lost))
	}
	return strings.Join(out, "\n")
}

func TestNoteMarks(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(t *testing.T, c *Canvas)
		want string
	}{
		{"nothing", func(*testing.T, *Canvas) {}, ""},
		{"added", func(t *testing.T, c *Canvas) {
			_, err := c.AddNote("channels", -1, Note{ID: "c1", Text: "Market stall"})
			noErr(t, err)
		}, "c1 added new"},
		{"removed, after the note before it that stayed", func(t *testing.T, c *Canvas) {
			noErr(t, c.DeleteNote("p2"))
		}, "p2 removed removed\nghost p2 in key_partners after \"p1\""},
		{"removed first", func(t *testing.T, c *Canvas) {
			noErr(t, c.DeleteNote("p1"))
			noErr(t, c.DeleteNote("p2"))
		}, "p1 removed removed\np2 removed removed\nghost p1 in key_partners after \"\"\nghost p2 in key_partners after \"\""},
		{"removed after a note that moved away", func(t *testing.T, c *Canvas) {
			noErr(t, c.MoveNote("p1", "channels", 0))
			noErr(t, c.DeleteNote("p2"))
		}, "p2 removed removed\np1 changed from Key Partners\nghost p2 in key_partners after \"\""},
		{"moved", func(t *testing.T, c *Canvas) {
			noErr(t, c.MoveNote("p3", "key_resources", 0))
		}, "p3 changed from Key Partners"},
		{"reordered only: no mark", func(t *testing.T, c *Canvas) {
			noErr(t, c.MoveNote("p3", "key_partners", 0))
		}, ""},
		{"text", func(t *testing.T, c *Canvas) {
			noErr(t, c.SetText("v1", "Fresh at 6am"))
		}, "v1 changed  | Fresh at 7am"},
		{"status, colour and amount", func(t *testing.T, c *Canvas) {
			n, _ := c.Note("r1")
			n.Status = StatusValidated
			n.Color = Green
			a := 2600.0
			n.Amount = &a
			noErr(t, c.UpdateNote(n))
		}, "r1 changed was hypothesis · changed colour (was yellow), amount (was €2,400 a month)"},
		{"amount new", func(t *testing.T, c *Canvas) {
			n, _ := c.Note("p1")
			a := 100.0
			n.Amount, n.Period = &a, PeriodOnce
			noErr(t, c.UpdateNote(n))
		}, "p1 changed changed amount (was none)"},
		{"lists and evidence", func(t *testing.T, c *Canvas) {
			n, _ := c.Note("r1")
			n.Tags, n.Evidence, n.Segments = []string{"cash"}, "", []string{"s2"}
			noErr(t, c.UpdateNote(n))
		}, "r1 changed changed evidence, tags, segments"},
		{"moved and edited", func(t *testing.T, c *Canvas) {
			noErr(t, c.MoveNote("p1", "key_resources", 0))
			noErr(t, c.SetText("p1", "Flour"))
		}, "p1 changed from Key Partners | Flour mill"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			old := twoSided(t)
			new := old.Clone()
			tt.edit(t, new)
			m := NoteMarks(Compare(old, new))
			if got := describeMarks(m); got != tt.want {
				t.Errorf("marks:\n%s\nwant:\n%s", got, tt.want)
			}
			for _, nm := range m.Notes {
				if m.Of(nm.Note) == nil || m.Of(nm.Note).Note != nm.Note {
					t.Errorf("Of(%s) = %v", nm.Note, m.Of(nm.Note))
				}
			}
		})
	}
}

func TestNoteMarksNil(t *testing.T) {
	var m *Marks
	if m.Of("x") != nil || m.GhostsIn("b") != nil {
		t.Error("a nil Marks marks something")
	}
	if got := NoteMarks(nil); len(got.Notes) != 0 || len(got.Ghosts) != 0 {
		t.Errorf("NoteMarks(nil) = %+v", got)
	}
}

func TestNoteMarksGhostsKeepTheirNote(t *testing.T) {
	old := twoSided(t)
	new := old.Clone()
	noErr(t, new.DeleteNote("v1"))
	m := NoteMarks(Compare(old, new))
	g := m.GhostsIn("value_propositions")
	if len(g) != 1 || g[0].Note.Text != "Fresh at 7am" || len(g[0].Note.Tags) != 1 || g[0].Note.Segments != nil {
		t.Errorf("ghost %+v", g)
	}
	// The ghost is a copy: the old version keeps its links.
	if n, _ := old.Note("v1"); len(n.Segments) != 2 {
		t.Errorf("the old note lost its segments: %v", n.Segments)
	}
}

func TestNoteMarksLost(t *testing.T) {
	old := twoSided(t)
	new, err := New(Lean().ID)
	noErr(t, err)
	m := NoteMarks(Compare(old, new))
	if m.Lost == 0 {
		t.Errorf("no lost ghosts: %s", describeMarks(m))
	}
}

func TestInsertGhosts(t *testing.T) {
	notes := []Note{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	ids := func(ns []Note) string {
		var out []string
		for _, n := range ns {
			out = append(out, n.ID)
		}
		return strings.Join(out, ",")
	}
	for _, tt := range []struct {
		ghosts []Ghost
		want   string
	}{
		{nil, "a,b,c"},
		{[]Ghost{{After: "", Note: Note{ID: "x"}}}, "x,a,b,c"},
		{[]Ghost{{After: "b", Note: Note{ID: "x"}}, {After: "b", Note: Note{ID: "y"}}}, "a,b,x,y,c"},
		{[]Ghost{{After: "c", Note: Note{ID: "x"}}, {After: "a", Note: Note{ID: "y"}}}, "a,y,b,c,x"},
		{[]Ghost{{After: "gone", Note: Note{ID: "x"}}, {After: "a", Note: Note{ID: "y"}}}, "a,y,b,c,x"},
	} {
		if got := ids(InsertGhosts(notes, tt.ghosts)); got != tt.want {
			t.Errorf("%v: %s, want %s", tt.ghosts, got, tt.want)
		}
	}
	if ids(notes) != "a,b,c" {
		t.Error("notes changed")
	}
}
