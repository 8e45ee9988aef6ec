package bmc

import (
	"strings"
)

// Color is the colour of a sticky note, from a fixed palette.
type Color string

// The note palette, in the order the editor offers it.
const (
	Yellow Color = "yellow"
	Orange Color = "orange"
	Pink   Color = "pink"
	Green  Color = "green"
	Blue   Color = "blue"
	Purple Color = "purple"
	Grey   Color = "grey"
)

// palette is every note colour in menu order; Yellow is the default.
var palette = [...]Color{Yellow, Orange, Pink, Green, Blue, Purple, Grey}

// Palette returns every note colour in menu order; Yellow is the default.
func Palette() []Color { return append([]Color(nil), palette[:]...) }

// inks holds, per palette colour, the paper's fill and the deeper shade
// of a segment mark, as 8-bit red, green and blue.
var inks = map[Color]struct{ paper, mark [3]uint8 }{
	Yellow: {[3]uint8{0xff, 0xf1, 0x76}, [3]uint8{0xfd, 0xd8, 0x35}},
	Orange: {[3]uint8{0xff, 0xcc, 0x80}, [3]uint8{0xfb, 0x8c, 0x00}},
	Pink:   {[3]uint8{0xf8, 0xbb, 0xd0}, [3]uint8{0xec, 0x40, 0x7a}},
	Green:  {[3]uint8{0xc5, 0xe1, 0xa5}, [3]uint8{0x7c, 0xb3, 0x42}},
	Blue:   {[3]uint8{0xb3, 0xe5, 0xfc}, [3]uint8{0x29, 0xb6, 0xf6}},
	Purple: {[3]uint8{0xd1, 0xc4, 0xe9}, [3]uint8{0x95, 0x75, 0xcd}},
	Grey:   {[3]uint8{0xe0, 0xe0, 0xe0}, [3]uint8{0x9e, 0x9e, 0x9e}},
}

// RGB returns the colour's fill as 8-bit red, green and blue: the shades of
// paper sticky notes, light enough for dark text in any theme. Unknown
// colours are drawn yellow.
func (c Color) RGB() (r, g, b uint8) {
	ink, ok := inks[c]
	if !ok {
		ink = inks[Yellow]
	}
	return ink.paper[0], ink.paper[1], ink.paper[2]
}

// MarkRGB returns the ink of a segment mark for a segment of colour c: a
// deeper shade of the same colour, like a marker's, so that the mark shows
// on paper of every colour, its own too. Screen and poster both use it.
func (c Color) MarkRGB() (r, g, b uint8) {
	ink, ok := inks[c]
	if !ok {
		ink = inks[Yellow]
	}
	return ink.mark[0], ink.mark[1], ink.mark[2]
}

// Valid reports whether c is in the palette.
func (c Color) Valid() bool { return contains(palette[:], c) }

// Status says how far a note's assumption has been tested.
type Status string

// The statuses of a note; StatusIdea is the default.
const (
	StatusIdea        Status = "idea"
	StatusHypothesis  Status = "hypothesis"
	StatusValidated   Status = "validated"
	StatusInvalidated Status = "invalidated"
)

var statuses = [...]Status{StatusIdea, StatusHypothesis, StatusValidated, StatusInvalidated}

// Statuses returns every status in the order of a note's life.
func Statuses() []Status { return append([]Status(nil), statuses[:]...) }

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return contains(statuses[:], s) }

// Period is how often an amount of revenue or cost recurs.
type Period string

// The periods of an amount. PeriodYear is the default when an amount is given.
const (
	PeriodOnce  Period = "once"
	PeriodMonth Period = "month"
	PeriodYear  Period = "year"
)

var periods = [...]Period{PeriodOnce, PeriodMonth, PeriodYear}

// Periods returns every period.
func Periods() []Period { return append([]Period(nil), periods[:]...) }

// Valid reports whether p is a known period.
func (p Period) Valid() bool { return contains(periods[:], p) }

// Note is one sticky note on a canvas.
type Note struct {
	// ID is short, unique in its canvas and kept across saves.
	ID string
	// Text is the note's content: any Unicode, possibly several lines.
	Text string
	// Color is the note's paper colour.
	Color Color
	// Personas names the people inside a customer segment (only segment
	// notes have them), such as "Ana" or "Raj".
	Personas []string
	// Segments holds the Customer Segment notes this note serves: a
	// segment's ID, or "ID/persona" for one persona of it (see PersonaRef).
	Segments []string
	// Links holds the IDs of the notes in other blocks this note links to;
	// the two blocks give the link its meaning (see RelationOf).
	Links []string
	// Status is how far the note's assumption has been tested.
	Status Status
	// Evidence says what was learnt, from whom and when.
	Evidence string
	// Tags are free or suggested labels, such as "physical" or "subscription".
	Tags []string
	// Amount is a revenue or cost figure; nil when the note has none.
	Amount *float64
	// Period says how often Amount recurs; empty when Amount is nil.
	Period Period
	// Votes is how many dots the note got in the last closed dot vote.
	Votes int
}

// Clone returns a deep copy of n.
func (n Note) Clone() Note {
	n.Personas = cloneStrings(n.Personas)
	n.Segments = cloneStrings(n.Segments)
	n.Links = cloneStrings(n.Links)
	n.Tags = cloneStrings(n.Tags)
	if n.Amount != nil {
		a := *n.Amount
		n.Amount = &a
	}
	return n
}

// normalize fills defaults so that every note in a canvas has a colour and
// a status, and an amount always has a period.
func (n *Note) normalize() {
	if n.Color == "" {
		n.Color = Yellow
	}
	if n.Status == "" {
		n.Status = StatusIdea
	}
	if n.Amount != nil && n.Period == "" {
		n.Period = PeriodYear
	}
	if len(n.Segments) == 0 {
		n.Segments = nil
	}
	if len(n.Tags) == 0 {
		n.Tags = nil
	}
	if len(n.Personas) == 0 {
		n.Personas = nil
	}
	if len(n.Links) == 0 {
		n.Links = nil
	}
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func joinQuoted[T ~string](list []T) string {
	parts := make([]string, len(list))
	for i, v := range list {
		parts[i] = string(v)
	}
	return strings.Join(parts, ", ")
}

func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}
