#!/usr/bin/env bash
# Everything Ferry needs on a fresh Debian 12 machine, as root: the lab's packages, a C toolchain for the
# native addon, Chromium for the UI specs and the browser host, and the npm dependencies (`npm ci` also builds the addon through node-gyp).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $EUID -ne 0 ]]; then
  echo "build/setup.sh: run as root (it installs Debian packages)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
# --no-install-recommends: without it wireguard-tools pulls in a whole kernel image.
apt-get install -y --no-install-recommends \
  wireguard-go wireguard-tools iperf3 nftables iproute2 iputils-ping procps util-linux passwd \
  build-essential python3 chromium

# Electron's binary comes from a host this machine may not reach; `npm start` says so when it is missing, and
# packaging fetches it where it can. Skipping the download keeps `npm ci` working offline from the registry.
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci
