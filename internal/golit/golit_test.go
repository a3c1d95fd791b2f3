package golit

import (
	"strings"
	"testing"
)

type inner struct {
	Name string
	On   bool
}

type outer struct {
	Items []inner
	Empty []string
	Nil   []string
	Map   map[string]int
	Ptr   *inner
	N     float64
}

func TestLiteral(t *testing.T) {
	p := Printer{Local: "github.com/iksplan/iksplan/internal/golit"}
	got, err := p.Literal(&outer{
		Items: []inner{{Name: "a", On: true}, {}},
		Empty: []string{},
		Map:   map[string]int{"b": 2, "a": 1},
		Ptr:   &inner{Name: `q"x`},
		N:     1.5,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `&outer{
Items: []inner{
{
Name: "a",
On: true,
},
{},
},
Empty: []string{},
Map: map[string]int{
"a": 1,
"b": 2,
},
Ptr: &inner{
Name: "q\"x",
},
N: 1.5,
}`
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestLiteralRejects(t *testing.T) {
	type hidden struct{ x int }
	type withAny struct{ V any }
	for _, v := range []any{hidden{x: 1}, withAny{V: 1}} {
		p := Printer{Local: "x"}
		if _, err := p.Literal(v); err == nil || !strings.HasPrefix(err.Error(), "golit: ") {
			t.Errorf("%#v: got %v, want a golit error", v, err)
		}
	}
}
