package bmc

import (
	"bytes"
	"strings"
	"testing"
)

// edit is a change made to one side of a merge.
type edit func(t *testing.T, c *Canvas)

func sideText(id, text string) edit {
	return func(t *testing.T, c *Canvas) { noErr(t, c.SetText(id, text)) }
}

func sideUpdate(id string, f func(n *Note)) edit {
	return func(t *testing.T, c *Canvas) {
		n, ok := c.Note(id)
		if !ok {
			t.Fatalf("no note %s", id)
		}
		f(&n)
		noErr(t, c.UpdateNote(n))
	}
}

func sideDelete(id string) edit { return func(t *testing.T, c *Canvas) { noErr(t, c.DeleteNote(id)) } }

func sideMove(id, block string, at int) edit {
	return func(t *testing.T, c *Canvas) { noErr(t, c.MoveNote(id, block, at)) }
}

func sideAdd(block string, at int, n Note) edit {
	return func(t *testing.T, c *Canvas) {
		_, err := c.AddNote(block, at, n)
		noErr(t, err)
	}
}

func sideEdits(es ...edit) edit {
	return func(t *testing.T, c *Canvas) {
		for _, e := range es {
			e(t, c)
		}
	}
}

func sideMeta(f func(m *Meta)) edit {
	return func(t *testing.T, c *Canvas) {
		m := c.Meta
		f(&m)
		noErr(t, c.SetMeta(m))
	}
}

// order lists a block's note IDs.
func sideOrder(c *Canvas, block string) string { return ids(c.Blocks[block]) }

func sideAmount(v float64, p Period) func(n *Note) {
	return func(n *Note) { n.Amount, n.Period = &v, p }
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name          string
		ours, theirs  edit
		conflicts     []string // Field of each conflict, in order
		check         func(t *testing.T, m *Canvas)
		renumberedTo  string
		wantEqualTo   edit // when set, the merge must save to the same bytes as base with this edit
		wantConflicts string
	}{
		{name: "theirs' text", ours: nil, theirs: sideText("p1", "Organic mill"),
			wantEqualTo: sideText("p1", "Organic mill")},
		{name: "changes to different fields of one note are both taken",
			ours:        sideUpdate("r1", func(n *Note) { n.Status = StatusValidated }),
			theirs:      sideEdits(sideText("r1", "Counter sales, all day"), sideUpdate("r1", func(n *Note) { n.Color = Green })),
			wantEqualTo: sideEdits(sideUpdate("r1", func(n *Note) { n.Status = StatusValidated }), sideText("r1", "Counter sales, all day"), sideUpdate("r1", func(n *Note) { n.Color = Green }))},
		{name: "the same change on both sides", ours: sideText("p1", "Mill"), theirs: sideText("p1", "Mill"),
			wantEqualTo: sideText("p1", "Mill")},
		{name: "text changed differently", ours: sideText("p1", "Our mill"), theirs: sideText("p1", "Their mill"),
			conflicts: []string{"text"},
			check: func(t *testing.T, m *Canvas) {
				n, _ := m.Note("p1")
				want(t, n.Text, "<<<<<<< ours\nOur mill\n=======\nTheir mill\n>>>>>>> theirs")
				want(t, strings.Join(n.Tags, ","), "conflict")
			}},
		{name: "evidence changed differently", ours: sideUpdate("r1", func(n *Note) { n.Evidence = "Till, Jan–Oct" }),
			theirs: sideUpdate("r1", func(n *Note) { n.Evidence = "Bank statements" }), conflicts: []string{"evidence"},
			check: func(t *testing.T, m *Canvas) {
				n, _ := m.Note("r1")
				want(t, n.Evidence, "<<<<<<< ours\nTill, Jan–Oct\n=======\nBank statements\n>>>>>>> theirs")
			}},
		{name: "colour, status and amount changed differently: ours kept, theirs in the evidence",
			ours: sideUpdate("r1", func(n *Note) {
				n.Color, n.Status = Blue, StatusValidated
				sideAmount(2500, PeriodMonth)(n)
			}),
			theirs: sideUpdate("r1", func(n *Note) {
				n.Color, n.Status = Pink, StatusInvalidated
				sideAmount(30000, PeriodYear)(n)
			}),
			conflicts: []string{"color", "status", "amount"},
			check: func(t *testing.T, m *Canvas) {
				n, _ := m.Note("r1")
				want(t, string(n.Color)+" "+string(n.Status)+" "+n.AmountText(), "blue validated 2500 per month")
				want(t, n.Evidence, "Till reports\n\n"+
					"merge conflict: theirs made this note pink; ours (blue) was kept\n"+
					"merge conflict: theirs set the status to invalidated; ours (validated) was kept\n"+
					"merge conflict: theirs set the amount to 30000 per year; ours (2500 per month) was kept")
				want(t, strings.Join(n.Tags, ","), "conflict")
			}},
		{name: "amount removed by theirs", ours: sideText("r1", "Sales"), theirs: sideUpdate("r1", func(n *Note) { n.Amount, n.Period = nil, "" }),
			wantEqualTo: sideEdits(sideText("r1", "Sales"), sideUpdate("r1", func(n *Note) { n.Amount, n.Period = nil, "" }))},
		{name: "moved to different blocks", ours: sideMove("p3", "key_resources", -1), theirs: sideMove("p3", "key_activities", -1),
			conflicts: []string{"block"},
			check: func(t *testing.T, m *Canvas) {
				want(t, sideOrder(m, "key_resources")+"|"+sideOrder(m, "key_activities"), "p3|")
				n, _ := m.Note("p3")
				want(t, n.Evidence, "merge conflict: theirs moved this note to Key Activities; ours' move to Key Resources was kept")
			}},
		{name: "moved by one, edited by the other", ours: sideMove("p3", "key_resources", -1), theirs: sideText("p3", "Roaster"),
			wantEqualTo: sideEdits(sideMove("p3", "key_resources", -1), sideText("p3", "Roaster"))},
		{name: "deleted by theirs, edited by ours", ours: sideText("p2", "Dairy co-op"), theirs: sideDelete("p2"),
			conflicts: []string{"deleted"},
			check: func(t *testing.T, m *Canvas) {
				n, ok := m.Note("p2")
				if !ok || n.Text != "Dairy co-op" || !contains(n.Tags, ConflictTag) {
					t.Errorf("the edit was not kept: %+v", n)
				}
				want(t, sideOrder(m, "key_partners"), "p1,p2,p3")
			}},
		{name: "deleted by ours, edited by theirs", ours: sideDelete("p2"), theirs: sideText("p2", "Dairy co-op"),
			conflicts: []string{"deleted"},
			check: func(t *testing.T, m *Canvas) {
				n, _ := m.Note("p2")
				want(t, n.Text+"|"+n.Evidence, "Dairy co-op|merge conflict: ours deleted this note and theirs changed it, so it was kept")
			}},
		{name: "deleted by one, reordered by the other", ours: sideDelete("p2"), theirs: sideMove("p2", "key_partners", 0),
			wantEqualTo: sideDelete("p2")},
		{name: "deleted by both", ours: sideDelete("p2"), theirs: sideDelete("p2"), wantEqualTo: sideDelete("p2")},
		{name: "added on both sides under the same id", ours: sideAdd("channels", -1, Note{ID: "n8", Text: "Shop counter", Segments: []string{"s1"}}),
			theirs: sideEdits(
				sideAdd(SegmentBlock, -1, Note{ID: "n8", Text: "Tourists"}),
				sideAdd("channels", -1, Note{ID: "n9", Text: "Hotel leaflets", Segments: []string{"n8"}}),
				sideUpdate("v1", func(n *Note) { n.Segments = append(n.Segments, "n8") })),
			renumberedTo: "n8→n10",
			check: func(t *testing.T, m *Canvas) {
				want(t, sideOrder(m, "channels")+"|"+sideOrder(m, SegmentBlock), "n8,n9|s1,s2,n10")
				n9, _ := m.Note("n9")
				v1, _ := m.Note("v1")
				n8, _ := m.Note("n8")
				want(t, strings.Join(n9.Segments, ",")+"|"+strings.Join(v1.Segments, ",")+"|"+strings.Join(n8.Segments, ","), "n10|s1,s2,n10|s1")
			}},
		{name: "a hand-written id added on both sides", ours: sideAdd("channels", -1, Note{ID: "van", Text: "Van"}),
			theirs: sideAdd("channels", -1, Note{ID: "van", Text: "Bike"}), renumberedTo: "van→van-2",
			check: func(t *testing.T, m *Canvas) { want(t, sideOrder(m, "channels"), "van,van-2") }},
		{name: "the same note added on both sides is kept once", ours: sideAdd("channels", -1, Note{ID: "n8", Text: "Van"}),
			theirs: sideAdd("channels", -1, Note{ID: "n8", Text: "Van"}), wantEqualTo: sideAdd("channels", -1, Note{ID: "n8", Text: "Van"})},
		{name: "additions on both sides at one place: ours first",
			ours:   sideAdd("key_partners", 1, Note{ID: "o1", Text: "Bank"}),
			theirs: sideAdd("key_partners", 1, Note{ID: "t1", Text: "Egg farm"}),
			check:  func(t *testing.T, m *Canvas) { want(t, sideOrder(m, "key_partners"), "p1,o1,t1,p2,p3") }},
		{name: "theirs reordered, ours added: theirs' order, ours' note before the one it preceded",
			ours:   sideAdd("key_partners", 2, Note{ID: "o1", Text: "Bank"}),
			theirs: sideMove("p1", "key_partners", -1),
			check:  func(t *testing.T, m *Canvas) { want(t, sideOrder(m, "key_partners"), "p2,o1,p3,p1") }},
		{name: "both reordered: ours' order",
			ours:   sideMove("p3", "key_partners", 0),
			theirs: sideEdits(sideMove("p1", "key_partners", -1), sideAdd("key_partners", -1, Note{ID: "t1", Text: "Egg farm"})),
			check:  func(t *testing.T, m *Canvas) { want(t, sideOrder(m, "key_partners"), "p3,p1,p2,t1") }},
		{name: "tags and links merge as sets",
			ours: sideUpdate("v1", func(n *Note) {
				n.Tags = []string{"fresh", "warm"}
				n.Segments = []string{"s1"}
			}),
			theirs: sideUpdate("v1", func(n *Note) {
				n.Tags = []string{"local"}
				n.Segments = []string{"s2", "s1"}
			}),
			check: func(t *testing.T, m *Canvas) {
				n, _ := m.Note("v1")
				want(t, strings.Join(n.Tags, ",")+"|"+strings.Join(n.Segments, ","), "warm,local|s1")
			}},
		{name: "a link to a segment the other side deleted is dropped",
			ours:      sideDelete("s2"),
			theirs:    sideUpdate("r1", func(n *Note) { n.Segments = []string{"s1", "s2"} }),
			conflicts: []string{"segments"},
			check: func(t *testing.T, m *Canvas) {
				n, _ := m.Note("r1")
				want(t, strings.Join(n.Segments, ","), "s1")
				v1, _ := m.Note("v1")
				want(t, strings.Join(v1.Segments, ","), "s1")
			}},
		{name: "header fields: one side's change taken, both changed kept on one line",
			ours:      sideMeta(func(m *Meta) { m.Title, m.Version = "Corner Bakery & Café", "4" }),
			theirs:    sideMeta(func(m *Meta) { m.Version, m.DesignedBy = "5", "Ana" }),
			conflicts: []string{"version"},
			check: func(t *testing.T, m *Canvas) {
				want(t, m.Title+"|"+m.Version+"|"+m.DesignedBy, "Corner Bakery & Café|<<<<<<< 4 ======= 5 >>>>>>>|Ana")
			}},
		{name: "a header conflict too long for one line keeps ours",
			ours:      sideMeta(func(m *Meta) { m.Title = strings.Repeat("o", 300) }),
			theirs:    sideMeta(func(m *Meta) { m.Title = strings.Repeat("t", 300) }),
			conflicts: []string{"title"},
			check:     func(t *testing.T, m *Canvas) { want(t, m.Title, strings.Repeat("o", 300)) }},
		{name: "view", ours: sideText("p1", "Mill"), theirs: func(t *testing.T, c *Canvas) { noErr(t, c.SetBackstageShown(false)) },
			check: func(t *testing.T, m *Canvas) {
				if m.BackstageShown() {
					t.Error("theirs hid the backstage")
				}
			}},
		{name: "both texts too long for one note: theirs' version beside ours",
			ours:      sideText("p1", strings.Repeat("o", MaxTextLength-10)),
			theirs:    sideEdits(sideText("p1", strings.Repeat("t", MaxTextLength-10)), sideUpdate("p1", func(n *Note) { n.Color = Green })),
			conflicts: []string{"text", "text"},
			check: func(t *testing.T, m *Canvas) {
				want(t, sideOrder(m, "key_partners"), "p1,p1-2,p2,p3")
				p1, _ := m.Note("p1")
				n1, _ := m.Note("p1-2")
				if p1.Text != strings.Repeat("o", MaxTextLength-10) || n1.Text != strings.Repeat("t", MaxTextLength-10) || n1.Color != Green {
					t.Errorf("p1 %.10q… n1 %.10q… %s", p1.Text, n1.Text, n1.Color)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, ours, theirs := twoSided(t), twoSided(t), twoSided(t)
			if tt.ours != nil {
				tt.ours(t, ours)
			}
			if tt.theirs != nil {
				tt.theirs(t, theirs)
			}
			before := [3][]byte{savedBytes(t, base), savedBytes(t, ours), savedBytes(t, theirs)}
			m, err := Merge(base, ours, theirs)
			if err != nil {
				t.Fatal(err)
			}
			for i, c := range []*Canvas{base, ours, theirs} {
				if !bytes.Equal(savedBytes(t, c), before[i]) {
					t.Errorf("Merge changed its input %d", i)
				}
			}
			var fields []string
			for _, c := range m.Conflicts {
				fields = append(fields, c.Field)
				if c.String() == "" {
					t.Error("a conflict without words")
				}
			}
			want(t, strings.Join(fields, ","), strings.Join(tt.conflicts, ","))
			var renumbered []string
			for _, r := range m.Renumbered {
				renumbered = append(renumbered, r.Old+"→"+r.New)
			}
			want(t, strings.Join(renumbered, ","), tt.renumberedTo)
			if tt.wantEqualTo != nil {
				w := twoSided(t)
				tt.wantEqualTo(t, w)
				if got, exp := savedBytes(t, m.Canvas), savedBytes(t, w); !bytes.Equal(got, exp) {
					t.Errorf("merged:\n%s\nwant:\n%s", got, exp)
				}
			}
			if tt.check != nil {
				tt.check(t, m.Canvas)
			}
			// Whatever happened, the merged canvas saves and loads back.
			if _, err := Load("merged.yaml", savedBytes(t, m.Canvas)); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestMergeConflictWords(t *testing.T) {
	base, ours, theirs := twoSided(t), twoSided(t), twoSided(t)
	noErr(t, ours.SetText("p1", "Our mill"))
	noErr(t, theirs.SetText("p1", "Their mill"))
	noErr(t, ours.DeleteNote("p2"))
	noErr(t, theirs.SetText("p2", "Dairy co-op"))
	m, err := Merge(base, ours, theirs)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, c := range m.Conflicts {
		lines = append(lines, c.String())
	}
	want(t, strings.Join(lines, "\n"),
		`note p1 in key_partners: text changed on both sides: ours "Our mill", theirs "Their mill"; kept both between the markers <<<<<<< ours and >>>>>>> theirs`+"\n"+
			`note p2 in key_partners: ours deleted it; theirs changed it; kept theirs' changed note`)
}

func TestMergeTemplates(t *testing.T) {
	base, ours, theirs := twoSided(t), twoSided(t), twoSided(t)
	ours.TemplateID = Personal().ID
	m, err := Merge(base, ours, theirs)
	if err != nil || m.Canvas.TemplateID != Personal().ID {
		t.Fatalf("one side's new template: %v", err)
	}
	theirs.TemplateID = Lean().ID
	if _, err := Merge(base, ours, theirs); err == nil || !strings.Contains(err.Error(), "template") {
		t.Errorf("both changed the template: %v", err)
	}
	// Theirs turns it into an empty Lean Canvas, whose blocks differ: the
	// notes ours left alone go, the one ours added has no place.
	lean, _ := New(Lean().ID)
	if m, err := Merge(base, twoSided(t), lean); err != nil || m.Canvas.NoteCount() != 0 {
		t.Errorf("theirs emptied the canvas and changed its template: %v", err)
	}
	ours = twoSided(t)
	_, err = ours.AddNote("key_partners", -1, Note{Text: "Bank"})
	noErr(t, err)
	if _, err := Merge(base, ours, lean); err == nil || !strings.Contains(err.Error(), "has no block") {
		t.Errorf("notes left in blocks the template lacks: %v", err)
	}
}
