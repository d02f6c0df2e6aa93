#!/bin/sh
# with-env.sh: run a command with the variables of an env file exported.
# usage: with-env.sh ENVFILE COMMAND [ARGS...]
#
# ENVFILE holds KEY=VALUE lines (a .env file): blank lines and # comments
# are skipped, an `export ` prefix and one pair of surrounding quotes are
# removed. Nothing in the file is run as shell code, and no value is
# printed. Only names lq reads are taken: LQ_* settings (except
# LQ_EXEC_PATH, which names the programs to run), the API keys and the
# base URLs (OPENAI_API_KEY, OPENAI_BASE_URL, APIFY_API_TOKEN, JINA_API_KEY,
# COHERE_API_KEY, FATHOM_API_KEY); any other name (PATH, LD_PRELOAD, ...)
# is ignored with a message naming the file and line, so a data file can
# never change which code runs. qualify.sh and batch.mk load keys through
# this script.
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
	case $key in
	LQ_EXEC_PATH)
		echo "with-env.sh: $file:$n: $key names the programs lq runs and is not taken from an env file; ignored" >&2
		continue ;;
	LQ_*|OPENAI_API_KEY|OPENAI_BASE_URL|APIFY_API_TOKEN|JINA_API_KEY|COHERE_API_KEY|FATHOM_API_KEY) ;;
	*)
		echo "with-env.sh: $file:$n: $key is not a setting lq reads (LQ_*, API keys, base URLs); ignored" >&2
		continue ;;
	esac
	case $val in \"*\") val=${val#\"}; val=${val%\"} ;; \'*\') val=${val#\'}; val=${val%\'} ;; esac
	export "$key=$val"
done < "$file"
exec "$@"
