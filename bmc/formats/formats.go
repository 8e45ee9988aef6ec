// Package formats trades canvases with other tools: it reads Markdown
// (a heading per block, a bullet per note), JSON (the bmcanvas/1 format as
// data, described by schema/bmcanvas-1.schema.json) and BMML (the YAML
// business models of the open-source BMML tool), and writes Markdown and
// JSON.
//
// Every canvas it returns passed the rules of package bmc; every import
// comes with a Report that says where each part of the input went and what
// was not imported, located by line and column like a bmc.Error.
package formats

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// Format names a file format a canvas is imported from or exported to.
type Format string

// The formats of this package. The bmcanvas/1 YAML format itself is
// package bmc's, and PDF posters are package export's.
const (
	Markdown Format = "md"
	JSON     Format = "json"
	BMML     Format = "bmml"
)

// Name returns the format's name for people, such as "Markdown".
func (f Format) Name() string {
	switch f {
	case Markdown:
		return "Markdown"
	case JSON:
		return "JSON"
	case BMML:
		return "BMML"
	}
	return string(f)
}

// Extension returns the file name extension the format is written with,
// with the dot.
func (f Format) Extension() string { return "." + string(f) }

// ImportFormats returns the formats Import reads.
func ImportFormats() []Format { return []Format{Markdown, JSON, BMML} }

// ExportFormats returns the formats Export writes.
func ExportFormats() []Format { return []Format{Markdown, JSON} }

// ImportExtensions returns the file name extensions, with the dot, of the
// files Import reads: .md, .markdown, .json and .bmml.
func ImportExtensions() []string { return []string{".md", ".markdown", ".json", ".bmml"} }

// ParseFormat reads a format's name as a user writes it: md, markdown,
// json or bmml, in any case.
func ParseFormat(s string) (Format, bool) {
	switch strings.ToLower(strings.TrimPrefix(s, ".")) {
	case "md", "markdown":
		return Markdown, true
	case "json":
		return JSON, true
	case "bmml":
		return BMML, true
	}
	return "", false
}

// FormatOf returns the format a file's name extension names.
func FormatOf(path string) (Format, bool) {
	ext := filepath.Ext(path)
	if ext == "" {
		return "", false
	}
	return ParseFormat(ext)
}

// MaxInputSize is the largest file Import reads: the size of the largest
// canvas file.
const MaxInputSize = bmc.MaxFileSize

// Options adjust an import.
type Options struct {
	// Template is the template of a canvas imported from Markdown whose
	// file does not name one; empty: the template whose block titles the
	// headings use. BMML always gives a Business Model Canvas.
	Template string
}

// Report says what an import did with its input.
type Report struct {
	// File is the name the input was read under.
	File string
	// Kept says, in the order of the input, where each kind of thing in
	// the input went on the canvas, such as "fits (4) → segment links of
	// their value propositions".
	Kept []string
	// Skipped lists what was not imported as it stood, each located in
	// the input: lines that are no note, links to nothing, values with no
	// place on a canvas.
	Skipped []*bmc.Error
}

// WriteTo writes the report for people: what went where, then what was
// not imported, one located line each.
func (r *Report) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	if len(r.Kept) > 0 {
		fmt.Fprintf(&b, "%s: what went where:\n", r.File)
		for _, k := range r.Kept {
			fmt.Fprintf(&b, "  %s\n", k)
		}
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintf(&b, "%s: not imported as it stood (%d):\n", r.File, len(r.Skipped))
		for _, s := range r.Skipped {
			fmt.Fprintf(&b, "  %s\n", s)
		}
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// String returns the report as WriteTo writes it.
func (r *Report) String() string {
	var b strings.Builder
	r.WriteTo(&b)
	return b.String()
}

// skip records something not imported, at a position of the input.
func (r *Report) skip(at bmc.Position, format string, args ...any) {
	r.Skipped = append(r.Skipped, &bmc.Error{File: r.File, Line: at.Line, Column: at.Column, Msg: fmt.Sprintf(format, args...)})
}

// Import reads a canvas from data in format f; name is used in messages,
// usually the file's path. Problems that stop the import come back as
// bmc.Errors, each with its line and column.
func Import(name string, data []byte, f Format, opt Options) (*bmc.Canvas, *Report, error) {
	switch f {
	case Markdown:
		return ReadMarkdown(name, data, opt)
	case JSON:
		c, err := ReadJSON(name, data)
		if err != nil {
			return nil, nil, err
		}
		return c, &Report{File: name, Kept: []string{"every key → the same key of the canvas (JSON is the bmcanvas/1 format as data)"}}, nil
	case BMML:
		return ReadBMML(name, data)
	}
	return nil, nil, fmt.Errorf("import %s: unknown format %q; bmcanvas imports %s", name, f, formatList(ImportFormats()))
}

// ImportFile reads the file at path (at most MaxInputSize bytes, a
// regular file only: see bmc.ReadFile) and imports it as Import does.
func ImportFile(path string, f Format, opt Options) (*bmc.Canvas, *Report, error) {
	data, err := bmc.ReadFile(path, MaxInputSize, f.Name()+" file")
	if err != nil {
		return nil, nil, err
	}
	return Import(path, data, f, opt)
}

// Export writes the canvas in format f (Markdown or JSON).
func Export(c *bmc.Canvas, f Format) ([]byte, error) {
	switch f {
	case Markdown:
		return WriteMarkdown(c)
	case JSON:
		return WriteJSON(c)
	}
	return nil, fmt.Errorf("unknown export format %q; bmcanvas exports %s (and PDF)", f, formatList(ExportFormats()))
}

func formatList(fs []Format) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// builder assembles a canvas from notes read one by one. Each note passes
// the rules of bmc (Canvas.AddNote on a scratch canvas of the same
// template) when it is added, so that a problem is reported where the note
// stands in the input; links are resolved and IDs handed out at the end,
// and the canvas is validated once more as a whole. Adding is O(1) per
// note, so a large input takes linear time.
type builder struct {
	*bmc.Problems
	canvas  *bmc.Canvas
	scratch *bmc.Canvas
	notes   []pending
	// explicit holds the IDs the input gave, so that no handed-out ID
	// takes one.
	explicit map[string]int
}

// pending is a note added to the builder, not yet on the canvas.
type pending struct {
	block string
	note  bmc.Note
	at    bmc.Position
	// links are the indexes of the segment notes this note links to;
	// refs, when set, the entries as written ("n2/Ana" for a persona).
	links []int
	refs  []string
	// noteLinks are the indexes of the notes of other blocks this note
	// links to (bmc.Note.Links).
	noteLinks []int
}

func newBuilder(p *bmc.Problems, template string) (*builder, error) {
	c, err := bmc.New(template)
	if err != nil {
		return nil, err
	}
	scratch, _ := bmc.New(template)
	return &builder{Problems: p, canvas: c, scratch: scratch, explicit: map[string]int{}}, nil
}

// add checks n against the rules and queues it at the end of block. An
// empty ID gets a fresh one at the end; a given ID must be valid and
// unused. It returns the note's index for links, and false when the note
// broke a rule (reported at at).
func (b *builder) add(block string, n bmc.Note, at bmc.Position) (int, bool) {
	n.Segments, n.Links = nil, nil
	if n.ID != "" {
		if err := bmc.CheckID(n.ID); err != nil {
			b.Add(at, err.Error())
			return -1, false
		}
		if first, dup := b.explicit[n.ID]; dup {
			b.Addf(at, "note id %q is used twice (first on line %d)", n.ID, b.notes[first].at.Line)
			return -1, false
		}
	}
	probe := n
	probe.ID = "probe"
	stored, err := b.scratch.AddNote(block, -1, probe)
	if err != nil {
		b.Add(at, strings.TrimPrefix(err.Error(), "add note: "))
		return -1, false
	}
	b.scratch.DeleteNote(stored.ID)
	stored.ID = n.ID
	if n.ID != "" {
		b.explicit[n.ID] = len(b.notes)
	}
	b.notes = append(b.notes, pending{block: block, note: stored, at: at})
	return len(b.notes) - 1, true
}

// link makes note from serve the segment note seg (both indexes from add);
// a link made twice counts once. It reports false when seg is not a note
// of Customer Segments.
func (b *builder) link(from, seg int) bool {
	if !b.isSegment(seg) {
		return false
	}
	for _, l := range b.notes[from].links {
		if l == seg {
			return true
		}
	}
	b.notes[from].links = append(b.notes[from].links, seg)
	b.notes[from].refs = append(b.notes[from].refs, "")
	return true
}

// linkRef links note from to the segment seg as ref names it: the whole
// segment, or one persona of it ("n2/Ana").
func (b *builder) linkRef(from, seg int, ref string) bool {
	if _, persona := bmc.PersonaRef(ref); persona == "" {
		return b.link(from, seg)
	}
	if !b.isSegment(seg) {
		return false
	}
	b.notes[from].links = append(b.notes[from].links, seg)
	b.notes[from].refs = append(b.notes[from].refs, ref)
	return true
}

// linkNotes links two queued notes, whichever of them the link is
// written on (see bmc.RelationOf), and reports whether their blocks give
// a link a meaning.
func (b *builder) linkNotes(x, y int) bool {
	if x < 0 || y < 0 || x == y {
		return false
	}
	t := b.canvas.TemplateID
	if _, ok := bmc.RelationOf(t, b.notes[y].block, b.notes[x].block); ok {
		x, y = y, x
	} else if _, ok := bmc.RelationOf(t, b.notes[x].block, b.notes[y].block); !ok {
		return false
	}
	if !slices.Contains(b.notes[x].noteLinks, y) {
		b.notes[x].noteLinks = append(b.notes[x].noteLinks, y)
	}
	return true
}

// used reports whether the input gave a note the ID id.
func (b *builder) used(id string) bool {
	_, ok := b.explicit[id]
	return ok
}

// isSegment reports whether the note at index i is in Customer Segments.
func (b *builder) isSegment(i int) bool { return b.notes[i].block == bmc.SegmentBlock }

// finish hands out IDs, resolves links and returns the canvas, validated.
func (b *builder) finish() (*bmc.Canvas, error) {
	if err := b.Err(); err != nil {
		return nil, err
	}
	next := 0
	for i := range b.notes {
		n := &b.notes[i].note
		for n.ID == "" {
			next++
			if id := "n" + strconv.Itoa(next); !b.used(id) {
				n.ID = id
			}
		}
	}
	for _, p := range b.notes {
		n := p.note
		for k, l := range p.links {
			ref := b.notes[l].note.ID
			if _, persona := bmc.PersonaRef(p.refs[k]); persona != "" {
				ref += "/" + persona
			}
			n.Segments = append(n.Segments, ref)
		}
		for _, l := range p.noteLinks {
			n.Links = append(n.Links, b.notes[l].note.ID)
		}
		b.canvas.Blocks[p.block] = append(b.canvas.Blocks[p.block], n)
	}
	if err := b.canvas.Validate(); err != nil {
		return nil, fmt.Errorf("%s: the imported canvas breaks a rule of the format (a bug in bmcanvas): %w", b.File(), err)
	}
	return b.canvas, nil
}
