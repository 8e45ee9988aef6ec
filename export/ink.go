package export

import (
	"fmt"
	"strings"
)

// Ink says how much colour a poster spends.
type Ink string

// The inks a poster can be printed with.
const (
	// InkColor prints notes on paper of their colour, as on screen.
	InkColor Ink = "color"
	// InkLight prints notes as white cards with an edge of their colour,
	// for printers where a coloured A0 costs too much ink.
	InkLight Ink = "light"
	// InkMono uses no colour at all, for black-and-white printers: notes
	// are white cards with a grey edge, segments are told apart by the
	// shapes of their marks, statuses by their symbols and the focused
	// segment's notes by heavier edges.
	InkMono Ink = "mono"
)

// Inks lists the inks, the default first.
func Inks() []string { return []string{string(InkColor), string(InkLight), string(InkMono)} }

// ParseInk returns the ink named s ("" is colour).
func ParseInk(s string) (Ink, error) {
	switch Ink(strings.ToLower(strings.TrimSpace(s))) {
	case "", InkColor, "colour":
		return InkColor, nil
	case InkLight:
		return InkLight, nil
	case InkMono, "grey", "gray", "bw":
		return InkMono, nil
	}
	return "", fmt.Errorf("unknown ink %q (inks: %s)", s, strings.Join(Inks(), ", "))
}

// luminance returns how light c looks, from 0 to 255 (Rec. 709 weights).
func luminance(c rgb) uint8 {
	return uint8((2126*int(c[0]) + 7152*int(c[1]) + 722*int(c[2]) + 5000) / 10000)
}

// inked returns the colour c is printed in with ink: itself, or in mono
// its grey of the same lightness.
func inked(ink Ink, c rgb) rgb {
	if ink != InkMono {
		return c
	}
	l := luminance(c)
	return rgb{l, l, l}
}
