//go:build ignore

// cmdtime times a whole command, process start to exit, as a user waits
// for it: it runs the command -n times (after one untimed run that warms
// the page cache) and prints the median and the fastest wall time and
// CPU time (user + system), with the load average before and after, so
// that a figure taken on a busy machine says so. The command's output is
// discarded; its exit code is not checked (diff exits 1 for "differ").
//
// Usage: go run scripts/cmdtime.go [-n 21] COMMAND [ARG...]
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 21, "how many timed runs")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: go run scripts/cmdtime.go [-n 21] COMMAND [ARG...]")
		os.Exit(2)
	}
	args := flag.Args()
	load := loadAvg()
	var wall, cpu []time.Duration
	for i := 0; i <= *n; i++ {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Stderr = os.Stderr
		start := time.Now()
		var exit *exec.ExitError
		if err := cmd.Run(); err != nil && !errors.As(err, &exit) {
			fmt.Fprintf(os.Stderr, "%s: %v\n", strings.Join(args, " "), err)
			os.Exit(1)
		} // an exit code is the command's answer (diff: 1 for "differ")
		w := time.Since(start)
		if i == 0 {
			continue // warms the page cache
		}
		wall = append(wall, w)
		cpu = append(cpu, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
	}
	slices.Sort(wall)
	slices.Sort(cpu)
	fmt.Printf("%-60s wall median %5.1f ms (min %5.1f)  cpu median %5.1f ms (min %5.1f)  n=%d  load %s -> %s\n",
		strings.Join(args, " "), ms(wall[len(wall)/2]), ms(wall[0]), ms(cpu[len(cpu)/2]), ms(cpu[0]), *n, load, loadAvg())
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// loadAvg returns the one-minute load average, or "?".
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}
