package bmc

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// linked returns a small Business Model Canvas linked from partners to
// revenue, with a segment of two personas:
//
//	p1 ─supplies→ r1 ─enables→ a1 ─supports→ v1 (s1, s2/Ana), ch1 (s1)
//	p2 ─grew into→ ch2 (s2/Ana)        a2 ─supports→ v1
//	r2 ─enables→ v2 (s2)               cr1 (s2/Raj)
//	rv1 (s1) pays for v1, rv2 (s2) for v2; c1 comes from a1, c2 from r2
func linked(t testing.TB) *Canvas {
	t.Helper()
	c, _ := New(BusinessModelCanvas().ID)
	add := func(block, id string, segments, links []string) {
		t.Helper()
		if _, err := c.AddNote(block, -1, Note{ID: id, Text: id, Segments: segments, Links: links}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.AddNote(SegmentBlock, -1, Note{ID: "s1", Text: "Office workers"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddNote(SegmentBlock, -1, Note{ID: "s2", Text: "Families", Personas: []string{"Ana", "Raj"}}); err != nil {
		t.Fatal(err)
	}
	add("value_propositions", "v1", []string{"s1", "s2/Ana"}, nil)
	add("value_propositions", "v2", []string{"s2"}, nil)
	add("channels", "ch1", []string{"s1"}, nil)
	add("channels", "ch2", []string{"s2/Ana"}, nil)
	add("customer_relationships", "cr1", []string{"s2/Raj"}, nil)
	add("key_activities", "a1", nil, []string{"v1", "ch1"})
	add("key_activities", "a2", nil, []string{"v1"})
	add("key_resources", "r1", nil, []string{"a1"})
	add("key_resources", "r2", nil, []string{"v2"})
	add("key_partners", "p1", nil, []string{"r1"})
	add("key_partners", "p2", nil, []string{"ch2"})
	add("revenue_streams", "rv1", []string{"s1"}, []string{"v1"})
	add("revenue_streams", "rv2", []string{"s2"}, []string{"v2"})
	add("cost_structure", "c1", nil, []string{"a1"})
	add("cost_structure", "c2", nil, []string{"r2"})
	return c
}

// TestLinksRoundTrip: personas, persona links and links load, and save
// back byte for byte in the canonical key order.
func TestLinksRoundTrip(t *testing.T) {
	const file = `format: bmcanvas/1
template: business-model-canvas
view: {backstage: shown}
blocks:
  key_partners:
    - id: p1
      text: Flour mill
      color: grey
      links: [r1, a1]
  key_activities:
    - id: a1
      text: Baking
      color: yellow
      links: [v1]
  key_resources:
    - id: r1
      text: Oven
      color: yellow
      links: [a1]
  value_propositions:
    - id: v1
      text: Warm bread
      color: yellow
      segments: [s1, s2/Ana López]
  customer_relationships: []
  channels:
    - id: ch1
      text: Counter
      color: yellow
      segments: ["s2/Raj, Jr."]
  customer_segments:
    - id: s1
      text: Office workers
      color: blue
    - id: s2
      text: Families
      color: pink
      personas: [Ana López, "Raj, Jr."]
  cost_structure: []
  revenue_streams:
    - id: rv1
      text: Counter sales
      color: yellow
      segments: [s1]
      links: [v1]
      status: validated
      evidence: Till reports
      amount: 1200
      period: month
`
	c, err := Load("links.yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	s2, _ := c.Note("s2")
	if !reflect.DeepEqual(s2.Personas, []string{"Ana López", "Raj, Jr."}) {
		t.Errorf("personas = %q", s2.Personas)
	}
	p1, _ := c.Note("p1")
	if !reflect.DeepEqual(p1.Links, []string{"r1", "a1"}) {
		t.Errorf("links = %q", p1.Links)
	}
	out, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, []byte(file)) {
		t.Errorf("round trip changed the file:\n%s", firstDiff([]byte(file), out))
	}
	back, err := Load("links.yaml", out)
	if err != nil || !reflect.DeepEqual(back, c) {
		t.Errorf("load(save(c)) != c: %v", err)
	}
	if !reflect.DeepEqual(c.Clone(), c) {
		t.Error("Clone loses links or personas")
	}
	cl := c.Clone()
	cl.Blocks["key_partners"][0].Links[0] = "x"
	cl.Blocks[SegmentBlock][1].Personas[0] = "x"
	if p1, _ := c.Note("p1"); p1.Links[0] != "r1" || c.Blocks[SegmentBlock][1].Personas[0] != "Ana López" {
		t.Error("Clone shares links or personas")
	}
}

func TestLinkOperations(t *testing.T) {
	tests := []struct {
		name    string
		op      func(c *Canvas) error
		wantErr string
		// want lists "note:links|segments" after the operation.
		want []string
	}{
		{"link written on the note the relation starts from", func(c *Canvas) error { return c.Link("v2", "a2") }, "",
			[]string{"a2:v1,v2|"}},
		{"linking twice does nothing", func(c *Canvas) error { return c.Link("p1", "r1") }, "", []string{"p1:r1|"}},
		{"link within a block", func(c *Canvas) error { return c.Link("p1", "p2") }, "notes in Key Partners cannot link each other", nil},
		{"link without a meaning", func(c *Canvas) error { return c.Link("ch1", "cr1") }, "notes in Channels link to no other notes", nil},
		{"link to no note", func(c *Canvas) error { return c.Link("p1", "zz") }, `no note "zz"`, nil},
		{"unlink either way", func(c *Canvas) error { return c.Unlink("a1", "r1") }, "", []string{"r1:|"}},
		{"update refuses a self link", func(c *Canvas) error {
			n, _ := c.Note("a1")
			n.Links = append(n.Links, "a1")
			return c.UpdateNote(n)
		}, `note "a1" links to itself`, []string{"a1:v1,ch1|"}},
		{"add refuses a dangling link", func(c *Canvas) error {
			_, err := c.AddNote("key_partners", -1, Note{ID: "p9", Links: []string{"gone"}})
			return err
		}, `links to "gone", which is no note on the canvas`, nil},
		{"add refuses a personas on a channel", func(c *Canvas) error {
			_, err := c.AddNote("channels", -1, Note{Personas: []string{"Ana"}})
			return err
		}, "only customer segments have personas", nil},
		{"delete removes every link to the note", func(c *Canvas) error { return c.DeleteNote("a1") }, "",
			[]string{"r1:|", "c1:|", "v1:|s1,s2/Ana"}},
		{"delete a segment removes its persona links", func(c *Canvas) error { return c.DeleteNote("s2") }, "",
			[]string{"v1:|s1", "ch2:|", "cr1:|", "rv2:v2|"}},
		{"move to another block keeps only links that still mean something", func(c *Canvas) error { return c.MoveNote("a1", "channels", -1) }, "",
			[]string{"a1:|", "r1:|", "c1:|"}},
		{"reorder keeps links", func(c *Canvas) error { return c.ReorderNote("a1", 1) }, "", []string{"a1:v1,ch1|", "r1:a1|"}},
		{"a segment moved out loses persona links and personas", func(c *Canvas) error { return c.MoveNote("s2", "channels", -1) }, "",
			[]string{"s2:|", "v1:|s1", "cr1:|"}},
		{"dropping a persona drops the links to it", func(c *Canvas) error {
			n, _ := c.Note("s2")
			n.Personas = []string{"Ana"}
			return c.UpdateNote(n)
		}, "", []string{"cr1:|", "ch2:|s2/Ana"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := linked(t)
			before := c.Clone()
			err := tt.op(c)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if err != nil && !reflect.DeepEqual(c, before) {
				t.Error("a refused operation changed the canvas")
			}
			for _, w := range tt.want {
				id, _, _ := strings.Cut(w, ":")
				n, _ := c.Note(id)
				if got := id + ":" + strings.Join(n.Links, ",") + "|" + strings.Join(n.Segments, ","); got != w {
					t.Errorf("got %s, want %s", got, w)
				}
			}
			if err := c.Validate(); err != nil {
				t.Errorf("the canvas is no longer valid: %v", err)
			}
			// The undo snapshot taken before the change still has every link.
			if !reflect.DeepEqual(before, linked(t)) {
				t.Error("the change reached the snapshot taken before it")
			}
		})
	}
}

func TestLinkTargets(t *testing.T) {
	c := linked(t)
	var got []string
	for _, lt := range c.LinkTargets("r1") {
		mark := ""
		if lt.Linked {
			mark = "*"
		}
		got = append(got, lt.Note.ID+mark+" "+lt.Relation.Verb)
	}
	want := "p1* supplies, p2 supplies, a1* enables, a2 enables, v1 enables, v2 enables, c1 comes from, c2 comes from"
	if strings.Join(got, ", ") != want {
		t.Errorf("LinkTargets(r1) = %s\nwant %s", strings.Join(got, ", "), want)
	}
	if c.LinkTargets("zz") != nil {
		t.Error("targets for no note")
	}
}

func TestChain(t *testing.T) {
	c := linked(t)
	tests := []struct{ focus, want string }{
		{"p1", "a1,c1,ch1,p1,r1,rv1,s1,s2,v1"},
		{"s2", "a1,a2,c1,c2,ch2,cr1,p1,p2,r1,r2,rv2,s2,v1,v2"},
		{"s1", "a1,a2,c1,ch1,p1,r1,rv1,s1,v1"},
		{"v2", "c2,r2,rv2,s2,v2"},
		{"c2", "c2,r2"},
		{"p2", "ch2,p2,s2"},
		{"zz", ""},
	}
	for _, tt := range tests {
		if got := keys(c.Chain(tt.focus)); got != tt.want {
			t.Errorf("Chain(%s) = %s, want %s", tt.focus, got, tt.want)
		}
	}
	// A revenue stream both segments pay for both propositions ends the
	// chain: s1's chain gets it, not v2 behind it nor s2 beyond it.
	if _, err := c.AddNote(RevenueBlock, -1, Note{ID: "rv3", Segments: []string{"s1", "s2"}, Links: []string{"v1", "v2"}}); err != nil {
		t.Fatal(err)
	}
	if got := keys(c.Chain("s1")); got != "a1,a2,c1,ch1,p1,r1,rv1,rv3,s1,v1" {
		t.Errorf("Chain(s1) with a shared revenue stream = %s", got)
	}
	if got := keys(c.Chain("rv3")); got != "a1,a2,c1,c2,p1,r1,r2,rv3,s1,s2,v1,v2" {
		t.Errorf("Chain(rv3) = %s", got)
	}
}

func TestDropImpact(t *testing.T) {
	c := linked(t)
	tests := []struct{ drop, want string }{
		{"p1", "a1,r1,ch1,c1"},
		{"v2", "rv2"},
		{"s1", "ch1,rv1"},
		{"s2", "v2,cr1,ch2,rv2"},
		{"a2", ""},
		{"r2", "v2,c2,rv2"},
		{"zz", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range c.DropImpact(tt.drop) {
			got = append(got, l.Note.ID)
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("DropImpact(%s) = %s, want %s", tt.drop, strings.Join(got, ","), tt.want)
		}
	}
	// v1 keeps its other activity: dropping both of them cascades to the
	// proposition, s1 (served by nothing else) and what only s1 had.
	c.DeleteNote("a2")
	var got []string
	for _, l := range c.DropImpact("a1") {
		got = append(got, l.Note.ID)
	}
	if strings.Join(got, ",") != "v1,ch1,s1,c1,rv1" {
		t.Errorf("DropImpact(a1) without a2 = %s", strings.Join(got, ","))
	}
}

func TestPersonaRef(t *testing.T) {
	for ref, want := range map[string][2]string{"n2": {"n2", ""}, "n2/Ana": {"n2", "Ana"}, "n2/Ana/B": {"n2", "Ana/B"}, "": {"", ""}} {
		if s, p := PersonaRef(ref); s != want[0] || p != want[1] {
			t.Errorf("PersonaRef(%q) = %q, %q", ref, s, p)
		}
	}
}

func TestNeighbours(t *testing.T) {
	c := linked(t)
	for id, want := range map[string]string{
		"a1": "r1,v1,ch1,c1",
		"s2": "v1,v2,cr1,ch2,rv2",
		"p2": "ch2",
		"zz": "",
	} {
		if got := strings.Join(c.Neighbours(id), ","); got != want {
			t.Errorf("Neighbours(%s) = %s, want %s", id, got, want)
		}
	}
}

// TestMergeLinks: links and personas merge as sets, follow a renumbered
// note, and what no longer fits the merged canvas is dropped with a
// conflict that says why.
func TestMergeLinks(t *testing.T) {
	link := func(a, b string) edit { return func(t *testing.T, c *Canvas) { noErr(t, c.Link(a, b)) } }
	tests := []struct {
		name         string
		ours, theirs edit
		conflicts    string
		// want lists "note:links|segments" in the merged canvas.
		want []string
	}{
		{"links added on both sides", link("a1", "ch2"), link("a1", "cr1"), "", []string{"a1:v1,ch1,ch2,cr1|"}},
		{"a link to a note the other side deleted", sideDelete("v2"), link("a2", "v2"), "links", []string{"a2:v1|"}},
		{"a link the other side's move made meaningless", link("a2", "v2"), sideMove("a2", "channels", -1), "links", []string{"a2:|"}},
		{"a persona the other side removed", sideUpdate("s2", func(n *Note) { n.Personas = []string{"Ana"} }),
			sideUpdate("ch1", func(n *Note) { n.Segments = []string{"s1", "s2/Raj"} }), "segments", []string{"ch1:|s1", "cr1:|"}},
		{"a persona added and linked on one side", nil, sideEdits(
			sideUpdate("s1", func(n *Note) { n.Personas = []string{"Bo"} }),
			sideUpdate("rv1", func(n *Note) { n.Segments = []string{"s1/Bo"} })), "", []string{"rv1:v1|s1/Bo"}},
		{"personas of a note moved out of segments", sideMove("s2", "channels", -1),
			sideUpdate("s2", func(n *Note) { n.Personas = append(n.Personas, "Lu") }), "personas", []string{"s2:|", "cr1:|"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, ours, theirs := linked(t), linked(t), linked(t)
			if tt.ours != nil {
				tt.ours(t, ours)
			}
			tt.theirs(t, theirs)
			m, err := Merge(base, ours, theirs)
			if err != nil {
				t.Fatal(err)
			}
			var fields []string
			for _, c := range m.Conflicts {
				fields = append(fields, c.Field)
			}
			if got := strings.Join(fields, ","); !strings.Contains(got, tt.conflicts) || (tt.conflicts == "" && got != "") {
				t.Errorf("conflicts %q, want %q", got, tt.conflicts)
			}
			for _, w := range tt.want {
				id, _, _ := strings.Cut(w, ":")
				n, _ := m.Canvas.Note(id)
				if got := id + ":" + strings.Join(n.Links, ",") + "|" + strings.Join(n.Segments, ","); got != w {
					t.Errorf("got %s, want %s", got, w)
				}
			}
		})
	}
	// theirs' new note under an ID ours gave another note is renumbered,
	// and theirs' link to it follows.
	base, ours, theirs := linked(t), linked(t), linked(t)
	sideAdd("key_resources", -1, Note{ID: "x9", Text: "Ours"})(t, ours)
	sideEdits(sideAdd("key_resources", -1, Note{ID: "x9", Text: "Theirs"}), link("p1", "x9"))(t, theirs)
	m, err := Merge(base, ours, theirs)
	if err != nil {
		t.Fatal(err)
	}
	p1, _ := m.Canvas.Note("p1")
	if len(m.Renumbered) != 1 || !slices.Equal(p1.Links, []string{"r1", m.Renumbered[0].New}) {
		t.Errorf("renumbered %+v, p1 links %v", m.Renumbered, p1.Links)
	}
	// Compare reports links and personas.
	d := Compare(base, theirs)
	kinds := map[ChangeKind]bool{}
	for _, ch := range d.Changes {
		kinds[ch.Kind] = true
	}
	if !kinds[ChangeLinks] {
		t.Errorf("Compare misses a link: %+v", d.Changes)
	}
	sideUpdate("s2", func(n *Note) { n.Personas = []string{"Ana"} })(t, theirs)
	if d := Compare(base, theirs); !slices.ContainsFunc(d.Changes, func(c Change) bool { return c.Kind == ChangePersonas }) {
		t.Errorf("Compare misses a persona: %+v", d.Changes)
	}
}
