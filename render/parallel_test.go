package render

import (
	"errors"
	"sync/atomic"
	"testing"
)

// job returns a job that waits for wait (if any), closes done (if any),
// then returns the artifact named name, fails with err, or panics with
// panicValue.
func job(wait, done chan struct{}, name string, err error, panicValue any) func() ([]Artifact, error) {
	return func() ([]Artifact, error) {
		if wait != nil {
			<-wait
		}
		if done != nil {
			defer close(done)
		}
		if panicValue != nil {
			panic(panicValue)
		}
		if err != nil {
			return nil, err
		}
		return []Artifact{{Path: name}}, nil
	}
}

// TestFirstFailureByOrder: of two failing renderers the earlier in the
// artifact order wins even when the later one fails first (job 1 waits
// until job 2 has failed).
func TestFirstFailureByOrder(t *testing.T) {
	early, late := errors.New("early"), errors.New("late")
	failed := make(chan struct{})
	_, err := gather(runAll([]func() ([]Artifact, error){
		job(nil, nil, "design.yaml", nil, nil),
		job(failed, nil, "", early, nil),
		job(nil, failed, "", late, nil),
	}))
	if err != early {
		t.Fatalf("got %v, want the earlier renderer's error %v", err, early)
	}
}

// TestPanicByOrder: a renderer's panic reaches the caller with its value,
// and only when no earlier renderer failed.
func TestPanicByOrder(t *testing.T) {
	failed := make(chan struct{})
	_, err := gather(runAll([]func() ([]Artifact, error){
		job(nil, nil, "design.yaml", nil, nil),
		job(failed, nil, "", errors.New("first"), nil),
		job(nil, failed, "", nil, "boom"),
	}))
	if err == nil || err.Error() != "first" {
		t.Fatalf("got %v, want the earlier renderer's error", err)
	}
	defer func() {
		if v := recover(); v != "boom" {
			t.Fatalf("recovered %v, want the renderer's panic value", v)
		}
	}()
	gather(runAll([]func() ([]Artifact, error){
		job(nil, nil, "design.yaml", nil, nil),
		job(failed, nil, "", nil, "boom"),
		job(nil, nil, "", errors.New("later"), nil),
	}))
	t.Fatal("no panic")
}

// TestRunAllWaitsAndKeepsOrder: runAll returns only once every job has
// ended (no renderer is left running), with the results in the jobs'
// order, not their finishing order.
func TestRunAllWaitsAndKeepsOrder(t *testing.T) {
	release := make(chan struct{})
	var ended atomic.Int32
	slow := func(name string) func() ([]Artifact, error) {
		return func() ([]Artifact, error) {
			<-release
			ended.Add(1)
			return []Artifact{{Path: name}}, nil
		}
	}
	first := func() ([]Artifact, error) {
		close(release)
		ended.Add(1)
		return []Artifact{{Path: "a"}}, nil
	}
	arts, err := gather(runAll([]func() ([]Artifact, error){first, slow("b"), slow("c"), slow("d")}))
	if err != nil {
		t.Fatal(err)
	}
	if n := ended.Load(); n != 4 {
		t.Fatalf("runAll returned with %d of 4 jobs ended", n)
	}
	var got string
	for _, a := range arts {
		got += a.Path
	}
	if got != "abcd" {
		t.Fatalf("artifacts in order %q, want abcd", got)
	}
}
