package export

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Paper is a sheet size in millimetres, short side first.
type Paper struct {
	// Name is the paper's name as Papers lists it, or "WxH" for a custom size.
	Name string
	// Short and Long are the sheet's sides in millimetres.
	Short, Long float64
}

// Size returns the sheet's width and height in millimetres, landscape unless
// portrait is true.
func (p Paper) Size(portrait bool) (w, h float64) {
	if portrait {
		return p.Short, p.Long
	}
	return p.Long, p.Short
}

// The limits of a custom paper size, in millimetres: PDF pages may be at
// most 200 inches on a side.
const (
	minSide = 100
	maxSide = 5000
)

// DefaultPaper is the paper used when Options.Paper is empty.
const DefaultPaper = "A1"

var papers = []Paper{
	{"A0", 841, 1189},
	{"A1", 594, 841},
	{"A2", 420, 594},
	{"A3", 297, 420},
	{"A4", 210, 297},
	{"Letter", 215.9, 279.4},
	{"Legal", 215.9, 355.6},
	{"Tabloid", 279.4, 431.8},
	{"ANSI C", 431.8, 558.8},
	{"ANSI D", 558.8, 863.6},
	{"ANSI E", 863.6, 1117.6},
}

// Papers returns the names of the standard paper sizes, from the largest
// ISO size down, then the North American ones.
func Papers() []string {
	names := make([]string, len(papers))
	for i, p := range papers {
		names[i] = p.Name
	}
	return names
}

var customPaper = regexp.MustCompile(`^([0-9]{1,5}(?:\.[0-9]{1,3})?)\s*[x×*]\s*([0-9]{1,5}(?:\.[0-9]{1,3})?)\s*(?:mm)?$`)

// ParsePaper reads a paper name: one of Papers (in any case, with or without
// spaces or dashes, such as "a1" or "ansi-c"), or a custom size "WxH" in
// millimetres such as "600x400". An empty name means DefaultPaper. A custom
// size names the sheet's two sides; the orientation is chosen separately.
func ParsePaper(name string) (Paper, error) {
	s := strings.ToLower(strings.TrimSpace(name))
	if s == "" {
		s = strings.ToLower(DefaultPaper)
	}
	key := squash(s)
	for _, p := range papers {
		if squash(strings.ToLower(p.Name)) == key {
			return p, nil
		}
	}
	m := customPaper.FindStringSubmatch(s)
	if m == nil {
		return Paper{}, fmt.Errorf("unknown paper %q (papers: %s, or WxH in millimetres such as 600x400)",
			name, strings.Join(Papers(), ", "))
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	for _, v := range []float64{w, h} {
		if v < minSide || v > maxSide {
			return Paper{}, fmt.Errorf("paper %q: each side must be between %d and %d mm", name, minSide, maxSide)
		}
	}
	p := Paper{Name: formatMM(w) + "x" + formatMM(h), Short: min(w, h), Long: max(w, h)}
	return p, nil
}

func squash(s string) string {
	return strings.NewReplacer(" ", "", "-", "", "_", "").Replace(s)
}

func formatMM(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
