package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// The Markdown form of a canvas:
//
//	---
//	template: business-model-canvas
//	title: Corner Bakery
//	designed_by: Ana Ruiz
//	---
//
//	# Corner Bakery
//
//	## Key Partners
//
//	- Local flour mill
//	- Lunch boxes
//	  delivered by 12:00
//	  <!-- bmcanvas {"color":"blue","segments":["n2"],"amount":3200,"period":"month"} -->
//
// The front matter holds the template and the header; the "#" heading
// repeats the title for people. Each block is a "##" heading with its
// title, each note one bullet; the lines of a note's text after the first
// are indented by two spaces. A note's colour, links, status, evidence,
// tags and amount ride in an HTML comment, which Markdown viewers do not
// show; the id is written where a link needs it. Characters Markdown would
// lose (blanks at the ends of a line, tabs, line breaks at the ends of the
// text, control characters) are written as character references such as
// "&#32;", and a backslash that could be read as an escape is doubled, so
// that reading the file back gives every note's text exactly.

// attrComment is the note-attributes line: an HTML comment holding JSON.
var attrComment = regexp.MustCompile(`^<!-- bmcanvas (\{.*\}) -->[ \t]*$`)

// noteAttrs is what a note has beyond its block, place and text.
type noteAttrs struct {
	ID    string `json:"id,omitempty"`
	Color string `json:"color,omitempty"`
	noteDetails
}

// WriteMarkdown writes the canvas as Markdown that ReadMarkdown reads back
// to the same header and the same notes, in the same blocks and order,
// with the same texts, colours, links, statuses, evidence, tags and
// amounts. Note ids are written only where a link names them; the others
// get new ids when read back.
func WriteMarkdown(c *bmc.Canvas) ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("the canvas cannot be exported: %w", err)
	}
	t := c.Template()
	linked := map[string]bool{}
	for _, notes := range c.Blocks {
		for _, n := range notes {
			for _, s := range n.Segments {
				linked[bmc.SegmentOf(s)] = true
			}
			for _, l := range n.Links {
				linked[l] = true
			}
		}
	}
	var b strings.Builder
	b.WriteString("---\n")
	b.WriteString("template: " + c.TemplateID + "\n")
	for _, f := range []struct{ key, value string }{
		{"title", c.Title}, {"designed_for", c.DesignedFor}, {"designed_by", c.DesignedBy},
		{"date", c.Date}, {"version", c.Version}, {"currency", c.Currency},
	} {
		if f.value != "" {
			b.WriteString(f.key + ": " + yamlValue(f.value) + "\n")
		}
	}
	if t.HasBackstage() && !c.BackstageShown() {
		b.WriteString("backstage: hidden\n")
	}
	b.WriteString("---\n")
	if c.Title != "" {
		b.WriteString("\n# " + escapeHeading(c.Title) + "\n")
	}
	for _, blk := range t.Blocks {
		b.WriteString("\n## " + escapeHeading(blk.Title) + "\n")
		if len(c.Blocks[blk.ID]) > 0 {
			b.WriteByte('\n')
		}
		for _, n := range c.Blocks[blk.ID] {
			writeNoteText(&b, n.Text)
			if attrs, ok := attributes(n, linked[n.ID]); ok {
				b.WriteString("  <!-- bmcanvas " + attrs + " -->\n")
			}
		}
	}
	return []byte(b.String()), nil
}

// attrsError says what is wrong with a note's attributes in the words of
// the format, not of Go's types: "tags must be a list of texts such as
// [\"a\"], found text".
func attrsError(err error) string {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return strings.TrimPrefix(err.Error(), "json: ")
	}
	key := te.Field[strings.LastIndex(te.Field, ".")+1:]
	want := "text"
	switch te.Type.Kind() {
	case reflect.Slice:
		want = `a list of texts such as ["a"]`
	case reflect.Pointer, reflect.Float64:
		want = "a number such as 1200 or 9.99"
	}
	found := map[string]string{"string": "text", "number": "a number", "array": "a list", "object": "an object", "bool": "true or false"}[te.Value]
	if found == "" {
		found = te.Value
	}
	if key == "" {
		return fmt.Sprintf("must be an object such as {\"color\": \"blue\"}, found %s", found)
	}
	return fmt.Sprintf("%s must be %s, found %s", key, want, found)
}

// attributes returns a note's attributes as JSON, and false when it has
// none but the defaults. Characters such as < > & are escaped, so that the
// JSON can never hold "-->" and end the comment early.
func attributes(n bmc.Note, needID bool) (string, bool) {
	a := noteAttrs{noteDetails: detailsOf(n)}
	if needID {
		a.ID = n.ID
	}
	if n.Color != bmc.Yellow {
		a.Color = string(n.Color)
	}
	data, _ := json.Marshal(a)
	if string(data) == "{}" {
		return "", false
	}
	return string(data), true
}

// writeNoteText writes a note's text as one bullet: the first line after
// "- ", the others indented by two spaces, blank lines blank. Line breaks
// at the start or end of the text become "&#10;".
func writeNoteText(b *strings.Builder, text string) {
	body := strings.TrimLeft(text, "\n")
	lead := len(text) - len(body)
	trimmed := strings.TrimRight(body, "\n")
	trail := len(body) - len(trimmed)
	lines := strings.Split(trimmed, "\n")
	for i, l := range lines {
		if i == 0 {
			l = strings.Repeat("\n", lead) + l
		}
		if i == len(lines)-1 {
			l += strings.Repeat("\n", trail)
		}
		enc := escapeLine(l, i == 0)
		if i == 0 && thematicBreak.MatchString("- "+enc) {
			enc = `\` + enc // "- ---" would be a line across the page
		}
		switch {
		case i == 0 && enc == "":
			b.WriteString("-\n")
		case i == 0:
			b.WriteString("- " + enc + "\n")
		case enc == "":
			b.WriteString("\n")
		default:
			b.WriteString("  " + enc + "\n")
		}
	}
}

// taskBox is a task list's check box at the start of a bullet: "[ ] " or
// "[x] ".
var taskBox = regexp.MustCompile(`^\[[ xX]\](?:[ \t]+|$)`)

// escapeLine writes one line of a note's text so that ReadMarkdown reads
// it back unchanged: backslashes before punctuation doubled, "&#" escaped,
// blanks at either end, tabs and characters that are not plain text as
// character references, and a leading task box or attributes comment
// escaped.
func escapeLine(l string, first bool) string {
	runes := []rune(l)
	pieces := make([]string, len(runes))
	for i, r := range runes {
		switch {
		case r == '&' && i+1 < len(runes) && runes[i+1] == '#':
			pieces[i] = `\&`
		case r == ' ' && (i == 0 || i == len(runes)-1):
			pieces[i] = "&#32;"
		case !plainRune(r):
			pieces[i] = "&#" + strconv.Itoa(int(r)) + ";"
		default:
			pieces[i] = string(r)
		}
	}
	// A backslash before punctuation as written (a reference starts with
	// "&", an escape with "\") would be read as an escape: double it.
	for i, r := range runes {
		if r == '\\' && i+1 < len(runes) && isASCIIPunct(pieces[i+1][0]) {
			pieces[i] = `\\`
		}
	}
	out := strings.Join(pieces, "")
	if first && taskBox.MatchString(l) || strings.HasPrefix(l, "<!--") {
		out = `\` + out
	}
	return out
}

// escapeHeading writes a one-line text as a heading's text.
func escapeHeading(s string) string {
	e := escapeLine(s, false)
	if strings.HasSuffix(e, "#") {
		e = e[:len(e)-1] + `\#`
	}
	return e
}

// plainRune reports whether r can stand in a Markdown line as it is.
func plainRune(r rune) bool {
	switch {
	case r < ' ', r == 0x7f, r >= 0x80 && r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff, r == utf8.RuneError:
		return false
	}
	return true
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// unescape reads backslash escapes of ASCII punctuation and numeric
// character references (&#32;, &#x1F600;) as CommonMark does; everything
// else, Markdown markup included, stays as it is.
func unescape(s string) string {
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			b.WriteByte(s[i+1])
			i += 2
			continue
		}
		if c == '&' {
			if r, n := numericReference(s[i:]); n > 0 {
				b.WriteRune(r)
				i += n
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

var numericRef = regexp.MustCompile(`^&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));`)

// numericReference reads a reference such as "&#32;" at the start of s and
// returns its character and length, or 0 when there is none.
func numericReference(s string) (rune, int) {
	m := numericRef.FindStringSubmatch(s)
	if m == nil {
		return 0, 0
	}
	var v uint64
	if m[1] != "" {
		v, _ = strconv.ParseUint(m[1], 10, 32)
	} else {
		v, _ = strconv.ParseUint(m[2], 16, 32)
	}
	if v > unicode.MaxRune || v >= 0xd800 && v < 0xe000 {
		return 0, 0
	}
	return rune(v), len(m[0])
}

// yamlValue writes a header value for the front matter: plain when YAML
// reads it back as the same text, else double-quoted (JSON's quoting,
// which YAML reads).
func yamlValue(s string) string {
	plain := s != "" && s == strings.TrimSpace(s) && !strings.Contains(s, ": ") && !strings.Contains(s, " #") &&
		!strings.HasSuffix(s, ":") && !strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`")
	for _, r := range s {
		if !plainRune(r) || r == '\t' {
			plain = false
		}
	}
	if plain {
		return s
	}
	q, _ := json.Marshal(s)
	return string(q)
}

// mdLine is a line of the input with where it stands.
type mdLine struct {
	text string
	at   bmc.Position
}

// mdItem is one bullet: its content lines, unescaped when read.
type mdItem struct {
	at      bmc.Position
	lines   []string
	task    bool
	attrs   string
	attrsAt bmc.Position
}

// mdSection is a heading with the bullets under it.
type mdSection struct {
	heading string
	level   int
	at      bmc.Position
	items   []mdItem
}

// mdReader reads Markdown into sections.
type mdReader struct {
	*bmc.Problems
	report   *Report
	front    map[string]*yaml.Node
	frontAt  bmc.Position
	sections []*mdSection
	// preamble holds the bullets before the first heading.
	preamble *mdSection
}

// ReadMarkdown reads a canvas from Markdown: the front matter WriteMarkdown
// writes (optional), an optional "#" title, and a heading per block with
// one top-level bullet per note. Headings name blocks by their titles in
// any template and in any case, with common variants ("Customer Segment",
// "Partners", "Costs"). A note's text runs on over the lines indented
// under its bullet; task boxes ("- [x] ") are dropped. Everything else —
// paragraphs, tables, code, headings that name no block and hold no
// bullets — is skipped and listed in the report; a bullet that has no
// block is an error, as is a heading that names no block but holds
// bullets.
func ReadMarkdown(name string, data []byte, opt Options) (*bmc.Canvas, *Report, error) {
	r := &mdReader{Problems: bmc.NewProblems(name), report: &Report{File: name}}
	if len(data) > MaxInputSize {
		return nil, nil, bmc.Errors{{File: name, Msg: fmt.Sprintf("is %s; a Markdown file may be at most %s", bmc.FormatSize(int64(len(data))), bmc.FormatSize(MaxInputSize))}}
	}
	lines := r.lines(data)
	if err := r.Err(); err != nil {
		return nil, nil, err
	}
	lines = r.frontMatter(lines)
	r.parse(lines)
	if err := r.Err(); err != nil {
		return nil, nil, err
	}
	c, err := r.canvas(opt)
	if err != nil {
		return nil, nil, err
	}
	return c, r.report, nil
}

// lines splits the input into lines, reporting bytes that are not UTF-8.
func (r *mdReader) lines(data []byte) []mdLine {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	raw := strings.Split(string(data), "\n")
	out := make([]mdLine, 0, len(raw))
	for i, l := range raw {
		l = strings.TrimSuffix(l, "\r")
		if !utf8.ValidString(l) {
			col := 1 + utf8.RuneCountInString(l[:firstInvalid(l)])
			r.Addf(bmc.Position{Line: i + 1, Column: col}, "byte 0x%02X is not valid UTF-8: save the file as UTF-8 text", l[firstInvalid(l)])
			continue
		}
		out = append(out, mdLine{text: l, at: bmc.Position{Line: i + 1, Column: 1}})
	}
	return out
}

func firstInvalid(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return i
			}
		}
	}
	return 0
}

// frontKeys are the keys of the front matter, in the order they are
// written.
var frontKeys = []string{"template", "title", "designed_for", "designed_by", "date", "version", "currency", "backstage"}

// frontMatter reads a YAML front matter between "---" lines at the top and
// returns the lines after it.
func (r *mdReader) frontMatter(lines []mdLine) []mdLine {
	if len(lines) == 0 || strings.TrimRight(lines[0].text, " \t") != "---" {
		return lines
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if t := strings.TrimRight(lines[i].text, " \t"); t == "---" || t == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		r.Addf(lines[0].at, "the front matter that starts here has no closing \"---\" line")
		return nil
	}
	r.frontAt = lines[0].at
	var src strings.Builder
	for _, l := range lines[1:end] {
		src.WriteString(l.text + "\n")
	}
	if strings.TrimSpace(src.String()) == "" {
		return lines[end+1:]
	}
	y := bmc.NewEmbeddedYAMLReader(r.Problems, frontMatterYAML, lines[0].at.Line)
	m := y.Read([]byte(src.String()))
	if m == nil {
		return lines[end+1:]
	}
	r.front = y.Keys(m, frontKeys, "front matter", func(k *yaml.Node) {
		r.report.skip(y.Pos(k), "front matter key %q is not kept: a canvas has no place for it%s (its keys are %s)", truncate(k.Value, 60), bmc.Suggestion(k.Value, frontKeys), strings.Join(frontKeys, ", "))
	})
	for k, v := range r.front {
		if v.Kind != yaml.ScalarNode {
			y.Errorf(v, "front matter key %q must be one line of text", k)
			delete(r.front, k)
			continue
		}
		v.Line, v.Column = y.Pos(v).Line, y.Pos(v).Column // where it stands in the Markdown file
		if v.Tag == "!!null" {
			v.Value = ""
		}
	}
	return lines[end+1:]
}

// frontMatterYAML names the front matter in the messages of its reader.
var frontMatterYAML = bmc.YAMLKind{
	File:    "Markdown file's front matter",
	Start:   `"---"`,
	Keys:    `"template: business-model-canvas"`,
	LongKey: `"title"`,
	Quoted:  `title: "Bakery: the plan"`,
	Part:    "front matter",
}

var (
	atxHeading    = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$`)
	closingHashes = regexp.MustCompile(`(?:^|[ \t]+)#+$`)
	bulletItem    = regexp.MustCompile(`^( {0,3})([-*+]|[0-9]{1,9}[.)])([ \t]+|$)`)
	thematicBreak = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	codeFence     = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
)

// parse splits the lines into sections of bullets.
func (r *mdReader) parse(lines []mdLine) {
	r.preamble = &mdSection{}
	sec := r.preamble
	var item *mdItem
	contentCol, blanks := 0, 0
	inPara := false
	endItem := func() {
		if item != nil {
			if len(item.lines) > 1 && item.lines[0] == "" {
				item.lines = item.lines[1:]
			}
			sec.items = append(sec.items, *item)
			item = nil
		}
		blanks = 0
	}
	skipText := func(l mdLine, what string) {
		if !inPara {
			r.report.skip(l.at, "%s skipped: only bullets become notes", what)
		}
		inPara = true
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimSpace(l.text) == "" {
			if item != nil {
				blanks++
			}
			inPara = false
			continue
		}
		indent := indentOf(l.text)
		if item != nil && indent >= contentCol {
			content := stripIndent(l.text, contentCol)
			if m := attrComment.FindStringSubmatch(content); m != nil {
				if item.attrs != "" {
					r.Addf(l.at, "a second attributes comment for the note of line %d", item.at.Line)
				}
				item.attrs, item.attrsAt = m[1], bmc.Position{Line: l.at.Line, Column: contentCol + 1}
				blanks = 0
				continue
			}
			for ; blanks > 0; blanks-- {
				item.lines = append(item.lines, "")
			}
			item.lines = append(item.lines, unescape(content))
			continue
		}
		isHeading := atxHeading.FindStringSubmatch(l.text)
		isBreak := thematicBreak.MatchString(l.text)
		isBullet := bulletItem.FindStringSubmatch(l.text)
		isFence := codeFence.FindStringSubmatch(l.text)
		if item != nil && blanks == 0 && isHeading == nil && !isBreak && isBullet == nil && isFence == nil &&
			!strings.HasPrefix(strings.TrimLeft(l.text, " \t"), ">") && !strings.HasPrefix(strings.TrimLeft(l.text, " \t"), "<") {
			// A lazy continuation line: the text runs on unindented.
			item.lines = append(item.lines, unescape(strings.TrimLeft(l.text, " \t")))
			continue
		}
		endItem()
		switch {
		case isFence != nil:
			fence := isFence[1]
			skipText(l, "a code block")
			for i+1 < len(lines) && !strings.HasPrefix(strings.TrimLeft(lines[i+1].text, " "), fence) {
				i++
			}
			i++
			inPara = false
		case isHeading != nil:
			text := closingHashes.ReplaceAllString(isHeading[2], "")
			sec = &mdSection{heading: unescape(strings.TrimSpace(text)), level: len(isHeading[1]), at: l.at}
			r.sections = append(r.sections, sec)
			inPara = false
		case isBreak:
			inPara = false
		case isBullet != nil && indent < 4:
			marker, spaces := isBullet[2], isBullet[3]
			rest := l.text[len(isBullet[0]):]
			contentCol = len(isBullet[1]) + len(marker) + 1
			if n := indentOf(spaces); n >= 1 && n <= 4 && rest != "" {
				contentCol = len(isBullet[1]) + len(marker) + n
			}
			item = &mdItem{at: l.at}
			raw := strings.TrimLeft(rest, " \t")
			if m := taskBox.FindString(raw); m != "" {
				item.task = true
				raw = raw[len(m):]
			}
			item.lines = []string{unescape(raw)}
			inPara = false
		default:
			skipText(l, "text that is not a bullet")
		}
	}
	endItem()
}

// indentOf counts a line's leading blanks, a tab as up to the next
// multiple of four.
func indentOf(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case ' ':
			n++
		case '\t':
			n += 4 - n%4
		default:
			return n
		}
	}
	return n
}

// stripIndent removes up to col columns of leading blanks.
func stripIndent(s string, col int) string {
	n := 0
	for i, r := range s {
		if n >= col || (r != ' ' && r != '\t') {
			return s[i:]
		}
		if r == ' ' {
			n++
		} else {
			n += 4 - n%4
		}
	}
	return ""
}

// canvas decides the template, matches headings to blocks and builds the
// canvas.
func (r *mdReader) canvas(opt Options) (*bmc.Canvas, error) {
	tmpl, ok := r.template(opt)
	if !ok {
		return nil, r.Err()
	}
	t, _ := bmc.TemplateByID(tmpl)
	b, err := newBuilder(r.Problems, tmpl)
	if err != nil {
		return nil, err
	}
	var meta bmc.Meta
	fields := []struct {
		key   string
		value *string
	}{{"title", &meta.Title}, {"designed_for", &meta.DesignedFor}, {"designed_by", &meta.DesignedBy},
		{"date", &meta.Date}, {"version", &meta.Version}, {"currency", &meta.Currency}}
	if r.front != nil {
		var kept []string
		for _, key := range frontKeys {
			if r.front[key] != nil {
				kept = append(kept, key)
			}
		}
		r.report.Kept = append(r.report.Kept, fmt.Sprintf("front matter (line %d): %s → the canvas header", r.frontAt.Line, strings.Join(kept, ", ")))
	}
	for _, f := range fields {
		if v := r.front[f.key]; v != nil {
			*f.value = v.Value
			if err := b.canvas.SetMeta(meta); err != nil {
				r.Add(bmc.Position{Line: v.Line, Column: v.Column}, strings.TrimPrefix(err.Error(), "set details: "))
				*f.value = ""
			}
		}
	}
	if v := r.front["backstage"]; v != nil {
		at := bmc.Position{Line: v.Line, Column: v.Column}
		switch bmc.Backstage(v.Value) {
		case bmc.BackstageShown:
		case bmc.BackstageHidden:
			if t.HasBackstage() {
				b.canvas.View.Backstage = bmc.BackstageHidden
			} else {
				r.Addf(at, "the %s has no backstage to hide", t.Name)
			}
		default:
			r.Addf(at, "backstage must be \"shown\" or \"hidden\", not %q", truncate(v.Value, 60))
		}
	}
	if len(r.preamble.items) > 0 {
		r.Addf(r.preamble.items[0].at, "a bullet before any block heading: put the notes under a heading such as \"## %s\"", segmentTitle(t))
	}
	type noteRef struct {
		index int
		item  *mdItem
		attrs noteAttrs
	}
	var refs []noteRef
	tasks, titleSet, blocks := 0, meta.Title != "", 0
	var taskAt bmc.Position
	for _, sec := range r.sections {
		block, ok := blockFor(sec.heading, tmpl)
		if !ok {
			isTitle := sec.level == 1 && (!titleSet || sec.heading == meta.Title)
			switch {
			case isTitle && !titleSet:
				meta.Title, titleSet = sec.heading, true
				if err := b.canvas.SetMeta(meta); err != nil {
					r.Add(sec.at, strings.TrimPrefix(err.Error(), "set details: "))
					meta.Title = ""
				}
				r.report.Kept = append(r.report.Kept, fmt.Sprintf("# %s (line %d) → title", truncate(sec.heading, 60), sec.at.Line))
			case isTitle:
				// The title, repeated for people who read the Markdown.
			case len(sec.items) > 0:
				r.Addf(sec.at, "heading %q names no block of the %s, so its bullets have no place%s; its blocks are: %s",
					truncate(sec.heading, 60), t.Name, headingHint(sec.heading, t), blockTitles(t))
			case sec.level == 1 && r.front["title"] != nil:
				r.report.skip(sec.at, "heading %q skipped: the front matter gives the title, %q", truncate(sec.heading, 60), truncate(meta.Title, 60))
			default:
				r.report.skip(sec.at, "heading %q skipped: it names no block of the %s", truncate(sec.heading, 60), t.Name)
			}
			if isTitle && len(sec.items) > 0 {
				r.Addf(sec.items[0].at, "a bullet before any block heading: put the notes under a heading such as \"## %s\"", segmentTitle(t))
			}
			continue
		}
		bt, _ := t.Block(block)
		blocks++
		r.report.Kept = append(r.report.Kept, fmt.Sprintf("%s %s (line %d) → %s: %s", strings.Repeat("#", sec.level), truncate(sec.heading, 60), sec.at.Line, bt.Title, plural(len(sec.items), "note")))
		for i := range sec.items {
			it := &sec.items[i]
			if it.task {
				if tasks == 0 {
					taskAt = it.at
				}
				tasks++
			}
			n := bmc.Note{Text: strings.Join(it.lines, "\n")}
			var a noteAttrs
			if it.attrs != "" {
				dec := json.NewDecoder(strings.NewReader(it.attrs))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&a); err != nil {
					r.Addf(it.attrsAt, "the note's attributes: %s", attrsError(err))
					continue
				}
				n.ID, n.Color, n.Status, n.Evidence, n.Tags, n.Amount, n.Period = a.ID, bmc.Color(a.Color), bmc.Status(a.Status), a.Evidence, a.Tags, a.Amount, bmc.Period(a.Period)
				n.Personas = a.Personas
			}
			idx, ok := b.add(block, n, it.at)
			if ok {
				refs = append(refs, noteRef{idx, it, a})
			}
		}
	}
	if tasks > 0 {
		r.report.skip(taskAt, "task boxes ([ ] or [x]) on %s are not kept: a note has no check mark", plural(tasks, "bullet"))
	}
	attrs := 0
	for _, ref := range refs {
		if ref.item.attrs != "" {
			attrs++
		}
		for _, s := range ref.attrs.Segments {
			seg, ok := b.explicit[bmc.SegmentOf(s)]
			switch {
			case !ok:
				r.Addf(ref.item.attrsAt, "the note links to %q, which no note of the file has as its id", truncate(s, 60))
			case !b.linkRef(ref.index, seg, s):
				r.Addf(ref.item.attrsAt, "the note links to %q, which is not a note of %s", truncate(s, 60), segmentTitle(t))
			}
		}
		for _, l := range ref.attrs.Links {
			to, ok := b.explicit[l]
			switch {
			case !ok:
				r.Addf(ref.item.attrsAt, "the note links to %q, which no note of the file has as its id", truncate(l, 60))
			case !b.linkNotes(ref.index, to):
				r.Addf(ref.item.attrsAt, "the note links to %q, in a block its own does not link to", truncate(l, 60))
			}
		}
	}
	if attrs > 0 {
		r.report.Kept = append(r.report.Kept, fmt.Sprintf("<!-- bmcanvas … --> comments (%d) → the notes' ids, colours, links, statuses, evidence, tags and amounts", attrs))
	}
	if blocks == 0 {
		r.Addf(bmc.Position{}, "found no block heading such as \"## %s\": nothing to import", segmentTitle(t))
	}
	return b.finish()
}

// template decides the canvas's template: the front matter's, else the
// one opt names, else the one whose block titles the headings use.
func (r *mdReader) template(opt Options) (string, bool) {
	if v := r.front["template"]; v != nil {
		at := bmc.Position{Line: v.Line, Column: v.Column}
		if _, ok := bmc.TemplateByID(v.Value); !ok {
			r.Addf(at, "unknown template %q%s; templates are %s", truncate(v.Value, 60), bmc.Suggestion(v.Value, bmc.TemplateIDs()), strings.Join(bmc.TemplateIDs(), ", "))
			return "", false
		}
		if opt.Template != "" && opt.Template != v.Value {
			r.Addf(at, "the file is a %s canvas, not %s", v.Value, opt.Template)
			return "", false
		}
		return v.Value, true
	}
	if opt.Template != "" {
		if _, ok := bmc.TemplateByID(opt.Template); !ok {
			r.Addf(bmc.Position{}, "unknown template %q%s; templates are %s", truncate(opt.Template, 60), bmc.Suggestion(opt.Template, bmc.TemplateIDs()), strings.Join(bmc.TemplateIDs(), ", "))
			return "", false
		}
		return opt.Template, true
	}
	// Each template the headings fit, with how many name its blocks by
	// their own titles.
	fits := map[string]int{}
	for _, id := range bmc.TemplateIDs() {
		fits[id] = 0
	}
	for _, sec := range r.sections {
		matches := blockNames()[normTitle(sec.heading)]
		if len(matches) == 0 {
			continue
		}
		seen := map[string]bool{}
		for _, m := range matches {
			seen[m.template] = true
			if _, ok := fits[m.template]; ok && m.exact {
				fits[m.template]++
			}
		}
		for id := range fits {
			if !seen[id] {
				delete(fits, id)
			}
		}
		if len(fits) == 0 {
			r.Addf(sec.at, "the headings name blocks of different templates: %q is not a block of any template the headings before it fit; say which template the file is with \"template:\" in a front matter", truncate(sec.heading, 60))
			return "", false
		}
	}
	best, most := bmc.BusinessModelCanvas().ID, -1
	for _, id := range bmc.TemplateIDs() {
		if n, ok := fits[id]; ok && n > most {
			best, most = id, n
		}
	}
	return best, true
}

// blockName is a block a heading can name.
type blockName struct {
	template, block string
	// exact says the heading is the block's own title in that template.
	exact bool
}

// blockAliases are the other names people give the blocks in headings.
var blockAliases = map[string][]string{
	"key_partners":             {"partners", "key partnerships", "partnerships"},
	"key_activities":           {"activities"},
	"key_resources":            {"resources"},
	"value_propositions":       {"propositions", "value proposition"},
	"customer_relationships":   {"relationships", "customer relations"},
	"channels":                 {"distribution channels"},
	"customer_segments":        {"segments", "customers"},
	"cost_structure":           {"costs", "cost"},
	"revenue_streams":          {"revenue", "revenues"},
	"key_metrics":              {"metrics"},
	"unique_value_proposition": {"uvp", "value proposition"},
}

var blockNamesOnce = sync.OnceValue(func() map[string][]blockName {
	names := map[string][]blockName{}
	put := func(name string, bn blockName) {
		key := normTitle(name)
		for i, old := range names[key] {
			if old.template == bn.template && old.block == bn.block {
				names[key][i].exact = old.exact || bn.exact
				return
			}
		}
		names[key] = append(names[key], bn)
	}
	for _, t := range bmc.Templates() {
		for _, b := range t.Blocks {
			put(b.Title, blockName{t.ID, b.ID, true})
			put(b.ID, blockName{t.ID, b.ID, false})
			for _, a := range blockAliases[b.ID] {
				put(a, blockName{t.ID, b.ID, false})
			}
		}
	}
	return names
})

// blockNames maps a normalized heading to the blocks it can name.
func blockNames() map[string][]blockName { return blockNamesOnce() }

// blockFor returns the block of template tmpl a heading names.
func blockFor(heading, tmpl string) (string, bool) {
	for _, m := range blockNames()[normTitle(heading)] {
		if m.template == tmpl {
			return m.block, true
		}
	}
	return "", false
}

// normTitle reduces a heading to compare it with block titles: lower
// case, numbering, symbols and emphasis around it dropped, "and" as "&",
// "_" "-" "/" as spaces, each word in the singular.
func normTitle(s string) string {
	s = strings.ToLower(s)
	s = strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '&' })
	s = strings.NewReplacer("_", " ", "-", " ", "/", " ", "&", " & ").Replace(s)
	words := strings.Fields(s)
	for i, w := range words {
		switch {
		case w == "and":
			words[i] = "&"
		case len(w) > 4 && strings.HasSuffix(w, "ies"):
			words[i] = w[:len(w)-3] + "y"
		case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
			words[i] = w[:len(w)-1]
		}
	}
	return strings.Join(words, " ")
}

// headingHint suggests the block title closest to a heading, or says
// which template's block it is.
func headingHint(heading string, t *bmc.Template) string {
	for _, m := range blockNames()[normTitle(heading)] {
		if m.template != t.ID {
			other, _ := bmc.TemplateByID(m.template)
			return fmt.Sprintf(" (it is a block of the %s)", other.Name)
		}
	}
	titles := make([]string, len(t.Blocks))
	for i, b := range t.Blocks {
		titles[i] = b.Title
	}
	return bmc.Suggestion(heading, titles)
}

func blockTitles(t *bmc.Template) string {
	titles := make([]string, len(t.Blocks))
	for i, b := range t.Blocks {
		titles[i] = b.Title
	}
	return strings.Join(titles, ", ")
}

func segmentTitle(t *bmc.Template) string {
	if b, ok := t.Block(bmc.SegmentBlock); ok {
		return b.Title
	}
	return "Customer Segments"
}

// plural returns "1 note", "2 notes".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
