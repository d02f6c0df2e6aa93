#!/usr/bin/env python3
"""drained.py PID [SECONDS]: waits until the pipe on PID's stdin holds no
unread byte (the program has read everything written so far), at most
SECONDS (default 30). Exit 0 when drained, 1 on timeout, 2 if PID's stdin
is not a pipe or FIFO. Used by the stop tests to signal a program that is
waiting on stdin, not one still reading it."""
import fcntl
import os
import struct
import sys
import termios
import time

pid, limit = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 30.0
try:
    fd = os.open("/proc/%s/fd/0" % pid, os.O_RDONLY | os.O_NONBLOCK)
except OSError:
    sys.exit(2)
end = time.monotonic() + limit
while time.monotonic() < end:
    n = struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]
    if n == 0:
        sys.exit(0)
    time.sleep(0.02)
sys.exit(1)
