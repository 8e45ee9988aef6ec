package formats

import (
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// BMML is the YAML format of the open-source BMML tool
// (github.com/hiasinho/bmml): a business model as entities (segments,
// propositions, channels, …) that name each other by id. ReadBMML reads
// its version 2.0 (for:/from: relations, fits with [reliever, pain]
// mappings, costs) and its version 1.0 (segments:, for_value:, fits with
// pain_relievers, cost_structure), keys of either in either version.
//
// The nine kinds of entity become notes of a Business Model Canvas, with
// their BMML ids as note ids. Links to customer segments (for: and from:
// customer_segments, v1's segments, segment and from_segments, and the
// segments of each fit of a proposition) become segment links. What a
// canvas has no place for is written where the user will find it: a
// description under the name in the note's text; a segment's jobs, pains
// and gains and a proposition's products, pain relievers, gain creators
// and fits as lists in its note's text; relations to other things than
// segments as a "For:" line; types, phases, motivations and pricing as
// tags. The Report lists where each kind of key went and everything not
// imported, with its line.

// bmmlRole says what a key of a BMML entity becomes.
type bmmlRole int

const (
	roleID          bmmlRole = iota + 1
	roleName                 // the first line of the note
	roleDescription          // the line under the name
	roleLinks                // ids of customer segments: segment links
	roleFor                  // ids of other entities: the "For:" line
	roleTag                  // one value: a tag
	roleTags                 // a list of values: tags
	roleSection              // a list of sub-items: a list in the note's text
	roleRelation             // a mapping of entity kinds to ids: for:, from:
)

// bmmlField is one key of a kind of entity and what it becomes.
type bmmlField struct {
	key  string
	role bmmlRole
	// title is a section's heading or a tag's prefix.
	title string
}

// bmmlKind is a kind of BMML entity: its top-level key, the canvas block
// its entities go to, and its keys.
type bmmlKind struct {
	key    string
	block  string
	fields []bmmlField
}

var (
	fieldID   = bmmlField{"id", roleID, ""}
	fieldName = bmmlField{"name", roleName, ""}
	fieldDesc = bmmlField{"description", roleDescription, ""}
	fieldFor  = bmmlField{"for", roleRelation, ""}
	fieldType = bmmlField{"type", roleTag, ""}
)

// bmmlKinds lists the kinds of entity in the order of the canvas's blocks
// in the report.
var bmmlKinds = []bmmlKind{
	{"customer_segments", "customer_segments", []bmmlField{fieldID, fieldName, fieldDesc,
		{"jobs", roleSection, "Jobs"}, {"pains", roleSection, "Pains"}, {"gains", roleSection, "Gains"}}},
	{"value_propositions", "value_propositions", []bmmlField{fieldID, fieldName, fieldDesc,
		{"products_services", roleSection, "Products & services"}, {"pain_relievers", roleSection, "Pain relievers"},
		{"gain_creators", roleSection, "Gain creators"}}},
	{"channels", "channels", []bmmlField{fieldID, fieldName, fieldDesc, fieldFor,
		{"segments", roleLinks, ""}, fieldType, {"phases", roleTags, ""}}},
	{"customer_relationships", "customer_relationships", []bmmlField{fieldID, fieldName, fieldDesc, fieldFor,
		{"segment", roleLinks, ""}, fieldType}},
	{"revenue_streams", "revenue_streams", []bmmlField{fieldID, fieldName, fieldDesc, fieldFor,
		{"from", roleRelation, ""}, {"from_segments", roleLinks, ""}, {"for_value", roleFor, ""}, fieldType,
		{"pricing", roleTag, "pricing: "}}},
	{"key_resources", "key_resources", []bmmlField{fieldID, fieldName, fieldDesc, fieldFor,
		{"for_value", roleFor, ""}, fieldType}},
	{"key_activities", "key_activities", []bmmlField{fieldID, fieldName, fieldDesc, fieldFor,
		{"for_value", roleFor, ""}, fieldType}},
	{"key_partnerships", "key_partners", []bmmlField{fieldID, fieldName, fieldDesc, fieldFor,
		{"provides", roleFor, ""}, fieldType, {"motivation", roleTag, ""}}},
	{"costs", "cost_structure", []bmmlField{fieldID, fieldName, fieldDesc, fieldFor}},
}

// majorCost is a cost of v1's cost_structure.
var majorCost = bmmlKind{"cost_structure.major_costs", "cost_structure", []bmmlField{fieldID, fieldName, fieldDesc,
	fieldType, {"linked_to", roleFor, ""}}}

// subItemKeys are the keys of a job, pain, gain, product or service, pain
// reliever or gain creator.
var subItemKeys = []string{"id", "name", "description", "type", "importance", "severity"}

// bmmlPlaces says where each BMML key goes; the report lists those the
// file holds, in this order, with how many there were.
var bmmlPlaces = []struct{ path, place string }{
	{"meta.name", "the canvas title"},
	{"meta.tagline", "the canvas title, after the name and a dash"},
	{"meta.updated", "the canvas date"},
	{"meta.created", "the canvas date (when there is no meta.updated)"},
	{"meta.portfolio", "the canvas version label, with the stage"},
	{"meta.stage", "the canvas version label, after the portfolio"},
	{"customer_segments", "notes in Customer Segments, each in its own colour, with the BMML id as note id"},
	{"customer_segments.description", "the segment's note, the line under its name"},
	{"customer_segments.jobs", "the segment's note, listed under \"Jobs:\""},
	{"customer_segments.pains", "the segment's note, listed under \"Pains:\""},
	{"customer_segments.gains", "the segment's note, listed under \"Gains:\""},
	{"value_propositions", "notes in Value Propositions"},
	{"value_propositions.description", "the proposition's note, the line under its name"},
	{"value_propositions.products_services", "the proposition's note, listed under \"Products & services:\""},
	{"value_propositions.pain_relievers", "the proposition's note, listed under \"Pain relievers:\""},
	{"value_propositions.gain_creators", "the proposition's note, listed under \"Gain creators:\""},
	{"fits", "segment links: each proposition of a fit serves the fit's segments (fit ids are not kept)"},
	{"fits.mappings", "the proposition's note, listed under \"Fit with <segments>:\" as reliever → pain, creator → gain"},
	{"fits.pain_relievers", "the proposition's note, listed under \"Fit with <segment>:\" as relieves: …; through: …"},
	{"fits.gain_creators", "the proposition's note, listed under \"Fit with <segment>:\" as creates: …; through: …"},
	{"fits.job_addressers", "the proposition's note, listed under \"Fit with <segment>:\" as addresses: …; through: …"},
	{"channels", "notes in Channels"},
	{"customer_relationships", "notes in Customer Relationships"},
	{"revenue_streams", "notes in Revenue Streams"},
	{"key_resources", "notes in Key Resources"},
	{"key_activities", "notes in Key Activities"},
	{"key_partnerships", "notes in Key Partners"},
	{"costs", "notes in Cost Structure"},
	{"cost_structure.type", "a first note in Cost Structure, such as \"Value driven\""},
	{"cost_structure.characteristics", "that first note, its second line"},
	{"cost_structure.major_costs", "notes in Cost Structure"},
	{"*.description", "the note, the line under the name"},
	{"*.for.customer_segments", "segment links"},
	{"*.from.customer_segments", "segment links (the segments that pay)"},
	{"*.segments", "segment links"},
	{"*.segment", "segment links"},
	{"*.from_segments", "segment links (the segments that pay)"},
	{"*.for.value_propositions", "the note's \"For:\" line, by name"},
	{"*.for.key_resources", "the note's \"For:\" line, by name"},
	{"*.for.key_activities", "the note's \"For:\" line, by name"},
	{"*.for_value", "the note's \"For:\" line, by name"},
	{"*.provides", "the note's \"For:\" line, by name"},
	{"*.linked_to", "the note's \"For:\" line, by name"},
	{"*.type", "a tag (\"problem_solving\" as \"problem solving\")"},
	{"*.phases", "tags"},
	{"*.motivation", "a tag"},
	{"*.pricing", "a tag, as \"pricing: …\""},
}

// bmmlEntity is an entity read from the file, on its way to a note.
type bmmlEntity struct {
	kind        string
	block       string
	id          string
	at          bmc.Position
	name        string
	description string
	forRefs     []bmmlRef
	links       []bmmlRef
	tags        []string
	sections    []bmmlSection
	color       bmc.Color
	index       int
}

// bmmlRef is an id named in the file, with where.
type bmmlRef struct {
	id string
	at bmc.Position
}

// bmmlSection is a list in a note's text, such as a segment's jobs.
type bmmlSection struct {
	title string
	items []string
}

type bmmlReader struct {
	*bmc.YAMLReader
	report   *Report
	counts   map[string]int
	entities []*bmmlEntity
	// byID finds an entity by its BMML id (the first of that id).
	byID map[string]*bmmlEntity
	// names gives a readable name for every id: entities and sub-items.
	names map[string]string
	// owner gives the proposition a product, reliever or creator is in.
	owner map[string]*bmmlEntity
}

// ReadBMML reads a BMML business model as a Business Model Canvas. See
// the package's BMML notes for what goes where; the report says it for
// the file at hand.
func ReadBMML(name string, data []byte) (*bmc.Canvas, *Report, error) {
	r := &bmmlReader{YAMLReader: bmc.NewYAMLReader(name, bmmlFile), report: &Report{File: name}, counts: map[string]int{},
		byID: map[string]*bmmlEntity{}, names: map[string]string{}, owner: map[string]*bmmlEntity{}}
	if len(data) > MaxInputSize {
		return nil, nil, bmc.Errors{{File: name, Msg: fmt.Sprintf("is %s; a BMML file may be at most %s", bmc.FormatSize(int64(len(data))), bmc.FormatSize(MaxInputSize))}}
	}
	root := r.Read(data)
	if root == nil {
		return nil, nil, r.Err()
	}
	c, err := r.read(root)
	if err != nil {
		return nil, nil, err
	}
	return c, r.report, nil
}

// bmmlFile names BMML in the messages of its reader.
var bmmlFile = bmc.YAMLKind{
	File:    "BMML file",
	Start:   `"version:" and "meta:"`,
	Keys:    `"version:", "meta:" and "customer_segments:"`,
	LongKey: `"name": if this is a description, write it as description: …`,
	Quoted:  `name: "Bakery: the plan"`,
}

// topKeys are the top-level keys of BMML.
var topKeys = []string{"version", "meta", "customer_segments", "value_propositions", "fits", "channels",
	"customer_relationships", "revenue_streams", "key_resources", "key_activities", "key_partnerships", "costs",
	"cost_structure"}

func (r *bmmlReader) read(root *yaml.Node) (*bmc.Canvas, error) {
	top := r.fields(root, topKeys, "")
	r.version(top["version"])
	b, err := newBuilder(r.Problems, bmc.BusinessModelCanvas().ID)
	if err != nil {
		return nil, err
	}
	meta := r.meta(top["meta"])
	for _, k := range bmmlKinds {
		for _, item := range r.List(top[k.key], k.key, "") {
			r.entity(k, item)
		}
	}
	r.costStructure(top["cost_structure"])
	for _, item := range r.List(top["fits"], "fits", "") {
		r.fit(item)
	}
	// Segments take the palette's colours in turn, yellow (the colour of
	// every other note) last.
	colors := append(bmc.Palette()[1:], bmc.Yellow)
	segments := 0
	for _, e := range r.entities {
		if e.block == bmc.SegmentBlock {
			e.color = colors[segments%len(colors)]
			segments++
		}
	}
	for _, e := range r.entities {
		n := bmc.Note{Text: r.text(e), Color: e.color, Tags: e.tags}
		if e.id != "" {
			switch {
			case bmc.CheckID(e.id) != nil:
				r.report.skip(e.at, "id %q is not kept: a note id is 1 to %d letters, digits, - or _; the note gets a new id", truncate(e.id, 60), bmc.MaxIDLength)
			case b.used(e.id):
				r.report.skip(e.at, "id %q is used twice: this second one gets a new note id", truncate(e.id, 60))
			default:
				n.ID = e.id
			}
		}
		e.index, _ = b.add(e.block, n, e.at)
	}
	for _, e := range r.entities {
		for _, l := range e.links {
			seg := r.byID[l.id]
			switch {
			case seg == nil || seg.block != bmc.SegmentBlock:
				r.report.skip(l.at, "%s %s names %q, which is no customer segment of the file: link not made", singular(e.kind), e.label(), truncate(l.id, 60))
			case e.index >= 0 && seg.index >= 0:
				b.link(e.index, seg.index)
			}
		}
		// for: a proposition, an activity or a resource: a link between
		// the notes when their blocks give it a meaning (the "For:" line
		// in the text keeps the names either way).
		for _, f := range e.forRefs {
			if to := r.byID[f.id]; to != nil && e.index >= 0 && to.index >= 0 {
				b.linkNotes(e.index, to.index)
			}
		}
	}
	r.setMeta(b, meta)
	r.kept()
	sort.SliceStable(r.report.Skipped, func(i, j int) bool {
		a, b := r.report.Skipped[i], r.report.Skipped[j]
		return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
	})
	return b.finish()
}

// label names an entity in messages: its id, else its name.
func (e *bmmlEntity) label() string {
	if e.id != "" {
		return e.id
	}
	return fmt.Sprintf("%q", truncate(e.name, 40))
}

func singular(kind string) string {
	switch kind {
	case "customer_segments":
		return "segment"
	case "value_propositions":
		return "proposition"
	case "channels":
		return "channel"
	case "customer_relationships":
		return "relationship"
	case "revenue_streams":
		return "revenue stream"
	case "key_resources":
		return "resource"
	case "key_activities":
		return "activity"
	case "key_partnerships":
		return "partnership"
	case "fits":
		return "fit"
	}
	return "cost"
}

func (r *bmmlReader) version(v *yaml.Node) {
	if v == nil {
		return
	}
	switch s := r.Text(v, "version"); s {
	case "1.0", "2.0":
	default:
		r.report.skip(r.Pos(v), "version %q is not one this reader knows (1.0, 2.0): the keys of both were read", truncate(s, 20))
	}
}

// bmmlMeta is what meta: holds, on its way to the canvas header.
type bmmlMeta struct {
	title, date, version string
	at                   map[string]bmc.Position
}

var metaKeys = []string{"name", "tagline", "created", "updated", "portfolio", "stage", "derived_from"}

func (r *bmmlReader) meta(n *yaml.Node) bmmlMeta {
	m := bmmlMeta{at: map[string]bmc.Position{}}
	if n == nil || n.Tag == "!!null" {
		return m
	}
	if n.Kind != yaml.MappingNode {
		r.Errorf(n, "meta must hold keys such as \"name:\", found %s", bmc.DescribeNode(n))
		return m
	}
	f := r.fields(n, metaKeys, "meta")
	v := map[string]string{}
	for _, k := range metaKeys {
		if f[k] != nil {
			v[k] = oneLine(r.Text(f[k], "meta."+k))
			m.at[k] = r.Pos(f[k])
			if v[k] != "" && k != "derived_from" {
				r.counts["meta."+k]++
			}
		}
	}
	m.title = v["name"]
	if v["tagline"] != "" {
		if m.title != "" {
			m.title += " — "
		}
		m.title += v["tagline"]
	}
	m.date = v["updated"]
	if m.date == "" {
		m.date = v["created"]
	} else if v["created"] != "" {
		r.counts["meta.created"]--
		r.report.skip(m.at["created"], "meta.created %q is not kept: the canvas has one date, meta.updated's", truncate(v["created"], 40))
	}
	var label []string
	for _, k := range []string{"portfolio", "stage"} {
		if v[k] != "" {
			label = append(label, v[k])
		}
	}
	m.version = strings.Join(label, ", ")
	if v["derived_from"] != "" {
		r.report.skip(m.at["derived_from"], "meta.derived_from %q is not kept: a canvas does not name the model it came from", truncate(v["derived_from"], 60))
	}
	return m
}

// setMeta writes the header, reporting a value the canvas refuses (too
// long) where it stood.
func (r *bmmlReader) setMeta(b *builder, m bmmlMeta) {
	var meta bmc.Meta
	for _, f := range []struct {
		value string
		field *string
		key   string
	}{{m.title, &meta.Title, "name"}, {m.date, &meta.Date, "updated"}, {m.version, &meta.Version, "stage"}} {
		*f.field = f.value
		if err := b.canvas.SetMeta(meta); err != nil {
			at, ok := m.at[f.key]
			if !ok {
				at = m.at["created"]
			}
			r.Add(at, strings.TrimPrefix(err.Error(), "set details: "))
			*f.field = ""
		}
	}
}

// oneLine joins the lines of a header value with spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\u0085\u2028\u2029") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == '\r' || r == '\n' || r == 0x85 || r == 0x2028 || r == 0x2029
	}), " ")
}

// entity reads one entity of kind k.
func (r *bmmlReader) entity(k bmmlKind, n *yaml.Node) {
	where := singular(k.key)
	if n.Kind != yaml.MappingNode {
		r.Errorf(n, "each entry of %s must be a mapping such as {id: …, name: …}, found %s", k.key, bmc.DescribeNode(n))
		return
	}
	keys := make([]string, len(k.fields))
	for i, f := range k.fields {
		keys[i] = f.key
	}
	vals := r.fields(n, keys, k.key)
	e := &bmmlEntity{kind: k.key, block: k.block, at: r.Pos(n), index: -1}
	if k.key == majorCost.key {
		e.kind = "costs"
	}
	r.counts[k.key]++
	for _, f := range k.fields {
		v := vals[f.key]
		if v == nil || v.Tag == "!!null" {
			continue
		}
		path := k.key + "." + f.key
		switch f.role {
		case roleID:
			e.id = r.Text(v, where+" id")
		case roleName:
			e.name = r.Text(v, where+" name")
		case roleDescription:
			if e.description = r.Text(v, where+" description"); e.description != "" {
				r.counts[path]++
			}
		case roleLinks:
			e.links = append(e.links, r.refs(v, path)...)
			r.counts[path]++
		case roleFor:
			e.forRefs = append(e.forRefs, r.refs(v, path)...)
			r.counts[path]++
		case roleTag:
			if s := r.Text(v, path); strings.TrimSpace(s) != "" {
				e.tags = append(e.tags, f.title+tagText(s))
				r.counts[path]++
			}
		case roleTags:
			for _, ref := range r.refs(v, path) {
				if t := tagText(ref.id); t != "" {
					e.tags = append(e.tags, t)
				}
			}
			r.counts[path]++
		case roleSection:
			sec := bmmlSection{title: f.title}
			for _, item := range r.List(v, path, "") {
				sec.items = append(sec.items, r.subItem(item, path, e))
				r.counts[path]++
			}
			if len(sec.items) > 0 {
				e.sections = append(e.sections, sec)
			}
		case roleRelation:
			r.relation(v, path, e)
		}
	}
	if e.id != "" && r.byID[e.id] == nil {
		r.byID[e.id] = e
		r.names[e.id] = e.display()
	}
	r.entities = append(r.entities, e)
}

// display is how other notes name an entity: its name, else its
// description, else its id.
func (e *bmmlEntity) display() string {
	switch {
	case e.name != "":
		return firstLineOf(e.name)
	case e.description != "":
		return firstLineOf(e.description)
	}
	return e.id
}

func firstLineOf(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// tagText turns a BMML value such as "problem_solving" into a tag.
func tagText(s string) string { return strings.ReplaceAll(oneLine(strings.TrimSpace(s)), "_", " ") }

// relation reads for: or from:, a mapping of entity kinds to lists of ids.
func (r *bmmlReader) relation(v *yaml.Node, path string, e *bmmlEntity) {
	if v.Kind != yaml.MappingNode {
		r.Errorf(v, "%s must hold lists of ids such as \"customer_segments: [cs-…]\", found %s", path, bmc.DescribeNode(v))
		return
	}
	vals := r.fields(v, []string{"customer_segments", "value_propositions", "key_resources", "key_activities"}, path)
	for _, k := range []string{"customer_segments", "value_propositions", "key_resources", "key_activities"} {
		if vals[k] == nil || vals[k].Tag == "!!null" {
			continue
		}
		refs := r.refs(vals[k], path+"."+k)
		if k == "customer_segments" {
			e.links = append(e.links, refs...)
		} else {
			e.forRefs = append(e.forRefs, refs...)
		}
		r.counts[path+"."+k]++
	}
}

// subItem reads a job, pain, gain, product, reliever or creator and
// returns its line in the note, without the "- ".
func (r *bmmlReader) subItem(n *yaml.Node, path string, parent *bmmlEntity) string {
	if n.Kind == yaml.ScalarNode {
		return oneLine(n.Value)
	}
	if n.Kind != yaml.MappingNode {
		r.Errorf(n, "each entry of %s must be a mapping such as {id: …, description: …}, found %s", path, bmc.DescribeNode(n))
		return ""
	}
	f := r.fields(n, subItemKeys, path)
	get := func(k string) string {
		if f[k] == nil {
			return ""
		}
		return oneLine(r.Text(f[k], path+"."+k))
	}
	id, name, desc := get("id"), get("name"), get("description")
	text := name
	switch {
	case name != "" && desc != "":
		text = name + ": " + desc
	case name == "":
		text = desc
	}
	var extra []string
	if t := get("type"); t != "" {
		extra = append(extra, tagText(t))
	}
	for _, k := range []string{"importance", "severity"} {
		if v := get(k); v != "" {
			extra = append(extra, k+" "+v)
		}
	}
	if len(extra) > 0 {
		text += " (" + strings.Join(extra, ", ") + ")"
	}
	if text == "" {
		text = id
	}
	if id != "" {
		if _, dup := r.names[id]; !dup {
			r.names[id] = firstNonEmpty(name, desc, id)
			r.owner[id] = parent
		}
	}
	return text
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// costStructure reads v1's cost_structure: its type and characteristics
// make a first note, its major costs one note each.
func (r *bmmlReader) costStructure(n *yaml.Node) {
	if n == nil || n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.MappingNode {
		r.Errorf(n, "cost_structure must hold keys such as \"type:\" and \"major_costs:\", found %s", bmc.DescribeNode(n))
		return
	}
	f := r.fields(n, []string{"type", "characteristics", "major_costs"}, "cost_structure")
	var lines []string
	if f["type"] != nil {
		if t := tagText(r.Text(f["type"], "cost_structure.type")); t != "" {
			lines = append(lines, upperFirst(t))
			r.counts["cost_structure.type"]++
		}
	}
	if f["characteristics"] != nil {
		var cs []string
		for _, c := range r.refs(f["characteristics"], "cost_structure.characteristics") {
			cs = append(cs, tagText(c.id))
		}
		if len(cs) > 0 {
			if len(lines) == 0 {
				lines = append(lines, "Cost structure")
			}
			lines = append(lines, upperFirst(strings.Join(cs, ", ")))
			r.counts["cost_structure.characteristics"]++
		}
	}
	if len(lines) > 0 {
		r.entities = append(r.entities, &bmmlEntity{kind: "costs", block: "cost_structure", at: r.Pos(n), index: -1,
			name: strings.Join(lines, "\n")})
	}
	for _, item := range r.List(f["major_costs"], "cost_structure.major_costs", "") {
		r.entity(majorCost, item)
	}
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

var fitKeys = []string{"id", "for", "mappings", "value_proposition", "customer_segment", "pain_relievers", "gain_creators", "job_addressers"}

// fit reads a fit: each of its propositions gets links to its segments
// and, in its text, the fit's mappings.
func (r *bmmlReader) fit(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		r.Errorf(n, "each entry of fits must be a mapping such as {id: …, for: …}, found %s", bmc.DescribeNode(n))
		return
	}
	f := r.fields(n, fitKeys, "fits")
	r.counts["fits"]++
	var vps, segs []bmmlRef
	if v := f["for"]; v != nil && v.Tag != "!!null" {
		if v.Kind != yaml.MappingNode {
			r.Errorf(v, "fits.for must hold value_propositions: and customer_segments:, found %s", bmc.DescribeNode(v))
		} else {
			rel := r.fields(v, []string{"value_propositions", "customer_segments"}, "fits.for")
			vps = append(vps, r.refs(rel["value_propositions"], "fits.for.value_propositions")...)
			segs = append(segs, r.refs(rel["customer_segments"], "fits.for.customer_segments")...)
		}
	}
	vps = append(vps, r.refs(f["value_proposition"], "fits.value_proposition")...)
	segs = append(segs, r.refs(f["customer_segment"], "fits.customer_segment")...)
	var segNames []string
	for _, s := range segs {
		segNames = append(segNames, r.name(s))
	}
	title := "Fit with " + strings.Join(segNames, ", ")
	if len(segNames) == 0 {
		title = "Fit"
	}
	// The lines of the fit, and the proposition each belongs to (nil: all).
	type line struct {
		text  string
		owner *bmmlEntity
	}
	var lines []line
	for _, m := range r.List(f["mappings"], "fits.mappings", "") {
		if m.Kind != yaml.SequenceNode || len(m.Content) != 2 || m.Content[0].Kind != yaml.ScalarNode || m.Content[1].Kind != yaml.ScalarNode {
			r.report.skip(r.Pos(m), "a mapping of a fit is a pair such as [pr-…, pain-…]: this one is not kept")
			continue
		}
		a, b := bmmlRef{m.Content[0].Value, r.Pos(m.Content[0])}, bmmlRef{m.Content[1].Value, r.Pos(m.Content[1])}
		lines = append(lines, line{r.name(a) + " → " + r.name(b), r.owner[a.id]})
		r.counts["fits.mappings"]++
	}
	for _, k := range []struct{ key, target, verb string }{
		{"pain_relievers", "pain", "relieves"}, {"gain_creators", "gain", "creates"}, {"job_addressers", "job", "addresses"}} {
		for _, item := range r.List(f[k.key], "fits."+k.key, "") {
			if item.Kind != yaml.MappingNode {
				r.Errorf(item, "each entry of fits.%s must be a mapping such as {%s: …, through: […]}, found %s", k.key, k.target, bmc.DescribeNode(item))
				continue
			}
			g := r.fields(item, []string{k.target, "through", "description"}, "fits."+k.key)
			var parts []string
			for _, t := range r.refs(g[k.target], "fits."+k.key+"."+k.target) {
				parts = append(parts, k.verb+": "+r.name(t))
			}
			var through []string
			var owner *bmmlEntity
			for _, t := range r.refs(g["through"], "fits."+k.key+".through") {
				through = append(through, r.name(t))
				owner = r.owner[t.id]
			}
			if len(through) > 0 {
				parts = append(parts, "through: "+strings.Join(through, ", "))
			}
			text := strings.Join(parts, "; ")
			if g["description"] != nil {
				if d := oneLine(r.Text(g["description"], "fits."+k.key+".description")); d != "" {
					text = d + " (" + text + ")"
				}
			}
			lines = append(lines, line{text, owner})
			r.counts["fits."+k.key]++
		}
	}
	for _, v := range vps {
		vp := r.byID[v.id]
		if vp == nil || vp.kind != "value_propositions" {
			r.report.skip(v.at, "fit names %q, which is no value proposition of the file: its links and mappings are not kept", truncate(v.id, 60))
			continue
		}
		vp.links = append(vp.links, segs...)
		sec := bmmlSection{title: title}
		for _, l := range lines {
			if l.owner == nil || l.owner == vp || !containsRef(vps, l.owner.id) {
				sec.items = append(sec.items, l.text)
			}
		}
		if len(sec.items) > 0 {
			vp.sections = append(vp.sections, sec)
		}
	}
}

func containsRef(refs []bmmlRef, id string) bool {
	for _, r := range refs {
		if r.id == id {
			return true
		}
	}
	return false
}

// name returns the readable name of an id; an id the file does not define
// stays as it is, and is reported.
func (r *bmmlReader) name(ref bmmlRef) string {
	if n, ok := r.names[ref.id]; ok {
		return n
	}
	r.report.skip(ref.at, "%q is defined nowhere in the file: written as it is", truncate(ref.id, 60))
	return ref.id
}

// text writes an entity's note: name, description, "For:" line, then its
// lists.
func (r *bmmlReader) text(e *bmmlEntity) string {
	var lines []string
	if e.name != "" {
		lines = append(lines, e.name)
	}
	if e.description != "" {
		lines = append(lines, e.description)
	}
	if len(e.forRefs) > 0 {
		names := make([]string, len(e.forRefs))
		for i, ref := range e.forRefs {
			names[i] = r.name(ref)
		}
		lines = append(lines, "For: "+strings.Join(names, ", "))
	}
	if len(lines) == 0 {
		lines = append(lines, e.id)
	}
	if len(e.sections) > 0 {
		lines = append(lines, "")
	}
	for _, s := range e.sections {
		lines = append(lines, s.title+":")
		for _, item := range s.items {
			lines = append(lines, "- "+item)
		}
	}
	return strings.Join(lines, "\n")
}

// kept writes the report's "what went where", in bmmlPlaces order.
func (r *bmmlReader) kept() {
	done := map[string]bool{}
	paths := make([]string, 0, len(r.counts))
	for p, n := range r.counts {
		if n > 0 {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, place := range bmmlPlaces {
		if rest, ok := strings.CutPrefix(place.path, "*."); ok {
			// Keys of several kinds: one line with every kind's count.
			var parts []string
			total := 0
			for _, p := range paths {
				if !done[p] && strings.HasSuffix(p, "."+rest) {
					parts = append(parts, fmt.Sprintf("%s (%d)", p, r.counts[p]))
					total += r.counts[p]
					done[p] = true
				}
			}
			if total > 0 {
				r.report.Kept = append(r.report.Kept, strings.Join(parts, ", ")+" → "+place.place)
			}
			continue
		}
		if n := r.counts[place.path]; n > 0 && !done[place.path] {
			r.report.Kept = append(r.report.Kept, fmt.Sprintf("%s (%d) → %s", place.path, n, place.place))
			done[place.path] = true
		}
	}
	for _, p := range paths {
		if !done[p] {
			r.report.Kept = append(r.report.Kept, fmt.Sprintf("%s (%d) → the note's text", p, r.counts[p]))
		}
	}
}

// fields returns the value node of each key of a mapping. Keys outside
// known are reported as not imported; where names the mapping.
func (r *bmmlReader) fields(m *yaml.Node, known []string, where string) map[string]*yaml.Node {
	return r.Keys(m, known, where, func(k *yaml.Node) {
		path := k.Value
		if where != "" {
			path = where + "." + path
		}
		r.report.skip(r.Pos(k), "%s is not imported: the canvas has no place for it%s", truncate(path, 80), bmc.Suggestion(k.Value, known))
	})
}

// refs reads one id or a list of ids.
func (r *bmmlReader) refs(v *yaml.Node, what string) []bmmlRef {
	if v == nil || v.Tag == "!!null" {
		return nil
	}
	if v.Kind == yaml.ScalarNode {
		return []bmmlRef{{v.Value, r.Pos(v)}}
	}
	var out []bmmlRef
	for _, item := range r.List(v, what, "") {
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			r.Errorf(item, "each entry of %s must be an id, found %s", what, bmc.DescribeNode(item))
			continue
		}
		out = append(out, bmmlRef{item.Value, r.Pos(item)})
	}
	return out
}
