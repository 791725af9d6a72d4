#!/bin/sh
# Ferry deb prerm (fpm --before-remove, not templated): stops ferryd while its files still exist, so it restores the network.
set -e

case "$1" in
  remove | deconfigure)
    if [ -d /run/systemd/system ]; then
      systemctl disable --now ferryd.service || true
    fi
    ;;
  # upgrade: keep it running; the new postinst restarts it with the new files.
esac
