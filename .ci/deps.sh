#!/bin/sh
# deps.sh: make sure the Debian packages lq needs are installed.
# usage: deps.sh [--install] PACKAGE...
# With --install (make deps, check, demo, bench), installs missing packages
# with apt-get when run as root on Debian; otherwise, or without --install
# (a plain make never installs anything), says exactly what to install and
# fails.
set -u
install=0
if [ "${1:-}" = --install ]; then
	install=1
	shift
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
	# macOS, other systems: the package names are Debian's. The build
	# checks what it needs through pkg-config (docs/install.md lists the
	# Homebrew names).
	exit 0
fi
missing=
for p in "$@"; do
	st=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null) || st=
	case $st in
	ii*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0
if [ "$install" -eq 1 ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "lq: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 || exit 1
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >&2 || exit 1
	exit 0
fi
echo "lq: missing packages; install them (as root) with" >&2
echo "  apt-get install -y$missing" >&2
[ "$install" -eq 1 ] || echo "lq: or run 'make deps' as root, which does it" >&2
exit 1
