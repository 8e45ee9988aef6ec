package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// SchemaURL is where the JSON Schema of the bmcanvas/1 format is
// published: schema/bmcanvas-1.schema.json in the repository. It
// describes canvas files in YAML and in JSON alike.
const SchemaURL = "https://raw.githubusercontent.com/bmcanvas/bmcanvas/main/schema/bmcanvas-1.schema.json"

// jsonNote is a note as JSON writes it: the keys the YAML format writes,
// in the same order, empty ones left out.
type jsonNote struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Color string `json:"color"`
	noteDetails
}

// noteDetails are a note's keys after its id, text and colour, in the
// order of the canvas format, empty ones left out: what the JSON and
// Markdown formats write of them alike.
type noteDetails struct {
	Personas []string `json:"personas,omitempty"`
	Segments []string `json:"segments,omitempty"`
	Links    []string `json:"links,omitempty"`
	Status   string   `json:"status,omitempty"`
	Evidence string   `json:"evidence,omitempty"`
	Tags     []string `json:"tags,omitempty"`
	Amount   *float64 `json:"amount,omitempty"`
	Period   string   `json:"period,omitempty"`
}

// detailsOf returns the details of n; status "idea", the default, is
// left out.
func detailsOf(n bmc.Note) noteDetails {
	status := string(n.Status)
	if n.Status == bmc.StatusIdea {
		status = ""
	}
	return noteDetails{Personas: n.Personas, Segments: n.Segments, Links: n.Links, Status: status,
		Evidence: n.Evidence, Tags: n.Tags, Amount: n.Amount, Period: string(n.Period)}
}

// WriteJSON writes the canvas as JSON: the bmcanvas/1 format as data,
// with the keys a YAML canvas file has, in the same order (empty header
// fields and note keys left out, status "idea" too), blocks in template
// order, one note per line so that a changed note is one changed line. It
// refuses a canvas that breaks a rule of the format, and one whose JSON
// would be larger than a canvas file may be, which ReadJSON could not read
// back.
func WriteJSON(c *bmc.Canvas) ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("the canvas cannot be exported: %w", err)
	}
	t := c.Template()
	var b bytes.Buffer
	b.Grow(256 + 120*c.NoteCount())
	b.WriteString("{\n")
	member := func(indent, key string, value []byte, comma bool) {
		b.WriteString(indent)
		b.Write(jsonText(key))
		b.WriteString(": ")
		b.Write(value)
		if comma {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	member("  ", "format", jsonText(bmc.FormatVersion), true)
	member("  ", "template", jsonText(c.TemplateID), true)
	for _, f := range []struct{ key, value string }{
		{"title", c.Title}, {"designed_for", c.DesignedFor}, {"designed_by", c.DesignedBy},
		{"date", c.Date}, {"version", c.Version}, {"currency", c.Currency},
	} {
		if f.value != "" {
			member("  ", f.key, jsonText(f.value), true)
		}
	}
	if t.HasBackstage() {
		v := bmc.BackstageShown
		if !c.BackstageShown() {
			v = bmc.BackstageHidden
		}
		member("  ", "view", []byte(`{"backstage": `+string(jsonText(string(v)))+`}`), true)
	}
	b.WriteString(`  "blocks": {` + "\n")
	for i, blk := range t.Blocks {
		notes := c.Blocks[blk.ID]
		if len(notes) == 0 {
			member("    ", blk.ID, []byte("[]"), i < len(t.Blocks)-1)
			continue
		}
		b.WriteString("    ")
		b.Write(jsonText(blk.ID))
		b.WriteString(": [\n")
		for j, n := range notes {
			line, err := encodeJSON(jsonNote{ID: n.ID, Text: n.Text, Color: string(n.Color), noteDetails: detailsOf(n)})
			if err != nil {
				return nil, fmt.Errorf("export JSON: %w", err)
			}
			b.WriteString("      ")
			b.Write(line)
			if j < len(notes)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString("    ]")
		if i < len(t.Blocks)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("  }\n}\n")
	if b.Len() > bmc.MaxFileSize {
		return nil, fmt.Errorf("the JSON would be %s, and bmcanvas reads files of at most %s: shorten or remove some notes",
			bmc.FormatSize(int64(b.Len())), bmc.FormatSize(bmc.MaxFileSize))
	}
	return b.Bytes(), nil
}

// jsonText writes s as a JSON string.
func jsonText(s string) []byte {
	data, _ := encodeJSON(s)
	return data
}

// encodeJSON writes v as compact JSON on one line, characters such as <
// and & as they are, for people to read.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// ReadJSON reads a canvas written as JSON: the keys and rules of the
// bmcanvas/1 format, as WriteJSON writes it or another program does.
//
// It is read by the one reader of canvas files, bmc.Decode (JSON is YAML's
// flow style), after a check that the file is JSON, so that it takes
// exactly what a YAML canvas file may hold and reports problems the same
// way, with line and column.
func ReadJSON(name string, data []byte) (*bmc.Canvas, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if len(data) > bmc.MaxFileSize {
		return nil, bmc.Errors{{File: name, Msg: fmt.Sprintf("is %s; a canvas file may be at most %s", bmc.FormatSize(int64(len(data))), bmc.FormatSize(bmc.MaxFileSize))}}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, bmc.Errors{{File: name, Msg: `the file is empty; a canvas in JSON starts with {"format": "bmcanvas/1", …`}}
	}
	if !json.Valid(data) {
		return nil, bmc.Errors{jsonSyntaxError(name, data)}
	}
	c, _, err := bmc.Decode(name, yamlEscapes(data))
	return c, err
}

// jsonSyntaxError locates what encoding/json found wrong.
func jsonSyntaxError(name string, data []byte) *bmc.Error {
	var v any
	err := json.Unmarshal(data, &v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		at := offsetPosition(data, int(se.Offset)-1)
		return &bmc.Error{File: name, Line: at.Line, Column: at.Column, Msg: "JSON syntax: " + se.Error()}
	}
	if err == nil {
		err = errors.New("not valid JSON")
	}
	return &bmc.Error{File: name, Msg: "JSON syntax: " + err.Error()}
}

// offsetPosition returns the line and column (both from 1, columns in
// characters) of byte offset i of data.
func offsetPosition(data []byte, i int) bmc.Position {
	i = max(0, min(i, len(data)))
	line := 1 + bytes.Count(data[:i], []byte("\n"))
	start := bytes.LastIndexByte(data[:i], '\n') + 1
	return bmc.Position{Line: line, Column: 1 + utf8.RuneCount(data[start:i])}
}

// yamlEscapes rewrites the two escapes of JSON strings that YAML reads
// differently: "\/" (YAML has no such escape) becomes "/", a UTF-16
// surrogate pair such as "\ud83d\ude00" (YAML takes each half alone)
// becomes one "\U0001F600", and a lone half becomes U+FFFD, as
// encoding/json reads it. Columns after such an escape shift on its line;
// lines stay.
func yamlEscapes(data []byte) []byte {
	if !bytes.Contains(data, []byte(`\/`)) && !bytes.Contains(data, []byte(`\u`)) && !bytes.Contains(data, []byte(`\U`)) {
		return data
	}
	out := make([]byte, 0, len(data))
	inString := false
	for i := 0; i < len(data); i++ {
		ch := data[i]
		switch {
		case !inString:
			inString = ch == '"'
			out = append(out, ch)
		case ch == '"':
			inString = false
			out = append(out, ch)
		case ch == '\\' && i+1 < len(data):
			next := data[i+1]
			switch {
			case next == '/':
				out = append(out, '/')
			case next == 'u' && i+6 <= len(data):
				hi, err := strconv.ParseUint(string(data[i+2:i+6]), 16, 32)
				if err != nil || hi < 0xd800 || hi >= 0xe000 {
					out = append(out, ch, next)
					break
				}
				if hi < 0xdc00 && i+12 <= len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
					lo, err := strconv.ParseUint(string(data[i+8:i+12]), 16, 32)
					if err == nil && lo >= 0xdc00 && lo < 0xe000 {
						r := (rune(hi)-0xd800)<<10 | (rune(lo) - 0xdc00) + 0x10000
						out = append(out, fmt.Sprintf(`\U%08X`, r)...)
						i += 11
						continue
					}
				}
				// A lone half of a pair: encoding/json reads it as U+FFFD.
				out = append(out, `\uFFFD`...)
				i += 5
				continue
			default:
				out = append(out, ch, next)
			}
			i++
		default:
			out = append(out, ch)
		}
	}
	return out
}
