// Package benchdata makes the canvases that bmcanvas's command benchmarks
// and scripts/cmdtime.go time: large, realistic, and the same on every
// run.
package benchdata

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// words are the words of the notes, accents, typographic quotes and
// dashes included.
var words = strings.Fields(`the a of to and in for with our we customers bakery fresh bread
	sourdough delivery café Müller naïve flour ovens weekly orders subscription partners wholesale
	retail long-term co-operation market stall €12 24/7 “quoted” — – families office workers`)

// Canvas returns a Business Model Canvas of n notes as a team writes
// them: five customer segments, notes of five to thirty words spread over
// the blocks, each linked to a segment, with statuses, evidence, tags, and
// amounts on revenue and costs.
func Canvas(n int) (*bmc.Canvas, error) {
	r := rand.New(rand.NewPCG(11, uint64(n)))
	text := func(n int) string {
		var s strings.Builder
		for s.Len() < n {
			if s.Len() > 0 {
				s.WriteString(" ")
			}
			s.WriteString(words[r.IntN(len(words))])
		}
		return s.String()
	}
	c, err := bmc.New(bmc.BusinessModelCanvas().ID)
	if err != nil {
		return nil, err
	}
	c.Title, c.Currency = "Corner Bakery at scale", "€"
	blocks := bmc.BusinessModelCanvas().Blocks
	for i := 0; i < n; i++ {
		note := bmc.Note{Text: text(25 + r.IntN(150)), Color: bmc.Palette()[r.IntN(len(bmc.Palette()))]}
		block := blocks[i%len(blocks)].ID
		if i < 5 {
			block, note.ID = bmc.SegmentBlock, fmt.Sprintf("s%d", i)
		} else if block != bmc.SegmentBlock {
			note.Status = bmc.Statuses()[r.IntN(len(bmc.Statuses()))]
			if note.Status == bmc.StatusHypothesis || note.Status == bmc.StatusValidated {
				note.Evidence = "interviews"
			}
			note.Segments = []string{fmt.Sprintf("s%d", r.IntN(5))}
			note.Tags = []string{[]string{"pilot", "q3", "risky", "partner"}[r.IntN(4)]}
			if block == "revenue_streams" || block == "cost_structure" {
				a := float64(100 + r.IntN(20000))
				note.Amount, note.Period = &a, bmc.Periods()[r.IntN(len(bmc.Periods()))]
			}
		}
		if _, err := c.AddNote(block, -1, note); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// Versions returns Canvas(n) and two versions of it, ours and theirs,
// that each add a few words to 50 different notes: what bmcanvas diff
// and merge are timed on.
func Versions(n int) (base, ours, theirs *bmc.Canvas, err error) {
	if base, err = Canvas(n); err != nil {
		return nil, nil, nil, err
	}
	edit := func(name string, from int) *bmc.Canvas {
		v := base.Clone()
		k := 0
		for _, b := range bmc.BusinessModelCanvas().Blocks {
			notes := v.Blocks[b.ID]
			for i := range notes {
				if k >= from && k < from+200 && (k-from)%4 == 0 {
					notes[i].Text += " (edited by " + name + ")"
				}
				k++
			}
		}
		return v
	}
	return base, edit("ours", 10), edit("theirs", n/2), nil
}
