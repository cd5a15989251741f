package http

//go:generate go tool oapi-codegen -config oapi-codegen.yaml -o api.gen.go ../../openapi.yaml
