package bmc

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// FormatVersion is the format line this version of bmcanvas writes and reads.
const FormatVersion = "bmcanvas/1"

// MaxFileSize is the largest canvas file Load accepts.
const MaxFileSize = 8 << 20

// maxErrors caps how many problems one Load reports.
const maxErrors = 50

// The keys of the format, in the order they are written.
var (
	topKeys  = []string{"format", "template", "title", "designed_for", "designed_by", "date", "version", "currency", "view", "blocks"}
	noteKeys = []string{"id", "text", "color", "segments", "status", "evidence", "tags", "amount", "period"}
	viewKeys = []string{"backstage"}
)

// Load parses a canvas in the bmcanvas/1 YAML format. name is used in error
// messages, usually the file's path. Every problem found is reported as an
// *Error with its line and column, gathered in an Errors value.
func Load(name string, data []byte) (c *Canvas, err error) {
	defer func() {
		if r := recover(); r != nil { // the YAML parser is not ours: never let it crash the app
			c, err = nil, Errors{{File: name, Msg: fmt.Sprintf("cannot parse the file: %v", r)}}
		}
	}()
	if len(data) > MaxFileSize {
		return nil, Errors{{File: name, Msg: fmt.Sprintf("file is %.1f MiB; a canvas file may be at most %d MiB", float64(len(data))/(1<<20), MaxFileSize>>20)}}
	}
	if !utf8.Valid(data) {
		line, col := invalidUTF8(data)
		return nil, Errors{{File: name, Line: line, Column: col, Msg: "the file is not valid UTF-8 text; save it as UTF-8"}}
	}
	if c, ok := fastLoad(data); ok {
		return c, nil
	}
	return slowLoad(name, data)
}

// Decode is Load that also tells where each part of the canvas stands in
// the file.
func Decode(name string, data []byte) (*Canvas, *Source, error) {
	c, err := Load(name, data)
	return c, &Source{File: name}, err
}

// slowLoad parses any YAML with yaml.v3 and reports every problem.
func slowLoad(name string, data []byte) (*Canvas, error) {
	d := &decoder{file: name}
	root, err := d.parse(data)
	if err != nil {
		return nil, err
	}
	c := d.canvas(root)
	if len(d.errs) > 0 {
		sort.SliceStable(d.errs, func(i, j int) bool {
			a, b := d.errs[i], d.errs[j]
			return a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column)
		})
		return nil, d.errs
	}
	return c, nil
}

// invalidUTF8 returns the line and column of the first byte that is not
// valid UTF-8.
func invalidUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col
}

// decoder walks a parsed YAML tree and builds a canvas, gathering errors.
type decoder struct {
	file string
	errs Errors
}

// full reports whether no more problems will be recorded.
func (d *decoder) full() bool { return len(d.errs) >= maxErrors }

// errorf records a problem at node n (nil for the start of the file).
func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	if len(d.errs) >= maxErrors {
		return
	}
	for i, a := range args { // quote values from the file shortened: a value can be megabytes long
		if v := reflect.ValueOf(a); v.Kind() == reflect.String {
			args[i] = truncate(v.String(), 60)
		}
	}
	e := &Error{File: d.file, Msg: truncate(fmt.Sprintf(format, args...), 400)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (d *decoder) parse(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			return nil, Errors{{File: d.file, Msg: "the file is empty; a canvas file starts with \"format: " + FormatVersion + "\""}}
		}
		return nil, Errors{syntaxError(d.file, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Errors{{File: d.file, Line: extra.Line, Column: extra.Column, Msg: "a second YAML document (after \"---\"); a canvas file holds one"}}
	}
	if err := d.refuseAliases(&doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		n := &doc
		if len(doc.Content) > 0 {
			n = doc.Content[0]
		}
		return nil, Errors{{File: d.file, Line: n.Line, Column: n.Column, Msg: "expected a mapping of keys such as \"format:\" and \"blocks:\", found " + kindName(n)}}
	}
	return doc.Content[0], nil
}

func syntaxError(file string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &Error{File: file}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
		// yaml.v3 counts lines from 0 in parser errors (those that did not
		// find something expected), from 1 in scanner errors.
		if strings.HasPrefix(msg, "did not find expected") {
			e.Line++
		}
	}
	e.Msg = "YAML syntax: " + msg
	switch {
	case strings.Contains(msg, "expected ',' or '}'") || strings.Contains(msg, "expected ',' or ']'") ||
		strings.Contains(msg, "mapping values are not allowed"):
		e.Msg += ` (text that contains ": ", "#", "," or brackets must be quoted: text: "Wages: 2 bakers")`
	case strings.Contains(msg, "found a tab character"):
		e.Msg += " (indent with spaces, not tabs)"
	case strings.Contains(msg, "did not find expected key") || strings.Contains(msg, "did not find expected '-'"):
		e.Msg += " near here: check that the lines are indented alike"
	}
	return e
}

// refuseAliases rejects anchors and aliases, which a canvas never needs and
// which could make a small file expand into a huge one.
func (d *decoder) refuseAliases(n *yaml.Node) error {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return Errors{{File: d.file, Line: n.Line, Column: n.Column, Msg: "YAML anchors and aliases (&name, *name) are not allowed in a canvas file"}}
	}
	for _, child := range n.Content {
		if err := d.refuseAliases(child); err != nil {
			return err
		}
	}
	return nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", truncate(n.Value, 40))
	}
	return "nothing"
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// pairs returns the key/value pairs of a mapping, reporting unknown and
// duplicate keys. where names the mapping in messages.
func (d *decoder) pairs(m *yaml.Node, known []string, where string) map[string][2]*yaml.Node {
	out := map[string][2]*yaml.Node{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "%s: keys must be plain names, found %s", where, kindName(k))
			continue
		}
		if prev, dup := out[k.Value]; dup {
			d.errorf(k, "%s: key %q appears twice (first on line %d)", where, k.Value, prev[0].Line)
			continue
		}
		if !contains(known, k.Value) {
			if !d.full() {
				d.errorf(k, "%s: unknown key %q%s", where, k.Value, suggestion(k.Value, known))
			}
			continue
		}
		out[k.Value] = [2]*yaml.Node{k, v}
	}
	return out
}

// str reads a single-line or multi-line text value; null reads as "".
func (d *decoder) str(v *yaml.Node, key string) string {
	if v == nil || v.Tag == "!!null" {
		return ""
	}
	if v.Kind != yaml.ScalarNode {
		d.errorf(v, "%s must be text, found %s", key, kindName(v))
		return ""
	}
	return v.Value
}

func (d *decoder) oneLine(v *yaml.Node, key string) string {
	s := d.str(v, key)
	if strings.ContainsAny(s, "\r\n") {
		d.errorf(v, "%s must be a single line", key)
	}
	return s
}

func (d *decoder) strList(v *yaml.Node, key string) []string {
	if v == nil || v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "%s must be a list such as [a, b], found %s", key, kindName(v))
		return nil
	}
	var out []string
	for _, item := range v.Content {
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			d.errorf(item, "each entry of %s must be text, found %s", key, kindName(item))
			continue
		}
		out = append(out, item.Value)
	}
	return out
}

func (d *decoder) canvas(top *yaml.Node) *Canvas {
	var format *yaml.Node
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == "format" {
			format = top.Content[i+1]
		}
	}
	if !d.format(top, format) {
		return nil
	}
	p := d.pairs(top, topKeys, "canvas")
	tv := p["template"][1]
	tid := d.str(tv, "template")
	if tv == nil {
		d.errorf(top, "missing \"template:\" (one of %s)", strings.Join(TemplateIDs(), ", "))
		return nil
	}
	c, err := New(tid)
	if err != nil {
		d.errorf(tv, "%v", err)
		return nil
	}
	c.Title = d.oneLine(p["title"][1], "title")
	c.DesignedFor = d.oneLine(p["designed_for"][1], "designed_for")
	c.DesignedBy = d.oneLine(p["designed_by"][1], "designed_by")
	c.Date = d.oneLine(p["date"][1], "date")
	c.Version = d.oneLine(p["version"][1], "version")
	c.Currency = d.oneLine(p["currency"][1], "currency")
	d.view(c, p["view"][1])
	d.blocks(c, p["blocks"][1])
	return c
}

func (d *decoder) format(top, v *yaml.Node) bool {
	if v == nil {
		d.errorf(top, "missing \"format: %s\": is this a bmcanvas file?", FormatVersion)
		return false
	}
	f := d.str(v, "format")
	if f == FormatVersion {
		return true
	}
	if rest, ok := strings.CutPrefix(f, "bmcanvas/"); ok {
		if n, err := strconv.Atoi(rest); err == nil && n > 1 {
			d.errorf(v, "format %q was made by a newer bmcanvas; this version reads %s: please update bmcanvas", f, FormatVersion)
			return false
		}
	}
	d.errorf(v, "unknown format %q; expected %q", f, FormatVersion)
	return false
}

func (d *decoder) view(c *Canvas, v *yaml.Node) {
	if v == nil || v.Tag == "!!null" {
		return
	}
	if v.Kind != yaml.MappingNode {
		d.errorf(v, "view must be a mapping such as {backstage: shown}, found %s", kindName(v))
		return
	}
	p := d.pairs(v, viewKeys, "view")
	if bv := p["backstage"][1]; bv != nil {
		switch b := Backstage(d.str(bv, "backstage")); b {
		case BackstageShown:
			c.View.Backstage = b
		case BackstageHidden:
			if !c.Template().HasBackstage() {
				d.errorf(bv, "the %s has no backstage to hide; remove the view line", c.Template().Name)
			}
			c.View.Backstage = b
		default:
			d.errorf(bv, "backstage must be \"shown\" or \"hidden\", not %q", b)
		}
	}
}

// located remembers where each note came from, for messages that need the
// whole canvas (duplicate IDs, links).
type located struct {
	block string
	index int
	node  *yaml.Node
	id    *yaml.Node
	segs  *yaml.Node
}

func (d *decoder) blocks(c *Canvas, v *yaml.Node) {
	if v == nil || v.Tag == "!!null" {
		return
	}
	if v.Kind != yaml.MappingNode {
		d.errorf(v, "blocks must be a mapping of block names to lists of notes, found %s", kindName(v))
		return
	}
	t := c.Template()
	var all []located
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, list := v.Content[i], v.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "block names must be plain names, found %s", kindName(k))
			continue
		}
		if _, ok := t.Block(k.Value); !ok && d.full() {
			continue
		} else if !ok {
			if hint := suggestion(k.Value, t.BlockIDs()); hint != "" {
				d.errorf(k, "unknown block %q%s", k.Value, hint)
			} else {
				d.errorf(k, "unknown block %q; the %s has %s", k.Value, t.Name, strings.Join(t.BlockIDs(), ", "))
			}
			continue
		}
		if _, dup := c.Blocks[k.Value]; dup {
			d.errorf(k, "block %q appears twice", k.Value)
			continue
		}
		c.Blocks[k.Value] = nil
		if list.Tag == "!!null" {
			continue
		}
		if list.Kind != yaml.SequenceNode {
			d.errorf(list, "block %s must be a list of notes, found %s", k.Value, kindName(list))
			continue
		}
		for _, item := range list.Content {
			n, loc, ok := d.note(item)
			if !ok {
				continue
			}
			loc.block, loc.index = k.Value, len(c.Blocks[k.Value])
			c.Blocks[k.Value] = append(c.Blocks[k.Value], n)
			all = append(all, loc)
		}
	}
	for id, notes := range c.Blocks {
		if len(notes) == 0 {
			delete(c.Blocks, id)
		}
	}
	d.checkIDs(c, all)
}

func (d *decoder) note(item *yaml.Node) (Note, located, bool) {
	loc := located{node: item}
	if item.Kind == yaml.ScalarNode && item.Tag != "!!null" { // "- some text": a note with only text
		n := Note{Text: item.Value}
		n.normalize()
		return n, loc, true
	}
	if item.Kind != yaml.MappingNode {
		d.errorf(item, "a note must be a mapping such as {id: n1, text: …, color: yellow}, found %s", kindName(item))
		return Note{}, loc, false
	}
	p := d.pairs(item, noteKeys, "note")
	n := Note{
		ID:       d.oneLine(p["id"][1], "id"),
		Text:     d.str(p["text"][1], "text"),
		Color:    Color(d.str(p["color"][1], "color")),
		Segments: d.strList(p["segments"][1], "segments"),
		Status:   Status(d.str(p["status"][1], "status")),
		Evidence: d.str(p["evidence"][1], "evidence"),
		Tags:     d.strList(p["tags"][1], "tags"),
		Period:   Period(d.str(p["period"][1], "period")),
	}
	loc.id, loc.segs = p["id"][1], p["segments"][1]
	if av := p["amount"][1]; av != nil && av.Tag != "!!null" {
		n.Amount = d.amount(av)
	}
	n.normalize()
	at := func(key string) *yaml.Node {
		if v := p[key][1]; v != nil {
			return v
		}
		return item
	}
	switch {
	case n.Color != "" && !n.Color.Valid():
		d.errorf(at("color"), "unknown colour %q%s; colours are %s", n.Color, suggestion(string(n.Color), strs(Palette)), joinQuoted(Palette))
	case !n.Status.Valid():
		d.errorf(at("status"), "unknown status %q%s; statuses are %s", n.Status, suggestion(string(n.Status), strs(Statuses)), joinQuoted(Statuses))
	case n.Period != "" && !n.Period.Valid():
		d.errorf(at("period"), "unknown period %q%s; periods are %s", n.Period, suggestion(string(n.Period), strs(Periods)), joinQuoted(Periods))
	case n.ID != "" && CheckID(n.ID) != nil:
		d.errorf(at("id"), "%v", CheckID(n.ID))
	default:
		// The rest of the note's rules, also for notes that get their ID
		// only later, so that nothing loads that would not save and load.
		probe := n
		probe.ID = "probe"
		if err := probe.check(); err != nil {
			key := ""
			switch msg := err.Error(); {
			case strings.Contains(msg, "tag"):
				key = "tags"
			case strings.Contains(msg, "period"):
				key = "period"
			}
			d.errorf(at(key), "%v", err)
		}
	}
	return n, loc, true // kept even when wrong, so links to it do not add errors
}

func (d *decoder) amount(v *yaml.Node) *float64 {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!str" {
		if _, err := strconv.ParseFloat(strings.TrimSpace(v.Value), 64); err == nil {
			d.errorf(v, "amount must be a number: write it without quotes, as amount: %s", strings.TrimSpace(v.Value))
			return nil
		}
	}
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float") {
		d.errorf(v, "amount must be a number such as 1200 or 9.99, found %s", kindName(v))
		return nil
	}
	var f float64
	if err := v.Decode(&f); err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		d.errorf(v, "amount %q is not a finite number", v.Value)
		return nil
	}
	return &f
}

// checkIDs reports duplicate IDs and dangling segment links, then gives
// notes without an ID a new one.
func (d *decoder) checkIDs(c *Canvas, all []located) {
	first := map[string]*yaml.Node{}
	for _, l := range all {
		n := c.Blocks[l.block][l.index]
		if n.ID == "" {
			continue
		}
		if prev, dup := first[n.ID]; dup {
			d.errorf(l.id, "duplicate note id %q (first used on line %d)", n.ID, prev.Line)
			continue
		}
		first[n.ID] = l.id
	}
	segments, newID := c.segmentSet(), c.idSource()
	for _, l := range all {
		n := &c.Blocks[l.block][l.index]
		if err := c.checkLinks(n, segments); err != nil {
			d.errorf(l.segs, "%v", err)
		}
		if n.ID == "" {
			n.ID = newID()
		}
	}
}

func strs[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}
