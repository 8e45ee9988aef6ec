package capture

import (
	"fmt"
	"os"
	"testing"
)

func TestStdout(t *testing.T) {
	old := os.Stdout
	got := Stdout(t, func() { fmt.Print("behind your back") })
	if got != "behind your back" {
		t.Errorf("caught %q", got)
	}
	if os.Stdout != old {
		t.Error("os.Stdout was not put back")
	}
}
