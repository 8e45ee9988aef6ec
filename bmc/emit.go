package bmc

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Marshal writes the canvas in the bmcanvas/1 format: keys in a fixed
// order, blocks in template order, empty optional fields left out, LF line
// endings, so that files diff well and an unchanged canvas saves to the
// same bytes. It refuses a canvas that breaks a rule of the format (see
// Validate), so that it never writes a file Load would refuse.
func (c *Canvas) Marshal() ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("the canvas cannot be saved: %w", err)
	}
	t := c.Template()
	var w writer
	w.Grow(256 + 160*c.NoteCount())
	w.line(0, "format", FormatVersion)
	w.line(0, "template", c.TemplateID)
	w.optional(0, "title", c.Title)
	w.optional(0, "designed_for", c.DesignedFor)
	w.optional(0, "designed_by", c.DesignedBy)
	if isDate(c.Date) {
		w.WriteString("date: " + c.Date + "\n")
	} else {
		w.optional(0, "date", c.Date)
	}
	w.optional(0, "version", c.Version)
	w.optional(0, "currency", c.Currency)
	if t.HasBackstage() {
		backstage := BackstageShown
		if !c.BackstageShown() {
			backstage = BackstageHidden
		}
		w.WriteString("view: {backstage: " + string(backstage) + "}\n")
	}
	if v := c.Vote; v != nil {
		w.WriteString("vote:\n  dots: " + strconv.Itoa(v.Dots) + "\n")
		if len(v.Ballots) > 0 {
			w.WriteString("  ballots:\n")
			for _, b := range v.Ballots {
				w.WriteString("    - ")
				w.flow(b)
			}
		}
	}
	w.WriteString("blocks:\n")
	for _, b := range t.Blocks {
		notes := c.Blocks[b.ID]
		if len(notes) == 0 {
			w.WriteString("  " + b.ID + ": []\n")
			continue
		}
		w.WriteString("  " + b.ID + ":\n")
		for _, n := range notes {
			w.WriteString("    - id: ")
			w.scalar(4, n.ID)
			w.text(6, "text", n.Text)
			w.line(6, "color", string(n.Color))
			w.list(6, "personas", n.Personas)
			w.list(6, "segments", n.Segments)
			w.list(6, "links", n.Links)
			if n.Status != StatusIdea && n.Status != "" {
				w.line(6, "status", string(n.Status))
			}
			if n.Evidence != "" {
				w.text(6, "evidence", n.Evidence)
			}
			w.list(6, "tags", n.Tags)
			if n.Amount != nil {
				w.WriteString(strings.Repeat(" ", 6) + "amount: " + formatNumber(*n.Amount) + "\n")
				if n.Period != "" {
					w.line(6, "period", string(n.Period))
				}
			}
			if n.Votes != 0 {
				w.WriteString("      votes: " + strconv.Itoa(n.Votes) + "\n")
			}
		}
	}
	return w.Bytes(), nil
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && len(s) == len(time.DateOnly)
}

// formatNumber writes f as YAML reads it back: digits, no exponent.
func formatNumber(f float64) string {
	if f == 0 {
		f = 0 // no "-0"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

type writer struct{ bytes.Buffer }

// line writes "key: value" at the given indentation, value on one line.
func (w *writer) line(indent int, key, value string) {
	w.key(indent, key)
	w.scalar(indent, value)
}

// indent writes n spaces.
func (w *writer) indent(n int) {
	for range n {
		w.WriteByte(' ')
	}
}

// key writes "key: " indented.
func (w *writer) key(indent int, key string) {
	w.indent(indent)
	w.WriteString(key)
	w.WriteString(": ")
}

func (w *writer) optional(indent int, key, value string) {
	if value != "" {
		w.line(indent, key, value)
	}
}

// scalar writes a one-line value and the newline.
func (w *writer) scalar(_ int, s string) {
	if plainSafe(s, false) {
		w.WriteString(s)
	} else {
		w.WriteString(quote(s))
	}
	w.WriteByte('\n')
}

// text writes a value that may span lines, as a literal block when that
// keeps it exactly.
func (w *writer) text(indent int, key, s string) {
	if !literalSafe(s) {
		w.line(indent, key, s)
		return
	}
	trailing := len(s) - len(strings.TrimRight(s, "\n"))
	chomp := "|+"
	switch trailing {
	case 0:
		chomp = "|-"
	case 1:
		chomp = "|"
	}
	w.key(indent, key)
	w.WriteString(chomp + "\n")
	body := strings.TrimRight(s, "\n")
	for l := range strings.SplitSeq(body, "\n") {
		if l != "" {
			w.indent(indent + 2)
			w.WriteString(l)
		}
		w.WriteByte('\n')
	}
	for i := 1; i < trailing; i++ {
		w.WriteByte('\n')
	}
}

// list writes a flow list such as "[a, b]"; nothing when empty.
func (w *writer) list(indent int, key string, items []string) {
	if len(items) == 0 {
		return
	}
	w.key(indent, key)
	w.flow(items)
}

// flow writes items as a flow list such as "[a, b]" and the newline.
func (w *writer) flow(items []string) {
	w.WriteByte('[')
	for i, s := range items {
		if i > 0 {
			w.WriteString(", ")
		}
		if plainSafe(s, true) {
			w.WriteString(s)
		} else {
			w.WriteString(quote(s))
		}
	}
	w.WriteString("]\n")
}

// plainSafe reports whether s can be written without quotes and read back
// as the same string: printable, no surrounding blanks, no character that
// starts YAML syntax, nothing that would read as a number, boolean, null
// or date. It errs on the side of quoting. inFlow adds the characters that
// matter inside [a, b].
func plainSafe(s string, inFlow bool) bool {
	if s == "" || s != strings.TrimSpace(s) || strings.HasSuffix(s, ":") ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`<=~+.\\", first) || unicode.IsDigit(first) {
		return false
	}
	if inFlow && strings.ContainsAny(s, ",[]{}:#?") {
		return false
	}
	// (Only an ASCII letter lowercases to an ASCII letter of these words,
	// so a longer s cannot be one.)
	if len(s) <= len("false") {
		switch strings.ToLower(s) {
		case "null", "true", "false", "yes", "no", "on", "off", "y", "n":
			return false
		}
	}
	for _, r := range s {
		if !printable(r) || unicode.IsSpace(r) && r != ' ' {
			return false
		}
	}
	return true
}

// printable reports whether YAML may carry r unescaped.
func printable(r rune) bool {
	switch {
	case r == utf8.RuneError, r < ' ' && r != '\t' && r != '\n', r == 0x7f,
		r >= 0x80 && r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff,
		r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff:
		return false
	}
	return true
}

// literalSafe reports whether s survives a YAML literal block unchanged:
// several lines, all printable without tabs, no trailing blanks that
// editors strip, a first line with text not starting with a blank.
func literalSafe(s string) bool {
	if !strings.Contains(s, "\n") || strings.HasPrefix(s, "\n") || strings.HasPrefix(s, " ") {
		return false
	}
	for _, l := range strings.Split(s, "\n") {
		if strings.HasSuffix(l, " ") {
			return false
		}
		for _, r := range l {
			if r == '\t' || !printable(r) {
				return false
			}
		}
	}
	return true
}

// quote writes s as a YAML double-quoted scalar, escaping only what must
// be escaped, so that accents and emoji stay readable.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == 0x85:
			b.WriteString(`\N`)
		case r == 0x2028:
			b.WriteString(`\L`)
		case r == 0x2029:
			b.WriteString(`\P`)
		case r < 0x100 && !printable(r):
			b.WriteString(`\x` + strconv.FormatUint(uint64(r)|0x100, 16)[1:])
		case !printable(r):
			b.WriteString(`\u` + strconv.FormatUint(uint64(r)|0x10000, 16)[1:])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
