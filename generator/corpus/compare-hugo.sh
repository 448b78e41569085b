#!/bin/sh
# compare-hugo.sh: build the same synthetic corpus (package corpus) with zhinan
# and with Hugo, one after the other, and print wall time, CPU time and peak
# memory (max RSS) of each, as design section 7 measures them.
#
#	generator/corpus/compare-hugo.sh              # n = 1000 and 10000, every shape
#	generator/corpus/compare-hugo.sh 2000 5000    # other sizes
#	SHAPES="huge flat" generator/corpus/compare-hugo.sh 1000   # some shapes only
#	RUNS=3 generator/corpus/compare-hugo.sh       # three interleaved pairs of runs
#	KEEP=1 generator/corpus/compare-hugo.sh       # keep the work folder
#	ZHINAN=/tmp/zhinan-old generator/corpus/compare-hugo.sh   # another zhinan binary
#
# Shapes are those of package corpus (mkcorpus -shape): small, huge, flat, deep.
# Every run builds into a fresh output folder. Besides time and memory it
# prints each tool's output (files, MB) and its heaviest HTML page (kB).
#
# Needs hugo (Debian bookworm: apt-get install -y hugo, 0.111) and GNU time
# (/usr/bin/time). Hugo gets a minimal hugo.toml and layouts/_default/
# {baseof,single,list}.html (header, content with TOC, plain page lists; no
# sidebar, no search index), written into the corpus folder for its run only.
# zhinan does more per page (sidebar tree, search index, tags, feeds), so the
# comparison is not in zhinan's favour. Hugo's warnings about .md links are
# irrelevant. On a busy machine wall time is noisy: compare CPU time too.
set -eu
cd "$(dirname "$0")/../.."
command -v hugo >/dev/null || { echo "compare-hugo: hugo not installed (apt-get install -y hugo)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "compare-hugo: /usr/bin/time not installed (apt-get install -y time)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/zhinan-vs-hugo.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
if [ -n "${ZHINAN:-}" ]; then cp "$ZHINAN" "$work/zhinan"; else go build -o "$work/zhinan" .; fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(hugo version | cut -d' ' -f1-2); zhinan ${ZHINAN:-at $(git rev-parse --short HEAD)}"

# measure NAME LOG CMD...: run CMD under GNU time, print one line of figures.
measure() {
	name=$1 log=$2
	shift 2
	if ! /usr/bin/time -v -o "$work/time" "$@" >"$log" 2>&1; then
		cat "$log" "$work/time" >&2
		echo "compare-hugo: $name failed" >&2
		exit 1
	fi
	awk -v name="$name" -v n="$n" -v shape="$shape" '
		/Elapsed \(wall clock\)/ { k = split($NF, t, ":"); wall = t[k] + 60 * t[k-1] + (k > 2 ? 3600 * t[k-2] : 0) }
		/User time/ { user = $NF }
		/System time/ { sys = $NF }
		/Maximum resident set size/ { rss = $NF / 1024 }
		END { printf "%-6s %6d  %-7s %8.2f %8.2f %8.2f %8.2f %8.0f\n", shape, n, name, wall, user + sys, user, sys, rss }' "$work/time"
}

hugoSite() {
	mkdir -p "$1/layouts/_default"
	cat >"$1/hugo.toml" <<'TOML'
baseURL = "/"
languageCode = "zh-CN"
title = "群聊解散指南（测试语料）"
disableKinds = []
hasCJKLanguage = true
[taxonomies]
tag = "tags"
platform = "platforms"
TOML
	cat >"$1/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title><meta name="description" content="{{ .Description }}"></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
{{ range .Ancestors.Reverse }} / <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</footer>
</body>
</html>
HTML
	cat >"$1/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p>{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}
{{ range .GetTerms "platforms" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
<nav class="toc">{{ .TableOfContents }}</nav>
{{ .Content }}
</article>{{ end }}
HTML
	cat >"$1/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>{{ end }}
HTML
}

# outputs DIR: files, MB and the heaviest HTML page in kB of a build.
outputs() {
	printf "%d files, %.1f MB, heaviest page %.1f kB" "$(find "$1" -type f | wc -l)" \
		"$(du -sb "$1" | awk '{ print $1 / 1e6 }')" \
		"$(find "$1" -name '*.html' -printf '%s\n' | sort -n | tail -1 | awk '{ print $1 / 1e3 }')"
}

go build -o "$work/mkcorpus" ./generator/corpus/cmd/mkcorpus
printf "%-6s %6s  %-7s %8s %8s %8s %8s %8s\n" shape pages tool wall-s cpu-s user-s sys-s rss-MB
for shape in ${SHAPES:-small huge flat deep}; do
	for n in ${*:-1000 10000}; do
		site="$work/site-$shape-$n"
		"$work/mkcorpus" -n "$n" -seed 1 -shape "$shape" -out "$site"
		find "$site/content" -name '*.md' -exec cat {} + >/dev/null # both start with the corpus in the page cache
		run=0
		while [ "$run" -lt "${RUNS:-1}" ]; do
			run=$((run + 1))
			measure zhinan "$work/zhinan-$n.log" "$work/zhinan" build -src "$site" -out "$work/out-zhinan-$n"
			hugoSite "$site"
			measure hugo "$work/hugo-$n.log" hugo --quiet -s "$site" -d "$work/out-hugo-$n"
			rm -rf "$site/hugo.toml" "$site/layouts" "$site/resources" "$site/.hugo_build.lock"
			echo "        zhinan: $(outputs "$work/out-zhinan-$n"); hugo: $(outputs "$work/out-hugo-$n")"
			rm -rf "$work/out-zhinan-$n" "$work/out-hugo-$n"
		done
		rm -rf "$site"
	done
done
