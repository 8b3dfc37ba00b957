//go:build tools

// Keeps libjvm's helper package and its dependencies in go.mod and go.sum: the buildpack's
// bin/helper is built from github.com/paketo-buildpacks/libjvm/cmd/helper within this module.
package main

import _ "github.com/paketo-buildpacks/libjvm/helper"
