package formats

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/bmcanvas/bmcanvas/assets"
	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/internal/examples"
)

// The JSON Schema is checked with github.com/santhosh-tekuri/jsonschema, a
// test-only dependency: the program itself never validates with it.
const schemaFile = "../../schema/bmcanvas-1.schema.json"

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	s, err := c.Compile(schemaFile)
	if err != nil {
		t.Fatalf("compile the schema: %v", err)
	}
	return s
}

// yamlInstance reads YAML as the data a schema checks, as YAML editors
// do: YAML 1.2's core schema, where 2026-11-24 is text, not a time.
func yamlInstance(t testing.TB, data []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("read as YAML: %v", err)
	}
	return yamlData(t, doc.Content[0])
}

func yamlData(t testing.TB, n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = yamlData(t, n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, yamlData(t, c))
		}
		return l
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool", "!!int", "!!float":
		var v any
		if err := n.Decode(&v); err != nil {
			t.Fatalf("line %d: %v", n.Line, err)
		}
		return v
	}
	return n.Value
}

func loadExample(t testing.TB, name string) *bmc.Canvas {
	t.Helper()
	return examples.Load(t, name)
}

// TestJSONRoundTrip: every example exported as JSON validates against the
// schema and reads back equal.
func TestJSONRoundTrip(t *testing.T) {
	schema := compileSchema(t)
	for _, ex := range assets.Examples() {
		t.Run(ex.Name, func(t *testing.T) {
			c := loadExample(t, ex.Name)
			data, err := WriteJSON(c)
			if err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(string(data)))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("the JSON export does not validate: %v", err)
			}
			back, err := ReadJSON(ex.Name+".json", data)
			if err != nil {
				t.Fatalf("read back: %v\n%s", err, data)
			}
			if !reflect.DeepEqual(back, c) {
				t.Errorf("JSON round trip changed the canvas:\n%s", data)
			}
		})
	}
}

// TestSchemaValidatesExamples: the bundled YAML examples, as the editor
// sees them through the yaml-language-server line.
func TestSchemaValidatesExamples(t *testing.T) {
	schema := compileSchema(t)
	for _, ex := range assets.Examples() {
		if err := schema.Validate(yamlInstance(t, ex.Data)); err != nil {
			t.Errorf("%s.yaml does not validate: %v", ex.Name, err)
		}
	}
}

// TestSchemaStatesTheLimits reads the limits and names from package bmc
// and checks that the schema states the same.
func TestSchemaStatesTheLimits(t *testing.T) {
	data, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	at := func(path ...string) any {
		var v any = s
		for _, p := range path {
			switch node := v.(type) {
			case map[string]any:
				v = node[p]
			case []any:
				i, err := strconv.Atoi(p)
				if err != nil || i >= len(node) {
					t.Fatalf("schema has no %s", strings.Join(path, "."))
				}
				v = node[i]
			default:
				t.Fatalf("schema has no %s", strings.Join(path, "."))
			}
		}
		return v
	}
	num := func(path ...string) float64 {
		f, ok := at(path...).(float64)
		if !ok {
			t.Fatalf("%s is %v, not a number", strings.Join(path, "."), at(path...))
		}
		return f
	}
	enum := func(path ...string) []string {
		var out []string
		for _, v := range at(path...).([]any) {
			if v == nil {
				out = append(out, "<null>")
			} else {
				out = append(out, v.(string))
			}
		}
		return out
	}
	withNull := func(list []string) []string { return append(list, "<null>") }
	strs := func(list any) []string {
		v := reflect.ValueOf(list)
		out := make([]string, v.Len())
		for i := range out {
			out[i] = v.Index(i).String()
		}
		return out
	}

	checks := []struct {
		what      string
		got, want any
	}{
		{"format", at("properties", "format", "const"), bmc.FormatVersion},
		{"templates", enum("properties", "template", "enum"), bmc.TemplateIDs()},
		{"header field length", num("$defs", "line", "maxLength"), float64(bmc.MaxFieldLength)},
		{"tag length", num("$defs", "tag", "maxLength"), float64(bmc.MaxFieldLength)},
		{"text length", num("$defs", "text", "maxLength"), float64(bmc.MaxTextLength)},
		{"plain note length", num("$defs", "note", "anyOf", "0", "maxLength"), float64(bmc.MaxTextLength)},
		{"id pattern", at("$defs", "id", "pattern"), fmt.Sprintf("^[A-Za-z0-9_-]{1,%d}$", bmc.MaxIDLength)},
		{"amount minimum", num("$defs", "note-object", "properties", "amount", "minimum"), -bmc.MaxAmount},
		{"amount maximum", num("$defs", "note-object", "properties", "amount", "maximum"), bmc.MaxAmount},
		{"colours", enum("$defs", "note-object", "properties", "color", "enum"), withNull(strs(bmc.Palette()))},
		{"statuses", enum("$defs", "note-object", "properties", "status", "enum"), withNull(strs(bmc.Statuses()))},
		{"periods", enum("$defs", "note-object", "properties", "period", "enum"), withNull(strs(bmc.Periods()))},
		{"backstage", enum("properties", "view", "properties", "backstage", "enum"), withNull([]string{string(bmc.BackstageShown), string(bmc.BackstageHidden)})},
	}
	for _, tmpl := range bmc.Templates() {
		props := at("$defs", "blocks-"+tmpl.ID, "properties").(map[string]any)
		var ids []string
		for id := range props {
			ids = append(ids, id)
		}
		want := tmpl.BlockIDs()
		slices.Sort(ids)
		slices.Sort(want)
		checks = append(checks, struct {
			what      string
			got, want any
		}{"blocks of " + tmpl.ID, ids, want})
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: the schema says %v, bmc says %v", c.what, c.got, c.want)
		}
	}
}

// TestSchemaAgreesWithLoader: for files that differ in one thing, the
// schema and bmc.Load give the same verdict. Only what JSON Schema cannot
// say (unique ids, links to segment notes) is bmc's alone.
func TestSchemaAgreesWithLoader(t *testing.T) {
	schema := compileSchema(t)
	head := "format: bmcanvas/1\ntemplate: business-model-canvas\n"
	note := func(s string) string { return head + "blocks:\n  channels:\n    - " + s + "\n" }
	long := strings.Repeat("x", bmc.MaxTextLength)
	field := strings.Repeat("é", bmc.MaxFieldLength)
	id64 := strings.Repeat("a", bmc.MaxIDLength)
	cases := []struct {
		name, yaml string
		// schemaBlind marks a rule the schema cannot state.
		schemaBlind bool
	}{
		{"minimal", head, false},
		{"no format", "template: lean\n", false},
		{"newer format", "format: bmcanvas/2\ntemplate: lean\n", false},
		{"no template", "format: bmcanvas/1\n", false},
		{"unknown template", "format: bmcanvas/1\ntemplate: leen\n", false},
		{"unknown key", head + "titel: x\n", false},
		{"every header field", head + "title: T\ndesigned_for: F\ndesigned_by: B\ndate: 2026-01-02\nversion: 3\ncurrency: €\n", false},
		{"empty title", head + "title:\n", false},
		{"title at the limit", head + "title: " + field + "\n", false},
		{"title past the limit", head + "title: " + field + "é\n", false},
		{"two-line title", head + "title: \"a\\nb\"\n", false},
		{"title with a line separator", head + "title: \"a\\u2028b\"\n", false},
		{"title a list", head + "title: [a]\n", false},
		{"view shown", head + "view: {backstage: shown}\n", false},
		{"view hidden", head + "view: {backstage: hidden}\n", false},
		{"view wrong", head + "view: {backstage: gone}\n", false},
		{"view unknown key", head + "view: {zoom: 2}\n", false},
		{"lean hides nothing", "format: bmcanvas/1\ntemplate: lean\nview: {backstage: hidden}\n", false},
		{"lean shown", "format: bmcanvas/1\ntemplate: lean\nview: {backstage: shown}\n", false},
		{"blocks null", head + "blocks:\n", false},
		{"block null", head + "blocks:\n  channels:\n", false},
		{"block of another template", head + "blocks:\n  problem: []\n", false},
		{"lean block", "format: bmcanvas/1\ntemplate: lean\nblocks:\n  problem: [a]\n", false},
		{"plain note", note("Hello"), false},
		{"plain number note", note("42"), false},
		{"null note", note("null"), false},
		{"note a list", note("[a]"), false},
		{"full note", head + "blocks:\n  customer_segments:\n    - {id: s1, text: S, color: blue}\n  revenue_streams:\n    - {id: r1, text: R, color: green, segments: [s1], status: hypothesis, evidence: E, tags: [subscription], amount: 12.5, period: month}\n", false},
		{"note unknown key", note("{text: a, colour: blue}"), false},
		{"note id at the limit", note("{id: " + id64 + "}"), false},
		{"note id past the limit", note("{id: " + id64 + "a}"), false},
		{"note id with a dot", note("{id: a.b}"), false},
		{"note id with an accent", note("{id: é}"), false},
		{"note id null", note("{id: null, text: a}"), false},
		{"text at the limit", note("{text: " + long + "}"), false},
		{"text past the limit", note("{text: " + long + "x}"), false},
		{"evidence past the limit", note("{evidence: " + long + "x}"), false},
		{"unknown colour", note("{color: red}"), false},
		{"unknown status", note("{status: done}"), false},
		{"null status", note("{status: null}"), false},
		{"unknown period", note("{amount: 1, period: week}"), false},
		{"period without amount", note("{period: month}"), false},
		{"amount without period", note("{amount: 1}"), false},
		{"amount quoted", note("{amount: \"1\"}"), false},
		{"amount at the limit", note("{amount: 1000000000000000}"), false},
		{"amount past the limit", note("{amount: 1000000000000001}"), false},
		{"negative amount at the limit", note("{amount: -1000000000000000}"), false},
		{"negative amount past the limit", note("{amount: -1000000000000001}"), false},
		{"empty tag", note("{tags: [\"\"]}"), false},
		{"blank tag", note("{tags: [\" \"]}"), false},
		{"no-break-space tag", note("{tags: [\"\\u00a0\"]}"), false},
		{"two-line tag", note("{tags: [\"a\\nb\"]}"), false},
		{"tag at the limit", note("{tags: [" + field + "]}"), false},
		{"tag past the limit", note("{tags: [" + field + "é]}"), false},
		{"segments not a list", note("{segments: s1}"), false},
		{"segment linked twice", head + "blocks:\n  customer_segments:\n    - {id: s1}\n  channels:\n    - {segments: [s1, s1]}\n", false},
		// What only bmc can check.
		{"duplicate ids", head + "blocks:\n  channels:\n    - {id: a}\n    - {id: a}\n", true},
		{"link to no segment", note("{segments: [s9]}"), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, loadErr := bmc.Load("case.yaml", []byte(tc.yaml))
			schemaErr := schema.Validate(yamlInstance(t, []byte(tc.yaml)))
			if tc.schemaBlind {
				if loadErr == nil || schemaErr != nil {
					t.Errorf("want bmc to refuse what the schema cannot see: load %v, schema %v", loadErr, schemaErr)
				}
				return
			}
			if (loadErr == nil) != (schemaErr == nil) {
				t.Errorf("bmc and the schema disagree:\nbmc.Load: %v\nschema: %v\n%s", loadErr, schemaErr, tc.yaml)
			}
		})
	}
}

func TestReadJSON(t *testing.T) {
	ok := `{"format": "bmcanvas/1", "template": "lean", "blocks": {"problem": [{"text": "a\/b \ud83d\ude00 \u00e9"}]}}`
	c, err := ReadJSON("ok.json", []byte("\uFEFF"+ok))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Blocks["problem"][0].Text; got != "a/b 😀 é" {
		t.Errorf("text %q, want the escapes read as JSON reads them", got)
	}
	lone := `{"format": "bmcanvas/1", "template": "lean", "title": "a\ud83d b\udc00"}`
	if c, err = ReadJSON("lone.json", []byte(lone)); err != nil {
		t.Errorf("lone surrogates: %v", err)
	} else if c.Title != "a\uFFFD b\uFFFD" {
		t.Errorf("lone surrogates: title %q, want U+FFFD as encoding/json reads them", c.Title)
	}

	cases := []struct{ name, json, want string }{
		{"empty", "  \n", "bad.json: the file is empty"},
		{"syntax", "{\n  \"format\": \"bmcanvas/1\",\n  \"template\": lean\n}", "bad.json: line 3, column 15: JSON syntax: invalid character 'l'"},
		{"trailing comma", "{\"format\": \"bmcanvas/1\", \"template\": \"lean\",}", "bad.json: line 1, column 45: JSON syntax"},
		{"not an object", "[1, 2]", "bad.json: line 1, column 1: expected a mapping"},
		{"unknown key", "{\n  \"format\": \"bmcanvas/1\",\n  \"template\": \"lean\",\n  \"titel\": \"x\"\n}", `bad.json: line 4, column 3: canvas: unknown key "titel" (did you mean "title"?)`},
		{"duplicate key", "{\"format\": \"bmcanvas/1\", \"template\": \"lean\", \"template\": \"lean\"}", `key "template" appears twice`},
		{"bad colour", "{\"format\": \"bmcanvas/1\", \"template\": \"lean\",\n \"blocks\": {\"problem\": [{\"id\": \"a\", \"color\": \"red\"}]}}", `bad.json: line 2, column 46: unknown colour "red"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadJSON("bad.json", []byte(tc.json))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// TestSchemaLineLoads: a canvas whose first line names the schema for
// yaml-language-server, as the README shows, is a canvas file bmcanvas
// reads, and the line names the schema's published address.
func TestSchemaLineLoads(t *testing.T) {
	data, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		ID string `json:"$id"`
	}
	if err := json.Unmarshal(data, &s); err != nil || s.ID != SchemaURL {
		t.Errorf("the schema's $id is %q, SchemaURL %q", s.ID, SchemaURL)
	}
	line := "# yaml-language-server: $schema=" + SchemaURL + "\n"
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), line) {
		t.Errorf("the README does not show the line %q", line)
	}
	ex, _ := assets.ExampleData("bakery")
	if _, err := bmc.Load("bakery.yaml", append([]byte(line), ex...)); err != nil {
		t.Errorf("a canvas with the schema line: %v", err)
	}
}
