// Command gen writes createonly_gen.go (package createonly says what it
// holds). Run from render/terraform: go generate ./render/terraform.
package main

import (
	"fmt"
	"os"

	"github.com/iksplan/iksplan/render/terraform/internal/createonly"
)

func main() {
	src, err := os.ReadFile(createonly.In)
	if err == nil {
		var code []byte
		if code, err = createonly.Generate(src); err == nil {
			err = os.WriteFile(createonly.Out, code, 0o666)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "createonly:", err)
		os.Exit(1)
	}
}
