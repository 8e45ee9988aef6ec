package export

import (
	"strings"
	"testing"
)

func TestParsePaper(t *testing.T) {
	for _, tc := range []struct {
		in          string
		name        string
		short, long float64
	}{
		{"", "A1", 594, 841},
		{"A0", "A0", 841, 1189},
		{"a4", "A4", 210, 297},
		{" Letter ", "Letter", 215.9, 279.4},
		{"ansi-c", "ANSI C", 431.8, 558.8},
		{"ANSI_E", "ANSI E", 863.6, 1117.6},
		{"ansid", "ANSI D", 558.8, 863.6},
		{"600x400", "600x400", 400, 600},
		{"400 × 600 mm", "400x600", 400, 600},
		{"1000.5X700", "1000.5x700", 700, 1000.5},
	} {
		p, err := ParsePaper(tc.in)
		if err != nil || p.Name != tc.name || p.Short != tc.short || p.Long != tc.long {
			t.Errorf("ParsePaper(%q) = %+v, %v; want %s %v×%v", tc.in, p, err, tc.name, tc.short, tc.long)
		}
	}
	for _, in := range []string{"B5", "A5", "600x", "x400", "600x99", "6000x400", "-600x400", "600x400x3", "1e3x500", "NaNxNaN", "600,5x400"} {
		if p, err := ParsePaper(in); err == nil {
			t.Errorf("ParsePaper(%q) = %+v, want an error", in, p)
		}
	}
	_, err := ParsePaper("B5")
	if err == nil || !strings.Contains(err.Error(), "A0, A1") || !strings.Contains(err.Error(), "600x400") {
		t.Errorf("the error for an unknown paper does not list the choices: %v", err)
	}
}

// Every name Papers offers parses back to itself, landscape by default.
func TestPapers(t *testing.T) {
	names := Papers()
	if len(names) != 11 || names[0] != "A0" || names[len(names)-1] != "ANSI E" {
		t.Errorf("Papers() = %q", names)
	}
	for _, name := range names {
		p, err := ParsePaper(name)
		if err != nil || p.Name != name {
			t.Errorf("ParsePaper(%q) = %+v, %v", name, p, err)
		}
		if w, h := p.Size(false); w < h {
			t.Errorf("%s landscape is %v×%v", name, w, h)
		}
		if w, h := p.Size(true); w > h {
			t.Errorf("%s portrait is %v×%v", name, w, h)
		}
	}
}

func FuzzParsePaper(f *testing.F) {
	for _, s := range []string{"", "A1", "ansi c", "600x400", "400 × 600 mm", "1e9x1", "99999.999x5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePaper(s)
		if err != nil {
			return
		}
		if p.Short < minSide || p.Long > maxSide || p.Short > p.Long {
			t.Fatalf("ParsePaper(%q) = %+v: outside the limits", s, p)
		}
		again, err := ParsePaper(p.Name)
		if err != nil || again != p {
			t.Fatalf("ParsePaper(%q) = %+v, but its name parses to %+v, %v", s, p, again, err)
		}
	})
}
