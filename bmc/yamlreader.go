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

// YAMLKind names a file format built on YAML in the messages of a
// YAMLReader.
type YAMLKind struct {
	// File names a file of the format: "canvas file".
	File string
	// Start is what such a file starts with: "\"format: bmcanvas/1\"".
	Start string
	// Keys are keys a file of the format has at its top, for the message
	// about a file that has none: "\"format:\" and \"blocks:\"".
	Keys string
	// LongKey tells what a key longer than YAML reads most likely is
	// meant to be: "\"text\": if this is a note, write it as - text: …".
	LongKey string
	// Quoted is a value of the format written with the quotes text needs
	// when it holds ": ": "text: \"Wages: 2 bakers\"".
	Quoted string
	// Part names the YAML at the start of messages about the whole of it
	// when it is a part of another file: "front matter".
	Part string
}

// whole starts a message about the whole YAML: "front matter: " for YAML
// that is a part of another file.
func (r *YAMLReader) whole() string {
	if r.kind.Part == "" {
		return ""
	}
	return r.kind.Part + ": "
}

// YAMLReader reads the one YAML document of a file for the reader of a
// format built on YAML: the canvas decoder and the BMML importer. It
// checks the bytes before YAML sees them, parses, refuses anchors and
// aliases (a small file could expand into a huge one) and second
// documents, and gathers the problems it and its reader find, each
// located as a text editor numbers lines.
type YAMLReader struct {
	*Problems
	kind YAMLKind
	// breaks lists the line breaks YAML counts but text editors do not
	// (NEL, U+2028, U+2029), to report lines as editors number them.
	breaks []yamlBreak
	// lines is how many lines of its file come before the YAML.
	lines int
}

// NewYAMLReader returns a reader of the named file, of the kind given.
func NewYAMLReader(file string, kind YAMLKind) *YAMLReader {
	return &YAMLReader{Problems: NewProblems(file), kind: kind}
}

// NewEmbeddedYAMLReader returns a reader of YAML that stands in another
// file after its first lines lines, such as a Markdown file's front
// matter: it reports its problems, located in that file, to p.
func NewEmbeddedYAMLReader(p *Problems, kind YAMLKind, lines int) *YAMLReader {
	return &YAMLReader{Problems: p, kind: kind, lines: lines}
}

// yamlBreak is a line break that YAML counts and editors do not: YAML's
// line line starts at the editor's column col.
type yamlBreak struct{ line, col int }

// Read checks and parses data and returns the top mapping of its one
// document, or nil when it cannot: the problems say why.
func (r *YAMLReader) Read(data []byte) (top *yaml.Node) {
	defer func() {
		if v := recover(); v != nil { // the YAML parser is not ours: never let it crash the app
			r.Add(Position{}, fmt.Sprintf("cannot parse the file: %v", v))
			top = nil
		}
	}()
	before := r.Len()
	if r.scan(data); r.Len() > before {
		return nil
	}
	return r.parse(data)
}

// Pos returns where node n starts, as an editor numbers lines and
// columns; zero for nil.
func (r *YAMLReader) Pos(n *yaml.Node) Position {
	if n == nil {
		return Position{}
	}
	return r.position(n.Line, n.Column)
}

// Errorf records a problem at node n (nil for the start of the file).
// The strings among args, values from the file, are quoted shortened: a
// value can be megabytes long.
func (r *YAMLReader) Errorf(n *yaml.Node, format string, args ...any) {
	for i, a := range args {
		if v := reflect.ValueOf(a); v.Kind() == reflect.String {
			args[i] = truncate(v.String(), 60)
		}
	}
	r.Addf(r.Pos(n), format, args...)
}

// position turns a YAML line and column into an editor's.
func (r *YAMLReader) position(line, col int) Position {
	i := sort.Search(len(r.breaks), func(i int) bool { return r.breaks[i].line > line })
	if col == 0 {
		return Position{Line: line - i + r.lines}
	}
	if i > 0 && r.breaks[i-1].line == line {
		col += r.breaks[i-1].col - 1
	}
	return Position{Line: line - i + r.lines, Column: col}
}

// scan checks the bytes before YAML sees them: every byte that is not
// UTF-8 and every control character gets its own located problem. It also
// notes the line breaks YAML counts and editors do not.
func (r *YAMLReader) scan(data []byte) {
	line, col, yline := 1, 1, 1
	for i := 0; i < len(data); {
		c, size := rune(data[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRune(data[i:])
		}
		switch {
		case c == utf8.RuneError && size <= 1:
			r.Addf(Position{line + r.lines, col}, "byte 0x%02X is not valid UTF-8: save the file as UTF-8 text", data[i])
		case c == '\n' || c == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			line, col, yline = line+1, 0, yline+1
		case c == 0x85 || c == 0x2028 || c == 0x2029:
			yline++
			r.breaks = append(r.breaks, yamlBreak{yline, col + 1})
		case !yamlAllows(c):
			r.Addf(Position{line + r.lines, col}, "control character %s is not allowed in a %s: remove it", runeName(c), r.kind.File)
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
func (r *YAMLReader) parse(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) { // nothing but blanks and comments
			if r.lines == 0 { // YAML inside another file may be empty
				r.Addf(Position{}, "the file is empty; a %s starts with %s", r.kind.File, r.kind.Start)
			}
		} else {
			r.syntaxError(data, err)
		}
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		r.Errorf(&extra, "a second YAML document (after \"---\"); a %s holds one", r.kind.File)
		return nil
	}
	if !r.refuseAliases(&doc) {
		return nil
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		n := &doc
		if len(doc.Content) > 0 {
			n = doc.Content[0]
		}
		r.Errorf(n, "%sexpected a mapping of keys such as %s, found %s", r.whole(), r.kind.Keys, DescribeNode(n))
		return nil
	}
	return doc.Content[0]
}

// syntaxError records a YAML syntax error with its line and a hint.
func (r *YAMLReader) syntaxError(data []byte, err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1 // yaml.v3 names no line for its first
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		// yaml.v3 counts lines from 0 in parser errors (those that did not
		// find something expected), from 1 in scanner errors.
		if strings.HasPrefix(msg, "did not find expected") {
			line++
		}
	}
	p := r.position(line, 0)
	switch {
	case strings.Contains(msg, "could not find expected ':'") && longKey(data, line):
		r.Addf(p, "%sa key is longer than 1,024 characters; keys are short names such as %s", r.whole(), r.kind.LongKey)
		return
	case strings.Contains(msg, "expected ',' or '}'") || strings.Contains(msg, "expected ',' or ']'") ||
		strings.Contains(msg, "mapping values are not allowed"):
		msg += fmt.Sprintf(` (text that contains ": ", "#", "," or brackets must be quoted: %s)`, r.kind.Quoted)
	case strings.Contains(msg, "found a tab character"):
		msg += " (indent with spaces, not tabs)"
	case strings.Contains(msg, "did not find expected key") || strings.Contains(msg, "did not find expected '-'"):
		msg += " near here: check that the lines are indented alike"
	}
	r.Add(p, truncate(r.whole()+"YAML syntax: "+msg, 400))
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

// refuseAliases rejects anchors and aliases, which no file of ours needs
// and which could make a small file expand into a huge one.
func (r *YAMLReader) refuseAliases(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		r.Errorf(n, "YAML anchors and aliases (&name, *name) are not allowed in a %s: write the values out", r.kind.File)
		return false
	}
	for _, child := range n.Content {
		if !r.refuseAliases(child) {
			return false
		}
	}
	return true
}

// DescribeNode says what a YAML node holds, for messages that say what
// was found instead of what was expected: "a list", "a mapping",
// "nothing" or the value quoted, shortened.
func DescribeNode(n *yaml.Node) string {
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

// Keys returns the value node of each key of mapping m, reporting keys
// that are no plain names and keys given twice. A key outside known is
// passed to unknown, which may let it be (an importer skips what it does
// not know, twice or not); with unknown nil it is reported as unknown.
// where names the mapping in messages ("note", "meta"; "" for the top).
func (r *YAMLReader) Keys(m *yaml.Node, known []string, where string, unknown func(k *yaml.Node)) map[string]*yaml.Node {
	in := func() string { // the messages' start, made only for a message
		if where == "" {
			return ""
		}
		return where + ": "
	}
	out := make(map[string]*yaml.Node, len(m.Content)/2)
	// seen finds the keys seen. A mapping has a dozen keys at most (of a
	// note, of the canvas), for which a list is quicker than another map
	// per note; a foreign file may have a million, for which it is not.
	var seen keySet
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			r.Errorf(k, "%skeys must be plain names, found %s", in(), DescribeNode(k))
			continue
		}
		if unknown != nil && !contains(known, k.Value) {
			unknown(k)
			continue
		}
		if first := seen.add(k); first != nil {
			r.Errorf(k, "%skey %q appears twice (first on line %d)", in(), k.Value, r.Pos(first).Line)
			continue
		}
		if !contains(known, k.Value) {
			r.Errorf(k, "%sunknown key %q%s", in(), k.Value, suggestion(k.Value, known))
			continue
		}
		out[k.Value] = v
	}
	return out
}

// keySet is the keys of a mapping seen so far: a list while they are few,
// a map once they are many.
type keySet struct {
	list []*yaml.Node
	set  map[string]*yaml.Node
}

// add adds key k and returns nil, or the key of that name seen before.
func (s *keySet) add(k *yaml.Node) *yaml.Node {
	const few = 32
	if s.set != nil {
		if first := s.set[k.Value]; first != nil {
			return first
		}
		s.set[k.Value] = k
		return nil
	}
	if j := slices.IndexFunc(s.list, func(prev *yaml.Node) bool { return prev.Value == k.Value }); j >= 0 {
		return s.list[j]
	}
	s.list = append(s.list, k)
	if len(s.list) > few {
		s.set = make(map[string]*yaml.Node, 2*few)
		for _, prev := range s.list {
			s.set[prev.Value] = prev
		}
		s.list = nil
	}
	return nil
}

// Text reads a single-line or multi-line text value; null reads as "".
// key names the value in messages.
func (r *YAMLReader) Text(v *yaml.Node, key string) string {
	if v == nil || v.Tag == "!!null" {
		return ""
	}
	if v.Kind != yaml.ScalarNode {
		r.Errorf(v, "%s must be text, found %s", key, DescribeNode(v))
		return ""
	}
	return v.Value
}

// List returns the entries of a list; null reads as none. key names the
// value in messages; like names an example of such a list, if any.
func (r *YAMLReader) List(v *yaml.Node, key, like string) []*yaml.Node {
	if v == nil || v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		if like != "" {
			like = " such as " + like
		}
		r.Errorf(v, "%s must be a list%s, found %s", key, like, DescribeNode(v))
		return nil
	}
	return v.Content
}
