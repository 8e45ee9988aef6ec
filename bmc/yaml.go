package bmc

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// FormatVersion is the format line this version of bmcanvas writes and reads.
const FormatVersion = "bmcanvas/1"

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
	d := &decoder{YAMLReader: NewYAMLReader(name, canvasFile)}
	root := d.Read(data)
	if root == nil {
		return nil, nil, d.list()
	}
	if c = d.canvas(root); c != nil {
		d.check(c)
	}
	if c == nil || d.Len() > 0 {
		return nil, nil, d.list()
	}
	if withSource {
		src = d.source(c)
	}
	return c, src, nil
}

// decoder walks a parsed YAML tree and builds a canvas, gathering errors.
type decoder struct {
	*YAMLReader
	// Where things were, for locating problems and for Source.
	header    map[string]*yaml.Node
	blockKeys map[string]*yaml.Node
	noteLocs  map[string][]located
}

// canvasFile names the canvas format in the messages of its reader.
var canvasFile = YAMLKind{
	File:    "canvas file",
	Start:   fmt.Sprintf("%q", "format: "+FormatVersion),
	Keys:    `"format:" and "blocks:"`,
	LongKey: `"text": if this is a note, write it as - text: …`,
	Quoted:  `text: "Wages: 2 bakers"`,
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

func truncate(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// strList reads a list of texts; null reads as none.
func (d *decoder) strList(v *yaml.Node, key string) []string {
	items := d.List(v, key, "[a, b]")
	if v == nil || v.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]string, 0, len(items))
	for _, item := range items {
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			d.Errorf(item, "each entry of %s must be text, found %s", key, DescribeNode(item))
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
	d.header = d.Keys(top, topKeys[:], "canvas", nil)
	tv := d.header["template"]
	if tv == nil {
		d.Errorf(top, "missing \"template:\" (one of %s)", strings.Join(TemplateIDs(), ", "))
		return nil
	}
	c, err := New(d.Text(tv, "template"))
	if err != nil {
		d.Errorf(tv, "%v", err)
		return nil
	}
	for _, f := range c.Meta.fields() {
		*f.value = d.Text(d.header[f.key], f.key)
	}
	d.view(c, d.header["view"])
	d.vote(c, d.header["vote"])
	d.blocks(c, d.header["blocks"])
	return c
}

func (d *decoder) format(top, v *yaml.Node) bool {
	if v == nil {
		d.Errorf(top, "missing \"format: %s\": is this a bmcanvas file?", FormatVersion)
		return false
	}
	f := d.Text(v, "format")
	if f == FormatVersion {
		return true
	}
	if rest, ok := strings.CutPrefix(f, "bmcanvas/"); ok {
		if n, err := strconv.Atoi(rest); err == nil && n > 1 {
			d.Errorf(v, "format %q was made by a newer bmcanvas; this version reads %s: please update bmcanvas", f, FormatVersion)
			return false
		}
	}
	d.Errorf(v, "unknown format %q; expected %q", f, FormatVersion)
	return false
}

func (d *decoder) view(c *Canvas, v *yaml.Node) {
	if v == nil || v.Tag == "!!null" {
		return
	}
	if v.Kind != yaml.MappingNode {
		d.Errorf(v, "view must be a mapping such as {backstage: shown}, found %s", DescribeNode(v))
		return
	}
	p := d.Keys(v, viewKeys[:], "view", nil)
	if bv := p["backstage"]; bv != nil {
		if b := d.Text(bv, "backstage"); b != "" { // empty: the default
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
		d.Errorf(v, "vote must be a mapping such as {dots: 3, ballots: [[n1, n4]]}, found %s", DescribeNode(v))
		return
	}
	errs := d.Len()
	p := d.Keys(v, voteKeys[:], "vote", nil)
	if p["dots"] == nil {
		if d.Len() == errs { // a misspelt "dots" says enough
			d.Errorf(v, "vote: missing \"dots:\", the number of dots each person places")
		}
		return
	}
	// Where the rules' problems with the vote point.
	d.header["vote.dots"], d.header["vote.ballots"] = p["dots"], p["ballots"]
	vote := &Vote{Dots: d.count(p["dots"], "dots")}
	if bv := p["ballots"]; bv != nil && bv.Tag != "!!null" {
		if bv.Kind != yaml.SequenceNode {
			d.Errorf(bv, "ballots must be a list with one list of note ids per person, such as [[n1, n4], [n2]]; found %s", DescribeNode(bv))
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
		d.Errorf(v, "%s must be a whole number such as 3, found %s", key, DescribeNode(v))
		return 0
	}
	return n
}

func (d *decoder) blocks(c *Canvas, v *yaml.Node) {
	if v == nil || v.Tag == "!!null" {
		return
	}
	if v.Kind != yaml.MappingNode {
		d.Errorf(v, "blocks must be a mapping of block names to lists of notes, found %s", DescribeNode(v))
		return
	}
	t := c.Template()
	d.blockKeys, d.noteLocs = map[string]*yaml.Node{}, map[string][]located{}
	var unnamed []*Note
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, list := v.Content[i], v.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.Errorf(k, "block names must be plain names, found %s", DescribeNode(k))
			continue
		}
		if _, ok := t.Block(k.Value); !ok {
			if hint := suggestion(k.Value, t.BlockIDs()); hint != "" {
				d.Errorf(k, "unknown block %q%s", k.Value, hint)
			} else {
				d.Errorf(k, "unknown block %q; the %s has %s", k.Value, t.Name, strings.Join(t.BlockIDs(), ", "))
			}
			continue
		}
		if prev, dup := d.blockKeys[k.Value]; dup {
			d.Errorf(k, "block %q appears twice (first on line %d)", k.Value, d.Pos(prev).Line)
			continue
		}
		d.blockKeys[k.Value] = k
		if list.Tag == "!!null" {
			continue
		}
		if list.Kind != yaml.SequenceNode {
			d.Errorf(list, "block %s must be a list of notes, found %s", k.Value, DescribeNode(list))
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
		d.Errorf(item, "a note must be a mapping such as {id: n1, text: …, color: yellow}, found %s", DescribeNode(item))
		return Note{}, loc, false
	}
	p := d.Keys(item, noteKeys[:], "note", nil)
	loc.keys = p
	n := Note{
		ID:       d.Text(p["id"], "id"),
		Text:     d.Text(p["text"], "text"),
		Color:    Color(d.Text(p["color"], "color")),
		Personas: d.strList(p["personas"], "personas"),
		Segments: d.strList(p["segments"], "segments"),
		Links:    d.strList(p["links"], "links"),
		Status:   Status(d.Text(p["status"], "status")),
		Evidence: d.Text(p["evidence"], "evidence"),
		Tags:     d.strList(p["tags"], "tags"),
		Period:   Period(d.Text(p["period"], "period")),
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
		d.Errorf(v, "amount must be a number such as 1200 or 9.99, found %s", DescribeNode(v))
		return nil
	}
	text := strings.TrimSpace(v.Value)
	if v.Tag == "!!str" {
		_, err := strconv.ParseFloat(text, 64)
		switch {
		case err == nil && v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
			d.Errorf(v, "amount must be a number: write it without quotes, as amount: %s", text)
		case errors.Is(err, strconv.ErrRange):
			d.Errorf(v, "amount %s is out of range: amounts lie between -%s and %s", text, formatNumber(MaxAmount), formatNumber(MaxAmount))
		default:
			d.Errorf(v, "amount must be a number such as 1200 or 9.99, found %s", DescribeNode(v))
		}
		return nil
	}
	var f float64
	if (v.Tag != "!!int" && v.Tag != "!!float") || v.Decode(&f) != nil {
		d.Errorf(v, "amount must be a number such as 1200 or 9.99, found %s", DescribeNode(v))
		return nil
	}
	return &f
}

// check runs the rulebook over the canvas read and locates each problem.
func (d *decoder) check(c *Canvas) {
	c.validate(func(p problem) bool {
		if p.index < 0 {
			d.Add(d.Pos(d.header[p.key]), p.msg)
			return true
		}
		loc := d.noteLocs[p.block][p.index]
		if p.firstIndex >= 0 {
			first := d.noteLocs[p.firstBlock][p.firstIndex].at("id")
			p.msg += fmt.Sprintf(" (first used on line %d)", d.Pos(first).Line)
		}
		d.Add(d.Pos(loc.at(p.key)), p.msg)
		return true
	})
}

// source returns where the blocks and notes of c stand in the file.
func (d *decoder) source(c *Canvas) *Source {
	s := &Source{File: d.file, blocks: make(map[string]Position, len(d.blockKeys)), notes: make(map[string]Position, c.NoteCount())}
	for id, k := range d.blockKeys {
		s.blocks[id] = d.Pos(k)
	}
	for block, notes := range c.Blocks {
		for i, n := range notes {
			s.notes[n.ID] = d.Pos(d.noteLocs[block][i].item)
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
