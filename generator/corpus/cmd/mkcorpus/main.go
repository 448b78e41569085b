// Command mkcorpus writes a synthetic zhinan site (package corpus) to a folder.
//
//	go run ./generator/corpus/cmd/mkcorpus -n 10000 -seed 1 -shape huge -out /tmp/site
//
// The folder gets content/ with n pages plus the home and section pages,
// grouped as -shape says (small, huge, flat or deep; see package corpus); files
// already there that the corpus does not have are left alone.
package main

import (
	"flag"
	"fmt"
	"os"

	"zhinan/generator/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of pages")
	seed := flag.Int64("seed", 1, "random seed; the same n and seed give the same files")
	shapeName := flag.String("shape", "small", "how pages are grouped: small, huge, flat, deep or dense")
	out := flag.String("out", "", "site folder to write (required)")
	flag.Parse()
	shape, err := corpus.ParseShape(*shapeName)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkcorpus:", err)
		os.Exit(2)
	}
	if *out == "" || flag.NArg() > 0 || *n < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := corpus.WriteShape(*out, shape, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "mkcorpus:", err)
		os.Exit(1)
	}
}
