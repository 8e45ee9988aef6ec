package export

import (
	"strconv"
	"testing"
)

// A poster of a canvas after a dot vote shows each note's votes: the count
// is printed on the note's top edge, and notes without votes show none.
func TestPosterShowsVotes(t *testing.T) {
	c := example(t, "bakery")
	votes := map[string]int{}
	for i, h := range c.Hypotheses() {
		n := h.Note
		n.Votes = 11 + i
		votes[n.ID] = n.Votes
		if err := c.UpdateNote(n); err != nil {
			t.Fatal(err)
		}
	}
	pdf, _ := writePDF(t, c, Options{Paper: "A3", FileName: "bakery.yaml"})
	found := map[string]bool{}
	for _, pg := range pdfWords(t, pdf) {
		for _, w := range pg {
			found[w.text] = true
		}
	}
	for id, v := range votes {
		if !found[itoa(v)] {
			t.Errorf("note %s: its %d votes are not printed", id, v)
		}
	}
	got := tool(t, pdf, "pdftoppm", "-png", "-r", "40", "-singlefile", "-f", "1", "-l", "1")
	matchGolden(t, "bakery-votes-a3", got)
}

func itoa(n int) string { return strconv.Itoa(n) }
