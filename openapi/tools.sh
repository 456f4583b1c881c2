#!/usr/bin/env bash
# The contract's Node tools (package.json), for the Maven build and .ci/run:
#   tools.sh install           npm ci, skipped while node_modules matches package-lock.json
#   tools.sh lint              Spectral (OpenAPI + OWASP rulesets) and Redocly lint; any warning fails
#   tools.sh docs DIR          the API reference for /docs: docs/ and the pinned Redoc bundle, no CDN
#   tools.sh tsc PROJECT       compiles a TypeScript project with the pinned compiler
set -euo pipefail
cd "$(dirname "$0")"

need_node() {
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        echo "openapi/tools.sh: Node.js 20.19+ and npm are needed (the build lints the contract and renders /docs with them)." >&2
        exit 1
    fi
}

install() {
    need_node
    local stamp=node_modules/.citylinks-lock.sha256 want
    want=$(sha256sum package-lock.json | cut -d' ' -f1)
    if [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then
        return
    fi
    # The npm of some machines reads a user config with keys newer npm warns about; they do not matter here.
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
}

# Redocly prints a banner about Node.js 20 reaching end of life; the pinned version still supports it.
quiet_banner() { grep -v -e '║' -e '╔' -e '╚' || true; }

case "${1:-}" in
    install)
        install ;;
    lint)
        install
        npx --no-install spectral lint --fail-severity=warn citylinks.yaml
        npx --no-install redocly lint --format=stylish citylinks.yaml 2>&1 | quiet_banner
        exit "${PIPESTATUS[0]}" ;;
    docs)
        # Redoc 2 rather than `redocly build-docs` (Redoc 3): Redoc 3 loads its logo from a CDN at
        # every visit and renders operations lazily, so a browser cannot check the page lists them.
        install
        mkdir -p "$2"
        cp docs/index.html docs/reference.js node_modules/redoc/bundles/redoc.standalone.js "$2"/ ;;
    tsc)
        install
        npx --no-install tsc -p "$2" ;;
    *)
        echo "usage: tools.sh install | lint | docs DIR | tsc PROJECT" >&2
        exit 2 ;;
esac
