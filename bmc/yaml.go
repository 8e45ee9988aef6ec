package bmc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// FormatVersion is the format line this version of bmcanvas writes and reads.
const FormatVersion = "bmcanvas/1"

// maxErrors caps how many problems one Load lists; the rest are counted.
const maxErrors = 50

// The keys of the format, in the order they are written.
var (
	topKeys  = [...]string{"format", "template", "title", "designed_for", "designed_by", "date", "version", "currency", "view", "vote", "blocks"}
	noteKeys = [...]string{"id", "text", "color", "personas", "segments", "links", "status", "evidence", "tags", "amount", "period", "votes"}
	viewKeys = [...]string{"backstage"}
	voteKeys = [...]string{"dots", "ballots"}
)

// Load parses a canvas in the bmcanvas/1 YAML format. name is used in error
// messages, usually the file's path. Every problem found is reported as an
// *Error with its line and column, gathered in an Errors value.
func Load(name string, data []byte) (*Canvas, error) {
	c, _, err := decode(name, data, false)
	return c, err
}

// Decode is Load that also tells where each part of the canvas stands in
// the file. It is the one way a canvas enters the program: the YAML
// decoder reads the file, then the rules of rules.go check the canvas and
// each problem is located in the file.
func Decode(name string, data []byte) (c *Canvas, src *Source, err error) {
	return decode(name, data, true)
}

// decode is Decode; it leaves src nil unless withSource is set (Load
// has no use for the positions of a thousand notes).
func decode(name string, data []byte, withSource bool) (c *Canvas, src *Source, err error) {
	defer func() {
		if r := recover(); r != nil { // the YAML parser is not ours: never let it crash the app
			c, src, err = nil, nil, Errors{{File: name, Msg: fmt.Sprintf("cannot parse the file: %v", r)}}
		}
	}()
	if len(data) > MaxFileSize {
		return nil, nil, Errors{{File: name, Msg: tooBig("canvas file", int64(len(data)), MaxFileSize)}}
	}
	d := &decoder{file: name}
	if d.scan(data); len(d.errs) > 0 {
		return nil, nil, d.result()
	}
	root := d.parse(data)
	if root == nil {
		return nil, nil, d.result()
	}
	if c = d.canvas(root); c != nil {
		d.check(c)
	}
	if c == nil || len(d.errs) > 0 {
		return nil, nil, d.result()
	}
	if withSource {
		src = d.source(c)
	}
	return c, src, nil
}

// decoder walks a parsed YAML tree and builds a canvas, gathering errors.
type decoder struct {
	file string
	errs Errors
	// more counts the problems past maxErrors.
	more int
	// breaks lists the line breaks YAML counts but text editors do not
	// (NEL, U+2028, U+2029), to report lines as editors number them.
	breaks []yamlBreak
	// Where things were, for locating problems and for Source.
	header    map[string]*yaml.Node
	blockKeys map[string]*yaml.Node
	noteLocs  map[string][]located
}

// located remembers a note's node and the value node of each of its keys.
type located struct {
	item *yaml.Node
	keys map[string]*yaml.Node
}

// at returns the node of the note's key, or the note itself.
func (l located) at(key string) *yaml.Node {
	if v := l.keys[key]; v != nil {
		return v
	}
	return l.item
}

// yamlBreak is a line break that YAML counts and editors do not: YAML's
// line line starts at the editor's column col.
type yamlBreak struct{ line, col int }

// position turns a YAML line and column into an editor's.
func (d *decoder) position(line, col int) Position {
	i := sort.Search(len(d.breaks), func(i int) bool { return d.breaks[i].line > line })
	if col == 0 {
		return Position{Line: line - i}
	}
	if i > 0 && d.breaks[i-1].line == line {
		col += d.breaks[i-1].col - 1
	}
	return Position{Line: line - i, Column: col}
}

// errorAt records a problem at a position (zero for the whole file).
// Values from the file are quoted shortened: a value can be megabytes long.
func (d *decoder) errorAt(p Position, format string, args ...any) {
	for i, a := range args {
		if v := reflect.ValueOf(a); v.Kind() == reflect.String {
			args[i] = truncate(v.String(), 60)
		}
	}
	d.add(p, truncate(fmt.Sprintf(format, args...), 400))
}

// errorf records a problem at node n (nil for the start of the file).
func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errorAt(d.nodePosition(n), format, args...)
}

// add records a message made short already, or counts it past the cap.
func (d *decoder) add(p Position, msg string) {
	if len(d.errs) >= maxErrors {
		d.more++
		return
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: p.Line, Column: p.Column, Msg: msg})
}

// nodePosition returns where node n starts; zero for nil.
func (d *decoder) nodePosition(n *yaml.Node) Position {
	if n == nil {
		return Position{}
	}
	return d.position(n.Line, n.Column)
}

// result returns the problems in file order, with a last line counting
// those past the cap.
func (d *decoder) result() Errors {
	sort.SliceStable(d.errs, func(i, j int) bool {
		a, b := d.errs[i], d.errs[j]
		return a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column)
	})
	if d.more > 0 {
		word := "problems"
		if d.more == 1 {
			word = "problem"
		}
		return append(d.errs, &Error{File: d.file, Msg: fmt.Sprintf("… and %d more %s", d.more, word)})
	}
	return d.errs
}

// scan checks the bytes before YAML sees them: every byte that is not
// UTF-8 and every control character gets its own located problem. It also
// notes the line breaks YAML counts and editors do not.
func (d *decoder) scan(data []byte) {
	line, col, yline := 1, 1, 1
	for i := 0; i < len(data); {
		r, size := rune(data[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(data[i:])
		}
		switch {
		case r == utf8.RuneError && size <= 1:
			d.errorAt(Position{line, col}, "byte 0x%02X is not valid UTF-8: save the file as UTF-8 text", data[i])
		case r == '\n' || r == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			line, col, yline = line+1, 0, yline+1
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			yline++
			d.breaks = append(d.breaks, yamlBreak{yline, col + 1})
		case !yamlAllows(r):
			d.errorAt(Position{line, col}, "control character %s is not allowed in a canvas file: remove it", runeName(r))
		}
		i += size
		col++
	}
}

// yamlAllows reports whether YAML lets r stand in a file (YAML 1.2,
// section 5.1, as go.yaml.in/yaml/v3 checks it).
func yamlAllows(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0x7e || r == 0x85 ||
		r >= 0xa0 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff
}

// runeName names a control character for messages, as U+001B (ESC).
func runeName(r rune) string {
	names := map[rune]string{0: "NUL", 7: "BEL", 8: "BS", 0xb: "VT", 0xc: "FF", 0x1b: "ESC", 0x7f: "DEL", 0xfffe: "noncharacter", 0xffff: "noncharacter"}
	if n, ok := names[r]; ok {
		return fmt.Sprintf("U+%04X (%s)", r, n)
	}
	return fmt.Sprintf("U+%04X", r)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse reads the one YAML document of the file and returns its top
// mapping, or nil after recording why it cannot.
func (d *decoder) parse(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.errorAt(Position{}, "the file is empty; a canvas file starts with \"format: %s\"", FormatVersion)
		} else {
			d.syntaxError(data, err)
		}
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.errorf(&extra, "a second YAML document (after \"---\"); a canvas file holds one")
		return nil
	}
	if !d.refuseAliases(&doc) {
		return nil
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		n := &doc
		if len(doc.Content) > 0 {
			n = doc.Content[0]
		}
		d.errorf(n, "expected a mapping of keys such as \"format:\" and \"blocks:\", found %s", kindName(n))
		return nil
	}
	return doc.Content[0]
}

// syntaxError records a YAML syntax error with its line and a hint.
func (d *decoder) syntaxError(data []byte, err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var p Position
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		msg = m[2]
		// yaml.v3 counts lines from 0 in parser errors (those that did not
		// find something expected), from 1 in scanner errors.
		if strings.HasPrefix(msg, "did not find expected") {
			line++
		}
		p = d.position(line, 0)
	}
	switch {
	case strings.Contains(msg, "could not find expected ':'") && longKey(data, p.Line):
		d.errorAt(p, "a key is longer than 1,024 characters; keys are short names such as \"text\": if this is a note, write it as - text: …")
		return
	case strings.Contains(msg, "expected ',' or '}'") || strings.Contains(msg, "expected ',' or ']'") ||
		strings.Contains(msg, "mapping values are not allowed"):
		msg += ` (text that contains ": ", "#", "," or brackets must be quoted: text: "Wages: 2 bakers")`
	case strings.Contains(msg, "found a tab character"):
		msg += " (indent with spaces, not tabs)"
	case strings.Contains(msg, "did not find expected key") || strings.Contains(msg, "did not find expected '-'"):
		msg += " near here: check that the lines are indented alike"
	}
	d.errorAt(p, "YAML syntax: %s", msg)
}

// longKey reports whether the text on line (from 1) or the line before
// it holds more than 1,024 characters before its first ": ", the longest
// key YAML reads.
func longKey(data []byte, line int) bool {
	lines := bytes.SplitN(data, []byte("\n"), line+1)
	for _, i := range []int{line - 1, line - 2} {
		if i >= 0 && i < len(lines) {
			if k := bytes.Index(lines[i], []byte(": ")); k > 0 && utf8.RuneCount(lines[i][:k]) > 1024 {
				return true
			}
		}
	}
	return false
}

// refuseAliases rejects anchors and aliases, which a canvas never needs and
// which could make a small file expand into a huge one.
func (d *decoder) refuseAliases(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		d.errorf(n, "YAML anchors and aliases (&name, *name) are not allowed in a canvas file")
		return false
	}
	for _, child := range n.Content {
		if !d.refuseAliases(child) {
			return false
		}
	}
	return true
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
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// pairs returns the value node of each key of a mapping, reporting unknown
// and duplicate keys. where names the mapping in messages.
func (d *decoder) pairs(m *yaml.Node, known []string, where string) map[string]*yaml.Node {
	out := make(map[string]*yaml.Node, len(m.Content)/2)
	// keys are the keys seen: a mapping has a dozen at most (of a note,
	// of the canvas), so a list is quicker than another map per note.
	keys := make([]*yaml.Node, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "%s: keys must be plain names, found %s", where, kindName(k))
			continue
		}
		if j := slices.IndexFunc(keys, func(prev *yaml.Node) bool { return prev.Value == k.Value }); j >= 0 {
			d.errorf(k, "%s: key %q appears twice (first on line %d)", where, k.Value, d.nodePosition(keys[j]).Line)
			continue
		}
		keys = append(keys, k)
		if !contains(known, k.Value) {
			d.errorf(k, "%s: unknown key %q%s", where, k.Value, suggestion(k.Value, known))
			continue
		}
		out[k.Value] = v
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

func (d *decoder) strList(v *yaml.Node, key string) []string {
	if v == nil || v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "%s must be a list such as [a, b], found %s", key, kindName(v))
		return nil
	}
	out := make([]string, 0, len(v.Content))
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
	d.header = d.pairs(top, topKeys[:], "canvas")
	tv := d.header["template"]
	if tv == nil {
		d.errorf(top, "missing \"template:\" (one of %s)", strings.Join(TemplateIDs(), ", "))
		return nil
	}
	c, err := New(d.str(tv, "template"))
	if err != nil {
		d.errorf(tv, "%v", err)
		return nil
	}
	for _, f := range c.Meta.fields() {
		*f.value = d.str(d.header[f.key], f.key)
	}
	d.view(c, d.header["view"])
	d.vote(c, d.header["vote"])
	d.blocks(c, d.header["blocks"])
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
	p := d.pairs(v, viewKeys[:], "view")
	if bv := p["backstage"]; bv != nil {
		if b := d.str(bv, "backstage"); b != "" { // empty: the default
			c.View.Backstage = Backstage(b)
		}
		d.header["view"] = bv // where the rules' problems with it point
	}
}

// vote reads an open dot vote: {dots: 3, ballots: [[n1, n1, n4], [n2]]}.
func (d *decoder) vote(c *Canvas, v *yaml.Node) {
	if v == nil || v.Tag == "!!null" {
		return
	}
	if v.Kind != yaml.MappingNode {
		d.errorf(v, "vote must be a mapping such as {dots: 3, ballots: [[n1, n4]]}, found %s", kindName(v))
		return
	}
	errs := len(d.errs)
	p := d.pairs(v, voteKeys[:], "vote")
	if p["dots"] == nil {
		if len(d.errs) == errs { // a misspelt "dots" says enough
			d.errorf(v, "vote: missing \"dots:\", the number of dots each person places")
		}
		return
	}
	// Where the rules' problems with the vote point.
	d.header["vote.dots"], d.header["vote.ballots"] = p["dots"], p["ballots"]
	vote := &Vote{Dots: d.count(p["dots"], "dots")}
	if bv := p["ballots"]; bv != nil && bv.Tag != "!!null" {
		if bv.Kind != yaml.SequenceNode {
			d.errorf(bv, "ballots must be a list with one list of note ids per person, such as [[n1, n4], [n2]]; found %s", kindName(bv))
			return
		}
		for _, item := range bv.Content {
			vote.Ballots = append(vote.Ballots, d.strList(item, "a ballot"))
		}
	}
	vote.normalize()
	c.Vote = vote
}

// count reads a whole number of at least 0; nothing reads as 0.
func (d *decoder) count(v *yaml.Node, key string) int {
	if v == nil || v.Tag == "!!null" {
		return 0
	}
	var n int
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || v.Decode(&n) != nil {
		d.errorf(v, "%s must be a whole number such as 3, found %s", key, kindName(v))
		return 0
	}
	return n
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
	d.blockKeys, d.noteLocs = map[string]*yaml.Node{}, map[string][]located{}
	var unnamed []*Note
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, list := v.Content[i], v.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "block names must be plain names, found %s", kindName(k))
			continue
		}
		if _, ok := t.Block(k.Value); !ok {
			if hint := suggestion(k.Value, t.BlockIDs()); hint != "" {
				d.errorf(k, "unknown block %q%s", k.Value, hint)
			} else {
				d.errorf(k, "unknown block %q; the %s has %s", k.Value, t.Name, strings.Join(t.BlockIDs(), ", "))
			}
			continue
		}
		if prev, dup := d.blockKeys[k.Value]; dup {
			d.errorf(k, "block %q appears twice (first on line %d)", k.Value, d.nodePosition(prev).Line)
			continue
		}
		d.blockKeys[k.Value] = k
		if list.Tag == "!!null" {
			continue
		}
		if list.Kind != yaml.SequenceNode {
			d.errorf(list, "block %s must be a list of notes, found %s", k.Value, kindName(list))
			continue
		}
		notes := make([]Note, 0, len(list.Content))
		for _, item := range list.Content {
			if n, loc, ok := d.note(item); ok {
				notes = append(notes, n)
				d.noteLocs[k.Value] = append(d.noteLocs[k.Value], loc)
			}
		}
		if len(notes) > 0 {
			c.Blocks[k.Value] = notes
		}
	}
	// Notes written by hand without an ID get the next free one.
	for _, notes := range c.Blocks {
		for i := range notes {
			if notes[i].ID == "" {
				unnamed = append(unnamed, &notes[i])
			}
		}
	}
	if len(unnamed) > 0 {
		newID := c.idSource()
		for _, n := range unnamed {
			n.ID = newID()
		}
	}
}

func (d *decoder) note(item *yaml.Node) (Note, located, bool) {
	loc := located{item: item}
	if item.Kind == yaml.ScalarNode && item.Tag != "!!null" { // "- some text": a note with only text
		n := Note{Text: item.Value}
		n.normalize()
		return n, loc, true
	}
	if item.Kind != yaml.MappingNode {
		d.errorf(item, "a note must be a mapping such as {id: n1, text: …, color: yellow}, found %s", kindName(item))
		return Note{}, loc, false
	}
	p := d.pairs(item, noteKeys[:], "note")
	loc.keys = p
	n := Note{
		ID:       d.str(p["id"], "id"),
		Text:     d.str(p["text"], "text"),
		Color:    Color(d.str(p["color"], "color")),
		Personas: d.strList(p["personas"], "personas"),
		Segments: d.strList(p["segments"], "segments"),
		Links:    d.strList(p["links"], "links"),
		Status:   Status(d.str(p["status"], "status")),
		Evidence: d.str(p["evidence"], "evidence"),
		Tags:     d.strList(p["tags"], "tags"),
		Period:   Period(d.str(p["period"], "period")),
	}
	if av := p["amount"]; av != nil && av.Tag != "!!null" {
		n.Amount = d.amount(av)
	}
	n.Votes = d.count(p["votes"], "votes")
	n.normalize()
	return n, loc, true // kept even when wrong, so links to it do not add errors
}

// amount reads a number. The rules check its range; here only its form.
func (d *decoder) amount(v *yaml.Node) *float64 {
	if v.Kind != yaml.ScalarNode {
		d.errorf(v, "amount must be a number such as 1200 or 9.99, found %s", kindName(v))
		return nil
	}
	text := strings.TrimSpace(v.Value)
	if v.Tag == "!!str" {
		_, err := strconv.ParseFloat(text, 64)
		switch {
		case err == nil && v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
			d.errorf(v, "amount must be a number: write it without quotes, as amount: %s", text)
		case errors.Is(err, strconv.ErrRange):
			d.errorf(v, "amount %s is out of range: amounts lie between -%s and %s", text, formatNumber(MaxAmount), formatNumber(MaxAmount))
		default:
			d.errorf(v, "amount must be a number such as 1200 or 9.99, found %s", kindName(v))
		}
		return nil
	}
	var f float64
	if (v.Tag != "!!int" && v.Tag != "!!float") || v.Decode(&f) != nil {
		d.errorf(v, "amount must be a number such as 1200 or 9.99, found %s", kindName(v))
		return nil
	}
	return &f
}

// check runs the rulebook over the canvas read and locates each problem.
func (d *decoder) check(c *Canvas) {
	c.validate(func(p problem) bool {
		if p.index < 0 {
			d.add(d.nodePosition(d.header[p.key]), p.msg)
			return true
		}
		loc := d.noteLocs[p.block][p.index]
		if p.firstIndex >= 0 {
			first := d.noteLocs[p.firstBlock][p.firstIndex].at("id")
			p.msg += fmt.Sprintf(" (first used on line %d)", d.nodePosition(first).Line)
		}
		d.add(d.nodePosition(loc.at(p.key)), p.msg)
		return true
	})
}

// source returns where the blocks and notes of c stand in the file.
func (d *decoder) source(c *Canvas) *Source {
	s := &Source{File: d.file, blocks: make(map[string]Position, len(d.blockKeys)), notes: make(map[string]Position, c.NoteCount())}
	for id, k := range d.blockKeys {
		s.blocks[id] = d.nodePosition(k)
	}
	for block, notes := range c.Blocks {
		for i, n := range notes {
			s.notes[n.ID] = d.nodePosition(d.noteLocs[block][i].item)
		}
	}
	return s
}

func strs[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}
