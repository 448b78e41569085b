package serve

import (
	"net/http"
	"time"
)

// Limits bound what one connection may cost the preview server: a client
// that sends its headers slowly, never finishes its request, sends huge
// headers or keeps an idle connection open is cut off. Event streams are
// long-lived responses, so there is no write timeout; they end when the
// browser goes away or the server closes.
type Limits struct {
	ReadHeader time.Duration // to send the request line and headers
	Read       time.Duration // to send the whole request
	Idle       time.Duration // a kept-alive connection with no request
	HeaderSize int           // bytes of request headers; more gets 431
}

// DefaultLimits are generous for a browser on the same machine.
var DefaultLimits = Limits{ReadHeader: 10 * time.Second, Read: 30 * time.Second, Idle: 2 * time.Minute, HeaderSize: 64 << 10}

// HTTPServer returns the http.Server that serves h under l; cmd serve and
// the tests use the same one.
func HTTPServer(h http.Handler, l Limits) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: l.ReadHeader, ReadTimeout: l.Read,
		IdleTimeout: l.Idle, MaxHeaderBytes: l.HeaderSize}
}
