package event_test

import (
	"fmt"
	"strings"

	"dateline/internal/doc"
)

// frames renders the events of d one a line, with entity names instead of
// ids, so that golden files read like the sentences they test:
//
//	MEET "meeting" +talks agent=Steve Witkoff partner=Vladimir Putin place=Moscow time=2025-08-06 duration=PT3H
func frames(d *doc.Document) []string {
	names := map[string]string{}
	for _, e := range d.Entities {
		names[e.ID] = e.Name
		if e.Name == "" && len(e.Mentions) > 0 {
			names[e.ID] = e.Mentions[0].Text
		}
	}
	times := map[string]string{}
	for _, t := range d.Times {
		times[t.ID] = t.Value
	}
	var out []string
	for _, e := range d.Events {
		var b strings.Builder
		fmt.Fprintf(&b, "%s %q", e.Type, e.Trigger.Text)
		for _, m := range e.Mentions {
			fmt.Fprintf(&b, " +%s", m.Text)
		}
		for _, p := range e.Participants {
			fmt.Fprintf(&b, " %s=%s", p.Role, names[p.Entity])
		}
		if e.Place != "" {
			fmt.Fprintf(&b, " place=%s", names[e.Place])
		}
		if e.Time != "" {
			fmt.Fprintf(&b, " time=%s", times[e.Time])
		}
		if at := e.Attributes; at != nil {
			if at.Duration != "" {
				fmt.Fprintf(&b, " duration=%s", at.Duration)
			}
			if at.Count != 0 {
				fmt.Fprintf(&b, " count=%d", at.Count)
			}
			if at.Modality != "" {
				fmt.Fprintf(&b, " modality=%s", at.Modality)
			}
			if at.Negated {
				b.WriteString(" negated")
			}
			if len(at.Evaluation) > 0 {
				fmt.Fprintf(&b, " eval=%s", strings.Join(at.Evaluation, ","))
			}
		}
		out = append(out, b.String())
	}
	for _, dl := range d.Deadlines {
		var b strings.Builder
		fmt.Fprintf(&b, "DEADLINE %q", dl.Trigger.Text)
		if dl.By != "" {
			fmt.Fprintf(&b, " by=%s", dl.By)
		}
		if dl.Setter != "" {
			fmt.Fprintf(&b, " setter=%s", names[dl.Setter])
		}
		if dl.Target != "" {
			fmt.Fprintf(&b, " target=%s", names[dl.Target])
		}
		if dl.Demand != "" {
			fmt.Fprintf(&b, " demand=%q", dl.Demand)
		}
		if dl.Consequence != "" {
			fmt.Fprintf(&b, " consequence=%q", dl.Consequence)
		}
		if dl.Status != "" {
			fmt.Fprintf(&b, " status=%s", dl.Status)
		}
		out = append(out, b.String())
	}
	return out
}
