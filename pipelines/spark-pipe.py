#!/usr/bin/env python3
"""spark-pipe.py: lq's per-record stages over a Spark RDD (textFile, pipe), output in input order.

usage: spark-pipe.py [-c CONFIG] [-e ENVFILE] [--master URL] [--partitions N]
                     [--output DIR] [--mapper PATH] ICP.json INPUT

Reads INPUT (NDJSON leads: a local path, or any URI Spark reads, e.g.
hdfs://, s3a://, dbfs:/) with sc.textFile, pipes every partition through
hadoop-mapper.sh (`lq scrape | lq embed | lq classify | lq score ICP.json`)
and writes the records in input order: to standard output (one partition
at a time through the driver), or with --output as DIR/part-00000,
part-00001, ... (Spark numbers parts by partition, which is input order).
The output is byte-identical to the serial stages on the same cache.

  -c CONFIG        the stages' arguments (lq.conf syntax)
  -e ENVFILE       API keys (KEY=VALUE lines) for the stages, loaded by
                   the mapper: keys are never put in the job
  --master URL     Spark master (default local[N], N the cores here)
  --partitions N   at least N partitions (default: the master's parallelism)
  --output DIR     write part files into DIR (must not exist)
  --mapper PATH    the mapper (default hadoop-mapper.sh beside this script)

ICP.json, CONFIG, ENVFILE and the mapper are used by the executors at the
paths given: on a cluster give paths every executor can read (a shared
mount such as /dbfs/..., or names shipped with spark-submit --files).
Needs pyspark (pip install pyspark) and Java 17 or later. Exit status: 0
done; 2 usage; 3 pyspark or a file missing, or the job failed.
"""
import argparse
import os
import re
import shlex
import shutil
import sys
import tempfile

ME = "spark-pipe.py"
# Passed to the mapper from this environment (PySpark's pipe() gives the
# command only the variables it is handed). Keys are not: see -e.
PASS = ("PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "LQ")
KEYS = ("OPENAI_API_KEY", "APIFY_API_TOKEN", "JINA_API_KEY", "COHERE_API_KEY")
LOG4J2 = """rootLogger.level = fatal
rootLogger.appenderRef.stderr.ref = stderr
appender.console.type = Console
appender.console.name = stderr
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
"""


def die(msg, code=3):
    print("%s: %s" % (ME, msg), file=sys.stderr)
    sys.exit(code)


def stage_env():
    """The environment for the mapper: PASS, LQ_* and *_BASE_URL, never a key."""
    env = {}
    for k, v in os.environ.items():
        if k in KEYS:
            continue
        if k in PASS or k.startswith("LQ_") or k.endswith("_BASE_URL"):
            env[k] = v
    return env


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(prog=ME, description="lq's per-record stages over a Spark RDD, output in input order.")
    p.add_argument("-c", dest="config", metavar="CONFIG")
    p.add_argument("-e", dest="envfile", metavar="ENVFILE")
    p.add_argument("--master")
    p.add_argument("--partitions", type=int)
    p.add_argument("--output", metavar="DIR")
    p.add_argument("--mapper", default=os.path.join(here, "hadoop-mapper.sh"), metavar="PATH")
    p.add_argument("icp", metavar="ICP.json")
    p.add_argument("input", metavar="INPUT")
    a = p.parse_args()
    if a.partitions is not None and a.partitions < 1:
        die("--partitions: %d is not a number of partitions" % a.partitions, 2)
    local = a.master is None or a.master.startswith("local")
    if local:
        # Paths the executors read are this machine's: check them now.
        for what in (a.icp, a.config, a.envfile, a.mapper, a.input):
            if what is not None and "://" not in what and not os.access(what, os.R_OK):
                die("%s: cannot read" % what)
    if a.output is not None and "://" not in a.output and os.path.exists(a.output):
        die("%s exists: give --output a new folder" % a.output)
    unsent = [k for k in KEYS if k in os.environ]
    if unsent and a.envfile is None:
        print("%s: %s is set here but is not sent to the executors: put the keys in a file and give it with -e"
              % (ME, ", ".join(unsent)), file=sys.stderr)
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError:
        die("pyspark is missing (pip install pyspark)")
    quiet = None
    if local:
        # This machine's loopback only, and Spark's own log quiet but for
        # errors (set before the driver's JVM starts).
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        if "PYSPARK_SUBMIT_ARGS" not in os.environ:
            quiet = tempfile.mkdtemp(prefix="lq-spark.")
            log4j = os.path.join(quiet, "log4j2.properties")
            with open(log4j, "w") as f:
                f.write(LOG4J2)
            os.environ["PYSPARK_SUBMIT_ARGS"] = "--driver-java-options %s pyspark-shell" % \
                shlex.quote("-Dlog4j2.configurationFile=file:" + log4j)

    conf = SparkConf().setAppName("lq").set("spark.ui.enabled", "false") \
        .set("spark.ui.showConsoleProgress", "false")
    if local:
        conf.setMaster(a.master or "local[%d]" % (os.cpu_count() or 1))
        conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
    else:
        conf.setMaster(a.master)
    sc = SparkContext(conf=conf)
    if quiet is None:
        sc.setLogLevel("ERROR")
    cmd = ["bash", a.mapper]
    if a.config:
        cmd += ["-c", a.config]
    if a.envfile:
        cmd += ["-e", a.envfile]
    cmd.append(a.icp)
    command = " ".join(shlex.quote(w) for w in cmd)
    code = 0
    try:
        parts = a.partitions or sc.defaultParallelism
        rdd = sc.textFile(a.input, minPartitions=parts).pipe(command, env=stage_env(), checkCode=True)
        if a.output is not None:
            rdd.saveAsTextFile(a.output)
        else:
            out = sys.stdout
            for line in rdd.toLocalIterator():
                out.write(line)
                out.write("\n")
            out.flush()
    except BrokenPipeError:  # the reader of our output went away
        code = 0
    except Exception as e:  # a Py4J or Spark error: say it in one line
        text = str(e)
        m = re.search(r"Pipe function `.*?` exited with error code (\d+)", text)
        if m:
            die("the stages failed on a partition (exit %s; their messages are above)" % m.group(1))
        m = re.search(r"^\S*(Exception|Error)\S*: .*$", text, re.M)
        die("the Spark job failed: %s" % (m.group(0) if m else text.strip().splitlines()[0]))
    finally:
        sc.stop()
        if quiet is not None:
            shutil.rmtree(quiet, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
