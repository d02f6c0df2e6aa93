#!/bin/sh
# deps.sh: make sure the Debian packages lq needs are installed.
# usage: deps.sh PACKAGE...
# Installs missing packages with apt-get when run as root on Debian;
# otherwise says exactly what to install and fails.
set -u
missing=
for p in "$@"; do
	st=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null) || st=
	case $st in
	ii*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0
if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "lq: this is not a Debian system; install the equivalents of:$missing" >&2
	exit 1
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "lq: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 || exit 1
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >&2 || exit 1
	exit 0
fi
echo "lq: missing packages; run as root:" >&2
echo "  apt-get install -y$missing" >&2
exit 1
