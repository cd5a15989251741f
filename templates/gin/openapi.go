// Package openapi carries openapi.yaml, the API contract, into the binary: the router validates
// requests against it and serves it at /openapi.yaml.
package openapi

import _ "embed"

//go:embed openapi.yaml
var Spec []byte
