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

// jsonCanvas is a canvas as JSON writes it: the keys of the YAML format, in
// the same order.
type jsonCanvas struct {
	Format      string     `json:"format"`
	Template    string     `json:"template"`
	Title       string     `json:"title"`
	DesignedFor string     `json:"designed_for"`
	DesignedBy  string     `json:"designed_by"`
	Date        string     `json:"date"`
	Version     string     `json:"version"`
	Currency    string     `json:"currency"`
	View        *jsonView  `json:"view,omitempty"`
	Blocks      jsonBlocks `json:"blocks"`
}

type jsonView struct {
	Backstage string `json:"backstage"`
}

// jsonBlocks is the blocks mapping, written in template order.
type jsonBlocks []jsonBlock

type jsonBlock struct {
	id    string
	notes []jsonNote
}

// jsonNote is a note with every key written, lists as [] when empty, so
// that programs reading the JSON find the same shape for every note.
type jsonNote struct {
	ID       string   `json:"id"`
	Text     string   `json:"text"`
	Color    string   `json:"color"`
	Segments []string `json:"segments"`
	Status   string   `json:"status"`
	Evidence string   `json:"evidence"`
	Tags     []string `json:"tags"`
	Amount   *float64 `json:"amount,omitempty"`
	Period   string   `json:"period,omitempty"`
}

// MarshalJSON writes the blocks as one object, keys in template order.
func (bs jsonBlocks) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, b := range bs {
		if i > 0 {
			buf.WriteByte(',')
		}
		key, _ := json.Marshal(b.id)
		buf.Write(key)
		buf.WriteByte(':')
		notes, err := encodeJSON(b.notes, false)
		if err != nil {
			return nil, err
		}
		buf.Write(bytes.TrimSuffix(notes, []byte("\n")))
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// WriteJSON writes the canvas as JSON: the bmcanvas/1 format as data, with
// every header key and every note key present, blocks in template order.
// It refuses a canvas that breaks a rule of the format, and one whose JSON
// would be larger than a canvas file may be, which ReadJSON could not read
// back.
func WriteJSON(c *bmc.Canvas) ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("the canvas cannot be exported: %w", err)
	}
	t := c.Template()
	doc := jsonCanvas{
		Format: bmc.FormatVersion, Template: c.TemplateID,
		Title: c.Title, DesignedFor: c.DesignedFor, DesignedBy: c.DesignedBy,
		Date: c.Date, Version: c.Version, Currency: c.Currency,
	}
	if t.HasBackstage() {
		v := bmc.BackstageShown
		if !c.BackstageShown() {
			v = bmc.BackstageHidden
		}
		doc.View = &jsonView{Backstage: string(v)}
	}
	for _, b := range t.Blocks {
		notes := make([]jsonNote, 0, len(c.Blocks[b.ID]))
		for _, n := range c.Blocks[b.ID] {
			notes = append(notes, toJSONNote(n))
		}
		doc.Blocks = append(doc.Blocks, jsonBlock{id: b.ID, notes: notes})
	}
	data, err := encodeJSON(doc, true)
	if err != nil {
		return nil, fmt.Errorf("export JSON: %w", err)
	}
	if len(data) > bmc.MaxFileSize {
		return nil, fmt.Errorf("the JSON would be %s, and bmcanvas reads files of at most %s: shorten or remove some notes",
			bmc.FormatSize(int64(len(data))), bmc.FormatSize(bmc.MaxFileSize))
	}
	return data, nil
}

func toJSONNote(n bmc.Note) jsonNote {
	j := jsonNote{ID: n.ID, Text: n.Text, Color: string(n.Color), Segments: n.Segments, Status: string(n.Status),
		Evidence: n.Evidence, Tags: n.Tags, Amount: n.Amount, Period: string(n.Period)}
	if j.Segments == nil {
		j.Segments = []string{}
	}
	if j.Tags == nil {
		j.Tags = []string{}
	}
	if j.Status == "" {
		j.Status = string(bmc.StatusIdea)
	}
	return j
}

// encodeJSON writes v as JSON, indented by two spaces when indent is set.
// Characters such as < and & are written as they are, for people to read.
func encodeJSON(v any, indent bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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
