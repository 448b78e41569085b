package content

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// The decoders below turn one YAML value into a Go value, or say precisely
// what was wrong with it and where.

func scalar(key string, v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" {
		return "", wrongType(key, v, "a string")
	}
	return v.Value, nil
}

func integer(key string, v *yaml.Node) (int, error) {
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" {
		return 0, wrongType(key, v, "a whole number")
	}
	n, err := strconv.Atoi(v.Value)
	if err != nil {
		return 0, wrongType(key, v, "a whole number")
	}
	return n, nil
}

func boolean(key string, v *yaml.Node) (bool, error) {
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" {
		return false, wrongType(key, v, "true or false")
	}
	return v.Value == "true", nil
}

// stringList accepts a list of strings, or a single string as a one-item list.
func stringList(key string, v *yaml.Node) ([]string, error) {
	if v.Kind == yaml.ScalarNode && v.ShortTag() != "!!null" {
		return []string{v.Value}, nil
	}
	if v.Kind != yaml.SequenceNode {
		return nil, wrongType(key, v, "a list of strings")
	}
	out := make([]string, 0, len(v.Content))
	for _, item := range v.Content {
		if item.Kind != yaml.ScalarNode || item.ShortTag() == "!!null" {
			return nil, wrongType(key, item, "a string")
		}
		out = append(out, item.Value)
	}
	return out, nil
}

var dateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"}

func date(key string, v *yaml.Node) (time.Time, error) {
	if v.Kind == yaml.ScalarNode {
		for _, l := range dateLayouts {
			if t, err := time.Parse(l, strings.TrimSpace(v.Value)); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, wrongType(key, v, "a date like 2026-01-31")
}

// checked accepts `last_checked: 2026-11-25` or a mapping with date, method
// (sources or app) and versions; an app check must name the versions.
func checked(key string, v *yaml.Node) (Checked, error) {
	if v.Kind != yaml.MappingNode {
		d, err := date(key, v)
		return Checked{Date: d}, err
	}
	var c Checked
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		var err error
		switch k.Value {
		case "date":
			c.Date, err = date(key+".date", val)
		case "method":
			c.Method, err = scalar(key+".method", val)
			if err == nil && c.Method != MethodSources && c.Method != MethodApp {
				err = fieldError{val, fmt.Sprintf("front matter %q: method %q, want %q or %q", key, c.Method, MethodSources, MethodApp)}
			}
		case "versions":
			c.Versions, err = scalar(key+".versions", val)
		default:
			err = fieldError{k, fmt.Sprintf("unknown key %q in front matter %q (want date, method, versions)", k.Value, key)}
		}
		if err != nil {
			return c, err
		}
	}
	if c.Date.IsZero() {
		return c, fieldError{v, fmt.Sprintf("front matter %q: missing date", key)}
	}
	if c.Method == MethodApp && c.Versions == "" {
		return c, fieldError{v, fmt.Sprintf("front matter %q: method app needs versions (the apps and versions checked, e.g. 微信 iOS 8.0.50)", key)}
	}
	return c, nil
}

// sources accepts a list of {title, url} mappings (sources and entrances).
func sources(key string, v *yaml.Node) ([]Source, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, wrongType(key, v, "a list of {title, url}")
	}
	var out []Source
	for _, item := range v.Content {
		if item.Kind != yaml.MappingNode {
			return nil, wrongType(key, item, "a mapping with title and url")
		}
		var s Source
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, val := item.Content[i], item.Content[i+1]
			var err error
			switch k.Value {
			case "title":
				s.Title, err = scalar(key+".title", val)
			case "url":
				s.URL, err = scalar(key+".url", val)
			default:
				err = fieldError{k, fmt.Sprintf("unknown key %q in front matter %q (want title, url)", k.Value, key)}
			}
			if err != nil {
				return nil, err
			}
		}
		if s.Title == "" && s.URL == "" {
			return nil, fieldError{item, fmt.Sprintf("front matter %q: a source needs a title or url", key)}
		}
		out = append(out, s)
	}
	return out, nil
}
