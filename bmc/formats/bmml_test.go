package formats

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with the file at path, or writes it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs (go test -update rewrites it); got:\n%s", path, got)
	}
}

func importBMML(t *testing.T, name string) (*bmc.Canvas, *Report) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata/bmml", name+".bmml"))
	if err != nil {
		t.Fatal(err)
	}
	c, rep, err := ReadBMML(name+".bmml", data)
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	return c, rep
}

// TestBMMLExamples imports BMML's own examples: each gives a valid canvas
// with no lint errors (they are consistent models), the canvas and the
// report of what went where are as in testdata/bmml/golden.
func TestBMMLExamples(t *testing.T) {
	files, _ := filepath.Glob("testdata/bmml/*.bmml")
	if len(files) < 5 {
		t.Fatalf("found %d examples", len(files))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".bmml")
		t.Run(name, func(t *testing.T) {
			c, rep := importBMML(t, name)
			data, err := c.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "testdata/bmml/golden/"+name+".yaml", data)
			golden(t, "testdata/bmml/golden/"+name+".report.txt", []byte(rep.String()))
			for _, f := range c.Lint() {
				if f.Severity == bmc.SeverityError {
					t.Errorf("lint: %s", f.Message)
				}
			}
		})
	}
}

// TestBMMLWhatWentWhere states, key by key, where BMML's content lands.
func TestBMMLWhatWentWhere(t *testing.T) {
	fresh, _ := importBMML(t, "meal-kit-full")
	burbn, _ := importBMML(t, "photo-sharing-v1")
	note := func(c *bmc.Canvas, id string) bmc.Note {
		n, ok := c.Note(id)
		if !ok {
			t.Fatalf("no note %s", id)
		}
		return n
	}
	block := func(c *bmc.Canvas, id string) string {
		b, _, _ := c.Find(id)
		return b
	}
	cases := []struct {
		what      string
		got, want any
	}{
		// v2 (meal-kit-full)
		{"meta.name and tagline → title", fresh.Title, "FreshBox — Chef-designed meals delivered to your door"},
		{"meta.updated → date", fresh.Date, "2024-06-15"},
		{"meta.portfolio, stage → version", fresh.Version, "explore, validation"},
		{"segment → Customer Segments, own colour", []any{block(fresh, "cs-home-cooks"), note(fresh, "cs-busy-professionals").Color, note(fresh, "cs-home-cooks").Color}, []any{"customer_segments", bmc.Orange, bmc.Pink}},
		{"segment name, description → text", strings.SplitN(note(fresh, "cs-busy-professionals").Text, "\n", 3)[:2], []string{"Busy Professionals", "Time-strapped workers who want to eat well without the hassle"}},
		{"jobs → text under Jobs:", strings.Contains(note(fresh, "cs-busy-professionals").Text, "\n\nJobs:\n- Eat healthy, home-cooked meals regularly\n"), true},
		{"pains → text under Pains:", strings.Contains(note(fresh, "cs-home-cooks").Text, "\nPains:\n- Spending too much time searching for good recipes\n"), true},
		{"gains → text under Gains:", strings.HasSuffix(note(fresh, "cs-home-cooks").Text, "\nGains:\n- Feel confident tackling any recipe\n- Pride in serving restaurant-quality meals at home\n- Learn professional cooking techniques progressively"), true},
		{"products_services → text", strings.Contains(note(fresh, "vp-convenience").Text, "\n\nProducts & services:\n- Weekly meal kit delivery to your door\n"), true},
		{"pain_relievers → text", strings.Contains(note(fresh, "vp-convenience").Text, "\nPain relievers:\n- Curated weekly menus eliminate meal planning\n"), true},
		{"gain_creators → text", strings.Contains(note(fresh, "vp-convenience").Text, "\nGain creators:\n- New dishes weekly keep meals exciting\n"), true},
		{"fits → links of the proposition", note(fresh, "vp-convenience").Segments, []string{"cs-busy-professionals", "cs-home-cooks"}},
		{"fit mappings → text", strings.Contains(note(fresh, "vp-convenience").Text, "\nFit with Busy Professionals:\n- Curated weekly menus eliminate meal planning → No time to plan meals, shop for groceries, or cook from scratch\n"), true},
		{"second fit → its own list", strings.HasSuffix(note(fresh, "vp-convenience").Text, "\nFit with Aspiring Home Cooks:\n- Curated weekly menus eliminate meal planning → Spending too much time searching for good recipes\n- New dishes weekly keep meals exciting → Feel confident tackling any recipe"), true},
		{"channel for.customer_segments → links", note(fresh, "ch-social-media").Segments, []string{"cs-home-cooks"}},
		{"channel for.value_propositions → For:", note(fresh, "ch-website").Text, "Website & Mobile App\nFor: Effortless Meal Planning, Chef-Quality Cooking at Home"},
		{"relationship for.customer_segments → links", note(fresh, "cr-community").Segments, []string{"cs-home-cooks"}},
		{"revenue from.customer_segments → links", note(fresh, "rs-subscription").Segments, []string{"cs-busy-professionals", "cs-home-cooks"}},
		{"revenue for.value_propositions → For:", note(fresh, "rs-addon-sales").Text, "Premium Add-on Products\nFor: Chef-Quality Cooking at Home"},
		{"resource → Key Resources, For:", []string{block(fresh, "kr-culinary-team"), note(fresh, "kr-culinary-team").Text}, []string{"key_resources", "Culinary Team\nFor: Chef-Quality Cooking at Home"}},
		{"activity → Key Activities", block(fresh, "ka-marketing"), "key_activities"},
		{"partnership → Key Partners, For: resources and activities", []string{block(fresh, "kp-farms"), note(fresh, "kp-farms").Text}, []string{"key_partners", "Local Farms & Producers\nFor: Ingredient Supply Chain, Recipe Development"}},
		{"cost → Cost Structure, For:", []string{block(fresh, "cost-marketing"), note(fresh, "cost-marketing").Text}, []string{"cost_structure", "Customer Acquisition\nFor: Customer Acquisition"}},
		{"other notes stay yellow", note(fresh, "ch-website").Color, bmc.Yellow},
		// v1 (photo-sharing-v1)
		{"v1 job type, importance → text", strings.Contains(note(burbn, "cs-social-explorers").Text, "\n- Share experiences at interesting places with friends (social, importance high)\n"), true},
		{"v1 pain severity → text", strings.Contains(note(burbn, "cs-social-explorers").Text, "\n- Text-only check-ins feel impersonal and boring (severity medium)\n"), true},
		{"v1 product description, type → text", strings.Contains(note(burbn, "vp-checkin-experience").Text, "\n- Attach photos to check-ins (digital)\n"), true},
		{"v1 fit → links", note(burbn, "vp-checkin-experience").Segments, []string{"cs-social-explorers"}},
		{"v1 fit pain_relievers → text", strings.Contains(note(burbn, "vp-checkin-experience").Text, "\nFit with Social Explorers:\n- Simple one-tap check-in process (relieves: Existing check-in apps have too many features and feel cluttered; through: Quick check-in at locations with one tap)\n"), true},
		{"v1 fit job_addressers → text", strings.HasSuffix(note(burbn, "vp-checkin-experience").Text, "\n- Real-time updates on friend activity (addresses: Stay connected with friends' activities; through: Feed showing friends' recent check-ins and photos)"), true},
		{"v1 channel segments, type, phases", []any{note(burbn, "ch-app-store").Segments, note(burbn, "ch-app-store").Tags}, []any{[]string{"cs-social-explorers"}, []string{"owned", "awareness", "evaluation", "purchase"}}},
		{"v1 relationship segment, type, description", []any{note(burbn, "cr-automated").Segments, note(burbn, "cr-automated").Tags, note(burbn, "cr-automated").Text}, []any{[]string{"cs-social-explorers"}, []string{"automated"}, "Push notifications for friend activity and nearby suggestions"}},
		{"v1 revenue from_segments, for_value, type, pricing", []any{note(burbn, "rs-local-ads").Segments, note(burbn, "rs-local-ads").Text, note(burbn, "rs-local-ads").Tags}, []any{[]string{"cs-social-explorers"}, "Local Business Ads\nFor: Social Check-In Experience", []string{"advertising", "pricing: dynamic"}}},
		{"v1 resource type, description, for_value", []any{note(burbn, "kr-engineering").Text, note(burbn, "kr-engineering").Tags}, []any{"Engineering Team\nSmall team of mobile and backend engineers\nFor: Social Check-In Experience", []string{"human"}}},
		{"v1 activity type problem_solving", note(burbn, "ka-user-research").Tags, []string{"problem solving"}},
		{"v1 partnership provides, type, motivation", []any{note(burbn, "kp-aws").Text, note(burbn, "kp-aws").Tags}, []any{"AWS\nFor: Cloud Infrastructure", []string{"supplier", "resource acquisition"}}},
		{"v1 cost_structure type, characteristics → first note", burbn.Blocks["cost_structure"][0].Text, "Value driven\nFixed costs heavy"},
		{"v1 major cost type, linked_to", []any{burbn.Blocks["cost_structure"][1].Text, burbn.Blocks["cost_structure"][1].Tags}, []any{"Engineering & Development\nFor: Engineering Team", []string{"fixed"}}},
	}
	for _, c := range cases {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s:\n got %#v\nwant %#v", c.what, c.got, c.want)
		}
	}
}

// TestBMMLPivotPair imports the photo-sharing pair, before and after a
// pivot: the notes both hold keep their BMML ids, so that the two
// canvases can be compared note by note.
func TestBMMLPivotPair(t *testing.T) {
	before, _ := importBMML(t, "photo-sharing-v1")
	after, rep := importBMML(t, "photo-sharing-pivot")
	var shared []string
	for _, notes := range before.Blocks {
		for _, n := range notes {
			if _, ok := after.Note(n.ID); ok && !strings.HasPrefix(n.ID, "n") {
				shared = append(shared, n.ID)
			}
		}
	}
	for _, id := range []string{"kr-engineering", "kr-infrastructure", "ka-product-dev"} {
		if !strings.Contains(strings.Join(shared, " "), id) {
			t.Errorf("%s is not in both canvases (shared: %v)", id, shared)
		}
	}
	if !strings.Contains(rep.String(), `meta.derived_from "./photo-sharing-v1.bmml" is not kept`) {
		t.Errorf("the report does not say where derived_from went:\n%s", rep)
	}
}

func TestReadBMMLProblems(t *testing.T) {
	errs := []struct{ name, bmml, want string }{
		{"empty", "", `bad.bmml: the file is empty`},
		{"syntax", "meta:\n  name: [a\n", `bad.bmml: line 2: YAML syntax: did not find expected ',' or ']'`},
		{"not a mapping", "- a\n", `bad.bmml: line 1, column 1: expected a mapping of keys such as "version:", "meta:" and "customer_segments:", found a list`},
		{"alias", "meta: &m {name: a}\nx: *m\n", `bad.bmml: line 1, column 7: YAML anchors and aliases (&name, *name) are not allowed in a BMML file: write the values out`},
		{"not UTF-8", "meta:\n  name: caf\xe9\n", `bad.bmml: line 2, column 12: byte 0xE9 is not valid UTF-8: save the file as UTF-8 text`},
		{"control character", "meta:\n  name: a\x1bb\n", `bad.bmml: line 2, column 10: control character U+001B (ESC) is not allowed in a BMML file: remove it`},
		{"line separator", "meta:\n  name: \"a\u2028b\"\nchannels: x\n", `bad.bmml: line 3, column 11: channels must be a list, found "x"`},
		{"quoted colon", "meta:\n  name: {a: Wages: 2}\n", `bad.bmml: line 2: YAML syntax: did not find expected ',' or '}' (text that contains ": ", "#", "," or brackets must be quoted: name: "Bakery: the plan")`},
		{"two documents", "meta: {}\n---\nmeta: {}\n", `bad.bmml: line 2, column 1: a second YAML document`},
		{"segments not a list", "customer_segments: {id: cs-a}\n", `bad.bmml: line 1, column 20: customer_segments must be a list, found a mapping`},
		{"entry not a mapping", "channels:\n  - App Store\n", `bad.bmml: line 2, column 5: each entry of channels must be a mapping`},
		{"name a list", "channels:\n  - id: ch-a\n    name: [a]\n", `bad.bmml: line 3, column 11: channel name must be text, found a list`},
		{"for not a mapping", "channels:\n  - id: ch-a\n    for: [cs-a]\n", `bad.bmml: line 3, column 10: channels.for must hold lists of ids`},
		{"duplicate key", "channels:\n  - id: ch-a\n    id: ch-b\n", `bad.bmml: line 3, column 5: channels: key "id" appears twice (first on line 2)`},
		{"text too long", "channels:\n  - id: ch-a\n    name: " + strings.Repeat("x", bmc.MaxTextLength+1) + "\n", `bad.bmml: line 2, column 5: text is 20001 characters long`},
		{"title too long", "meta:\n  name: " + strings.Repeat("x", bmc.MaxFieldLength+1) + "\n", `bad.bmml: line 2, column 9: title is 501 characters long`},
	}
	for _, tc := range errs {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ReadBMML("bad.bmml", []byte(tc.bmml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error:\n%v\nwant it to contain:\n%s", err, tc.want)
			}
		})
	}

	// What is skipped is reported, and the rest imported.
	src := `version: "3.0"
meta:
  name: Demo
  owner: Ana
customer_segments:
  - id: cs-a
    name: A
  - id: cs-a
    name: A again
  - id: "bad id"
    name: B
channels:
  - id: ch-a
    name: Shop
    for:
      customer_segments: [cs-a, cs-z]
      partners: [kp-x]
    colour: red
fits:
  - for: {value_propositions: [vp-none], customer_segments: [cs-a]}
    mappings:
      - [pr-x]
extra: 1
extra: 2
`
	c, rep, err := ReadBMML("demo.bmml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(c.Segments()); got != 3 {
		t.Errorf("%d segments, want 3", got)
	}
	if n, _ := c.Note("ch-a"); !reflect.DeepEqual(n.Segments, []string{"cs-a"}) {
		t.Errorf("ch-a links %v, want [cs-a]", n.Segments)
	}
	report := rep.String()
	for _, s := range []string{
		`demo.bmml: line 1, column 10: version "3.0" is not one this reader knows`,
		`demo.bmml: line 4, column 3: meta.owner is not imported: the canvas has no place for it`,
		`demo.bmml: line 8, column 5: id "cs-a" is used twice: this second one gets a new note id`,
		`demo.bmml: line 10, column 5: id "bad id" is not kept`,
		`demo.bmml: line 16, column 33: channel ch-a names "cs-z", which is no customer segment of the file: link not made`,
		`demo.bmml: line 17, column 7: channels.for.partners is not imported`,
		`demo.bmml: line 18, column 5: channels.colour is not imported: the canvas has no place for it`,
		`demo.bmml: line 20, column 32: fit names "vp-none", which is no value proposition of the file`,
		`demo.bmml: line 22, column 9: a mapping of a fit is a pair such as [pr-…, pain-…]: this one is not kept`,
		`demo.bmml: line 23, column 1: extra is not imported`,
		`demo.bmml: line 24, column 1: extra is not imported`, // twice: skipped, not an error
	} {
		if !strings.Contains(report, s) {
			t.Errorf("the report lacks\n%s\n%s", s, report)
		}
	}
}
