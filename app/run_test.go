package app

import (
	"strings"
	"testing"
)

func TestCheckDisplay(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	tests := []struct {
		goos    string
		vars    map[string]string
		wantErr bool
	}{
		{"linux", nil, true},
		{"linux", map[string]string{"DISPLAY": ":0"}, false},
		{"linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, false},
		{"freebsd", nil, true},
		{"darwin", nil, false},
		{"windows", nil, false},
	}
	for _, tt := range tests {
		err := checkDisplay(tt.goos, env(tt.vars))
		if (err != nil) != tt.wantErr {
			t.Errorf("%s %v: error %v, want error %v", tt.goos, tt.vars, err, tt.wantErr)
		}
		if err != nil && !strings.Contains(err.Error(), "bmcanvas help") {
			t.Errorf("the message does not point to the commands: %v", err)
		}
	}
}
