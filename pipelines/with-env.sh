#!/bin/sh
# with-env.sh: run a command with the variables of an env file exported.
# usage: with-env.sh ENVFILE COMMAND [ARGS...]
#
# ENVFILE holds KEY=VALUE lines (a .env file): blank lines and # comments
# are skipped, an `export ` prefix and one pair of surrounding quotes are
# removed. Nothing in the file is run as shell code, and no value is
# printed. qualify.sh and batch.mk load keys through this script.
set -eu
[ $# -ge 2 ] || { echo "usage: with-env.sh ENVFILE COMMAND [ARGS...]" >&2; exit 2; }
file=$1
shift
[ -r "$file" ] || { echo "with-env.sh: $file: cannot read" >&2; exit 3; }
n=0
while IFS= read -r line || [ -n "$line" ]; do
	n=$((n + 1))
	line=${line%"$(printf '\r')"}
	line=${line#export }
	case $line in
	''|\#*) continue ;;
	[A-Za-z_]*=*) ;;
	*) echo "with-env.sh: $file:$n: ignoring a line that is not KEY=VALUE" >&2; continue ;;
	esac
	key=${line%%=*} val=${line#*=}
	case $key in *[!A-Za-z0-9_]*) echo "with-env.sh: $file:$n: bad name '$key'" >&2; continue ;; esac
	case $val in \"*\") val=${val#\"}; val=${val%\"} ;; \'*\') val=${val#\'}; val=${val%\'} ;; esac
	export "$key=$val"
done < "$file"
exec "$@"
