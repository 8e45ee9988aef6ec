package cmd

import (
	"bytes"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/bmc/formats"
)

// This file holds the exports that are data rather than paper: Markdown
// and JSON. runExport (export.go) asks exportFormat which format an export
// writes and hands the data formats to exportData.

// exportFormat returns the format an export writes: --format when given,
// else the one -o's extension names (.md, .markdown, .json), else "pdf".
func (e *env) exportFormat(flagValue, out string) (string, bool) {
	fromName := "pdf"
	switch ext := strings.ToLower(filepath.Ext(out)); ext {
	case ".md", ".markdown", ".json":
		f, _ := formats.ParseFormat(ext)
		fromName = string(f)
	}
	if flagValue == "" {
		return fromName, true
	}
	format := strings.ToLower(flagValue)
	if f, ok := formats.ParseFormat(format); ok && f != formats.BMML {
		format = string(f)
	} else if format != "pdf" {
		e.errorf("unknown --format %q; export writes pdf, md or json", flagValue)
		return "", false
	}
	if ext := strings.ToLower(filepath.Ext(out)); format != fromName && (fromName != "pdf" || ext == ".pdf") {
		e.errorf("--format %s, but -o %s names a %s file", format, out, strings.TrimPrefix(ext, "."))
		return "", false
	}
	return format, true
}

// pdfFlags are the export flags that shape paper.
var pdfFlags = []string{"paper", "portrait", "frontstage", "blank", "tile", "font", "focus", "compare"}

// exportData writes the canvas in as Markdown or JSON to out (FILE with
// the format's extension when empty, standard output for "-").
func (e *env) exportData(fs *flag.FlagSet, in, out, format string, force bool) int {
	var paperOnly []string
	fs.Visit(func(f *flag.Flag) {
		for _, p := range pdfFlags {
			if f.Name == p {
				paperOnly = append(paperOnly, "--"+p)
			}
		}
	})
	if len(paperOnly) > 0 {
		e.errorf("%s shape a PDF; a %s export takes none of them", strings.Join(paperOnly, ", "), format)
		return ExitUsage
	}
	f, _ := formats.ParseFormat(format)
	if out == "" {
		out = strings.TrimSuffix(in, filepath.Ext(in)) + f.Extension()
	}
	if ext := strings.ToLower(filepath.Ext(out)); ext == ".yaml" || ext == ".yml" || out != "-" && sameFile(in, out) {
		e.errorf("-o %s names a canvas file, which the %s must not replace; choose a name ending in %s", out, f.Name(), f.Extension())
		return ExitUsage
	}
	if out != "-" {
		if err := checkTarget(out, force, "a bmcanvas "+f.Name()+" export", func(head []byte) bool {
			return bytes.Contains(head, []byte("bmcanvas"))
		}); err != nil {
			e.errorf("%v", err)
			return ExitUsage
		}
	}
	c, _, code := e.load(in, e.stderr)
	if code != ExitOK {
		return code
	}
	data, err := formats.Export(c, f)
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	if out == "-" {
		e.stdout.Write(data)
		return ExitOK
	}
	if err := bmc.WriteFileAtomic(out, data); err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", out)
	return ExitOK
}
