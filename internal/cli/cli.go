// Package cli implements the dateline command line: one file per subcommand,
// each a thin layer of flags over a testable function, and [Main], which maps
// errors to exit codes in one place.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailed  = 1 // the job ran but some inputs failed (or --strict stopped at one)
	exitUsage   = 2 // bad flags or arguments
	exitAborted = 3 // the job stopped: a fatal error or an interrupt
)

// errUsage marks errors the user fixes by changing the command line.
var errUsage = errors.New("usage")

// exitError is an error that carries its own exit code.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

const usage = `dateline turns dated news articles into structured, time-anchored knowledge.

Usage:
  dateline <command> [flags] [args]

Commands:
  extract   analyse articles and print one JSON document per line
  ingest    analyse articles and store them in the database
  worker    analyse and store articles queued with 'ingest --enqueue' (PostgreSQL)
  search    full-text search of stored articles, with filters
  entity    what stored articles say about a person, organisation or place
  quotes    who said what, by speaker or topic
  deadlines deadlines and ultimatums, soonest first
  story     the articles grouped as one news story, and why
  export    write stored articles as JSONL or CSV
  log       the ingest log: what each input became, and why inputs failed
  serve     HTTP API and web UI over the stored articles
  version   print the version

Examples:
  dateline extract article.txt                 # seed file: "date 2025-08-06 <text>"
  dateline extract --date 2025-08-06 story.txt  # plain text dated on the command line
  dateline extract --pretty article.txt         # indented JSON
  cat feed.jsonl | dateline extract - > out.jsonl
  dateline extract corpus/ > out.jsonl          # every file below corpus/, in order

Run 'dateline help <command>' or 'dateline <command> -h' for a command's flags.
`

// Env is what a command needs from the process: streams and a logger.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Log    *slog.Logger
}

// Main runs the command line args and returns the process exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Log: newLogger(stderr)}
	err := Run(ctx, env, args)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	}
	fmt.Fprintf(stderr, "dateline: %v\n", err)
	var ee *exitError
	switch {
	case errors.As(err, &ee):
		return ee.code
	case errors.Is(err, errUsage):
		return exitUsage
	default:
		return exitAborted
	}
}

// Run dispatches to a subcommand.
func Run(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage)
		return fmt.Errorf("%w: no command given", errUsage)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "extract":
		return runExtract(ctx, env, rest)
	case "ingest":
		return runIngest(ctx, env, rest)
	case "worker":
		return runWorker(ctx, env, rest)
	case "search":
		return runSearch(ctx, env, rest)
	case "entity":
		return runEntity(ctx, env, rest)
	case "quotes":
		return runQuotes(ctx, env, rest)
	case "deadlines":
		return runDeadlines(ctx, env, rest)
	case "story":
		return runStory(ctx, env, rest)
	case "export":
		return runExport(ctx, env, rest)
	case "log":
		return runLog(ctx, env, rest)
	case "serve":
		return runServe(ctx, env, rest)
	case "version", "--version":
		fmt.Fprintln(env.Stdout, version())
		return nil
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 && rest[0] != "help" && !strings.HasPrefix(rest[0], "-") {
			return Run(ctx, env, []string{rest[0], "-h"}) // dateline help extract
		}
		fmt.Fprint(env.Stdout, usage)
		return nil
	}
	fmt.Fprint(env.Stderr, usage)
	return fmt.Errorf("%w: unknown command %q", errUsage, cmd)
}

// newLogger writes plain key=value lines to stderr without timestamps:
// people read them, and a wrapper adds times if it wants them.
func newLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
}

// newFlags returns a flag set that prints nothing itself: parseFlags shows
// the help on -h and a one-line hint on a bad flag.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args and returns the positional arguments. Flags may
// follow them ("extract a.txt --pretty"); "--" ends the flags. -h prints the
// command's help, which teaches by example, then its flags on stdout, and
// returns flag.ErrHelp; a bad flag is a usage error.
func parseFlags(env Env, fs *flag.FlagSet, help string, args []string) ([]string, error) {
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(env.Stdout, help)
			fmt.Fprintln(env.Stdout, "\nFlags:")
			fs.SetOutput(env.Stdout)
			fs.PrintDefaults()
			return nil, err
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v (run 'dateline %s -h' for help)", errUsage, err, fs.Name())
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
