package bmc

import (
	"reflect"
	"strings"
	"testing"
)

// sample returns a small canvas: two segments and notes linked to them.
func sample(t testing.TB) *Canvas {
	t.Helper()
	c, err := New(BusinessModelCanvas().ID)
	if err != nil {
		t.Fatal(err)
	}
	add := func(block string, n Note) {
		if _, err := c.AddNote(block, -1, n); err != nil {
			t.Fatal(err)
		}
	}
	add("customer_segments", Note{ID: "s1", Text: "Office workers", Color: Blue})
	add("customer_segments", Note{ID: "s2", Text: "Families", Color: Pink})
	add("key_partners", Note{ID: "p1", Text: "Flour mill"})
	add("key_partners", Note{ID: "p2", Text: "Dairy"})
	add("key_partners", Note{ID: "p3", Text: "Coffee roaster"})
	add("value_propositions", Note{ID: "v1", Text: "Fresh at 7am", Segments: []string{"s1", "s2"}})
	return c
}

func ids(notes []Note) string {
	var out []string
	for _, n := range notes {
		out = append(out, n.ID)
	}
	return strings.Join(out, ",")
}

func TestOperations(t *testing.T) {
	amount := 12.5
	tests := []struct {
		name    string
		op      func(c *Canvas) error
		wantErr string
		check   func(t *testing.T, c *Canvas)
	}{
		{"add appends with a new id and defaults", func(c *Canvas) error {
			n, err := c.AddNote("key_activities", -1, Note{Text: "Bake"})
			if n.ID != "n1" || n.Color != Yellow || n.Status != StatusIdea {
				t.Errorf("added %+v", n)
			}
			return err
		}, "", func(t *testing.T, c *Canvas) {
			if ids(c.Blocks["key_activities"]) != "n1" {
				t.Errorf("key_activities = %s", ids(c.Blocks["key_activities"]))
			}
		}},
		{"add at index", func(c *Canvas) error { _, err := c.AddNote("key_partners", 1, Note{ID: "x"}); return err }, "",
			func(t *testing.T, c *Canvas) { want(t, ids(c.Blocks["key_partners"]), "p1,x,p2,p3") }},
		{"add to unknown block", func(c *Canvas) error { _, err := c.AddNote("key_partner", 0, Note{}); return err },
			`unknown block "key_partner" (did you mean "key_partners"?)`, nil},
		{"add out of range", func(c *Canvas) error { _, err := c.AddNote("key_partners", 9, Note{}); return err },
			"index 9 out of range 0…3", nil},
		{"add duplicate id", func(c *Canvas) error { _, err := c.AddNote("channels", 0, Note{ID: "p1"}); return err },
			`id "p1" is already used`, nil},
		{"add bad colour", func(c *Canvas) error { _, err := c.AddNote("channels", 0, Note{Color: "teal"}); return err },
			`unknown colour "teal"`, nil},
		{"add dangling link", func(c *Canvas) error {
			_, err := c.AddNote("channels", 0, Note{Segments: []string{"p1"}})
			return err
		}, `links to "p1", which is not a note in Customer Segments`, nil},
		{"add bad id", func(c *Canvas) error { _, err := c.AddNote("channels", 0, Note{ID: "a b"}); return err },
			`may only hold letters`, nil},
		{"edit text", func(c *Canvas) error { return c.SetText("p2", "Organic dairy\nweekly") }, "",
			func(t *testing.T, c *Canvas) { n, _ := c.Note("p2"); want(t, n.Text, "Organic dairy\nweekly") }},
		{"edit missing", func(c *Canvas) error { return c.SetText("zz", "x") }, `no note "zz"`, nil},
		{"recolour", func(c *Canvas) error { return c.SetColor("p1", Green) }, "",
			func(t *testing.T, c *Canvas) { n, _ := c.Note("p1"); want(t, string(n.Color), "green") }},
		{"recolour unknown", func(c *Canvas) error { return c.SetColor("p1", "gold") }, `unknown colour "gold"`, nil},
		{"update all fields", func(c *Canvas) error {
			n, _ := c.Note("p1")
			n.Status, n.Evidence, n.Tags, n.Amount = StatusValidated, "5 interviews", []string{"supplier"}, &amount
			return c.UpdateNote(n)
		}, "", func(t *testing.T, c *Canvas) {
			n, _ := c.Note("p1")
			if n.Status != StatusValidated || n.Evidence != "5 interviews" || *n.Amount != 12.5 || n.Period != PeriodYear {
				t.Errorf("updated %+v", n)
			}
		}},
		{"update bad status", func(c *Canvas) error {
			n, _ := c.Note("p1")
			n.Status = "done"
			return c.UpdateNote(n)
		}, `unknown status "done"`, nil},
		{"update period without amount", func(c *Canvas) error {
			n, _ := c.Note("p1")
			n.Period = PeriodMonth
			return c.UpdateNote(n)
		}, `period "month" given without an amount`, nil},
		{"delete", func(c *Canvas) error { return c.DeleteNote("p2") }, "",
			func(t *testing.T, c *Canvas) { want(t, ids(c.Blocks["key_partners"]), "p1,p3") }},
		{"delete segment unlinks it", func(c *Canvas) error { return c.DeleteNote("s1") }, "",
			func(t *testing.T, c *Canvas) { n, _ := c.Note("v1"); want(t, strings.Join(n.Segments, ","), "s2") }},
		{"delete missing", func(c *Canvas) error { return c.DeleteNote("zz") }, `no note "zz"`, nil},
		{"move to another block", func(c *Canvas) error { return c.MoveNote("p2", "key_activities", 0) }, "",
			func(t *testing.T, c *Canvas) {
				want(t, ids(c.Blocks["key_partners"]), "p1,p3")
				want(t, ids(c.Blocks["key_activities"]), "p2")
			}},
		{"move appends with -1", func(c *Canvas) error { return c.MoveNote("p1", "key_partners", -1) }, "",
			func(t *testing.T, c *Canvas) { want(t, ids(c.Blocks["key_partners"]), "p2,p3,p1") }},
		{"reorder forward", func(c *Canvas) error { return c.ReorderNote("p1", 2) }, "",
			func(t *testing.T, c *Canvas) { want(t, ids(c.Blocks["key_partners"]), "p2,p3,p1") }},
		{"reorder backward", func(c *Canvas) error { return c.ReorderNote("p3", 0) }, "",
			func(t *testing.T, c *Canvas) { want(t, ids(c.Blocks["key_partners"]), "p3,p1,p2") }},
		{"move out of range", func(c *Canvas) error { return c.MoveNote("p1", "key_partners", 3) },
			"index 3 out of range 0…2", nil},
		{"move to unknown block", func(c *Canvas) error { return c.MoveNote("p1", "partners", 0) }, `unknown block "partners"`, nil},
		{"move segment out unlinks it", func(c *Canvas) error { return c.MoveNote("s2", "channels", 0) }, "",
			func(t *testing.T, c *Canvas) { n, _ := c.Note("v1"); want(t, strings.Join(n.Segments, ","), "s1") }},
		{"set meta", func(c *Canvas) error { return c.SetMeta(Meta{Title: "Bakery", Currency: "€"}) }, "",
			func(t *testing.T, c *Canvas) { want(t, c.Title+c.Currency, "Bakery€") }},
		{"set meta multi-line", func(c *Canvas) error { return c.SetMeta(Meta{Title: "a\nb"}) }, "title must be a single line", nil},
		{"hide backstage", func(c *Canvas) error { return c.SetBackstageShown(false) }, "",
			func(t *testing.T, c *Canvas) {
				if c.BackstageShown() || len(c.Layout()) != 5 {
					t.Errorf("backstage shown %v, %d blocks", c.BackstageShown(), len(c.Layout()))
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sample(t)
			before := c.Clone()
			err := tt.op(c)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				if !reflect.DeepEqual(c, before) {
					t.Errorf("a failed operation changed the canvas")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.check != nil {
				tt.check(t, c)
			}
		})
	}
}

func want(t *testing.T, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLeanHasNoBackstage(t *testing.T) {
	c, _ := New(Lean().ID)
	if err := c.SetBackstageShown(false); err == nil {
		t.Error("lean canvas hid a backstage it does not have")
	}
	if !c.BackstageShown() || len(c.Layout()) != 9 {
		t.Errorf("lean layout has %d blocks", len(c.Layout()))
	}
}

func TestCloneIsDeep(t *testing.T) {
	c := sample(t)
	a := 5.0
	n, _ := c.Note("v1")
	n.Tags, n.Amount = []string{"t"}, &a
	if err := c.UpdateNote(n); err != nil {
		t.Fatal(err)
	}
	d := c.Clone()
	d.Blocks["value_propositions"][0].Segments[0] = "changed"
	d.Blocks["value_propositions"][0].Tags[0] = "changed"
	*d.Blocks["value_propositions"][0].Amount = 7
	d.Title = "changed"
	if err := d.MoveNote("p1", "channels", 0); err != nil {
		t.Fatal(err)
	}
	got, _ := c.Note("v1")
	if got.Segments[0] != "s1" || got.Tags[0] != "t" || *got.Amount != 5 || c.Title != "" || len(c.Blocks["key_partners"]) != 3 {
		t.Errorf("changing the clone changed the original: %+v", got)
	}
}

func TestNewID(t *testing.T) {
	c := sample(t)
	want(t, c.NewID(), "n1")
	c.AddNote("channels", -1, Note{ID: "n7"})
	c.AddNote("channels", -1, Note{ID: "nx"})
	want(t, c.NewID(), "n8")
}

func TestNoteCountAndFind(t *testing.T) {
	c := sample(t)
	if c.NoteCount() != 6 {
		t.Errorf("NoteCount = %d", c.NoteCount())
	}
	if b, i, ok := c.Find("p3"); b != "key_partners" || i != 2 || !ok {
		t.Errorf("Find = %s %d %v", b, i, ok)
	}
}
