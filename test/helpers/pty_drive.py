"""Drives a command on a pseudo-terminal, like a person at the front desk.

Usage: python3 pty_drive.py '<json>' where json = {"argv": [...], "env": {...},
"steps": [["text to wait for", "keys to send"], ...]}. Each step waits until the text appears in
new output, then types the keys. Prints everything the command showed (without ANSI codes) and
exits with the command's exit code, or 99 when a step timed out.
"""
import json, os, pty, re, select, sys, time

spec = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(spec["argv"][0], spec["argv"], dict(os.environ, **spec.get("env", {})))

ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]")
output = b""


def read_some(timeout):
    """Reads what is available; False on timeout, None when the child has closed the terminal."""
    global output
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return False
    try:
        data = os.read(fd, 4096)
    except OSError:
        return None
    output += data
    return bool(data) or None


def screen(data):
    return ANSI.sub(b"", data).decode("utf-8", "replace")


pos = 0
for wait_for, keys in spec["steps"]:
    deadline = time.time() + 20
    while wait_for not in screen(output[pos:]):
        if time.time() > deadline or read_some(0.2) is None:
            sys.stdout.write(screen(output))
            sys.stderr.write("\nTIMEOUT waiting for %r\n" % wait_for)
            os.kill(pid, 9)
            sys.exit(99)
    pos = len(output)
    time.sleep(0.1)
    os.write(fd, keys.encode())

while read_some(1.0) is not None:
    pass
_, status = os.waitpid(pid, 0)
sys.stdout.write(screen(output))
sys.exit(os.waitstatus_to_exitcode(status))
