package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/bmc/formats"
)

func init() {
	register(&command{name: "import",
		usage:   "FILE [-o OUT.yaml] [--from md|json|bmml] [--template ID] [-f]",
		summary: "turn a Markdown, JSON or BMML file into a canvas file (next to FILE unless -o says where)",
		details: `Markdown: a "## Block title" heading per block (the titles of any template,
in any case, or common variants such as "Customer Segment" or "Partners"),
one top-level bullet per note; the lines indented under a bullet are part
of its note. Other text is skipped and listed.

JSON: the bmcanvas/1 format as data, as "bmcanvas export --format json"
writes it (schema/bmcanvas-1.schema.json).

BMML: a business model of the BMML tool (.bmml, versions 1.0 and 2.0)
becomes a Business Model Canvas. What the canvas has no key for
(descriptions, jobs, pains, gains, fits) goes into the notes' text.

The import prints where each part of the file went, and every line it
skipped or value it did not keep, with its line number.`,
		run: runImport})
}

func runImport(e *env, args []string) int {
	fs := e.flags(commands["import"])
	out := fs.String("o", "", "the canvas file to write (default: FILE with .yaml; \"-\" for standard output)")
	from := fs.String("from", "", "the format of FILE: md, json or bmml (default: from FILE's extension)")
	tmpl := fs.String("template", "", "for Markdown that does not say: "+strings.Join(bmc.TemplateIDs(), ", ")+" (default: the one whose block titles the headings use)")
	force := fs.Bool("f", false, "overwrite an existing file")
	in, code, ok := e.oneFile(fs, args, "file to import")
	if !ok {
		return code
	}
	format, ok := e.importFormat(in, *from)
	if !ok {
		return ExitUsage
	}
	if *tmpl != "" {
		if _, known := bmc.TemplateByID(*tmpl); !known {
			e.errorf("unknown template %q%s; templates are %s", *tmpl, bmc.Suggestion(*tmpl, bmc.TemplateIDs()), strings.Join(bmc.TemplateIDs(), ", "))
			return ExitUsage
		}
		if format != formats.Markdown {
			e.errorf("--template is for Markdown; a %s file gives its own template", format.Name())
			return ExitUsage
		}
	}
	if *out == "" {
		*out = strings.TrimSuffix(in, filepath.Ext(in)) + ".yaml"
	}
	if *out != "-" {
		if sameFile(in, *out) {
			e.errorf("the canvas would overwrite %s itself; choose another name with -o", in)
			return ExitUsage
		}
		if _, err := os.Stat(*out); err == nil && !*force {
			e.errorf("%s already exists; use -f to overwrite it", *out)
			return ExitUsage
		}
	}
	c, rep, err := formats.ImportFile(in, format, formats.Options{Template: *tmpl})
	if err != nil {
		return e.loadFailed(err, e.stderr)
	}
	data, err := c.MarshalFile()
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	if *out == "-" {
		e.stdout.Write(data)
		rep.WriteTo(e.stderr)
		return ExitOK
	}
	if err := bmc.WriteFileAtomic(*out, data); err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	fmt.Fprintf(e.stdout, "wrote %s (%s, %s)\n", *out, c.Template().Name, plural(c.NoteCount(), "note"))
	rep.WriteTo(e.stdout)
	return ExitOK
}

// importFormat returns the format named by --from, else by the file's
// extension.
func (e *env) importFormat(in, from string) (formats.Format, bool) {
	names := make([]string, 0, 3)
	for _, f := range formats.ImportFormats() {
		names = append(names, string(f))
	}
	if from != "" {
		f, ok := formats.ParseFormat(from)
		if !ok {
			e.errorf("unknown format %q; --from takes %s", from, strings.Join(names, ", "))
		}
		return f, ok
	}
	if f, ok := formats.FormatOf(in); ok {
		return f, true
	}
	if ext := strings.ToLower(filepath.Ext(in)); ext == ".yaml" || ext == ".yml" {
		e.errorf("%s is a canvas file already: open it, or check it with \"bmcanvas validate\"", in)
		return "", false
	}
	e.errorf("cannot tell the format of %s from its name: say it with --from %s", in, strings.Join(names, "|"))
	return "", false
}
