package widgets

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

// monospace measures every rune as 1 wide.
func monospace(s string) float32 { return float32(utf8.RuneCountInString(s)) }

func TestWrapText(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width float32
		max   int
		want  []string
	}{
		{"", 10, 3, []string{""}},
		{"short", 10, 3, []string{"short"}},
		{"one two three four", 9, -1, []string{"one two", "three", "four"}},
		{"one two three four", 9, 2, []string{"one two", "three…"}},
		{"one two three four", 7, 1, []string{"one tw…"}},
		{"first\n\nthird", 10, -1, []string{"first", "", "third"}},
		{"trailing newline\n", 20, -1, []string{"trailing newline"}},
		{"abcdefghij", 4, -1, []string{"abcd", "efgh", "ij"}},
		{"two-days-a-week retainer", 10, -1, []string{"two-days-", "a-week", "retainer"}},
		{"Molino Ruiz – organic", 12, -1, []string{"Molino Ruiz", "– organic"}},
		{"a/b", 2, -1, []string{"a/", "b"}},
		{"éèêë àâ", 4, -1, []string{"éèêë", "àâ"}},
	} {
		got := wrapText(tc.text, tc.width, tc.max, monospace)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("wrapText(%q, %v, %d) = %q, want %q", tc.text, tc.width, tc.max, got, tc.want)
		}
	}
	if got := wrapText("anything", 0, 3, monospace); got != nil {
		t.Errorf("zero width: got %q, want nil", got)
	}
	for _, line := range wrapText("a very long text that goes on and on and on", 6, 3, monospace) {
		if monospace(line) > 6 {
			t.Errorf("line %q is wider than 6", line)
		}
	}
}

func TestTokens(t *testing.T) {
	got := tokens("two-days-a-week -x a- b/c")
	want := []token{{"two-", false}, {"days-", true}, {"a-", true}, {"week", true}, {"-x", false}, {"a-", false}, {"b/", false}, {"c", true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tokens = %v, want %v", got, want)
	}
}

func TestEllipsize(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width float32
		want  string
	}{
		{"fits", 4, "fits"},
		{"too long", 5, "too…"},
		{"abc", 0, "…"},
	} {
		if got := ellipsize(tc.in, tc.width, monospace); got != tc.want {
			t.Errorf("ellipsize(%q, %v) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}
