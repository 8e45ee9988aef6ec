package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// planRows returns the test plan's rows as "block | text | evidence".
func planRows(e *Editor) []string {
	var out []string
	for _, r := range e.plan.rows {
		out = append(out, r.heading.Text+" | "+r.text.Text+" | "+r.detail.Text)
	}
	return out
}

func TestTestPlan(t *testing.T) {
	e, w := openBakery(t)
	if e.plan.panel.Visible() {
		t.Fatal("the test plan is shown at start")
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(ctrl(fyne.KeyT))
	if !e.plan.panel.Visible() || !e.menu.testPlan.Checked {
		t.Fatal("Ctrl+T did not show the test plan")
	}
	hs := e.doc.Canvas().Hypotheses()
	if want := fmt.Sprintf("Test plan · %d hypotheses", len(hs)); e.plan.header.Text != want {
		t.Errorf("header %q, want %q", e.plan.header.Text, want)
	}
	rows := planRows(e)
	if len(rows) != len(hs) {
		t.Fatalf("%d rows for %d hypotheses", len(rows), len(hs))
	}
	for _, want := range []string{
		"Key Partners | Leftover-bag app sells unsold bread at closing | no evidence yet",
		"Key Activities | Plan tomorrow's quantities to cut waste | Waste fell from 14% to 9% after two weeks of planning sheets",
	} {
		if !strings.Contains(strings.Join(rows, "\n"), want) {
			t.Errorf("no row %q in\n%s", want, strings.Join(rows, "\n"))
		}
	}

	// Tapping a row selects its note on the board, and lights the row up.
	row := e.plan.rows[1]
	test.Tap(row)
	if e.board.Selected() != hs[1].Note.ID || !row.current || e.plan.rows[0].current {
		t.Errorf("tapping %s selected %q", hs[1].Note.ID, e.board.Selected())
	}

	// It follows edits, undo and open.
	if err := e.SetStatus("n9", bmc.StatusHypothesis); err != nil {
		t.Fatal(err)
	}
	if len(e.plan.rows) != len(hs)+1 || !strings.HasPrefix(e.plan.header.Text, fmt.Sprintf("Test plan · %d ", len(hs)+1)) {
		t.Errorf("after an edit: %d rows, header %q", len(e.plan.rows), e.plan.header.Text)
	}
	e.Undo()
	if len(e.plan.rows) != len(hs) {
		t.Errorf("after undo: %d rows", len(e.plan.rows))
	}
	if err := e.NewCanvas(bmc.BusinessModelCanvas().ID); err != nil {
		t.Fatal(err)
	}
	if len(e.plan.rows) != 0 || e.plan.header.Text != "Test plan · 0 hypotheses" || e.plan.empty.Hidden {
		t.Errorf("on a new canvas: %d rows, header %q", len(e.plan.rows), e.plan.header.Text)
	}
	e.ToggleTestPlan()
	if e.plan.panel.Visible() || e.menu.testPlan.Checked {
		t.Error("the test plan did not close")
	}
}

// A hypothesis whose note is edited shows the new text and evidence.
func TestTestPlanFollowsEvidence(t *testing.T) {
	e, _ := openBakery(t)
	e.ToggleTestPlan()
	if err := e.SetEvidence("n32", bmc.StatusHypothesis, "Talked to the app's sales rep on 3 March"); err != nil {
		t.Fatal(err)
	}
	if rows := strings.Join(planRows(e), "\n"); !strings.Contains(rows, "Leftover-bag app sells unsold bread at closing | Talked to the app's sales rep on 3 March") {
		t.Errorf("rows:\n%s", rows)
	}
}

// Picking a hypothesis behind the hidden backstage reveals the backstage.
func TestTestPlanRevealsBackstage(t *testing.T) {
	e, _ := openBakery(t)
	e.ToggleBackstage()
	e.ToggleTestPlan()
	if e.plan.rows[0].NoteID != "n32" {
		t.Fatalf("first hypothesis %s, want n32 in Key Partners", e.plan.rows[0].NoteID)
	}
	test.Tap(e.plan.rows[0])
	if !e.doc.Canvas().BackstageShown() || e.board.Selected() != "n32" {
		t.Errorf("backstage shown %v, selected %q", e.doc.Canvas().BackstageShown(), e.board.Selected())
	}
}
