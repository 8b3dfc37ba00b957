module io.realworld.api/builder-local/jvm

go 1.26

require (
	github.com/paketo-buildpacks/libjvm v1.46.0
	github.com/paketo-buildpacks/libpak v1.73.0
)

require (
	github.com/BurntSushi/toml v1.4.0 // indirect
	github.com/Masterminds/semver/v3 v3.3.1 // indirect
	github.com/buildpacks/libcnb v1.30.4 // indirect
	github.com/creack/pty v1.1.24 // indirect
	github.com/h2non/filetype v1.1.3 // indirect
	github.com/heroku/color v0.0.6 // indirect
	github.com/imdario/mergo v0.3.16 // indirect
	github.com/magiconair/properties v1.8.7 // indirect
	github.com/mattn/go-colorable v0.1.14 // indirect
	github.com/mattn/go-isatty v0.0.20 // indirect
	github.com/mattn/go-shellwords v1.0.12 // indirect
	github.com/miekg/dns v1.1.62 // indirect
	github.com/mitchellh/hashstructure/v2 v2.0.2 // indirect
	github.com/onsi/gomega v1.36.2 // indirect
	github.com/pavlo-v-chernykh/keystore-go/v4 v4.5.0 // indirect
	github.com/xi2/xz v0.0.0-20171230120015-48954b6210f8 // indirect
	golang.org/x/crypto v0.33.0 // indirect
	golang.org/x/mod v0.22.0 // indirect
	golang.org/x/net v0.35.0 // indirect
	golang.org/x/sync v0.10.0 // indirect
	golang.org/x/sys v0.30.0 // indirect
	golang.org/x/tools v0.28.0 // indirect
	software.sslmate.com/src/go-pkcs12 v0.5.0 // indirect
)
