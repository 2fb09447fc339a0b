package batch

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/attache-project/attache/internal/doc"
)

// TestOrderIndependentOfWorkers checks that results reach the sink in input
// order whatever the number of workers and however long each analysis takes.
func TestOrderIndependentOfWorkers(t *testing.T) {
	const n = 200
	for _, workers := range []int{1, 2, 4, 16} {
		t.Run(fmt.Sprint(workers), func(t *testing.T) {
			rng := rand.New(rand.NewSource(int64(workers)))
			delays := make([]time.Duration, n)
			for i := range delays {
				delays[i] = time.Duration(rng.Intn(300)) * time.Microsecond
			}
			read := func(emit func(Item) error) error {
				for i := 0; i < n; i++ {
					it := Item{Doc: doc.Document{ID: fmt.Sprint(i), Text: fmt.Sprint("story ", i)}}
					switch {
					case i%17 == 0:
						it.Err = errors.New("unreadable")
					case i%23 == 0:
						it.Skip = true
					}
					if err := emit(it); err != nil {
						return err
					}
				}
				return nil
			}
			analyze := func(ctx context.Context, d doc.Document) (*doc.Analysis, error) {
				var i int
				fmt.Sscan(d.ID, &i)
				time.Sleep(delays[i])
				if i%31 == 0 {
					panic("boom")
				}
				return doc.New(d), nil
			}
			var got []int
			err := Run(context.Background(), workers, read, analyze, func(r Result) error {
				got = append(got, r.Index)
				if r.Item.Doc.ID != fmt.Sprint(r.Index) {
					t.Errorf("result %d carries document %s", r.Index, r.Item.Doc.ID)
				}
				switch {
				case r.Index%17 == 0:
					if r.Err == nil || r.Analysis != nil {
						t.Errorf("item %d: read error lost", r.Index)
					}
				case r.Index%23 == 0:
					if r.Err != nil || r.Analysis != nil {
						t.Errorf("item %d: skipped item was analysed", r.Index)
					}
				case r.Index%31 == 0:
					var pe *PanicError
					if !errors.As(r.Err, &pe) {
						t.Errorf("item %d: panic not reported as error: %v", r.Index, r.Err)
					}
				default:
					if r.Err != nil || r.Analysis == nil {
						t.Errorf("item %d: %v", r.Index, r.Err)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != n {
				t.Fatalf("got %d results, want %d", len(got), n)
			}
			for i, g := range got {
				if g != i {
					t.Fatalf("result %d has index %d", i, g)
				}
			}
		})
	}
}

// TestSinkErrorStops checks that a failing sink stops the run.
func TestSinkErrorStops(t *testing.T) {
	stop := errors.New("disk full")
	read := func(emit func(Item) error) error {
		for i := 0; ; i++ {
			if err := emit(Item{Doc: doc.Document{Text: "x"}}); err != nil {
				return err
			}
		}
	}
	seen := 0
	err := Run(context.Background(), 3, read, func(ctx context.Context, d doc.Document) (*doc.Analysis, error) {
		return doc.New(d), nil
	}, func(r Result) error {
		seen++
		if seen == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want %v", err, stop)
	}
}
