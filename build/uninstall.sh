#!/usr/bin/env bash
# Removes what build/install.sh installed: ferryd.service, the ferry/ferryd links and /opt/ferry; --purge also the state and the group.
set -euo pipefail

PROGRAM='ferry uninstall'
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# shellcheck source=build/install-lib.sh
. "$repo/build/install-lib.sh"

usage() {
  cat <<'EOF'
usage: build/uninstall.sh [options]
Run as root, with the --prefix/--bindir/--unitdir given to install.sh if they were changed.

  --purge          also delete /var/lib/ferry (profiles and private keys) and the ferry group
  --prefix DIR     where the runtime is (default /opt/ferry)
  --bindir DIR     where the ferry and ferryd links are (default /usr/local/bin)
  --unitdir DIR    where ferryd.service is (default /etc/systemd/system)
  --destdir DIR    work under DIR, as DESTDIR=DIR does; implies --no-group --no-systemd
  --no-group       keep the ferry group even with --purge
  --no-systemd     do not run systemctl (stop ferryd yourself first)
  --dry-run        show what would be done, change nothing
  -h, --help       this help
EOF
}

purge=0
while (($#)); do
  parse_common_option "$@"
  if ((shift_by)); then
    shift "$shift_by"
    continue
  fi
  case $1 in
    --purge) purge=1 && shift ;;
    -h | --help) usage && exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
finish_common_options

target=$destdir$prefix
unit=$destdir$unitdir/$UNIT_NAME

# Stopping ferryd first lets it undo its routes, DNS and firewall from its journal before its files go.
stop_service() {
  if ((with_systemd)) && systemd_running; then
    if systemctl cat "$UNIT_NAME" >/dev/null 2>&1; then
      say "stopping and disabling $UNIT_NAME (ferryd restores the network as it stops)"
      act systemctl disable --now "$UNIT_NAME"
    fi
  elif [[ -S $destdir/run/ferry/ferryd.sock ]]; then
    warn "/run/ferry/ferryd.sock exists: if ferryd is running, stop it (SIGTERM) so it restores the network"
  fi
}

# Only a unit that runs Ferry's ferryd is removed; drop-ins under $UNIT_NAME.d are the admin's and stay.
remove_unit() {
  [[ -e $unit ]] || return 0
  if ! grep -q '/helper/bin/ferryd' "$unit"; then
    warn "$unit does not look like Ferry's unit; left alone"
    return 0
  fi
  say "removing $unitdir/$UNIT_NAME"
  act rm -f "$unit"
  [[ ! -d $unit.d ]] || warn "$unitdir/$UNIT_NAME.d (local overrides) was left in place"
  if ((with_systemd)) && systemd_running; then act systemctl daemon-reload; fi
}

# A link is removed only if it points into our prefix.
remove_links() {
  local name link
  for name in ferry ferryd; do
    link=$destdir$bindir/$name
    [[ -L $link ]] || continue
    if [[ $(readlink "$link") == "$prefix/helper/bin/$name" ]]; then
      say "removing the link $bindir/$name"
      act rm -f "$link"
    else
      warn "$bindir/$name points elsewhere ($(readlink "$link")); left alone"
    fi
  done
}

remove_runtime() {
  [[ -e $target ]] || return 0
  prefix_is_ours "$target" || die "refusing to delete $target: it was not made by build/install.sh"
  say "removing $target"
  act rm -rf "$target"
}

remove_state() {
  if ((!purge)); then
    [[ ! -e $destdir$STATE_DIR ]] || say "kept $STATE_DIR (profiles and private keys); --purge deletes it"
    return 0
  fi
  if [[ -e $destdir$STATE_DIR ]]; then
    say "deleting $STATE_DIR (profiles and private keys)"
    act rm -rf "$destdir$STATE_DIR"
  fi
  if ((with_group)) && getent group "$GROUP_NAME" >/dev/null; then
    say "deleting the group $GROUP_NAME"
    act groupdel "$GROUP_NAME"
  elif ((!with_group)); then
    say "kept the group $GROUP_NAME (groupdel $GROUP_NAME removes it)"
  fi
}

((dry_run)) && say "dry run: nothing is changed"
stop_service
remove_unit
remove_links
remove_runtime
remove_state
say "done"
