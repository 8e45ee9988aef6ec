package cmd

import (
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"testing"
)

// Findings point at the note itself, even when another note's text looks
// like the line that starts it ("id: u", "{id: s"): lint takes positions
// from the YAML decoder, not from a search of the text.
func TestLintLinesWithIDsInText(t *testing.T) {
	path := write(t, "ids.yaml", `format: bmcanvas/1
template: lean
blocks:
  problem:
    - id: p
      text: |-
        Copied from the wiki:
        id: u
          id: c
      segments: [s]
    - {text: "see a, id: s", id: q, segments: [s]}
  solution: [{id: so, text: "blocks:"}]
  key_metrics:
    - id: k
      text: "  unfair_advantage: x"
  unique_value_proposition:
    - id: u
      text: Fast fixes
  unfair_advantage:
    - id: a
      text: |
        channels:
  channels:
    - id: c
      text: Posters
  customer_segments:
    - id: s
      text: Tinkerers
  cost_structure:
    - {id: co, text: Hosting}
  revenue_streams:
    - id: r
      text: Fees
      segments: [s]
`)
	code, out, _ := run(t, "lint", "--json", path)
	var results []lintResult
	if err := json.Unmarshal([]byte(out), &results); err != nil || code != ExitProblems {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	got := map[string]string{}
	for _, r := range results {
		got[r.Rule+" "+r.NoteID] = fmt.Sprintf("%d:%d", r.Line, r.Column)
	}
	want := map[string]string{
		"proposition-without-segment u": "17:7", // not 8, the wiki text "id: u"
		"channel-without-segment c":     "24:7", // not 9
		"segment-without-channel s":     "27:7", // not 11, the text of q
		"unserved-segment s":            "27:7",
	}
	if !maps.Equal(got, want) {
		t.Errorf("findings at %v, want %v", got, want)
	}
	code, text, _ := run(t, "lint", path)
	if code != ExitProblems || !strings.Contains(text, path+": line 17, column 7: error: ") {
		t.Errorf("exit %d, text output:\n%s", code, text)
	}
}
