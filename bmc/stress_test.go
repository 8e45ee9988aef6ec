package bmc

import (
	"fmt"
	"strings"
	"testing"
)

// TestLoadLargeAdversarialInputs feeds inputs that once took quadratic
// time (thousands of notes without IDs, a note linking thousands of
// segments, thousands of unknown keys). Each must finish; a regression
// shows up as a test timeout rather than a flaky timing assertion.
func TestLoadLargeAdversarialInputs(t *testing.T) {
	head := "format: bmcanvas/1\ntemplate: business-model-canvas\n"
	var links strings.Builder
	links.WriteString(head + "blocks:\n  customer_segments:\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&links, "    - {id: s%d}\n", i)
	}
	links.WriteString("  channels:\n    - {id: c, segments: [")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&links, "s%d, ", i)
	}
	links.WriteString("s0]}\n")
	cases := []struct {
		name, in, wantErr string
	}{
		{"notes without ids", head + "blocks:\n  channels:\n" + strings.Repeat("    - x\n", 100000), ""},
		{"many links", links.String(), `links segment "s0" twice`},
		{"unknown keys", head + strings.Repeat("abcdefghijabcdefghijabcdefghij: 1\n", 50000), "… and 49950 more problems"},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load("big.yaml", []byte(tt.in))
			if tt.wantErr == "" {
				if err != nil || c.NoteCount() != 100000 || c.Blocks["channels"][99999].ID != "n100000" {
					t.Fatalf("err %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || (len(err.(Errors)) > maxErrors+1) {
				t.Fatalf("err = %.200v", err)
			}
		})
	}
}
