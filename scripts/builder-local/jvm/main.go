// The stand-in builder's JVM buildpack: Paketo's libjvm, unchanged, behind the id and layer
// names of paketo-buildpacks/bellsoft-liberica (whose own module the Go module proxy does not
// serve). Everything a build or a launch does is libjvm's and libpak's code; what is ours is this
// wiring and the dependency list in buildpack.toml (Temurin 25 instead of Liberica 25).
// See docs/builder-local.md.
package main

import (
	"os"

	"github.com/paketo-buildpacks/libjvm"
	"github.com/paketo-buildpacks/libpak"
	"github.com/paketo-buildpacks/libpak/bard"
)

func main() {
	logger := bard.NewLogger(os.Stdout)
	libpak.Main(
		libjvm.Detect{},
		// nmt: the Native Memory Tracking helper, which bellsoft-liberica adds to libjvm's own set
		libjvm.NewBuild(logger, libjvm.WithCustomHelpers([]string{"nmt"})),
	)
}
