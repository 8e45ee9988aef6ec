package bmc

import (
	"strings"
	"testing"
)

// TestLayoutsTileTheGrid checks every template's full and front-stage
// layouts cover the grid exactly: no overlap, no gap, nothing outside.
func TestLayoutsTileTheGrid(t *testing.T) {
	for _, tmpl := range Templates() {
		for _, shown := range []bool{true, false} {
			t.Run(tmpl.ID+map[bool]string{true: "/full", false: "/front"}[shown], func(t *testing.T) {
				places := tmpl.Layout(shown)
				area := 0
				for i, p := range places {
					r := p.Rect
					if r.W <= 0 || r.H <= 0 || r.X < 0 || r.Y < 0 || r.X+r.W > tmpl.Width || r.Y+r.H > tmpl.Height {
						t.Errorf("%s: rect %+v outside the %dx%d grid", p.Block.ID, r, tmpl.Width, tmpl.Height)
					}
					area += r.Area()
					for _, q := range places[i+1:] {
						if r.Overlaps(q.Rect) {
							t.Errorf("%s %+v overlaps %s %+v", p.Block.ID, r, q.Block.ID, q.Rect)
						}
					}
				}
				if area != tmpl.Width*tmpl.Height {
					t.Errorf("blocks cover %d of %d grid cells", area, tmpl.Width*tmpl.Height)
				}
			})
		}
	}
}

func TestTemplatesAreComplete(t *testing.T) {
	// The order a facilitator walks a workshop through the blocks.
	bmcOrder := "customer_segments,value_propositions,channels,customer_relationships,revenue_streams," +
		"key_activities,key_resources,key_partners,cost_structure"
	wantFillOrder := map[string]string{
		"business-model-canvas": bmcOrder,
		"personal":              bmcOrder,
		"lean": "problem,customer_segments,unique_value_proposition,solution,channels,revenue_streams," +
			"cost_structure,key_metrics,unfair_advantage",
	}
	wantBackstage := map[string][]string{
		"business-model-canvas": {"key_partners", "key_activities", "key_resources", "cost_structure"},
		"personal":              {"key_partners", "key_activities", "key_resources", "cost_structure"},
		"lean":                  nil,
	}
	for _, tmpl := range Templates() {
		if len(tmpl.Blocks) != 9 {
			t.Errorf("%s has %d blocks, want 9", tmpl.ID, len(tmpl.Blocks))
		}
		if !strings.Contains(tmpl.Attribution, "CC BY-SA 3.0") {
			t.Errorf("%s attribution %q lacks the licence", tmpl.ID, tmpl.Attribution)
		}
		var back []string
		seen := map[string]bool{}
		for _, b := range tmpl.Blocks {
			if b.Title == "" || b.Question == "" || len(b.Prompts) < 2 || len(b.Prompts) > 3 || len(b.Icon.Shapes) == 0 {
				t.Errorf("%s/%s: title %q, question %q, %d prompts, %d icon shapes", tmpl.ID, b.ID, b.Title, b.Question, len(b.Prompts), len(b.Icon.Shapes))
			}
			if b.Backstage {
				back = append(back, b.ID)
			}
			seen[b.ID] = true
		}
		if strings.Join(back, ",") != strings.Join(wantBackstage[tmpl.ID], ",") {
			t.Errorf("%s backstage = %v, want %v", tmpl.ID, back, wantBackstage[tmpl.ID])
		}
		if tmpl.HasBackstage() != (len(back) > 0) {
			t.Errorf("%s HasBackstage = %v", tmpl.ID, tmpl.HasBackstage())
		}
		if got := strings.Join(tmpl.FillOrder, ","); got != wantFillOrder[tmpl.ID] {
			t.Errorf("%s fill order %s, want %s", tmpl.ID, got, wantFillOrder[tmpl.ID])
		}
		for _, id := range tmpl.FillOrder {
			if !seen[id] {
				t.Errorf("%s fill order names unknown block %q", tmpl.ID, id)
			}
		}
		if _, ok := tmpl.Block(SegmentBlock); !ok {
			t.Errorf("%s has no %s block", tmpl.ID, SegmentBlock)
		}
	}
}

func TestPersonalKeepsGeometryAndIDs(t *testing.T) {
	for i, b := range Personal().Blocks {
		std := BusinessModelCanvas().Blocks[i]
		if b.ID != std.ID || b.Rect != std.Rect || b.FrontRect != std.FrontRect || b.Backstage != std.Backstage {
			t.Errorf("personal block %d = %s %+v, want %s %+v", i, b.ID, b.Rect, std.ID, std.Rect)
		}
		if b.Title == std.Title {
			t.Errorf("personal block %s keeps the business title %q", b.ID, b.Title)
		}
	}
	cost, _ := Personal().Block("cost_structure")
	rev, _ := Personal().Block("revenue_streams")
	if !strings.Contains(strings.Join(cost.Prompts, " "), "stress") || !strings.Contains(strings.Join(rev.Prompts, " "), "recognition") {
		t.Errorf("personal prompts miss soft costs or benefits: %v / %v", cost.Prompts, rev.Prompts)
	}
}

func TestStandardGeometry(t *testing.T) {
	rect := func(id string) Rect { b, _ := BusinessModelCanvas().Block(id); return b.Rect }
	// Five equal columns; partners, propositions and segments span the upper part.
	for _, id := range []string{"key_partners", "value_propositions", "customer_segments"} {
		if r := rect(id); r.H != upperH || r.W != gridW/5 {
			t.Errorf("%s = %+v, want a full-height column", id, r)
		}
	}
	if a, r := rect("key_activities"), rect("key_resources"); a.X != r.X || a.Y+a.H != r.Y {
		t.Errorf("key activities %+v should sit over key resources %+v", a, r)
	}
	if c, r := rect("cost_structure"), rect("revenue_streams"); c.W != r.W || c.Y != r.Y || c.H*4 != gridH {
		t.Errorf("bottom row %+v / %+v should be two halves a quarter high", c, r)
	}
}

func TestTemplateLookup(t *testing.T) {
	if got := strings.Join(TemplateIDs(), ","); got != "business-model-canvas,personal,lean" {
		t.Errorf("TemplateIDs = %s", got)
	}
	if _, ok := TemplateByID("nope"); ok {
		t.Error("unknown template found")
	}
	if _, err := New("busines-model-canvas"); err == nil || !strings.Contains(err.Error(), `did you mean "business-model-canvas"`) {
		t.Errorf("New with a typo: %v", err)
	}
}

func TestGridFrame(t *testing.T) {
	tp := BusinessModelCanvas()
	area := Frame{X: 10, Y: 20, W: 300 - 2, H: 160 - 2}
	// With a gap of 2, each grid unit is 10 wide and 10 high.
	got := tp.GridFrame(Frame{X: 0, Y: 0, W: float64(tp.Width), H: float64(tp.Height)}, area, 2)
	if got != area {
		t.Errorf("the whole grid = %+v, want the area %+v", got, area)
	}
	if got, want := tp.GridFrame(Frame{X: 6, Y: 2, W: 6, H: 4}, area, 2), (Frame{X: 70, Y: 40, W: 58, H: 38}); got != want {
		t.Errorf("GridFrame = %+v, want %+v", got, want)
	}
}
