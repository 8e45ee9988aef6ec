package app

import (
	"testing"
	"time"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func TestDescribeChanges(t *testing.T) {
	base := func(t *testing.T) *bmc.Canvas {
		t.Helper()
		c, err := bmc.Load("bakery.yaml", mustExample(t, "bakery"))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	must := func(t *testing.T, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	first := func(c *bmc.Canvas, block string, i int) string { return c.Blocks[block][i].ID }
	tests := []struct {
		name string
		edit func(t *testing.T, c *bmc.Canvas)
		want string
	}{
		{"nothing", func(*testing.T, *bmc.Canvas) {}, ""},
		{"one text", func(t *testing.T, c *bmc.Canvas) {
			must(t, c.SetText(first(c, "channels", 0), "Flyers"))
		}, "1 note changed"},
		{"colour counts as a change", func(t *testing.T, c *bmc.Canvas) {
			must(t, c.SetColor(first(c, "channels", 0), bmc.Pink))
		}, "1 note changed"},
		{"the brief's example", func(t *testing.T, c *bmc.Canvas) {
			for i := 0; i < 3; i++ {
				must(t, c.SetText(first(c, "key_partners", i), "changed"))
			}
			_, err := c.AddNote("channels", -1, bmc.Note{Text: "Market stall"})
			must(t, err)
			c.Title = "Corner Bakery 2027"
		}, "3 notes changed, 1 added, title changed"},
		{"added and removed", func(t *testing.T, c *bmc.Canvas) {
			_, err := c.AddNote("channels", -1, bmc.Note{Text: "a"})
			must(t, err)
			_, err = c.AddNote("channels", -1, bmc.Note{Text: "b"})
			must(t, err)
			must(t, c.DeleteNote(first(c, "key_partners", 0)))
		}, "2 notes added, 1 removed"},
		{"moved", func(t *testing.T, c *bmc.Canvas) {
			must(t, c.MoveNote(first(c, "key_partners", 0), "channels", 0))
		}, "1 note moved to another block"},
		{"moved and edited is changed", func(t *testing.T, c *bmc.Canvas) {
			id := first(c, "key_partners", 0)
			must(t, c.MoveNote(id, "channels", 0))
			must(t, c.SetText(id, "elsewhere"))
		}, "1 note changed"},
		{"reordered", func(t *testing.T, c *bmc.Canvas) {
			must(t, c.ReorderNote(first(c, "key_partners", 0), 2))
		}, "notes reordered"},
		{"details and backstage", func(t *testing.T, c *bmc.Canvas) {
			c.DesignedBy = "Someone else"
			must(t, c.SetBackstageShown(false))
		}, "details changed, backstage hidden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			was, now := base(t), base(t)
			tt.edit(t, now)
			if got := describeChanges(was, now); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWhenKept(t *testing.T) {
	now := time.Date(2026, 11, 29, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		t    time.Time
		want string
	}{
		{now.Add(-20 * time.Second), "today at 14:59 (moments ago)"},
		{now.Add(-5 * time.Minute), "today at 14:55 (5 minutes ago)"},
		{now.Add(-1 * time.Minute), "today at 14:59 (1 minute ago)"},
		{now.Add(-18 * time.Hour), "yesterday at 21:00 (18 hours ago)"},
		{now.AddDate(0, 0, -5), "Tue 24 Nov at 15:00 (5 days ago)"},
		{now.AddDate(-1, 0, 0), "Sat 29 Nov 2025 at 15:00 (365 days ago)"},
		{now.Add(time.Hour), "today at 16:00"}, // a clock set back: no "ago"
	}
	for _, tt := range tests {
		if got := whenKept(tt.t, now); got != tt.want {
			t.Errorf("whenKept(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
}
