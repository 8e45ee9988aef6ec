package bmc

import (
	"fmt"
	"sort"
)

// The limits of dot voting.
const (
	// MaxDots is the most dots one person may place in a vote.
	MaxDots = 20
	// MaxVoters is the most people one vote counts.
	MaxVoters = 200
	// MaxVotes is the most votes a note can hold: every dot of every voter.
	MaxVotes = MaxDots * MaxVoters
)

// Vote is a dot vote in progress: each person, in turn, places up to Dots
// dots on the notes that matter most to them. The tallies stay in the vote,
// out of the notes, until it is closed, so that nobody follows the first
// voters; closing it writes each note's total to Note.Votes.
type Vote struct {
	// Dots is how many dots each person places.
	Dots int
	// Ballots holds, per person in the order they voted, the ID of the note
	// each of their dots is on; a note may get several dots from one person.
	Ballots [][]string
}

// clone returns a deep copy of v, nil for nil.
func (v *Vote) clone() *Vote {
	if v == nil {
		return nil
	}
	d := &Vote{Dots: v.Dots, Ballots: make([][]string, len(v.Ballots))}
	for i, b := range v.Ballots {
		d.Ballots[i] = cloneStrings(b)
	}
	if len(d.Ballots) == 0 {
		d.Ballots = nil
	}
	return d
}

// normalize makes empty ballots nil, so that a vote reads back as written.
func (v *Vote) normalize() {
	for i, b := range v.Ballots {
		if len(b) == 0 {
			v.Ballots[i] = nil
		}
	}
	if len(v.Ballots) == 0 {
		v.Ballots = nil
	}
}

// Voting reports whether a vote is open.
func (c *Canvas) Voting() bool { return c.Vote != nil }

// StartVote opens a dot vote with dots dots per person. The results of an
// earlier vote are cleared: a canvas shows one result at a time.
func (c *Canvas) StartVote(dots int) error {
	if c.Vote != nil {
		return fmt.Errorf("start vote: a vote is open already; close or cancel it first")
	}
	if msg := checkDots(dots); msg != "" {
		return fmt.Errorf("start vote: %s", msg)
	}
	c.clearVotes()
	c.Vote = &Vote{Dots: dots}
	return nil
}

func (c *Canvas) clearVotes() {
	for _, notes := range c.Blocks {
		for i := range notes {
			notes[i].Votes = 0
		}
	}
}

// Voters returns how many people have a ballot in the open vote; 0 when
// none is open.
func (c *Canvas) Voters() int {
	if c.Vote == nil {
		return 0
	}
	return len(c.Vote.Ballots)
}

// NextVoter opens a ballot for the next person and returns their number,
// counted from 0.
func (c *Canvas) NextVoter() (int, error) {
	if c.Vote == nil {
		return 0, fmt.Errorf("next voter: no vote is open")
	}
	if len(c.Vote.Ballots) >= MaxVoters {
		return 0, fmt.Errorf("next voter: a vote counts at most %d people", MaxVoters)
	}
	c.Vote.Ballots = append(c.Vote.Ballots, nil)
	return len(c.Vote.Ballots) - 1, nil
}

// ballot returns voter's ballot, checking the vote and the number.
func (c *Canvas) ballot(voter int) (*[]string, error) {
	if c.Vote == nil {
		return nil, fmt.Errorf("no vote is open")
	}
	if voter < 0 || voter >= len(c.Vote.Ballots) {
		return nil, fmt.Errorf("no voter %d (%d have voted)", voter+1, len(c.Vote.Ballots))
	}
	return &c.Vote.Ballots[voter], nil
}

// PlaceDot puts one of voter's dots on a note.
func (c *Canvas) PlaceDot(voter int, id string) error {
	b, err := c.ballot(voter)
	if err != nil {
		return fmt.Errorf("place dot: %w", err)
	}
	if _, _, ok := c.Find(id); !ok {
		return fmt.Errorf("place dot: no note %q", id)
	}
	if len(*b) >= c.Vote.Dots {
		return fmt.Errorf("place dot: voter %d has placed all %d dots", voter+1, c.Vote.Dots)
	}
	*b = append(*b, id)
	return nil
}

// TakeDot takes back one of voter's dots from a note; it reports whether
// there was one.
func (c *Canvas) TakeDot(voter int, id string) (bool, error) {
	b, err := c.ballot(voter)
	if err != nil {
		return false, fmt.Errorf("take dot: %w", err)
	}
	for i := len(*b) - 1; i >= 0; i-- {
		if (*b)[i] == id {
			*b = append((*b)[:i:i], (*b)[i+1:]...)
			if len(*b) == 0 {
				*b = nil
			}
			return true, nil
		}
	}
	return false, nil
}

// DotsOf returns how many dots voter has placed on each note, and how many
// dots they have left. It is what the board shows the person voting, and
// nobody else's.
func (c *Canvas) DotsOf(voter int) (dots map[string]int, left int) {
	b, err := c.ballot(voter)
	if err != nil {
		return map[string]int{}, 0
	}
	dots = make(map[string]int, len(*b))
	for _, id := range *b {
		dots[id]++
	}
	return dots, c.Vote.Dots - len(*b)
}

// Tally returns the dots each note has in the open vote, from every ballot.
func (c *Canvas) Tally() map[string]int {
	out := map[string]int{}
	if c.Vote == nil {
		return out
	}
	for _, b := range c.Vote.Ballots {
		for _, id := range b {
			out[id]++
		}
	}
	return out
}

// CloseVote ends the open vote: each note's Votes becomes the dots it got.
func (c *Canvas) CloseVote() error {
	if c.Vote == nil {
		return fmt.Errorf("close vote: no vote is open")
	}
	tally := c.Tally()
	for _, notes := range c.Blocks {
		for i := range notes {
			notes[i].Votes = tally[notes[i].ID]
		}
	}
	c.Vote = nil
	return nil
}

// CancelVote ends the open vote without counting it.
func (c *Canvas) CancelVote() {
	c.Vote = nil
}

// ClearVotes removes the results of the last vote from every note.
func (c *Canvas) ClearVotes() { c.clearVotes() }

// SortByVotes orders a block's notes by their votes, most first; notes
// with as many votes keep their order.
func (c *Canvas) SortByVotes(block string) error {
	if err := c.checkBlock(block); err != nil {
		return fmt.Errorf("sort by votes: %w", err)
	}
	sort.SliceStable(c.Blocks[block], func(i, j int) bool {
		return c.Blocks[block][i].Votes > c.Blocks[block][j].Votes
	})
	return nil
}

// unvote takes every dot off a deleted note.
func (c *Canvas) unvote(id string) {
	if c.Vote == nil {
		return
	}
	for i, b := range c.Vote.Ballots {
		c.Vote.Ballots[i] = without(b, id)
	}
}
