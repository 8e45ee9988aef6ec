package bmc

// The grid all built-in templates share: five columns of six units over an
// upper part of twelve units and a bottom row of four (a quarter).
const (
	gridW   = 30
	gridH   = 16
	colW    = 6
	upperH  = 12
	halfH   = upperH / 2
	bottomH = gridH - upperH
	thirdW  = gridW / 3
)

var (
	revenueTags = []string{"asset sale", "usage fee", "subscription", "lending", "licensing", "brokerage", "advertising"}
	costTags    = []string{"fixed", "variable"}
)

// bmcTemplate is Osterwalder's nine-block Business Model Canvas.
var bmcTemplate = register(&Template{
	ID:          "business-model-canvas",
	Name:        "Business Model Canvas",
	Description: "The nine building blocks of how an organisation creates, delivers and captures value.",
	Attribution: "The Business Model Canvas by Strategyzer AG (strategyzer.com), CC BY-SA 3.0",
	Width:       gridW, Height: gridH,
	FillOrder: []string{"customer_segments", "value_propositions", "channels", "customer_relationships",
		"revenue_streams", "key_activities", "key_resources", "key_partners", "cost_structure"},
	Blocks: []Block{
		{ID: "key_partners", Title: "Key Partners", Icon: iconLink, Backstage: true,
			Question: "Who helps us do what we cannot or should not do alone?",
			Prompts: []string{
				"Which suppliers give us resources we rely on?",
				"Which activities do partners perform for us?",
				"Is it an alliance, a joint venture, coopetition or a buyer–supplier tie?"},
			Rect: Rect{0, 0, colW, upperH}},
		{ID: "key_activities", Title: "Key Activities", Icon: iconGear, Backstage: true,
			Question: "What must we do exceptionally well for the model to work?",
			Prompts: []string{
				"Which activities do our value propositions demand?",
				"Do we mostly produce, solve problems or run a platform?"},
			Tags: []string{"production", "problem solving", "platform"},
			Rect: Rect{colW, 0, colW, halfH}},
		{ID: "key_resources", Title: "Key Resources", Icon: iconBox, Backstage: true,
			Question: "Which assets does the model depend on most?",
			Prompts: []string{
				"What do our propositions, channels and relationships need?",
				"Are they physical, intellectual, human or financial?"},
			Tags: []string{"physical", "intellectual", "human", "financial"},
			Rect: Rect{colW, halfH, colW, halfH}},
		{ID: "value_propositions", Title: "Value Propositions", Icon: iconGift,
			Question: "What value do we bring to each customer segment?",
			Prompts: []string{
				"Which problem do we solve, which need do we meet?",
				"What bundle of products and services does each segment get?",
				"Why would a customer choose us over the alternatives?"},
			Rect: Rect{2 * colW, 0, colW, upperH}, FrontRect: Rect{0, 0, thirdW, upperH}},
		{ID: "customer_relationships", Title: "Customer Relationships", Icon: iconHeart,
			Question: "What relationship does each segment expect from us?",
			Prompts: []string{
				"Personal help, self-service, automation, a community or co-creation?",
				"How do we win, keep and grow customers?"},
			Rect: Rect{3 * colW, 0, colW, halfH}, FrontRect: Rect{thirdW, 0, thirdW, halfH}},
		{ID: "channels", Title: "Channels", Icon: iconTruck,
			Question: "How do we reach our segments and deliver to them?",
			Prompts: []string{
				"How do customers hear of us, evaluate and buy?",
				"How do we deliver and look after them once they have bought?"},
			Rect: Rect{3 * colW, halfH, colW, halfH}, FrontRect: Rect{thirdW, halfH, thirdW, halfH}},
		{ID: "customer_segments", Title: "Customer Segments", Icon: iconPeople,
			Question: "For whom do we create value?",
			Prompts: []string{
				"Who are our most important customers?",
				"A mass market, a niche, several segments or a multi-sided platform?"},
			Rect: Rect{4 * colW, 0, colW, upperH}, FrontRect: Rect{2 * thirdW, 0, thirdW, upperH}},
		{ID: "cost_structure", Title: "Cost Structure", Icon: iconTag, Backstage: true,
			Question: "What are the largest costs of running this model?",
			Prompts: []string{
				"Which resources and activities cost the most?",
				"Are we driven by low cost or by value? What is fixed, what varies?",
				"Where do economies of scale or scope help us?"},
			Tags: costTags,
			Rect: Rect{0, upperH, gridW / 2, bottomH}},
		{ID: "revenue_streams", Title: "Revenue Streams", Icon: iconCoins,
			Question: "What are customers really willing to pay for?",
			Prompts: []string{
				"How do they pay now, and how would they prefer to pay?",
				"Sales, usage fees, subscriptions, rental, licences, brokerage or ads?",
				"How much does each stream add to the total?"},
			Tags: revenueTags,
			Rect: Rect{gridW / 2, upperH, gridW / 2, bottomH}, FrontRect: Rect{0, upperH, gridW, bottomH}},
	},
})

// personalTemplate is the personal canvas of Business Model You: the same nine
// places, in the words of one person's working life.
var personalTemplate = register(&Template{
	ID:          "personal",
	Name:        "Personal Business Model (Business Model You)",
	Description: "The canvas for one person's work: who you help, how, and what you get back.",
	Attribution: "The Personal Business Model Canvas from Business Model You (Tim Clark with Alexander Osterwalder and Yves Pigneur), CC BY-SA 3.0",
	Width:       gridW, Height: gridH,
	FillOrder: bmcTemplate.FillOrder,
	Blocks:    personalBlocks(),
})

func personalBlocks() []Block {
	words := map[string]struct {
		title, question string
		prompts         []string
	}{
		"key_partners": {"Who helps you", "Who supports you and makes your work possible?",
			[]string{"Mentors, colleagues, family, friends, clients who refer you?", "What do they give you, and what do they get from you?"}},
		"key_activities": {"What you do", "What do you actually do, day to day, for the people you help?",
			[]string{"Which tasks make the biggest difference to them?", "Which do you do best?"}},
		"key_resources": {"Who you are & what you have", "What do you bring: interests, skills, personality, contacts?",
			[]string{"What are you good at without trying hard?", "What knowledge, experience, reputation and network do you have?"}},
		"value_propositions": {"How you help", "How are the people you help better off because of you?",
			[]string{"Which job do they need done, and how do you do it for them?", "Why would they come to you rather than someone else?"}},
		"customer_relationships": {"How you interact", "How do you deal with the people you help?",
			[]string{"Face to face, by mail, as a group, once or ongoing?", "How do they find out what else you could do for them?"}},
		"channels": {"How they know you & how you deliver", "How do people learn about you, decide, buy and receive your help?",
			[]string{"Word of mouth, a portfolio, talks, social media?", "How do you deliver your work, and follow it up?"}},
		"customer_segments": {"Who you help", "Whom do you create value for?",
			[]string{"Who depends on your work: your employer, clients, their customers?", "Who would miss you if you stopped?"}},
		"cost_structure": {"What you give", "What does your work cost you?",
			[]string{"Time, energy, money for training and tools?", "The soft costs too: stress, travel, time away from family."}},
		"revenue_streams": {"What you get", "What do you receive for your work?",
			[]string{"Salary, fees, royalties, benefits?", "The soft benefits too: satisfaction, recognition, growth, fun."}},
	}
	blocks := make([]Block, len(bmcTemplate.Blocks))
	for i, b := range bmcTemplate.Blocks {
		w := words[b.ID]
		b.Title, b.Question, b.Prompts = w.title, w.question, w.prompts
		blocks[i] = b
	}
	return blocks
}

// leanTemplate is Ash Maurya's Lean Canvas, for testing a new product idea. It has
// no backstage.
var leanTemplate = register(&Template{
	ID:          "lean",
	Name:        "Lean Canvas",
	Description: "A one-page plan for a start-up idea: the problem, the solution and how to prove it.",
	Attribution: "Lean Canvas by Ash Maurya (leanstack.com), adapted from the Business Model Canvas by Strategyzer AG, CC BY-SA 3.0",
	Width:       gridW, Height: gridH,
	FillOrder: []string{"problem", "customer_segments", "unique_value_proposition", "solution",
		"channels", "revenue_streams", "cost_structure", "key_metrics", "unfair_advantage"},
	Blocks: []Block{
		{ID: "problem", Title: "Problem", Icon: iconAlert,
			Question: "Which top one to three problems do your customers have?",
			Prompts: []string{
				"How do they solve these problems today?",
				"Which problem hurts most, and how often?"},
			Rect: Rect{0, 0, colW, upperH}},
		{ID: "solution", Title: "Solution", Icon: iconBulb,
			Question: "What is the simplest thing that solves each problem?",
			Prompts: []string{
				"Which feature answers which problem?",
				"What could you build and test first?"},
			Rect: Rect{colW, 0, colW, halfH}},
		{ID: "key_metrics", Title: "Key Metrics", Icon: iconChart,
			Question: "Which numbers tell you the business is working?",
			Prompts: []string{
				"Which actions of customers show they get value?",
				"What will you count weekly: sign-ups, active users, revenue?"},
			Rect: Rect{colW, halfH, colW, halfH}},
		{ID: "unique_value_proposition", Title: "Unique Value Proposition", Icon: iconGift,
			Question: "What single, clear message makes you different and worth noticing?",
			Prompts: []string{
				"What would your headline say?",
				"What is your high-level concept (X for Y)?"},
			Rect: Rect{2 * colW, 0, colW, upperH}},
		{ID: "unfair_advantage", Title: "Unfair Advantage", Icon: iconStar,
			Question: "What do you have that cannot easily be copied or bought?",
			Prompts: []string{
				"Insider knowledge, a community, a network effect, a key hire?",
				"It is fine to leave this empty at first."},
			Rect: Rect{3 * colW, 0, colW, halfH}},
		{ID: "channels", Title: "Channels", Icon: iconTruck,
			Question: "How will you reach your customers?",
			Prompts: []string{
				"Which paths to customers can you test cheaply now?",
				"Which will scale later?"},
			Rect: Rect{3 * colW, halfH, colW, halfH}},
		{ID: "customer_segments", Title: "Customer Segments", Icon: iconPeople,
			Question: "Who are your target customers and users?",
			Prompts: []string{
				"Who are your early adopters?",
				"Who has the problem worst?"},
			Rect: Rect{4 * colW, 0, colW, upperH}},
		{ID: "cost_structure", Title: "Cost Structure", Icon: iconTag,
			Question: "What will it cost to get to market and to run?",
			Prompts: []string{
				"What does it cost to win a customer?",
				"What are your fixed and variable costs?"},
			Tags: costTags,
			Rect: Rect{0, upperH, gridW / 2, bottomH}},
		{ID: "revenue_streams", Title: "Revenue Streams", Icon: iconCoins,
			Question: "How will you make money?",
			Prompts: []string{
				"What is your revenue model and your price?",
				"What is the lifetime value of a customer, and the gross margin?"},
			Tags: revenueTags,
			Rect: Rect{gridW / 2, upperH, gridW / 2, bottomH}},
	},
})

// BusinessModelCanvas returns Osterwalder's nine-block Business Model
// Canvas.
func BusinessModelCanvas() *Template { return bmcTemplate.clone() }

// Personal returns the personal canvas of Business Model You: the same
// nine places, in the words of one person's working life.
func Personal() *Template { return personalTemplate.clone() }

// Lean returns Ash Maurya's Lean Canvas, for testing a new product idea.
// It has no backstage.
func Lean() *Template { return leanTemplate.clone() }
