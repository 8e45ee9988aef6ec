package textlayout

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// mono measures every rune but combining marks and joiners as one em.
func mono(s string, size float64) float64 {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) && r != '\u200d' && !unicode.Is(unicode.Variation_Selector, r) &&
			!(r >= 0x1F3FB && r <= 0x1F3FF) {
			n++
		}
	}
	return float64(n) * size
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width float64 // in ems
		want  []string
	}{
		{"", 10, []string{""}},
		{"short", 10, []string{"short"}},
		{"one two three four", 9, []string{"one two", "three", "four"}},
		{"  spaces   collapse  ", 100, []string{"spaces collapse"}},
		{"first\n\nthird", 10, []string{"first", "", "third"}},
		{"crlf\r\nand cr\rand\u2028sep", 10, []string{"crlf", "and cr", "and", "sep"}},
		{"trailing newline\n\n", 20, []string{"trailing newline"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"ab abcdefghij", 4, []string{"ab", "abcd", "efgh", "ij"}},
		{"two-days-a-week retainer", 10, []string{"two-days-", "a-week", "retainer"}},
		{"long-term co-operation", 13, []string{"long-term co-", "operation"}},
		{"Molino Ruiz – organic", 12, []string{"Molino Ruiz", "– organic"}},
		{"a/b", 2, []string{"a/", "b"}},
		{"€14,500/month", 9, []string{"€14,500/", "month"}},
		// Apostrophes, word-initial hyphens and numbers with hyphens hold.
		{"Grandmother's bread", 8, []string{"Grandmot", "her's", "bread"}},
		{"Grandmother's bread", 13, []string{"Grandmother's", "bread"}},
		{"a -x", 2, []string{"a", "-x"}},
		{"see -5 1-2", 3, []string{"see", "-5", "1-2"}},
		{"éèêë àâ", 4, []string{"éèêë", "àâ"}},
		// A decomposed accent stays on its letter, even inside a broken word.
		{"ce\u0301ce\u0301ce\u0301", 2, []string{"ce\u0301", "ce\u0301", "ce\u0301"}},
		// Chinese breaks between characters, not before the full stop.
		{"中文字符测试。好的", 4, []string{"中文字符", "测试。好", "的"}},
		// An emoji family is one cluster.
		{"👨\u200d👩\u200d👧👨\u200d👩\u200d👧", 1, []string{"👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"}},
		{"a\u00a0b c", 3, []string{"a\u00a0b", "c"}},
		{"tab\tseparated", 20, []string{"tab separated"}},
	} {
		got := Prepare(tc.text).Wrap(tc.width*10, 10, mono)
		if !reflect.DeepEqual(got.Lines, tc.want) {
			t.Errorf("Wrap(%q, %v em) = %q, want %q", tc.text, tc.width, got.Lines, tc.want)
		}
	}
}

func TestWrapBroken(t *testing.T) {
	if w := Prepare("a neighbourhood bakery").Wrap(13, 1, mono); w.Broken {
		t.Errorf("broken at 13: %q", w.Lines)
	}
	if w := Prepare("a neighbourhood bakery").Wrap(12, 1, mono); !w.Broken {
		t.Errorf("not broken at 12: %q", w.Lines)
	}
}

func TestCountLines(t *testing.T) {
	text := Prepare("one two three four five six seven")
	if n, _ := text.CountLines(9, 1, mono, -1); n != len(text.Wrap(9, 1, mono).Lines) {
		t.Errorf("CountLines = %d, Wrap made %d lines", n, len(text.Wrap(9, 1, mono).Lines))
	}
	if n, _ := text.CountLines(5, 1, mono, 2); n != 3 {
		t.Errorf("CountLines with limit 2 = %d, want 3 (stopped past the limit)", n)
	}
}

func TestFit(t *testing.T) {
	text := Prepare("one two three four")
	// In a box 90 wide, the text needs 3 lines at 10 and 11 (too tall
	// for 25) and 2 at 9 (22 high).
	f := text.Fit(90, 25, 12, 6, 1, mono)
	if !f.OK || f.Size != 9 || len(f.Lines) != 2 {
		t.Errorf("Fit = size %v, %q, ok %v; want size 9 on 2 lines", f.Size, f.Lines, f.OK)
	}
	// A word broken does not count as fitting: "three" is 5 ems.
	f = text.Fit(40, 1000, 10, 7, 1, mono)
	if !f.OK || f.Size != 8 {
		t.Errorf("Fit = size %v, %q, ok %v; want 8", f.Size, f.Lines, f.OK)
	}
	f = text.Fit(10, 10, 10, 7, 1, mono)
	if f.OK || f.Size != 7 {
		t.Errorf("Fit into a tiny box = size %v ok %v, want 7, false", f.Size, f.OK)
	}
	if f := text.Fit(100, 100, 10, 10, 0, mono); !f.OK || f.Size != 10 {
		t.Errorf("Fit with one size = %v %v", f.Size, f.OK)
	}
}

func TestEllipsize(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width float64
		want  string
	}{
		{"fits", 4, "fits"},
		{"too long", 5, "too…"},
		{"abc", 0, "…"},
		{"ce\u0301ce\u0301", 3, "ce\u0301…"},
	} {
		if got := Ellipsize(tc.in, tc.width, 1, mono); got != tc.want {
			t.Errorf("Ellipsize(%q, %v) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}

// Whatever the text and width, wrapped lines keep every non-blank
// character in order, and no line is wider than the width unless it is a
// single grapheme cluster.
func TestWrapKeepsEverything(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aaaaeeiioo   -–—/'.,\n€中文😀é\u0301\u200d👍🏽\u00a0")
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for k := r.IntN(120); k > 0; k-- {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		checkWrap(t, b.String(), 0.5+r.Float64()*30)
	}
}

func checkWrap(t *testing.T, text string, width float64) {
	t.Helper()
	w := Prepare(text).Wrap(width, 1, mono)
	if squeeze(strings.Join(w.Lines, "")) != squeeze(text) {
		t.Fatalf("Wrap(%q, %v) lost text: %q", text, width, w.Lines)
	}
	for _, l := range w.Lines {
		if mono(l, 1) > width+1e-9 && len(graphemes(l)) > 1 {
			t.Fatalf("Wrap(%q, %v): line %q is %v wide", text, width, l, mono(l, 1))
		}
		if l != strings.TrimFunc(l, isBlank) {
			t.Fatalf("Wrap(%q, %v): line %q has blank ends", text, width, l)
		}
	}
	if n, broken := Prepare(text).CountLines(width, 1, mono, -1); n != len(w.Lines) || broken != w.Broken {
		t.Fatalf("CountLines(%q, %v) = %d %v, Wrap gave %d %v", text, width, n, broken, len(w.Lines), w.Broken)
	}
}

// squeeze drops blank space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if isBlank(r) {
			return -1
		}
		return r
	}, normalizeBreaks(s))
}

func FuzzWrap(f *testing.F) {
	f.Add("Fresh sourdough — baked every morning", 30.0)
	f.Add("Donaudampfschifffahrtsgesellschaft-kapitän/in\n\n a", 3.0)
	f.Add("中文字符测试。好的 👨\u200d👩\u200d👧 مرحبا بالعالم", 4.0)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || !(width > 0.1 && width < 1e4) {
			return
		}
		checkWrap(t, text, width)
	})
}

// Widths measures each paragraph on one line, as Wrap would lay it out on
// a line wide enough.
func TestWidths(t *testing.T) {
	m := func(s string, size float64) float64 { return float64(len([]rune(s))) * size }
	text := Prepare("one two-three  four\n\nfive")
	got := text.Widths(2, m)
	want := []float64{2 * float64(len("one two-three four")), 0, 2 * 4}
	if len(got) != len(want) {
		t.Fatalf("Widths = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("paragraph %d: width %v, want %v", i, got[i], want[i])
		}
	}
	for i, l := range text.Wrap(1000, 2, m).Lines {
		if w := m(l, 2); w != got[i] {
			t.Errorf("line %q is %v wide, Widths says %v", l, w, got[i])
		}
	}
}
