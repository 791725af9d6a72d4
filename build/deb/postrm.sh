#!/bin/bash
# Ferry deb postrm (an electron-builder template, like postinst.sh): removes the links and profile; purge also the state.
set -e

# shellcheck disable=SC2016 # single-quoted on purpose: electron-builder substitutes it before packaging
app_bin='${executable}'

case "$1" in
  remove | purge)
    rm -f "/usr/bin/$app_bin"
    rm -f "/etc/apparmor.d/$app_bin"
    if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
    ;;
esac

# Profiles and private keys go only on purge. The ferry group stays (Debian keeps system groups): groupdel ferry.
if [ "$1" = purge ]; then
  rm -rf /var/lib/ferry
fi
