package cmd

import (
	"encoding/json"
	"fmt"
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

// lintResult is one finding as --json prints it: where it points in the
// file (the note's line, else its block's; omitted when unknown) and what
// it says.
type lintResult struct {
	File   string `json:"file"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	bmc.Finding
}

func runLint(e *env, args []string) int {
	fs := e.flags(commands["lint"])
	strict := fs.Bool("strict", false, "fail on hints as well as errors")
	asJSON := fs.Bool("json", false, "print the findings as a JSON array")
	files, code, ok := e.fileArgs(fs, args)
	if !ok {
		return code
	}
	results := []lintResult{}
	for _, f := range files {
		c, src, fcode := e.load(f, e.stderr)
		if fcode != ExitOK {
			code = max(code, fcode)
			continue
		}
		findings := c.Lint()
		if bmc.HasErrors(findings, *strict) {
			code = max(code, ExitProblems)
		}
		for _, fd := range findings {
			at := src.Locate(fd)
			results = append(results, lintResult{File: f, Line: at.Line, Column: at.Column, Finding: fd})
		}
		if !*asJSON {
			printFindings(e, f, results[len(results)-len(findings):])
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(results); err != nil {
			e.errorf("%v", err)
			return ExitUsage
		}
	}
	return code
}

// printFindings prints one line per finding, "file: line L, column C:
// severity: message [rule]", and a line counting them.
func printFindings(e *env, file string, results []lintResult) {
	errs, hints := 0, 0
	for _, r := range results {
		where := (&bmc.Error{File: file, Line: r.Line, Column: r.Column}).Error()
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
