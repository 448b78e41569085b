// Package yamlpos finds where in a YAML text a parse error is. yaml.v3
// reports some errors one line early (the 0-based line of the construct it
// was parsing); settings files and front matter both need the line an editor
// should jump to.
package yamlpos

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlParserErrors are the messages of the YAML parser (as opposed to its
// scanner). For those, yaml.v3 reports the 0-based line of the construct being
// parsed ("tags: [a, b" for an unclosed list), or, when that construct starts
// on the first line, the 0-based line of the token it stumbled on: one line
// early, and ambiguous. Scanner messages carry 1-based lines.
var yamlParserErrors = map[string]bool{
	"did not find expected ',' or ']'": true, "did not find expected ',' or '}'": true,
	"did not find expected '-' indicator": true, "did not find expected key": true,
	"did not find expected node content": true, "did not find expected <document start>": true,
	"found duplicate %YAML directive": true, "found incompatible YAML document": true,
	"found undefined tag handle": true, "found duplicate %TAG directive": true,
}

// Error returns the 1-based line of yml where err, the error of
// parsing it, is, and the message without the position. For parser errors it
// parses yml again below one empty line: no construct then starts on line 0,
// so the 0-based line reported is the 1-based line of the original.
func Error(yml []byte, err error) (line int, msg string) {
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return 1, strings.TrimPrefix(err.Error(), "yaml: ")
	}
	line, _ = strconv.Atoi(m[1])
	msg = m[2]
	if yamlParserErrors[msg] {
		var doc yaml.Node
		err2 := yaml.Unmarshal(append([]byte("\n"), yml...), &doc)
		if m2 := yamlLine.FindStringSubmatch(fmt.Sprint(err2)); m2 != nil && m2[2] == msg {
			line, _ = strconv.Atoi(m2[1])
		}
	}
	return max(line, 1), msg
}
