#!/usr/bin/env bash
# Runs every test of opendesk. Installs what the tests need when it is missing:
#   Debian packages (X server, X tools, accessibility bus, OCR) and npm packages (MCP clients)
#   into ./.cache/npm. Then runs the full Maven build with all tests, and a smoke run of the
#   launcher. Set OPENDESK_SKIP_INSTALL=1 to skip the installation step.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
cd "$root"

log() { echo "test.sh: $*" >&2; }

debian_packages=(
  xvfb x11-utils xdotool xclip xsel imagemagick x11-apps xterm
  libxtst6 libxext6 libxrandr2 libxfixes3 libturbojpeg0
  at-spi2-core dbus dbus-x11 zenity gtk-3-examples
  tesseract-ocr tesseract-ocr-eng
  openbox
  systemd
)
npm_packages=(
  "@modelcontextprotocol/sdk@1.32"
  "@modelcontextprotocol/inspector@2.12.0"
)

install_debian_packages() {
  command -v dpkg-query >/dev/null || { log "not a Debian system: install ${debian_packages[*]} yourself"; return; }
  local missing=()
  for p in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

install_npm_packages() {
  command -v npm >/dev/null || { log "npm not found: MCP client tests need Node.js and npm"; exit 1; }
  if [ -d .cache/npm/node_modules/@modelcontextprotocol/sdk ] && [ -d .cache/npm/node_modules/@modelcontextprotocol/inspector ]; then
    return
  fi
  log "installing npm packages into .cache/npm: ${npm_packages[*]}"
  mkdir -p .cache/npm
  [ -f .cache/npm/package.json ] || echo '{"name":"opendesk-test-clients","private":true}' > .cache/npm/package.json
  npm install --prefix .cache/npm --no-audit --no-fund --loglevel=error "${npm_packages[@]}" >&2
}

if [ "${OPENDESK_SKIP_INSTALL:-0}" != "1" ]; then
  install_debian_packages
  install_npm_packages
fi

log "running ./mvnw -B verify"
./mvnw -B verify "$@"

log "smoke run of the launcher"
./opendesk --help >/dev/null
./opendesk plugins >/dev/null
log "all tests passed"
