package app

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestAddRecent(t *testing.T) {
	many := []string{}
	for i := range 12 {
		many = append(many, fmt.Sprint(i))
	}
	tests := []struct {
		list []string
		path string
		want string
	}{
		{nil, "a", "[a]"},
		{[]string{"a", "b"}, "c", "[c a b]"},
		{[]string{"a", "b", "c"}, "b", "[b a c]"},
		{[]string{"a", "", "b"}, "a", "[a b]"},
		{many, "x", "[x 0 1 2 3 4 5 6 7 8]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(addRecent(tt.list, tt.path)); got != tt.want {
			t.Errorf("addRecent(%v, %q) = %s, want %s", tt.list, tt.path, got, tt.want)
		}
	}
}

func TestPruneRecent(t *testing.T) {
	exists := func(p string) bool { return p != "gone" }
	tests := []struct {
		list []string
		want string
	}{
		{nil, "[]"},
		{[]string{"a", "gone", "b"}, "[a b]"},
		{[]string{"gone"}, "[]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(pruneRecent(tt.list, exists)); got != tt.want {
			t.Errorf("pruneRecent(%v) = %s, want %s", tt.list, got, tt.want)
		}
	}
}

func TestRecentFiles(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	r := NewRecentFiles(a.Preferences())
	var paths []string
	for i := range 12 {
		p := filepath.Join(dir, fmt.Sprintf("c%d.yaml", i))
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		r.Add(p)
		paths = append(paths, p)
	}
	list := r.List()
	if len(list) != MaxRecent || list[0] != paths[11] {
		t.Fatalf("List = %v", list)
	}
	os.Remove(paths[11])
	if list = r.List(); len(list) != MaxRecent-1 || list[0] != paths[10] {
		t.Errorf("after removing the newest: %v", list)
	}
	if stored := a.Preferences().StringList(recentKey); len(stored) != MaxRecent-1 {
		t.Errorf("missing files were not pruned from the preferences: %v", stored)
	}
	r.Clear()
	if len(r.List()) != 0 {
		t.Error("Clear left files")
	}
}
