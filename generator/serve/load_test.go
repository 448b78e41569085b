package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// startHTTP serves s on a loopback port with the limits cmd serve uses
// (but shorter timeouts), and returns its address.
func startHTTP(t *testing.T, s *Server, l Limits) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := HTTPServer(s, l)
	go hs.Serve(ln)
	t.Cleanup(func() { s.Close(); hs.Close() })
	return ln.Addr().String()
}

// 10,000 requests from 50 clients at once, every one answered right.
func TestManyRequests(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	s, _ := newServer(t)
	addr := startHTTP(t, s, DefaultLimits)
	const clients, perClient = 50, 200
	paths := []string{"/", "/x/", "/%E6%9D%83%E9%99%90/", "/assets/site.css", "/nope", "/x", "/../etc/passwd"}
	want := []int{200, 200, 200, 200, 404, 302, 400}
	var wg sync.WaitGroup
	var mu sync.Mutex
	errs := map[string]int{}
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Timeout: 10 * time.Second,
				CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			for i := range perClient {
				k := (c + i) % len(paths)
				resp, err := client.Get("http://" + addr + paths[k])
				var problem string
				if err != nil {
					problem = err.Error()
				} else {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != want[k] {
						problem = fmt.Sprintf("%s: status %d, want %d", paths[k], resp.StatusCode, want[k])
					}
				}
				if problem != "" {
					mu.Lock()
					errs[problem]++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	t.Logf("%d requests from %d clients in %v", clients*perClient, clients, time.Since(start))
	for e, n := range errs {
		t.Errorf("%d× %s", n, e)
	}
}

// 200 event-stream clients connect and leave, 20 times over: afterwards
// there are no more goroutines or subscribers than before, and the heap has
// not grown with the rounds.
func TestEventClientsComeAndGo(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	s, hub := newServer(t)
	addr := startHTTP(t, s, DefaultLimits)
	settle := func() (int, uint64) {
		var ms runtime.MemStats
		for range 50 {
			if hub.Subscribers() == 0 {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		time.Sleep(50 * time.Millisecond)
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return runtime.NumGoroutine(), ms.HeapAlloc
	}
	round := func() {
		var wg sync.WaitGroup
		for range 200 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
				if err != nil {
					t.Error(err)
					return
				}
				defer conn.Close()
				conn.SetDeadline(time.Now().Add(10 * time.Second))
				fmt.Fprintf(conn, "GET %s?gen=1 HTTP/1.1\r\nHost: x\r\n\r\n", EventsPath)
				line, err := bufio.NewReader(conn).ReadString('\n')
				if err != nil || !strings.Contains(line, "200") {
					t.Errorf("event stream answered %q, %v", line, err)
				}
			}()
		}
		wg.Wait()
	}
	round() // warm up: pools and buffers
	g0, h0 := settle()
	for range 20 {
		round()
	}
	g1, h1 := settle()
	t.Logf("after 20 rounds of 200 clients: goroutines %d -> %d, heap %d kB -> %d kB", g0, g1, h0>>10, h1>>10)
	if hub.Subscribers() != 0 {
		t.Errorf("%d subscribers left after every client went", hub.Subscribers())
	}
	if g1 > g0+5 {
		t.Errorf("goroutines grew from %d to %d", g0, g1)
	}
	if h1 > h0+4<<20 {
		t.Errorf("heap grew from %d kB to %d kB", h0>>10, h1>>10)
	}
}

// A client that sends its headers too slowly, or too many of them, is cut off.
func TestSlowAndHugeRequests(t *testing.T) {
	s, _ := newServer(t)
	l := Limits{ReadHeader: 300 * time.Millisecond, Read: time.Second, Idle: time.Second, HeaderSize: 4 << 10}
	addr := startHTTP(t, s, l)

	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprint(conn, "GET / HTTP/1.1\r\nHost: x\r\n") // and never the blank line
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	b, err := io.ReadAll(conn)
	if took := time.Since(start); took > 3*time.Second || (err != nil && !strings.Contains(err.Error(), "reset")) {
		t.Errorf("slow client: cut off after %v (err %v, got %q)", took, err, b)
	}
	if strings.Contains(string(b), "200 OK") {
		t.Errorf("slow client was served: %q", b)
	}

	req, _ := http.NewRequest("GET", "http://"+addr+"/", nil)
	req.Header.Set("X-Big", strings.Repeat("a", 64<<10))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("64 kB of headers: status %d, want 431", resp.StatusCode)
	}
}
