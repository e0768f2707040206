package cli

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progressEvery is the shortest time between two redraws of the progress
// line: fast enough to look alive, slow enough to cost nothing.
const progressEvery = 250 * time.Millisecond

// progress draws a one-line status of a long job on a terminal: documents
// done, their rate and the failures so far. It redraws in place with a
// carriage return; clear erases it before other messages and at the end. A
// disabled progress does nothing, so callers need not check.
type progress struct {
	w       io.Writer
	enabled bool
	now     func() time.Time
	start   time.Time
	last    time.Time // last redraw
	shown   bool      // a line is on screen
}

func newProgress(w io.Writer, enabled bool, now func() time.Time) *progress {
	t := now()
	return &progress{w: w, enabled: enabled, now: now, start: t, last: t}
}

// update redraws the line when progressEvery has passed since the last one.
func (p *progress) update(done, failed int) {
	if !p.enabled {
		return
	}
	t := p.now()
	if t.Sub(p.last) < progressEvery {
		return
	}
	p.last = t
	rate := 0.0
	if el := t.Sub(p.start).Seconds(); el > 0 {
		rate = float64(done) / el
	}
	fmt.Fprintf(p.w, "\r\033[K%d docs  %.1f docs/s  %d failed", done, rate, failed)
	p.shown = true
}

// clear erases the line if one is shown.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

// isTerminal reports whether w is a terminal (a character device), the only
// place a progress line belongs: never in a log file or a pipe.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
