package main

import (
	"context"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestServeDrainsInFlightRequestsOnShutdown(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	handler := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		close(started)
		<-release
		w.WriteHeader(http.StatusNoContent)
	})
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := listener.Addr().String()
	require.NoError(t, listener.Close())

	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() {
		served <- serve(ctx, &http.Server{Addr: addr, Handler: handler, ReadHeaderTimeout: time.Second})
	}()

	status := make(chan int, 1)
	go func() {
		var (
			resp *http.Response
			err  error
		)
		for range 50 { // the server may not be listening yet
			if resp, err = http.Get("http://" + addr); err == nil {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		if err != nil {
			status <- 0
			return
		}
		_ = resp.Body.Close()
		status <- resp.StatusCode
	}()
	<-started
	cancel() // as SIGTERM would
	close(release)
	require.Equal(t, http.StatusNoContent, <-status, "the in-flight request completes")
	require.NoError(t, <-served)
}
