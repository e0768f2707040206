package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

// clock is a fake time source advanced by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestProgress(t *testing.T) {
	c := &clock{t: time.Date(2025, 8, 6, 9, 0, 0, 0, time.UTC)}
	var buf bytes.Buffer
	p := newProgress(&buf, true, c.now)

	p.update(1, 0)
	if buf.Len() != 0 {
		t.Fatalf("drew before %v passed: %q", progressEvery, buf.String())
	}
	c.t = c.t.Add(500 * time.Millisecond)
	p.update(10, 1)
	if got, want := buf.String(), "\r\033[K10 docs  20.0 docs/s  1 failed"; got != want {
		t.Fatalf("line = %q, want %q", got, want)
	}
	// Updates within progressEvery are dropped: at most ~4 redraws a second.
	for i := range 100 {
		c.t = c.t.Add(time.Millisecond)
		p.update(11+i, 1)
	}
	if n := strings.Count(buf.String(), "\r"); n != 1 {
		t.Errorf("redrew %d times in 100 ms, want none", n-1)
	}
	c.t = c.t.Add(progressEvery)
	p.update(200, 2)
	if !strings.HasSuffix(buf.String(), "\r\033[K200 docs  235.3 docs/s  2 failed") {
		t.Errorf("second line wrong: %q", buf.String())
	}
	buf.Reset()
	p.clear()
	p.clear()
	if got := buf.String(); got != "\r\033[K" {
		t.Errorf("clear wrote %q, want one erase", got)
	}
}

func TestProgressDisabled(t *testing.T) {
	c := &clock{t: time.Now()}
	var buf bytes.Buffer
	p := newProgress(&buf, false, c.now)
	for range 10 {
		c.t = c.t.Add(time.Second)
		p.update(1, 1)
	}
	p.clear()
	if buf.Len() != 0 {
		t.Errorf("disabled progress wrote %q", buf.String())
	}
}

func TestIsTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("a regular file is a terminal")
	}
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is a terminal")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if isTerminal(w) {
		t.Error("a pipe is a terminal")
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		if !isTerminal(tty) {
			t.Error("/dev/tty is not a terminal")
		}
	}
}
