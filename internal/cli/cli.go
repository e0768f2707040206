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
)

// Exit codes.
const (
	exitOK      = 0
	exitFailed  = 1 // the job ran but some inputs failed
	exitUsage   = 2 // bad flags or arguments
	exitAborted = 3 // the job stopped: a fatal error or an interrupt
)

// errUsage marks errors the user fixes by changing the command line.
var errUsage = errors.New("usage")

// errPartial reports that some inputs failed while the rest were processed.
var errPartial = errors.New("some inputs failed")

const usage = `dateline turns dated news articles into structured, time-anchored knowledge.

Usage:
  dateline <command> [flags] [args]

Commands:
  extract   analyse articles and print one JSON document per line
  version   print the version

Examples:
  dateline extract article.txt                 # seed file: "date 2025-08-06 <text>"
  dateline extract --date 2025-08-06 story.txt  # plain text dated on the command line
  dateline extract --pretty article.txt         # indented JSON
  cat feed.jsonl | dateline extract - > out.jsonl
  dateline extract corpus/ > out.jsonl          # every file below corpus/, in order

Run 'dateline <command> -h' for a command's flags.
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
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "dateline: %v\n", err)
		return exitUsage
	case errors.Is(err, errPartial):
		fmt.Fprintf(stderr, "dateline: %v\n", err)
		return exitFailed
	default:
		fmt.Fprintf(stderr, "dateline: %v\n", err)
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
	case "version", "--version":
		fmt.Fprintln(env.Stdout, version())
		return nil
	case "help", "-h", "-help", "--help":
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

// newFlags returns a flag set whose -h output shows the command's usage text
// with examples before the flags.
func newFlags(env Env, name, help string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, help)
		fmt.Fprintln(env.Stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}
