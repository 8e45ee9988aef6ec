package bmc

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestDotsPerPerson(t *testing.T) {
	tests := []struct {
		name    string
		dots    int
		places  []string // note IDs, one dot each, by the first voter
		wantErr string   // of the last placement
		left    int
	}{
		{"none placed", 3, nil, "", 3},
		{"all placed", 3, []string{"p1", "p2", "v1"}, "", 0},
		{"two on one note", 3, []string{"p1", "p1"}, "", 1},
		{"one too many", 2, []string{"p1", "p2", "v1"}, "has placed all 2 dots", 0},
		{"unknown note", 3, []string{"zz"}, `no note "zz"`, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sample(t)
			if err := c.StartVote(tt.dots); err != nil {
				t.Fatal(err)
			}
			v, err := c.NextVoter()
			if err != nil || v != 0 {
				t.Fatalf("NextVoter = %d, %v", v, err)
			}
			var last error
			for _, id := range tt.places {
				last = c.PlaceDot(v, id)
			}
			if tt.wantErr == "" && last != nil || tt.wantErr != "" && (last == nil || !strings.Contains(last.Error(), tt.wantErr)) {
				t.Errorf("last placement: %v, want %q", last, tt.wantErr)
			}
			if _, left := c.DotsOf(v); left != tt.left {
				t.Errorf("%d dots left, want %d", left, tt.left)
			}
			if err := c.Validate(); err != nil {
				t.Errorf("the vote broke a rule: %v", err)
			}
		})
	}
}

func TestStartVoteRefuses(t *testing.T) {
	c := sample(t)
	for _, dots := range []int{0, -1, MaxDots + 1} {
		if err := c.StartVote(dots); err == nil {
			t.Errorf("StartVote(%d) accepted", dots)
		}
	}
	if err := c.StartVote(3); err != nil {
		t.Fatal(err)
	}
	if err := c.StartVote(3); err == nil {
		t.Error("a second vote started while one is open")
	}
	if err := c.PlaceDot(0, "p1"); err == nil {
		t.Error("a dot placed before anyone's turn")
	}
}

// Nobody sees the tallies before the vote closes: the notes keep no votes,
// and each voter is shown only their own dots.
func TestVotesHiddenUntilClosed(t *testing.T) {
	c := sample(t)
	if err := c.StartVote(2); err != nil {
		t.Fatal(err)
	}
	a, _ := c.NextVoter()
	must(t, c.PlaceDot(a, "p1"), c.PlaceDot(a, "p1"))
	b, _ := c.NextVoter()
	must(t, c.PlaceDot(b, "p2"))
	for _, notes := range c.Blocks {
		for _, n := range notes {
			if n.Votes != 0 {
				t.Errorf("note %s shows %d votes while the vote is open", n.ID, n.Votes)
			}
		}
	}
	if dots, left := c.DotsOf(b); !reflect.DeepEqual(dots, map[string]int{"p2": 1}) || left != 1 {
		t.Errorf("second voter sees %v, %d left; want only their own dot", dots, left)
	}
	if ok, err := c.TakeDot(b, "p2"); !ok || err != nil {
		t.Errorf("TakeDot = %v, %v", ok, err)
	}
	if ok, _ := c.TakeDot(b, "p2"); ok {
		t.Error("took back a dot that was not there")
	}
	must(t, c.PlaceDot(b, "v1"), c.CloseVote())
	want := map[string]int{"p1": 2, "v1": 1}
	for _, notes := range c.Blocks {
		for _, n := range notes {
			if n.Votes != want[n.ID] {
				t.Errorf("after closing, %s has %d votes, want %d", n.ID, n.Votes, want[n.ID])
			}
		}
	}
	if c.Voting() {
		t.Error("still voting after CloseVote")
	}
	// A new vote clears the last result.
	must(t, c.StartVote(1))
	if n, _ := c.Note("p1"); n.Votes != 0 {
		t.Errorf("a new vote kept the old result: %d", n.Votes)
	}
	c.CancelVote()
	if c.Voting() {
		t.Error("still voting after CancelVote")
	}
}

func TestSortByVotes(t *testing.T) {
	tests := []struct {
		votes map[string]int
		want  string
	}{
		{map[string]int{}, "p1,p2,p3"},
		{map[string]int{"p3": 2}, "p3,p1,p2"},
		{map[string]int{"p2": 1, "p3": 1}, "p2,p3,p1"}, // ties keep their order
		{map[string]int{"p1": 1, "p2": 5, "p3": 3}, "p2,p3,p1"},
	}
	for _, tt := range tests {
		c := sample(t)
		for id, v := range tt.votes {
			must(t, c.change(id, func(n *Note) { n.Votes = v }))
		}
		must(t, c.SortByVotes("key_partners"))
		if got := ids(c.Blocks["key_partners"]); got != tt.want {
			t.Errorf("%v: sorted %s, want %s", tt.votes, got, tt.want)
		}
	}
	if err := sample(t).SortByVotes("nope"); err == nil {
		t.Error("sorted an unknown block")
	}
}

// The editor's undo keeps Clone snapshots: a snapshot taken during a vote
// must not change as the vote goes on, and restoring it restores the dots.
func TestVoteUndo(t *testing.T) {
	c := sample(t)
	must(t, c.StartVote(3))
	v, _ := c.NextVoter()
	must(t, c.PlaceDot(v, "p1"))
	before := c.Clone()
	must(t, c.PlaceDot(v, "p2"))
	if dots, _ := before.DotsOf(v); !reflect.DeepEqual(dots, map[string]int{"p1": 1}) {
		t.Errorf("the snapshot changed with the vote: %v", dots)
	}
	closed := c.Clone()
	must(t, closed.CloseVote())
	if !c.Voting() || c.Tally()["p2"] != 1 {
		t.Error("closing a copy closed the original")
	}
}

// Deleting a note takes its dots off every ballot, so the canvas stays valid.
func TestDeleteNoteTakesItsDots(t *testing.T) {
	c := sample(t)
	must(t, c.StartVote(3))
	v, _ := c.NextVoter()
	must(t, c.PlaceDot(v, "p1"), c.PlaceDot(v, "p2"), c.DeleteNote("p1"))
	if dots, left := c.DotsOf(v); !reflect.DeepEqual(dots, map[string]int{"p2": 1}) || left != 2 {
		t.Errorf("after deleting p1: %v, %d left", dots, left)
	}
	if err := c.Validate(); err != nil {
		t.Error(err)
	}
}

func TestVoteRoundTrip(t *testing.T) {
	c := sample(t)
	must(t, c.StartVote(3))
	a, _ := c.NextVoter()
	must(t, c.PlaceDot(a, "p1"), c.PlaceDot(a, "p1"), c.PlaceDot(a, "v1"))
	_, _ = c.NextVoter() // someone whose turn came but who placed nothing yet
	open := roundTrip(t, c)
	if !strings.Contains(open, "vote:\n  dots: 3\n  ballots:\n    - [p1, p1, v1]\n    - []\nblocks:\n") {
		t.Errorf("open vote written as:\n%s", open)
	}
	must(t, c.CloseVote())
	closed := roundTrip(t, c)
	if strings.Contains(closed, "vote:") || !strings.Contains(closed, "  - id: p1\n      text: Flour mill\n      color: yellow\n      votes: 2\n") {
		t.Errorf("closed vote written as:\n%s", closed)
	}
	if strings.Count(closed, "votes:") != 2 {
		t.Errorf("notes without votes got a votes line:\n%s", closed)
	}
}

// roundTrip saves c, loads it back, checks it is the same canvas and
// returns the file.
func roundTrip(t *testing.T, c *Canvas) string {
	t.Helper()
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Load("v.yaml", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if !reflect.DeepEqual(back, c) {
		t.Errorf("read back differently:\n%+v\n%+v", back.Vote, c.Vote)
	}
	return string(data)
}

func TestLoadRejectsBadVotes(t *testing.T) {
	const head = "format: bmcanvas/1\ntemplate: lean\n"
	const notes = "blocks:\n  problem:\n    - id: a\n"
	tests := []struct {
		name string
		in   string
		line int
		msg  string
	}{
		{"votes not a number", head + notes + "      votes: many\n", 6, `votes must be a whole number such as 3, found "many"`},
		{"votes negative", head + notes + "      votes: -2\n", 6, "votes must be between 0 and"},
		{"votes a fraction", head + notes + "      votes: 1.5\n", 6, "votes must be a whole number"},
		{"vote not a mapping", head + "vote: 3\n", 3, "vote must be a mapping"},
		{"vote without dots", head + "vote: {ballots: []}\n", 3, `vote: missing "dots:"`},
		{"no dots", head + "vote: {dots: 0}\n", 3, "dots per person must be between 1 and 20, not 0"},
		{"misspelt key", head + "vote: {dot: 3}\n", 3, `unknown key "dot" (did you mean "dots"?)`},
		{"ballots not a list", head + "vote: {dots: 3, ballots: a}\n", 3, "ballots must be a list"},
		{"too many dots", head + "vote:\n  dots: 1\n  ballots:\n    - [a, a]\n" + notes, 6, "ballot 1 places 2 dots; each person has 1"},
		{"dot on no note", head + "vote:\n  dots: 2\n  ballots:\n    - [zz]\n" + notes, 6, `places a dot on "zz", which is not a note`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load("bad.yaml", []byte(tt.in))
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error %v, want located errors", err)
			}
			if e := es[0]; e.Line != tt.line || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("first error %q (line %d), want line %d with %q", e.Msg, e.Line, tt.line, tt.msg)
			}
		})
	}
}

func must(t *testing.T, errs ...error) {
	t.Helper()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}
