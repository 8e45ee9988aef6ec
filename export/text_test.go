package export

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	fs := testFonts(t)
	for _, tc := range []struct {
		text  string
		width float64 // in ems at 10 pt
		want  []string
	}{
		{"one two three", 100, []string{"one two three"}},
		{"one two three", 4.5, []string{"one two", "three"}},
		{"  spaces   collapse  ", 100, []string{"spaces collapse"}},
		{"line\nbreaks\n\nkept", 100, []string{"line", "breaks", "", "kept"}},
		{"long-term co-operation", 7, []string{"long-term co-", "operation"}},
		{"aaaaaaaaaaaaaaaaaaaa", 4, []string{"aaaaaaa", "aaaaaaa", "aaaaaa"}},
		{"", 10, []string{""}},
	} {
		got := fs.wrap(fs.regular, tc.text, 10, tc.width*10*ptMM)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrap(%q, %v em) = %q, want %q", tc.text, tc.width, got, tc.want)
		}
	}
}

// Whatever the text and width, wrapped lines keep every character in order
// and none is wider than the width (a single glyph may be, if the width is
// narrower than it).
func TestWrapKeepsEverything(t *testing.T) {
	fs := testFonts(t)
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 500; i++ {
		text := stressText(r, r.IntN(300))
		width := 2 + r.Float64()*100
		checkWrap(t, fs, text, width)
	}
}

func checkWrap(t *testing.T, fs *fonts, text string, width float64) {
	t.Helper()
	lines := fs.wrap(fs.regular, text, 9, width)
	if squeeze(strings.Join(lines, "")) != squeeze(text) {
		t.Fatalf("wrap(%q, %v) lost text: %q", text, width, lines)
	}
	for _, l := range lines {
		if w := fs.width(fs.regular, l, 9); w > width+1e-9 && len([]rune(l)) > 1 {
			t.Fatalf("wrap(%q, %v): line %q is %v wide", text, width, l, w)
		}
	}
}

// Emoji (beyond U+FFFF) and characters the font lacks are replaced before
// they reach the PDF writer, and a warning lists them and where they were.
func TestSanitize(t *testing.T) {
	s := newSanitizer(testFonts(t))
	got := s.clean("Café 😀 中文\tok\r\nnext\x07 ❤️ a → b ≥ c", "note n1")
	s.clean("plain", "note n2")
	s.clean("🎉", "note n3")
	want := "Café \uFFFD \uFFFD\uFFFD ok\nnext \uFFFD a -> b >= c"
	if got != want {
		t.Errorf("clean = %q, want %q", got, want)
	}
	w := strings.Join(s.warnings(), "\n")
	for _, part := range []string{`"😀" U+1F600`, `"🎉" U+1F389`, `"中" U+4E2D`, `"文" U+6587`, `"❤" U+2764`,
		"note n1, note n3", "--font", `"→" as "->"`, `"≥" as ">="`} {
		if !strings.Contains(w, part) {
			t.Errorf("warnings lack %s:\n%s", part, w)
		}
	}
	if strings.Contains(w, "n2") {
		t.Errorf("warnings name a clean note:\n%s", w)
	}
	// Each warning names only the places that had its kind of character.
	ws := s.warnings()
	for _, l := range ws {
		if strings.Contains(l, "U+4E2D") && strings.Contains(l, "note n3") {
			t.Errorf("the missing-glyph warning names note n3, which only had an emoji:\n%s", l)
		}
	}
}
