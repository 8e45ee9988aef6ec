package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func init() {
	var rules strings.Builder
	for _, r := range bmc.LintRules() {
		fmt.Fprintf(&rules, "\n  %-5s %-28s %s", r.Severity, r.Rule, r.Checks)
	}
	register(&command{name: "lint", usage: "[--strict] [--json] FILE...",
		summary: "check canvases for gaps in the model (exit 1 on errors)",
		details: "Errors are gaps in the model; hints are advice and fail only with --strict.\n\nRules:" + rules.String(),
		run:     runLint})
}

// lintResult is one finding as --json prints it.
type lintResult struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	bmc.Finding
}

func runLint(e *env, args []string) int {
	fs := e.flags(commands["lint"])
	strict := fs.Bool("strict", false, "fail on hints as well as errors")
	asJSON := fs.Bool("json", false, "print the findings as a JSON array")
	files, code, ok := e.fileArgs(fs, "lint", args)
	if !ok {
		return code
	}
	results := []lintResult{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			code = max(code, e.reportLoad(fmt.Errorf("lint: %w", err), e.stderr))
			continue
		}
		c, err := bmc.Load(f, data)
		if err != nil {
			code = max(code, e.reportLoad(err, e.stderr))
			continue
		}
		findings := c.Lint()
		if bmc.HasErrors(findings, *strict) {
			code = max(code, ExitProblems)
		}
		lines := findLines(data)
		for _, fd := range findings {
			r := lintResult{File: f, Finding: fd, Line: lines[fd.Block]}
			if fd.NoteID != "" {
				r.Line = lines["note "+fd.NoteID]
			}
			results = append(results, r)
		}
		if !*asJSON {
			printFindings(e, f, results[len(results)-len(findings):])
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(results); err != nil {
			e.errorf("lint: %v", err)
			return ExitUsage
		}
	}
	return code
}

func printFindings(e *env, file string, results []lintResult) {
	errs, hints := 0, 0
	for _, r := range results {
		where := file + ": "
		if r.Line > 0 {
			where = fmt.Sprintf("%s: line %d: ", file, r.Line)
		}
		fmt.Fprintf(e.stdout, "%s%s: %s [%s]\n", where, r.Severity, r.Message, r.Rule)
		if r.Severity == bmc.SeverityError {
			errs++
		} else {
			hints++
		}
	}
	if errs+hints == 0 {
		fmt.Fprintf(e.stdout, "%s: no gaps found\n", file)
		return
	}
	fmt.Fprintf(e.stdout, "%s: %s, %s\n", file, plural(errs, "error"), plural(hints, "hint"))
}

var (
	noteLine  = regexp.MustCompile(`(?:^\s*-\s+|[{,]\s*|^\s+)id:\s*["']?([A-Za-z0-9_-]+)`)
	blockLine = regexp.MustCompile(`^  ([a-z_]+):`)
)

// findLines maps "note ID" and block IDs to the line where they appear in
// a canvas file, so findings can point into the file.
func findLines(data []byte) map[string]int {
	out := map[string]int{}
	for i, l := range strings.Split(string(data), "\n") {
		if m := noteLine.FindStringSubmatch(l); m != nil {
			if _, seen := out["note "+m[1]]; !seen {
				out["note "+m[1]] = i + 1
			}
		} else if m := blockLine.FindStringSubmatch(l); m != nil {
			if _, seen := out[m[1]]; !seen {
				out[m[1]] = i + 1
			}
		}
	}
	return out
}
