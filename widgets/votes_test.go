package widgets

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// A vote run by tapping notes: each person sees only their own dots while
// the vote is open; closing it shows everyone's, and sorts on request.
func TestWorkshopVote(t *testing.T) {
	c := example(t, "bakery")
	ws, w := newTestWorkshop(t, c, false)
	ws.SetStep(5) // Key Activities: n14, n15, n16 or so
	notes := c.Blocks["key_activities"]
	first, second, third := notes[0].ID, notes[1].ID, notes[2].ID
	ws.StartVote(2)
	tapNote(t, ws, third)
	tapNote(t, ws, third)
	tapNote(t, ws, second) // a third dot: refused, the person has two
	if dots, left := c.DotsOf(0); dots[third] != 2 || dots[second] != 0 || left != 0 {
		t.Errorf("first voter: %v, %d left", dots, left)
	}
	ws.NextVoter()
	if !showsText(ws, "Person 2 is voting: 2 dots left of 2. Click a note to place a dot, right-click to take it back.") {
		t.Error("the bar does not say whose turn it is")
	}
	tapNote(t, ws, second)
	test.AssertImageMatches(t, "workshop/vote-in-progress.png", w.Canvas().Capture())
	if n := countDots(t, ws, third); n != 0 {
		t.Errorf("the second voter sees %d of the first voter's dots", n)
	}
	tapNote(t, ws, first)
	secondaryTapNote(t, ws, first) // taken back
	ws.CloseVote()
	if c.Voting() {
		t.Fatal("the vote is still open")
	}
	if n := countDots(t, ws, third); n != 2 {
		t.Errorf("after closing, %s shows %d dots, want 2", third, n)
	}
	ws.SortByVotes()
	if got := c.Blocks["key_activities"]; got[0].ID != third || got[1].ID != second || got[2].ID != first {
		t.Errorf("sorted %s %s %s", got[0].ID, got[1].ID, got[2].ID)
	}
	test.AssertImageMatches(t, "workshop/vote-result.png", w.Canvas().Capture())
}

func TestWorkshopCancelVote(t *testing.T) {
	c := example(t, "bakery")
	ws, _ := newTestWorkshop(t, c, false)
	ws.StartVote(1)
	tapNote(t, ws, c.Blocks["customer_segments"][0].ID)
	ws.CancelVote()
	if c.Voting() || c.Blocks["customer_segments"][0].Votes != 0 {
		t.Error("a cancelled vote left something behind")
	}
}

// noteTile finds the workshop's tile of a note.
func noteTile(t *testing.T, ws *Workshop, id string) *voteNote {
	t.Helper()
	var found *voteNote
	for _, o := range test.LaidOutObjects(ws) {
		if x, ok := o.(*voteNote); ok && x.note.ID == id {
			found = x
		}
	}
	if found == nil {
		t.Fatalf("no tile for note %s", id)
	}
	return found
}

func tapNote(t *testing.T, ws *Workshop, id string) { test.Tap(noteTile(t, ws, id)) }

func secondaryTapNote(t *testing.T, ws *Workshop, id string) {
	test.TapSecondary(noteTile(t, ws, id))
}

func countDots(t *testing.T, ws *Workshop, id string) int { return noteTile(t, ws, id).dots }
