package http

import (
	"errors"
	"net/http"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/gin-gonic/gin"
)

// validateRequests checks every request against openapi.yaml (types, required fields, lengths,
// ranges, formats) before a handler runs, answering 422 in the error format when it does not match.
// A request body is read first, at most maxBodyBytes of it (readBody).
func validateRequests(spec *openapi3.T, maxBodyBytes int64) (gin.HandlerFunc, error) {
	router, err := legacy.NewRouter(spec)
	if err != nil {
		return nil, err
	}
	options := &openapi3filter.Options{
		// Tokens are checked by authenticate(), after validation.
		AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
		SchemaValidationOptions: []openapi3.SchemaValidationOption{
			openapi3.WithStringFormatValidator("email", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail)),
		},
	}
	return func(c *gin.Context) {
		// Gin answers 404 and 405 (with Allow) itself; the spec's router would take PATCH /api/v1/items
		// for /api/v1/items/{item_id} and panics on a method it does not know.
		if c.FullPath() == "" {
			c.Next()
			return
		}
		route, pathParams, err := router.FindRoute(c.Request)
		if err != nil {
			c.Next() // a route outside the spec: /metrics, /docs
			return
		}
		if route.Operation.RequestBody != nil && !readBody(c, maxBodyBytes) {
			return
		}
		err = openapi3filter.ValidateRequest(c, &openapi3filter.RequestValidationInput{
			Request:    c.Request,
			PathParams: pathParams,
			Route:      route,
			Options:    options,
		})
		if err != nil {
			abortWithError(c, http.StatusUnprocessableEntity, "validation_error", "Request validation failed", describe(err))
		}
	}, nil
}

// describe names the field at fault and what is wrong with it, without echoing the whole schema.
func describe(err error) ErrorDetail {
	var reqErr *openapi3filter.RequestError
	if !errors.As(err, &reqErr) {
		return ErrorDetail{Message: err.Error()}
	}
	var field string
	if reqErr.Parameter != nil {
		field = reqErr.Parameter.In + "." + reqErr.Parameter.Name
	}
	message := reqErr.Reason
	var schemaErr *openapi3.SchemaError
	if errors.As(err, &schemaErr) {
		field = "body"
		if pointer := schemaErr.JSONPointer(); len(pointer) > 0 {
			field = "body." + strings.Join(pointer, ".")
		}
		message = schemaErr.Reason
	}
	if message == "" {
		message = reqErr.Error()
	}
	detail := ErrorDetail{Message: message}
	if field != "" {
		detail.Field = &field
	}
	return detail
}
