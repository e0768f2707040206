package cli

import "runtime/debug"

// version reports the module version and VCS revision the binary was built
// from, as recorded by the Go toolchain.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dateline (unknown version)"
	}
	v := "dateline " + info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}
