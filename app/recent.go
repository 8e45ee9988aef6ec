package app

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
)

// MaxRecent is how many files Open Recent lists.
const MaxRecent = 10

// recentKey is the preference that holds the recent files, newest first.
const recentKey = "recent"

// addRecent returns list with path moved or added to the front, without
// duplicates and cut to MaxRecent entries.
func addRecent(list []string, path string) []string {
	out := []string{path}
	for _, p := range list {
		if p != path && p != "" && len(out) < MaxRecent {
			out = append(out, p)
		}
	}
	return out
}

// pruneRecent returns the entries of list for which exists is true, at
// most MaxRecent of them.
func pruneRecent(list []string, exists func(string) bool) []string {
	out := []string{}
	for _, p := range list {
		if p != "" && exists(p) && len(out) < MaxRecent {
			out = append(out, p)
		}
	}
	return out
}

// fileExists reports whether path names a regular file.
func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// RecentFiles is the list of recently opened or saved canvas files, kept
// in the application's preferences.
type RecentFiles struct {
	prefs  fyne.Preferences
	exists func(string) bool
}

// NewRecentFiles returns the recent-file list kept in prefs.
func NewRecentFiles(prefs fyne.Preferences) *RecentFiles {
	return &RecentFiles{prefs: prefs, exists: fileExists}
}

// List returns the recent files, newest first, leaving out (and forgetting)
// those that no longer exist.
func (r *RecentFiles) List() []string {
	all := r.prefs.StringList(recentKey)
	kept := pruneRecent(all, r.exists)
	if len(kept) != len(all) {
		r.prefs.SetStringList(recentKey, kept)
	}
	return kept
}

// Add puts path at the top of the list, as an absolute path.
func (r *RecentFiles) Add(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	r.prefs.SetStringList(recentKey, addRecent(r.List(), path))
}

// Clear forgets every recent file.
func (r *RecentFiles) Clear() { r.prefs.SetStringList(recentKey, []string{}) }
