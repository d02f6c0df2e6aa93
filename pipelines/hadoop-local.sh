#!/bin/sh
# hadoop-local.sh: lq's per-record stages as a Hadoop Streaming job in local mode, output in input order.
# usage: hadoop-local.sh [-c CONFIG] [-e ENVFILE] [-j JOBS] [-s SPLIT] [-w DIR] [--jars DIR] ICP.json < leads.ndjson > scored.ndjson
#        hadoop-local.sh --fetch [--jars DIR]
#
# Runs the map-only Streaming job of docs/scale.md on this machine
# (mapreduce.framework.name=local, no cluster, no HDFS): the same
# hadoop-streaming jar, options and mapper (hadoop-mapper.sh -k) as on a
# cluster, then merges the part files back into input order, so the
# output is byte-identical to `lq scrape | lq embed | lq classify | lq
# score ICP.json`. It rehearses a cluster job, and tests it.
#   -c CONFIG   the stages' arguments (lq.conf syntax), shipped with -files
#   -e ENVFILE  API keys (KEY=VALUE lines), shipped with -files and loaded
#               by the mapper: never on a command line or in the job conf
#   -j JOBS     map tasks at once (default: one per core)
#   -s SPLIT    bytes per input split (default: the input over JOBS)
#   -w DIR      keep the job's folder in DIR (input, part files, Hadoop's
#               log); by default a temporary folder, removed
#   --jars DIR  Hadoop's jars (default $LQ_HADOOP_JARS, else
#               ~/.cache/lq/hadoop-VERSION), fetched from Maven Central
#               with Maven when missing; VERSION is $LQ_HADOOP_VERSION,
#               default 3.4.2
#   --fetch     only fetch the jars
# Needs Java (8 to 17) and, to fetch the jars once, Maven. Exit status: 0
# done; 2 usage; 3 Java or Maven missing, the jars could not be fetched,
# or the job failed (the end of Hadoop's log is shown).
set -eu
me=hadoop-local.sh
version=${LQ_HADOOP_VERSION:-3.4.2}
config= envfile= jobs= split= keep= jars=${LQ_HADOOP_JARS:-} fetch_only=
usage() {
	echo "usage: hadoop-local.sh [-c CONFIG] [-e ENVFILE] [-j JOBS] [-s SPLIT] [-w DIR] [--jars DIR] ICP.json" >&2
	echo "       hadoop-local.sh --fetch [--jars DIR]" >&2
	exit 2
}
die() { echo "$me: $1" >&2; exit "${2:-3}"; }
need() { [ "$2" -ge 2 ] || { echo "$me: option $1 needs a value" >&2; usage; }; }
while [ $# -gt 0 ]; do
	case $1 in
	-c) need "$1" $#; config=$2; shift 2 ;;
	-e) need "$1" $#; envfile=$2; shift 2 ;;
	-j) need "$1" $#; jobs=$2; shift 2 ;;
	-s) need "$1" $#; split=$2; shift 2 ;;
	-w) need "$1" $#; keep=$2; shift 2 ;;
	--jars) need "$1" $#; jars=$2; shift 2 ;;
	--jars=*) jars=${1#*=}; shift ;;
	--fetch) fetch_only=1; shift ;;
	-h|--help) sed -n '2,/^set -eu/{/^set -eu/d;s/^# \{0,1\}//;p;}' "$0"; exit 0 ;;
	--) shift; break ;;
	-*) echo "$me: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
done
[ -n "$jars" ] || jars=${XDG_CACHE_HOME:-$HOME/.cache}/lq/hadoop-$version
case $jobs in ''|*[!0-9]*|0) [ -z "$jobs" ] || die "-j: '$jobs' is not a number of tasks" 2 ;; esac
case $split in ''|*[!0-9]*|0) [ -z "$split" ] || die "-s: '$split' is not a number of bytes" 2 ;; esac

# fetch: Hadoop's streaming jar and what it needs to run a local job,
# from Maven Central through a throwaway pom; into $jars, atomically.
fetch() {
	[ ! -f "$jars/.complete" ] || return 0
	command -v mvn >/dev/null 2>&1 ||
		die "Maven is needed once, to fetch Hadoop $version's jars into $jars (apt-get install maven)"
	mkdir -p "$(dirname "$jars")"
	f=$(mktemp -d "$jars.tmp.XXXXXX")
	cat > "$f/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>lq</groupId>
  <artifactId>lq-hadoop-local</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.hadoop</groupId><artifactId>hadoop-streaming</artifactId><version>$version</version></dependency>
    <dependency><groupId>org.apache.hadoop</groupId><artifactId>hadoop-common</artifactId><version>$version</version></dependency>
    <dependency><groupId>org.apache.hadoop</groupId><artifactId>hadoop-mapreduce-client-common</artifactId><version>$version</version></dependency>
  </dependencies>
</project>
EOF
	echo "$me: fetching Hadoop $version's jars with Maven into $jars" >&2
	if ! mvn -B -q -f "$f/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
		-DoutputDirectory="$f/jars" > "$f/mvn.log" 2>&1; then
		sed 's/\x1b\[[0-9;]*m//g' "$f/mvn.log" | grep -v '^\s*at ' | tail -n 15 >&2
		rm -rf "$f"
		die "Maven could not fetch Hadoop $version's jars (is Maven Central reachable?)"
	fi
	touch "$f/jars/.complete"
	mv "$f/jars" "$jars" 2>/dev/null || [ -f "$jars/.complete" ] ||
		die "cannot move the jars into $jars"
	rm -rf "$f"
}
command -v java >/dev/null 2>&1 || die "Java is missing (apt-get install default-jre-headless)"
fetch
[ -n "$fetch_only" ] && exit 0

[ $# -eq 1 ] || usage
icp=$1
[ -r "$icp" ] || die "$icp: cannot read"
[ -z "$config" ] || [ -r "$config" ] || die "$config: cannot read"
[ -z "$envfile" ] || [ -r "$envfile" ] || die "$envfile: cannot read"
here=$(cd "$(dirname "$0")" && pwd)
lq=${LQ:-}
[ -n "$lq" ] || { [ -x "$here/../bin/lq" ] && lq=$here/../bin/lq; } || lq=lq
abs() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }

if [ -n "$keep" ]; then
	[ ! -e "$keep/out" ] || die "$keep/out exists: give -w a new folder"
	mkdir -p "$keep"
	work=$(cd "$keep" && pwd)
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/lq-hadoop.XXXXXX")
	trap 'rm -rf "$work"' EXIT
fi
trap 'exit 130' INT
trap 'exit 143' TERM
umask 077
mkdir -p "$work/in"
cat > "$work/in/leads.ndjson"
size=$(wc -c < "$work/in/leads.ndjson")
[ -n "$jobs" ] || jobs=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
[ -n "$split" ] || split=$(( (size + jobs - 1) / jobs ))
[ "$split" -gt 0 ] || split=1
# Streaming's (old API) splits are min(input / mapreduce.job.maps, block
# size): the local block size is the split, with few enough maps asked.
maps=$((size / split))
[ "$maps" -gt 0 ] || maps=1

# Hadoop's own messages go to its log, not to the terminal.
cat > "$work/log4j.properties" <<'EOF'
log4j.rootLogger=INFO,file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=${lq.hadoop.log}
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=%d{HH:mm:ss} %p %c{1}: %m%n
EOF

# The mapper, with-env.sh, the ICP, the config and the key file go into
# every task's working folder under fixed names (-files PATH#NAME).
files="$here/hadoop-mapper.sh#hadoop-mapper.sh,$here/with-env.sh#with-env.sh,$(abs "$icp")#icp.json"
mapper="bash hadoop-mapper.sh -k"
if [ -n "$config" ]; then files="$files,$(abs "$config")#lq.conf"; mapper="$mapper -c lq.conf"; fi
if [ -n "$envfile" ]; then files="$files,$(abs "$envfile")#lq.env"; mapper="$mapper -e lq.env"; fi
mapper="$mapper icp.json"
# -cmdenv, not mapreduce.map.env (ignored in local mode), gives the tasks
# the shared cache and the lq to run; keys never go here (a command line).
cache=${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}
set -- -cmdenv "LQ_CACHE_DIR=$cache" -cmdenv "LQ=$lq"
[ -z "${LQ_THREADS:-}" ] || set -- "$@" -cmdenv "LQ_THREADS=$LQ_THREADS"
[ -z "${LQ_MODEL_DIR:-}" ] || set -- "$@" -cmdenv "LQ_MODEL_DIR=$LQ_MODEL_DIR"

st=0
(
	cd "$work"
	exec java -Xmx1g -Dlog4j.configuration="file:$work/log4j.properties" -Dlq.hadoop.log="$work/hadoop.log" \
		-cp "$jars/*" org.apache.hadoop.streaming.HadoopStreaming \
		-D mapreduce.framework.name=local \
		-D fs.defaultFS=file:/// \
		-D hadoop.tmp.dir="$work/tmp" \
		-D mapreduce.job.name=lq \
		-D mapreduce.job.reduces=0 \
		-D mapreduce.local.map.tasks.maximum="$jobs" \
		-D fs.local.block.size="$split" \
		-D mapreduce.job.maps="$maps" \
		-D stream.map.input.ignoreKey=false \
		-files "$files" \
		"$@" \
		-input "file://$work/in" \
		-output "file://$work/out" \
		-mapper "$mapper"
) >> "$work/hadoop.log" 2>&1 || st=$?
if [ "$st" -ne 0 ] || [ ! -f "$work/out/_SUCCESS" ]; then
	echo "$me: the Hadoop job failed (exit $st); the end of its log:" >&2
	grep -v '^\s*at \|^[0-9:]* INFO ' "$work/hadoop.log" | tail -n 20 >&2
	exit 3
fi

# The part files hold KEY<TAB>RECORD lines, KEY the byte offset of the
# record's input line; Hadoop numbers the parts by split size, not by
# position, so the records are put back in input order by KEY.
tab=$(printf '\t')
cat "$work"/out/part-* | LC_ALL=C sort -t "$tab" -k1,1n | LC_ALL=C awk -F '\t' -v me="$me" '
	$1 == prev && NR > 1 { printf "%s: offset %s twice in the part files\n", me, $1 > "/dev/stderr"; exit 3 }
	{ prev = $1; print substr($0, length($1) + 2) }'
