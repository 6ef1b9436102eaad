"""Runs a command under a real pseudo-terminal (stdin, stdout and stderr are the terminal).

Usage: python3 pty-run.py COMMAND [ARGS...]
Everything read from this script's stdin is typed into the terminal; everything the command writes to
the terminal is copied to this script's stdout. Exits with the command's exit code.
"""
import os
import pty
import select
import sys

pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])

stdin_open = True
while True:
    watched = [fd] + ([sys.stdin.fileno()] if stdin_open else [])
    ready, _, _ = select.select(watched, [], [])
    if fd in ready:
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the command exited and closed the terminal
            data = b""
        if not data:
            break
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    if stdin_open and sys.stdin.fileno() in ready:
        typed = os.read(sys.stdin.fileno(), 65536)
        if typed:
            os.write(fd, typed)
        else:
            stdin_open = False

_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
