package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// openBakery opens a copy of the bakery example in a test editor.
func openBakery(t *testing.T) (*Editor, fyne.Window) {
	t.Helper()
	e, w := newTestEditor(t)
	if err := e.OpenFile(bakeryCopy(t)); err != nil {
		t.Fatal(err)
	}
	return e, w
}

// itemNamed returns the menu item labelled label, failing the test when
// there is none.
func itemNamed(t *testing.T, items []*fyne.MenuItem, label string) *fyne.MenuItem {
	t.Helper()
	var labels []string
	for _, it := range items {
		if it.Label == label {
			return it
		}
		labels = append(labels, it.Label)
	}
	t.Fatalf("no item %q in %q", label, labels)
	return nil
}

// hasItem reports whether items has one labelled label.
func hasItem(items []*fyne.MenuItem, label string) bool {
	return slices.ContainsFunc(items, func(it *fyne.MenuItem) bool { return it.Label == label })
}

// noteMenu returns the items the editor adds to note id's context menu,
// as the board asks for them.
func noteMenu(t *testing.T, e *Editor, id string) []*fyne.MenuItem {
	t.Helper()
	if e.board.ContextMenuExtra == nil {
		t.Fatal("the editor adds nothing to the note menu")
	}
	return e.board.ContextMenuExtra(id)
}

// note returns note id of the document's canvas.
func note(t *testing.T, e *Editor, id string) bmc.Note {
	t.Helper()
	n, ok := e.doc.Canvas().Note(id)
	if !ok {
		t.Fatalf("no note %s", id)
	}
	return n
}

// wantUndo checks that the last edit is undone as one step named label.
func wantUndo(t *testing.T, e *Editor, label string) {
	t.Helper()
	if e.menu.undo.Label != "Undo "+label {
		t.Errorf("undo item %q, want %q", e.menu.undo.Label, "Undo "+label)
	}
}

// overlayWidgets returns the widgets of type T in the topmost overlay.
func overlayWidgets[T fyne.CanvasObject](t *testing.T, w fyne.Window) []T {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	var out []T
	for _, o := range test.LaidOutObjects(top) {
		if x, ok := o.(T); ok {
			out = append(out, x)
		}
	}
	return out
}

func TestLinkToSegment(t *testing.T) {
	e, _ := openBakery(t)
	// n9, a value proposition, serves no segment yet.
	link := itemNamed(t, noteMenu(t, e, "n9"), "Link to segment")
	segs := e.doc.Canvas().Segments()
	if len(link.ChildMenu.Items) != len(segs) {
		t.Fatalf("%d segment items for %d segments", len(link.ChildMenu.Items), len(segs))
	}
	for i, it := range link.ChildMenu.Items {
		if it.Label != segmentLabel(segs[i]) || it.Checked || it.Icon == nil {
			t.Errorf("item %d: %q checked %v", i, it.Label, it.Checked)
		}
	}
	itemNamed(t, link.ChildMenu.Items, "Local families, weekend treats").Action()
	if got := note(t, e, "n9").Segments; !slices.Equal(got, []string{"n2"}) {
		t.Fatalf("links %v, want [n2]", got)
	}
	wantUndo(t, e, "Link to segment")

	link = itemNamed(t, noteMenu(t, e, "n9"), "Link to segment")
	it := itemNamed(t, link.ChildMenu.Items, "Local families, weekend treats")
	if !it.Checked {
		t.Error("the linked segment is not checked")
	}
	it.Action() // unlinks
	if got := note(t, e, "n9").Segments; len(got) != 0 {
		t.Errorf("after unlinking: %v", got)
	}
	e.Undo()
	if got := note(t, e, "n9").Segments; !slices.Equal(got, []string{"n2"}) {
		t.Errorf("undoing the unlink gave %v", got)
	}
	e.Undo()
	if got := note(t, e, "n9").Segments; len(got) != 0 || e.doc.Dirty() {
		t.Errorf("undoing the link gave %v, dirty %v", got, e.doc.Dirty())
	}
}

func TestSegmentNoteMenu(t *testing.T) {
	e, _ := openBakery(t)
	items := noteMenu(t, e, "n1")
	if hasItem(items, "Link to segment") || hasItem(items, "Amount…") {
		t.Error("a segment offers links to segments, or an amount")
	}
	itemNamed(t, items, "Focus this segment")
	for _, label := range []string{"Status", "Evidence…", "Tags"} {
		itemNamed(t, items, label)
	}
	if items := noteMenu(t, e, "n18"); !hasItem(items, "Amount…") || hasItem(items, "Focus this segment") {
		t.Error("a revenue stream has no Amount… item, or a focus item")
	}
	itemNamed(t, noteMenu(t, e, "n33"), "Amount…")
	if hasItem(noteMenu(t, e, "n9"), "Amount…") {
		t.Error("a value proposition offers an amount")
	}
}

func TestNoSegmentsToLink(t *testing.T) {
	e, _ := newTestEditor(t)
	var id string
	e.edit("Add note", func(c *bmc.Canvas) error {
		n, err := c.AddNote("channels", -1, bmc.Note{Text: "Word of mouth"})
		id = n.ID
		return err
	})
	link := itemNamed(t, noteMenu(t, e, id), "Link to segment")
	if len(link.ChildMenu.Items) != 1 || !link.ChildMenu.Items[0].Disabled {
		t.Errorf("without segments the link menu offers %v", link.ChildMenu.Items)
	}
}

func TestDeleteSegmentThenUndo(t *testing.T) {
	e, _ := openBakery(t)
	linked := func(c *bmc.Canvas) []string {
		var ids []string
		for _, notes := range c.Blocks {
			for _, n := range notes {
				if slices.Contains(n.Segments, "n2") {
					ids = append(ids, n.ID)
				}
			}
		}
		slices.Sort(ids)
		return ids
	}
	before := linked(e.doc.Canvas())
	if len(before) == 0 {
		t.Fatal("nothing is linked to n2")
	}
	e.board.Select("n2")
	e.board.DeleteSelected()
	if _, ok := e.doc.Canvas().Note("n2"); ok {
		t.Fatal("the segment is still there")
	}
	if got := linked(e.doc.Canvas()); len(got) != 0 {
		t.Errorf("links to the deleted segment remain on %v", got)
	}
	wantUndo(t, e, "Delete note")
	e.Undo()
	if _, ok := e.doc.Canvas().Note("n2"); !ok {
		t.Fatal("undo did not bring the segment back")
	}
	if got := linked(e.doc.Canvas()); !slices.Equal(got, before) {
		t.Errorf("after undo the links are on %v, want %v", got, before)
	}
	if e.doc.Dirty() {
		t.Error("one undo did not restore the canvas")
	}
}

func TestSetStatusFromMenu(t *testing.T) {
	e, _ := openBakery(t)
	status := itemNamed(t, noteMenu(t, e, "n9"), "Status")
	var labels []string
	for _, it := range status.ChildMenu.Items {
		labels = append(labels, it.Label)
		if it.Checked != (it.Label == "Idea") {
			t.Errorf("%s checked %v on an idea", it.Label, it.Checked)
		}
	}
	if strings.Join(labels, ",") != "Idea,Hypothesis,Validated,Invalidated" {
		t.Errorf("statuses %v", labels)
	}
	itemNamed(t, status.ChildMenu.Items, "Hypothesis").Action()
	if s := note(t, e, "n9").Status; s != bmc.StatusHypothesis {
		t.Fatalf("status %s", s)
	}
	wantUndo(t, e, "Set status")
	status = itemNamed(t, noteMenu(t, e, "n9"), "Status")
	if !itemNamed(t, status.ChildMenu.Items, "Hypothesis").Checked {
		t.Error("the new status is not checked")
	}
	e.Undo()
	if s := note(t, e, "n9").Status; s != bmc.StatusIdea || e.doc.Dirty() {
		t.Errorf("after undo: %s, dirty %v", s, e.doc.Dirty())
	}
}

func TestEvidenceDialog(t *testing.T) {
	e, w := openBakery(t)
	itemNamed(t, noteMenu(t, e, "n9"), "Evidence…").Action()
	var evidence *dialogEntry
	for _, en := range overlayWidgets[*dialogEntry](t, w) {
		if en.MultiLine {
			evidence = en
		}
	}
	selects := overlayWidgets[*dialogSelect](t, w)
	if evidence == nil || len(selects) != 1 || selects[0].Selected != "Idea" {
		t.Fatalf("evidence entry %v, status selects %v", evidence, selects)
	}
	if !strings.Contains(overlayText(w), "Pâtisserie like in Lyon") {
		t.Errorf("the dialog does not say which note:\n%s", overlayText(w))
	}
	evidence.SetText("  Asked 12 customers in May: 9 would pay 20% more  ")
	selects[0].SetSelected("Validated")
	tapButton(t, w, "Apply")
	n := note(t, e, "n9")
	if n.Status != bmc.StatusValidated || n.Evidence != "Asked 12 customers in May: 9 would pay 20% more" {
		t.Fatalf("status %s, evidence %q", n.Status, n.Evidence)
	}
	wantUndo(t, e, "Edit evidence")
	e.Undo()
	if n := note(t, e, "n9"); n.Status != bmc.StatusIdea || n.Evidence != "" || e.doc.Dirty() {
		t.Errorf("one undo left status %s, evidence %q", n.Status, n.Evidence)
	}

	// Changing only the status there is named so.
	if err := e.SetEvidence("n9", bmc.StatusHypothesis, ""); err != nil {
		t.Fatal(err)
	}
	wantUndo(t, e, "Set status")
}

func TestTagsMenu(t *testing.T) {
	e, w := openBakery(t)
	tags := itemNamed(t, noteMenu(t, e, "n23"), "Tags") // Key Resources, tagged physical
	items := tags.ChildMenu.Items
	for _, want := range []string{"physical", "intellectual", "human", "financial", "subscription", "New tag…"} {
		itemNamed(t, items, want)
	}
	if !items[4].IsSeparator || items[3].Label != "financial" {
		t.Errorf("the block's own tags are not set apart: %q, %q", items[3].Label, items[4].Label)
	}
	if !itemNamed(t, items, "physical").Checked || itemNamed(t, items, "human").Checked {
		t.Error("checked tags do not follow the note")
	}
	itemNamed(t, items, "intellectual").Action()
	if got := note(t, e, "n23").Tags; !slices.Equal(got, []string{"physical", "intellectual"}) {
		t.Fatalf("tags %v", got)
	}
	wantUndo(t, e, "Tag note")
	itemNamed(t, itemNamed(t, noteMenu(t, e, "n23"), "Tags").ChildMenu.Items, "physical").Action()
	if got := note(t, e, "n23").Tags; !slices.Equal(got, []string{"intellectual"}) {
		t.Fatalf("after untagging: %v", got)
	}
	e.Undo()
	e.Undo()
	if got := note(t, e, "n23").Tags; !slices.Equal(got, []string{"physical"}) || e.doc.Dirty() {
		t.Errorf("after two undos: %v", got)
	}

	itemNamed(t, itemNamed(t, noteMenu(t, e, "n23"), "Tags").ChildMenu.Items, "New tag…").Action()
	entries := overlayWidgets[*dialogEntry](t, w)
	if len(entries) != 1 {
		t.Fatalf("%d entries in the new tag dialog", len(entries))
	}
	entries[0].SetText(" leased ")
	tapButton(t, w, "Add")
	if got := note(t, e, "n23").Tags; !slices.Equal(got, []string{"physical", "leased"}) {
		t.Fatalf("tags %v", got)
	}
	wantUndo(t, e, "Tag note")
	if !slices.Contains(e.doc.Canvas().SuggestedTags("key_partners"), "leased") {
		t.Error("a new tag is not offered on other notes")
	}
	if err := e.AddTag("n23", "LEASED"); err != nil || len(note(t, e, "n23").Tags) != 2 {
		t.Errorf("a tag added twice in another case: %v %v", err, note(t, e, "n23").Tags)
	}
}

func TestAmountDialog(t *testing.T) {
	e, w := openBakery(t)
	itemNamed(t, noteMenu(t, e, "n21"), "Amount…").Action() // 600 a month
	entries := overlayWidgets[*dialogEntry](t, w)
	selects := overlayWidgets[*dialogSelect](t, w)
	if len(entries) != 1 || entries[0].Text != "600" || len(selects) != 1 || selects[0].Selected != "per month" {
		t.Fatalf("entries %d, select %v", len(entries), selects)
	}
	if !strings.Contains(overlayText(w), "Amount (€)") {
		t.Errorf("the dialog does not name the currency:\n%s", overlayText(w))
	}
	entries[0].SetText("abc")
	if entries[0].Validate() == nil {
		t.Error("abc passed as an amount")
	}
	entries[0].SetText("1,250.50")
	selects[0].SetSelected("per year")
	tapButton(t, w, "Apply")
	n := note(t, e, "n21")
	if n.Amount == nil || *n.Amount != 1250.5 || n.Period != bmc.PeriodYear {
		t.Fatalf("amount %v period %s", n.Amount, n.Period)
	}
	wantUndo(t, e, "Set amount")
	e.Undo()
	if n := note(t, e, "n21"); *n.Amount != 600 || n.Period != bmc.PeriodMonth || e.doc.Dirty() {
		t.Errorf("after undo: %v %s", *n.Amount, n.Period)
	}

	// Clearing the amount removes it.
	itemNamed(t, noteMenu(t, e, "n21"), "Amount…").Action()
	overlayWidgets[*dialogEntry](t, w)[0].SetText("")
	tapButton(t, w, "Apply")
	if n := note(t, e, "n21"); n.Amount != nil || n.Period != "" {
		t.Errorf("a cleared amount is %v %s", n.Amount, n.Period)
	}
	wantUndo(t, e, "Set amount")
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in   string
		want float64 // -1: no amount
		err  bool
	}{
		{"", -1, false},
		{"   ", -1, false},
		{"1200", 1200, false},
		{"1,200", 1200, false},
		{"1,200,000.25", 1200000.25, false},
		{"1 200", 1200, false},
		{"€1200", 1200, false},
		{"1200 €", 1200, false},
		{"12.5", 12.5, false},
		{"12,5", 0, true},
		{"abc", 0, true},
		{"-5", 0, true},
		{"inf", 0, true},
		{"NaN", 0, true},
		{"1e400", 0, true},
	}
	for _, tt := range tests {
		got, err := parseAmount(tt.in, "€")
		switch {
		case tt.err:
			if err == nil {
				t.Errorf("%q: no error, got %v", tt.in, *got)
			}
		case err != nil:
			t.Errorf("%q: %v", tt.in, err)
		case tt.want < 0 && got != nil:
			t.Errorf("%q: got %v, want no amount", tt.in, *got)
		case tt.want >= 0 && (got == nil || *got != tt.want):
			t.Errorf("%q: got %v, want %v", tt.in, got, tt.want)
		}
	}
}
