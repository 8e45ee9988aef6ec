package widgets

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// voteDotColor is the red of a voting dot, as the poster prints it.
var voteDotColor = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}

// StartVote opens a dot vote with dots per person, the first person's
// turn begun.
func (w *Workshop) StartVote(dots int) {
	w.edit("Start Vote", func(c *bmc.Canvas) error {
		if err := c.StartVote(dots); err != nil {
			return err
		}
		_, err := c.NextVoter()
		return err
	})
}

// NextVoter ends the current person's turn and begins the next one's.
func (w *Workshop) NextVoter() {
	w.edit("Next Voter", func(c *bmc.Canvas) error {
		_, err := c.NextVoter()
		return err
	})
}

// CloseVote counts the open vote and shows the result on the notes.
func (w *Workshop) CloseVote() {
	w.edit("Close Vote", func(c *bmc.Canvas) error { return c.CloseVote() })
}

// CancelVote drops the open vote without counting it.
func (w *Workshop) CancelVote() {
	w.edit("Cancel Vote", func(c *bmc.Canvas) error { c.CancelVote(); return nil })
}

// SortByVotes orders the current block's notes by their votes.
func (w *Workshop) SortByVotes() {
	block := w.Block()
	w.edit("Sort by Votes", func(c *bmc.Canvas) error { return c.SortByVotes(block) })
}

// PlaceDot puts one of the current voter's dots on a note.
func (w *Workshop) PlaceDot(id string) {
	w.edit("Place Dot", func(c *bmc.Canvas) error { return c.PlaceDot(c.Voters()-1, id) })
}

// TakeDot takes one of the current voter's dots back from a note.
func (w *Workshop) TakeDot(id string) {
	w.edit("Take Dot Back", func(c *bmc.Canvas) error {
		_, err := c.TakeDot(c.Voters()-1, id)
		return err
	})
}

// newVoteBar returns the row that runs a vote: Start Vote, or, while one
// is open, whose turn it is and how many dots they have left, with Next
// Person, Close Vote and Cancel; after a vote, Sort by Votes when the
// block has results.
func newVoteBar(w *Workshop, block string) fyne.CanvasObject {
	c := w.canvas
	if !c.Voting() {
		start := widget.NewButtonWithIcon("Start Vote…", theme.ContentAddIcon(), func() {
			if w.OnStartVote != nil {
				w.OnStartVote()
			} else {
				w.StartVote(3)
			}
		})
		row := container.NewHBox(start)
		for _, n := range c.Blocks[block] {
			if n.Votes > 0 {
				row.Add(widget.NewButtonWithIcon("Sort by Votes", theme.MenuDropDownIcon(), w.SortByVotes))
				break
			}
		}
		return row
	}
	voter := c.Voters() - 1
	_, left := c.DotsOf(voter)
	status := widget.NewLabelWithStyle(fmt.Sprintf("Person %d is voting: %s left of %d. Click a note to place a dot, right-click to take it back.",
		voter+1, plural(left, "dot", "dots"), c.Vote.Dots), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	status.Wrapping = fyne.TextWrapWord
	next := widget.NewButtonWithIcon("Next Person", theme.NavigateNextIcon(), w.NextVoter)
	closeVote := widget.NewButtonWithIcon("Close Vote and Show Results", theme.ConfirmIcon(), w.CloseVote)
	closeVote.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel Vote", theme.CancelIcon(), w.CancelVote)
	return container.NewBorder(nil, nil, nil, container.NewHBox(next, closeVote, cancel), status)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// voteNote is a note as workshop mode shows it: paper of the note's
// colour, its text, and its dots. Tapping it places a dot while a vote is
// open; a secondary tap takes one back.
type voteNote struct {
	widget.BaseWidget
	w    *Workshop
	note bmc.Note
	// dots is the number to draw: the voter's own during a vote, the
	// note's votes after it; result says which.
	dots   int
	result bool
}

func newVoteNote(w *Workshop, n bmc.Note, dots int, result bool) *voteNote {
	v := &voteNote{w: w, note: n, dots: dots, result: result}
	v.ExtendBaseWidget(v)
	return v
}

// Tapped places a dot during a vote.
func (v *voteNote) Tapped(*fyne.PointEvent) {
	if v.w.canvas.Voting() {
		v.w.PlaceDot(v.note.ID)
	}
	v.w.takeFocus()
}

// TappedSecondary takes a dot back during a vote.
func (v *voteNote) TappedSecondary(*fyne.PointEvent) {
	if v.w.canvas.Voting() {
		v.w.TakeDot(v.note.ID)
	}
	v.w.takeFocus()
}

func (v *voteNote) CreateRenderer() fyne.WidgetRenderer {
	r, g, b := v.note.Color.RGB()
	paper := canvas.NewRectangle(color.NRGBA{R: r, G: g, B: b, A: 0xff})
	paper.CornerRadius = 3
	paper.StrokeColor = color.NRGBA{A: 0x30}
	paper.StrokeWidth = 1
	text := canvas.NewText("", color.NRGBA{R: 0x26, G: 0x32, B: 0x38, A: 0xff})
	lines := noteLines(v.note.Text, 24, 4)
	var texts []fyne.CanvasObject
	for _, l := range lines {
		t := *text
		t.Text = l
		t.TextSize = theme.TextSize() * 1.15
		texts = append(texts, &t)
	}
	dots := container.NewHBox(layout.NewSpacer())
	for i := 0; i < min(v.dots, 10); i++ {
		d := canvas.NewCircle(voteDotColor)
		dots.Add(container.NewGridWrap(fyne.NewSize(12, 12), d))
	}
	if v.dots > 0 && v.result {
		n := canvas.NewText(fmt.Sprintf("%d", v.dots), voteDotColor)
		n.TextStyle.Bold = true
		n.TextSize = theme.TextSize() * 1.2
		dots.Add(n)
	}
	body := container.NewBorder(nil, dots, nil, nil, container.NewVBox(texts...))
	return widget.NewSimpleRenderer(container.NewStack(paper, container.NewPadded(body)))
}

// noteLines breaks text into at most max lines of about width characters,
// the last ending in "…" when text is longer: workshop mode shows notes
// large, and the board holds the whole text.
func noteLines(text string, width, max int) []string {
	var lines []string
	for _, para := range strings.Split(strings.TrimSpace(text), "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			if line != "" && len([]rune(line))+1+len([]rune(word)) > width {
				lines = append(lines, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += word
		}
		lines = append(lines, line)
	}
	if len(lines) > max {
		lines = append(lines[:max-1], lines[max-1]+" …")
	}
	return lines
}
