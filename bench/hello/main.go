// Command hello is the startup reference of bench/run.sh: the cheapest Go
// process there is, to compare `iksplan version` with.
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
