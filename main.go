// Command zhinan builds a static documentation site from a folder of Markdown.
//
//	zhinan build   [-out public] [-base-url /] [-drafts]   content/ + templates/ -> public/
//	zhinan serve   [-addr 127.0.0.1:1313] [-drafts]        build in memory, watch, live reload
//	zhinan watch   [-out public]                           rebuild public/ on every change
//	zhinan check                                           all diagnostics, write nothing
//	zhinan search  [-n 10] [-json] [-lang en] QUERY        the site's own search, in the terminal
//	zhinan init    [DIR]                                   start a site, or make a Markdown book folder a site
//	zhinan version                                         print the version
//	zhinan help    [command]
//
// Every command takes -src DIR, the site's root (the folder holding content/),
// default ".". Exit status: 0 ok, 1 diagnostics or failure, 2 usage.
// The generator itself is documented in package zhinan/generator.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// Command is one subcommand: its name, one-line summary, usage line, and the
// function that runs it with the arguments after its name.
type Command struct {
	Name    string
	Summary string
	Usage   string
	Run     func(args []string) int
}

var commands []Command

func init() {
	commands = []Command{
		{"build", "build the site into an output folder", "build [-src .] [-out public] [-base-url URL] [-drafts] [-links error|warn] [-cpuprofile F] [-memprofile F]", runBuild},
		{"serve", "build in memory, serve with live reload, rebuild on every change", "serve [-src .] [-addr 127.0.0.1:1313] [-drafts] [-links warn|error] [-open] [-poll 0]", runServe},
		{"watch", "rebuild the output folder on every change", "watch [-src .] [-out public] [-drafts] [-links error|warn] [-poll 0]", runWatch},
		{"check", "report every problem of the site; write nothing", "check [-src .] [-drafts] [-links error|warn]", runCheck},
		{"search", "search the built site from the terminal", "search [-src .] [-n 10] [-json] [-lang en] QUERY", runSearch},
		{"init", "start a site here: a small one, or settings for the Markdown book already here (mdBook, GitBook, MkDocs, docsify, VuePress/VitePress, Docusaurus)", "init [DIR]", runInit},
		{"version", "print the version of zhinan", "version", runVersion},
		{"help", "explain a command", "help [command]", runHelp},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	name := args[0]
	if name == "-h" || name == "-help" || name == "--help" {
		usage(os.Stdout)
		return 0
	}
	for _, c := range commands {
		if c.Name == name {
			return c.Run(args[1:])
		}
	}
	fmt.Fprintf(stderr, "zhinan: unknown command %q\n\n", name)
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "zhinan builds a static documentation site from a folder of Markdown.")
	fmt.Fprintln(w, "\nUsage:\n\n\tzhinan <command> [flags]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-8s %s\n", c.Name, c.Summary)
	}
	fmt.Fprintln(w, "\nEvery command takes -src DIR, the site's folder: zhinan.yaml and the Markdown pages (default \".\").")
	fmt.Fprintln(w, "Run \"zhinan help <command>\" for its flags.")
}

// usageOut is where a command's -h help goes: standard error, or standard
// output when asked for with "zhinan help".
var usageOut io.Writer = os.Stderr

// newFlags makes a command's flag set; -h prints the command's usage line.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(usageOut)
	fs.Usage = func() {
		for _, c := range commands {
			if c.Name == name {
				fmt.Fprintf(fs.Output(), "usage: zhinan %s\n\n%s.\n\nFlags:\n", c.Usage, strings.ToUpper(c.Summary[:1])+c.Summary[1:])
			}
		}
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; it returns -1 to go on, or the exit status.
func parse(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	return -1
}

func runHelp(args []string) int {
	if len(args) == 0 {
		usage(os.Stdout)
		return 0
	}
	for _, c := range commands {
		if c.Name == args[0] {
			if c.Name == "help" {
				usage(os.Stdout)
				return 0
			}
			// Every command defines its flags when it runs; -h prints them.
			usageOut = os.Stdout
			defer func() { usageOut = os.Stderr }()
			return c.Run([]string{"-h"})
		}
	}
	fmt.Fprintf(os.Stderr, "zhinan help: unknown command %q\n", args[0])
	return 2
}
