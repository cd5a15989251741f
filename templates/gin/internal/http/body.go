package http

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
)

// readBody reads the request body, at most maxBytes of it, and puts it back for the validator and the
// handler. It refuses what encoding/json would silently change (invalid UTF-8 becomes U+FFFD) and what
// PostgreSQL cannot store in text (NUL). It reports whether the request may go on.
func readBody(c *gin.Context, maxBytes int64) bool {
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, maxBytes))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		abortWithError(c, http.StatusRequestEntityTooLarge, "", fmt.Sprintf("The request body is larger than %d bytes", maxBytes))
	case err != nil:
		abortWithError(c, http.StatusBadRequest, "", "The request body could not be read")
	case !utf8.Valid(body):
		abortWithError(c, http.StatusBadRequest, "", "The request body is not valid UTF-8")
	case escapesNUL(body):
		abortWithError(c, http.StatusUnprocessableEntity, "validation_error", "Request validation failed",
			ErrorDetail{Message: `strings must not contain the NUL character (\u0000)`})
	default:
		c.Request.Body = io.NopCloser(bytes.NewReader(body))
		return true
	}
	return false
}

// escapesNUL reports whether JSON text holds the escape \u0000. A raw NUL byte is not valid JSON, and in
// valid JSON a backslash only starts an escape, so skipping each escaped character is enough.
func escapesNUL(body []byte) bool {
	for i := 0; i < len(body); i++ {
		if body[i] != '\\' {
			continue
		}
		i++
		if bytes.HasPrefix(body[i:], []byte("u0000")) {
			return true
		}
	}
	return false
}
