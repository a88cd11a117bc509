// The template oracle of the Go template differential test
// (test/integration/go-template-oracle.test.ts): Go's text/template with
// sprig's functions and Argo CD's `normalize`, as an ApplicationSet's
// templates are rendered. It reads {"params": {...}, "cases": ["..."]} on
// standard input and writes, for each case, what it prints under
// missingkey=default and missingkey=error (null where it fails).
package main

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

// sanitizeName is Argo CD's SanitizeName, the `normalize` of its templates.
func sanitizeName(name string) string {
	invalidDNSNameChars := regexp.MustCompile("[^-a-z0-9.]")
	name = strings.ToLower(name)
	name = invalidDNSNameChars.ReplaceAllString(name, "-")
	if len(name) > 253 {
		name = name[:253]
	}
	return strings.Trim(name, "-.")
}

type input struct {
	Params map[string]any `json:"params"`
	Cases  []string       `json:"cases"`
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		os.Stderr.WriteString(err.Error())
		os.Exit(2)
	}
	funcs := sprig.GenericFuncMap()
	funcs["normalize"] = sanitizeName
	out := [][2]*string{}
	for _, text := range in.Cases {
		var printed [2]*string
		for i, option := range []string{"missingkey=default", "missingkey=error"} {
			tpl, err := template.New("case").Funcs(funcs).Option(option).Parse(text)
			if err != nil {
				continue
			}
			var b bytes.Buffer
			if err := tpl.Execute(&b, in.Params); err != nil {
				continue
			}
			s := b.String()
			printed[i] = &s
		}
		out = append(out, printed)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		os.Exit(1)
	}
}
