#!/bin/bash
# Ferry deb postinst: links the app, creates the ferry group, enables ferryd. An electron-builder template: it fills in the
# dollar-brace names executable and sanitizedProductName and fails on any other, so shell variables here are written $plain.
set -e

# shellcheck disable=SC2016 # single-quoted on purpose: electron-builder substitutes these before packaging
app_dir='/opt/${sanitizedProductName}'
# shellcheck disable=SC2016
app_bin='${executable}'

ln -sf "$app_dir/$app_bin" "/usr/bin/$app_bin"

# Chromium's sandbox needs the SUID helper only where unprivileged user namespaces are off (as electron-builder's own script).
if unshare --user true >/dev/null 2>&1; then
  chmod 0755 "$app_dir/chrome-sandbox" || true
else
  chmod 4755 "$app_dir/chrome-sandbox" || true
fi

if command -v update-mime-database >/dev/null 2>&1; then update-mime-database /usr/share/mime || true; fi
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database /usr/share/applications || true; fi

# Ubuntu 24+ confines unprivileged user namespaces with AppArmor: install the profile electron-builder generated, if it parses.
profile_source="$app_dir/resources/apparmor-profile"
profile_target="/etc/apparmor.d/$app_bin"
if [ -f "$profile_source" ] && apparmor_status --enabled >/dev/null 2>&1 &&
  apparmor_parser --skip-kernel-load --debug "$profile_source" >/dev/null 2>&1; then
  cp -f "$profile_source" "$profile_target"
  apparmor_parser --replace --write-cache --skip-read-cache "$profile_target" || true
fi

# Members of the ferry group may connect and change settings; everyone else may only read the status.
getent group ferry >/dev/null || groupadd --system ferry

if [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable ferryd.service
  # restart, not start: an upgrade must run the new ferryd (an active connection drops for a moment)
  systemctl restart ferryd.service || echo "ferry: ferryd did not start; see: journalctl -u ferryd" >&2
else
  echo "ferry: systemd is not running; start the helper as root with:"
  echo "  ELECTRON_RUN_AS_NODE=1 $app_dir/$app_bin $app_dir/resources/ferry/helper/bin/ferryd"
fi
echo "ferry: to control the VPN without sudo: usermod -aG ferry USER (then log in again)"
