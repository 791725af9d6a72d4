# What build/install.sh and build/uninstall.sh share: messages, dry-run, the options both take, path checks. Sourced, not run.
# shellcheck shell=bash disable=SC2034  # its variables are read by the scripts that source it

# Every file we create is root-owned and at most 0755/0644, whatever the caller's umask.
umask 022

PROGRAM=${PROGRAM:-ferry}
# A file in the prefix that says "build/install.sh made this directory": nothing without it is ever replaced or deleted.
MARKER=.ferry-install
UNIT_NAME=ferryd.service
GROUP_NAME=ferry
STATE_DIR=/var/lib/ferry

prefix=/opt/ferry
bindir=/usr/local/bin
unitdir=/etc/systemd/system
destdir=${DESTDIR:-}
dry_run=0
with_group=1
with_systemd=1

say() { printf '%s: %s\n' "$PROGRAM" "$*"; }
warn() { printf '%s: warning: %s\n' "$PROGRAM" "$*" >&2; }
die() {
  printf '%s: %s\n' "$PROGRAM" "$*" >&2
  exit 1
}

# Runs a command, or with --dry-run only shows it.
act() {
  if ((dry_run)); then
    printf '  would run:'
    printf ' %q' "$@"
    printf '\n'
  else
    "$@"
  fi
}

# Paths end up in a unit file and in sed expressions: keep them to a plain, absolute charset.
check_path() {
  local name=$1 value=$2
  [[ $value =~ ^/[A-Za-z0-9._/+-]*$ ]] || die "$name must be an absolute path of letters, digits and ._/+- (got '$value')"
  [[ $value != *..* && $value != *//* ]] || die "$name must not contain '..' or '//' (got '$value')"
}

# Parses one option both scripts take. Sets `shift_by` (how many arguments it used) or 0 if it is not one of them.
parse_common_option() {
  shift_by=2
  case $1 in
    --prefix | --bindir | --unitdir | --destdir)
      [[ $# -ge 2 && -n $2 ]] || die "$1 needs a value (see --help)"
      case $1 in
        --prefix) prefix=${2%/} ;;
        --bindir) bindir=${2%/} ;;
        --unitdir) unitdir=${2%/} ;;
        --destdir) destdir=${2%/} ;;
      esac
      ;;
    --dry-run) dry_run=1 shift_by=1 ;;
    --no-group) with_group=0 shift_by=1 ;;
    --no-systemd) with_systemd=0 shift_by=1 ;;
    *) shift_by=0 ;;
  esac
}

# Checks the common options once parsed; a DESTDIR stages files only, so it never touches users, groups or services.
finish_common_options() {
  check_path --prefix "$prefix"
  check_path --bindir "$bindir"
  check_path --unitdir "$unitdir"
  [[ $prefix != / ]] || die "--prefix / is not allowed"
  if [[ -n $destdir ]]; then
    [[ $destdir == /* ]] || die "--destdir must be an absolute path (got '$destdir')"
    with_group=0 with_systemd=0
  elif ((!dry_run)) && [[ $EUID -ne 0 ]]; then
    die "run as root (or pass --destdir DIR to stage the files, or --dry-run to see what would happen)"
  fi
}

# True when systemd runs this machine (not merely installed, as in a container).
systemd_running() {
  command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]
}

# The prefix is ours if it is missing, empty, or carries the marker.
prefix_is_ours() {
  local dir=$1
  [[ ! -e $dir ]] && return 0
  [[ -d $dir && ! -L $dir ]] || return 1
  [[ -e $dir/$MARKER || -z $(ls -A "$dir") ]]
}
