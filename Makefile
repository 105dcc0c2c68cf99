# The release archive for hosts without Swift (README: "Install", "Cutting a release").
#   make release   dist/v360audit-$(VERSION)-linux-$(ARCH).tar.gz and dist/SHA256SUMS
#   make version   prints the version
# The version has one source, ToolInfo.version (what `v360audit --version` and every report show).

VERSION := $(shell sed -n 's/^.*static let version = "\([^"]*\)".*/\1/p' Sources/Reports/ToolInfo.swift)
ARCH := $(shell uname -m)

.PHONY: release version clean-release

release:
	@test -n "$(VERSION)" || { echo "make: no 'static let version' in Sources/Reports/ToolInfo.swift" >&2; exit 1; }
	VERSION='$(VERSION)' ARCH='$(ARCH)' sh scripts/build-release.sh

version:
	@echo '$(VERSION)'

clean-release:
	rm -rf dist .build-release
