package bmc

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// fastLoad reads a file that is exactly in the canonical form Marshal
// writes, which is what bmcanvas saves, several times faster than the
// general YAML parser. It returns false for anything else, including any
// file with a problem, and Load then falls back to the YAML parser, which
// gives located messages. The fuzz test checks that both agree.
func fastLoad(data []byte) (*Canvas, bool) {
	if len(data) == 0 || data[len(data)-1] != '\n' || strings.ContainsRune(string(data), '\r') {
		return nil, false
	}
	p := &fastParser{lines: strings.Split(string(data[:len(data)-1]), "\n")}
	c, ok := p.canvas()
	if !ok || p.i != len(p.lines) || !c.valid() {
		return nil, false
	}
	return c, true
}

type fastParser struct {
	lines []string
	i     int
}

// field reads the line "<indent>key: value" and returns value.
func (p *fastParser) field(indent, key string) (string, bool) {
	if p.i >= len(p.lines) {
		return "", false
	}
	v, ok := strings.CutPrefix(p.lines[p.i], indent+key+": ")
	if !ok {
		return "", false
	}
	p.i++
	return v, true
}

// scalar reads an optional one-line field.
func (p *fastParser) scalar(indent, key string) (string, bool) {
	v, present := p.field(indent, key)
	if !present {
		return "", true
	}
	return unscalar(v, false)
}

func (p *fastParser) canvas() (*Canvas, bool) {
	if f, _ := p.field("", "format"); f != FormatVersion {
		return nil, false
	}
	tid, _ := p.field("", "template")
	c, err := New(tid)
	if err != nil {
		return nil, false
	}
	ok := true
	get := func(key string) string {
		v, good := p.scalar("", key)
		ok = ok && good
		return v
	}
	c.Title, c.DesignedFor, c.DesignedBy = get("title"), get("designed_for"), get("designed_by")
	if d, present := p.field("", "date"); present {
		if isDate(d) {
			c.Date = d
		} else if c.Date, ok = unscalar(d, false); !ok || isDate(c.Date) {
			return nil, false
		}
	}
	c.Version, c.Currency = get("version"), get("currency")
	if !ok {
		return nil, false
	}
	if c.Template().HasBackstage() {
		v, _ := p.field("", "view")
		switch v {
		case "{backstage: shown}":
		case "{backstage: hidden}":
			c.View.Backstage = BackstageHidden
		default:
			return nil, false
		}
	}
	if p.i >= len(p.lines) || p.lines[p.i] != "blocks:" {
		return nil, false
	}
	p.i++
	for _, b := range c.Template().Blocks {
		if p.i >= len(p.lines) {
			return nil, false
		}
		switch p.lines[p.i] {
		case "  " + b.ID + ": []":
			p.i++
			continue
		case "  " + b.ID + ":":
			p.i++
		default:
			return nil, false
		}
		for p.i < len(p.lines) && strings.HasPrefix(p.lines[p.i], "    - id: ") {
			n, ok := p.note()
			if !ok {
				return nil, false
			}
			c.Blocks[b.ID] = append(c.Blocks[b.ID], n)
		}
		if len(c.Blocks[b.ID]) == 0 {
			return nil, false
		}
	}
	return c, true
}

func (p *fastParser) note() (Note, bool) {
	const in = "      "
	var n Note
	id, _ := p.field("    - ", "id")
	var ok bool
	if n.ID, ok = unscalar(id, false); !ok {
		return n, false
	}
	if n.Text, ok = p.text(in, "text", true); !ok {
		return n, false
	}
	color, _ := p.field(in, "color")
	n.Color = Color(color)
	if n.Segments, ok = p.list(in, "segments"); !ok {
		return n, false
	}
	status, _ := p.field(in, "status")
	n.Status = Status(status)
	if n.Evidence, ok = p.text(in, "evidence", false); !ok {
		return n, false
	}
	if n.Tags, ok = p.list(in, "tags"); !ok {
		return n, false
	}
	if a, present := p.field(in, "amount"); present {
		f, err := strconv.ParseFloat(a, 64)
		if err != nil || formatNumber(f) != a {
			return n, false
		}
		n.Amount = &f
		period, _ := p.field(in, "period")
		n.Period = Period(period)
	}
	n.normalize()
	return n, true
}

// text reads a one-line value or a literal block.
func (p *fastParser) text(indent, key string, required bool) (string, bool) {
	v, present := p.field(indent, key)
	if !present {
		return "", !required
	}
	keep := map[string]int{"|-": 0, "|": 1, "|+": -1}
	k, literal := keep[v]
	if !literal {
		return unscalar(v, false)
	}
	body := indent + "  "
	var lines []string
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		if l == "" {
			lines = append(lines, "")
		} else if rest, ok := strings.CutPrefix(l, body); ok {
			lines = append(lines, rest)
		} else {
			break
		}
		p.i++
	}
	// Trailing empty lines belong to the block only when it keeps them.
	trailing := 0
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines, trailing = lines[:len(lines)-1], trailing+1
	}
	if len(lines) == 0 || (k >= 0 && trailing > 0) {
		return "", false
	}
	s := strings.Join(lines, "\n")
	switch k {
	case 1:
		s += "\n"
	case -1:
		if trailing == 0 {
			return "", false
		}
		s += strings.Repeat("\n", trailing+1)
	}
	if !literalSafe(s) {
		return "", false
	}
	return s, true
}

// list reads an optional flow list "[a, "b, c"]".
func (p *fastParser) list(indent, key string) ([]string, bool) {
	v, present := p.field(indent, key)
	if !present {
		return nil, true
	}
	if !strings.HasPrefix(v, "[") || !strings.HasSuffix(v, "]") || len(v) < 3 {
		return nil, false
	}
	inner := v[1 : len(v)-1]
	var out []string
	for inner != "" {
		var item string
		if inner[0] == '"' {
			end := closingQuote(inner)
			if end < 0 {
				return nil, false
			}
			item, inner = inner[:end+1], inner[end+1:]
		} else {
			item, inner, _ = strings.Cut(inner, ",")
			inner = "," + inner
			if inner == "," {
				inner = ""
			}
		}
		s, ok := unscalar(item, true)
		if !ok {
			return nil, false
		}
		out = append(out, s)
		if inner != "" {
			if inner, ok = strings.CutPrefix(inner, ", "); !ok || inner == "" {
				return nil, false
			}
		}
	}
	return out, true
}

// closingQuote returns the index of the quote that ends the double-quoted
// scalar at the start of s, or -1.
func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// unscalar decodes a plain or double-quoted scalar as Marshal writes them.
func unscalar(v string, inFlow bool) (string, bool) {
	if !strings.HasPrefix(v, `"`) {
		return v, plainSafe(v, inFlow)
	}
	if closingQuote(v) != len(v)-1 {
		return "", false
	}
	var b strings.Builder
	s := v[1 : len(v)-1]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(s) {
			return "", false
		}
		i++
		switch s[i] {
		case '"', '\\':
			b.WriteByte(s[i])
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'N':
			b.WriteRune(0x85)
		case 'L':
			b.WriteRune(0x2028)
		case 'P':
			b.WriteRune(0x2029)
		case 'x', 'u':
			width := map[byte]int{'x': 2, 'u': 4}[s[i]]
			if i+width >= len(s) {
				return "", false
			}
			r, err := strconv.ParseUint(s[i+1:i+1+width], 16, 32)
			if err != nil {
				return "", false
			}
			b.WriteRune(rune(r))
			i += width
		default:
			return "", false
		}
	}
	out := b.String()
	if !utf8.ValidString(out) || quote(out) != v {
		return "", false // not how Marshal would have written it
	}
	return out, true
}

// valid reports whether a freshly parsed canvas breaks no rule: notes well
// formed, IDs unique, links resolved.
func (c *Canvas) valid() bool {
	seen := map[string]bool{}
	for _, notes := range c.Blocks {
		for i := range notes {
			if notes[i].check() != nil || seen[notes[i].ID] {
				return false
			}
			seen[notes[i].ID] = true
		}
	}
	segments := c.segmentSet()
	for _, notes := range c.Blocks {
		for i := range notes {
			if c.checkLinks(&notes[i], segments) != nil {
				return false
			}
		}
	}
	return true
}
