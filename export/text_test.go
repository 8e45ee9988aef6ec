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

// bareFonts returns the poster fonts of a machine without fonts of its
// own: Noto Sans and the emoji font only.
func bareFonts(t testing.TB) *fonts {
	fs := testFonts(t)
	fs.shaping = newShapingState(fs, false)
	return fs
}

// Text keeps every character some font draws, emoji sequences and their
// joiners included; control characters go, line ends and tabs are made
// plain.
func TestSanitizeKeepsWhatPrints(t *testing.T) {
	s := newSanitizer(bareFonts(t))
	in := "Café 😀 👨\u200d👩\u200d👧 ❤️ 🇩🇪\tok\r\nnext\x07 line"
	want := "Café 😀 👨\u200d👩\u200d👧 ❤️ 🇩🇪 ok\nnext line"
	if got := s.clean(in, "note n1"); got != want {
		t.Errorf("clean = %q, want %q", got, want)
	}
	if w := s.warnings(); len(w) > 0 {
		t.Errorf("warnings for text the fonts draw: %q", w)
	}
}

// Characters no font has are replaced; one warning names them, the places
// that had them and the Debian packages that bring fonts for them, and
// common symbols are printed as ASCII look-alikes.
func TestSanitizeWarnsOfMissingFonts(t *testing.T) {
	s := newSanitizer(bareFonts(t))
	got := s.clean("中文 a → b ≥ c", "note n1")
	s.clean("plain", "note n2")
	s.clean("ok \U0010FFFD", "note n3")
	s.clean("안녕 שלום", "the header")
	if want := "\uFFFD\uFFFD a -> b >= c"; got != want {
		t.Errorf("clean = %q, want %q", got, want)
	}
	w := strings.Join(s.warnings(), "\n")
	for _, part := range []string{`"中" U+4E2D`, `"文" U+6587`, `"\U0010fffd" U+10FFFD`, `"안" U+C548`, `"ש" U+05E9`,
		"note n1, note n3, the header", `"→" as "->"`, `"≥" as ">="`, "fonts-noto-cjk and fonts-noto-core"} {
		if !strings.Contains(w, part) {
			t.Errorf("warnings lack %s:\n%s", part, w)
		}
	}
	if strings.Contains(w, "n2") || len(s.warnings()) != 1 {
		t.Errorf("want one warning that does not name the clean note:\n%s", w)
	}
}

func TestFontPackage(t *testing.T) {
	for r, want := range map[rune]string{
		'中': "fonts-noto-cjk", 'か': "fonts-noto-cjk", 'カ': "fonts-noto-cjk", '한': "fonts-noto-cjk", '。': "fonts-noto-cjk",
		'😀': "fonts-noto-color-emoji", '🫠': "fonts-noto-color-emoji", '☕': "fonts-noto-color-emoji",
		'ب': "fonts-noto-core", 'ש': "fonts-noto-core", 'क': "fonts-noto-core", 'ก': "fonts-noto-core", '→': "fonts-noto-core",
		'\uE000': "", '\U0010FFFD': "",
	} {
		if got := fontPackage(r); got != want {
			t.Errorf("fontPackage(%q) = %q, want %q", r, got, want)
		}
	}
}
