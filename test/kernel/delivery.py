"""Whether ZeroMQ messages sent to a kernel have reached its socket, seen from Linux's /proc while the kernel's
JavaScript thread is blocked and cannot say so itself.

A message sent with pyzmq travels: this process's libzmq I/O thread writes it to TCP; the peer's TCP acknowledges
it; the kernel's libzmq I/O thread reads it and queues it on its socket. Each step leaves a trace: an I/O thread that
has work is runnable (writing to its wake-up eventfd makes it so at once), one that has finished it sleeps in
epoll_wait; a TCP connection's tx_queue counts bytes not yet acknowledged and rx_queue bytes not yet read. So once
both processes' I/O threads sleep in epoll_wait and every connection to the port has empty queues, every message
sent before the check is on the kernel's socket."""
import os
from pathlib import Path


def process_tree(root):
    """The process and its descendants (the kernel may run under a thin parent)."""
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        for task in Path(f"/proc/{pid}/task").glob("*"):
            try:
                todo += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
    return pids


def io_threads(pids):
    threads = []
    for pid in pids:
        for task in Path(f"/proc/{pid}/task").glob("*"):
            try:
                if (task / "comm").read_text().strip().startswith("ZMQbg/IO"):
                    threads.append(task)
            except OSError:
                pass
    return threads


def state(task):
    """A thread's scheduler state: R runnable, S sleeping, T stopped…"""
    return (task / "stat").read_text().rsplit(") ", 1)[1].split()[0]


def asleep_in_epoll(task):
    try:
        return state(task) == "S" and "epoll" in (task / "wchan").read_text()
    except OSError:
        return False  # a thread that ended mid-look: look again


def queues_empty(port):
    """Every TCP connection with an end on `port`: nothing unacknowledged, nothing unread."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, remote, state, queues = fields[1], fields[2], fields[3], fields[4]
            if state != "01":  # ESTABLISHED
                continue
            if port not in (int(local.rsplit(":", 1)[1], 16), int(remote.rsplit(":", 1)[1], 16)):
                continue
            tx, rx = (int(q, 16) for q in queues.split(":"))
            if tx or rx:
                return False
    return True


def delivered(kernel_pid, port):
    """True once every message this process has sent to `port` is queued on the kernel's socket."""
    ours = io_threads([os.getpid()])
    theirs = io_threads(process_tree(kernel_pid))
    if not ours or not theirs:
        raise AssertionError("no ZeroMQ I/O thread found: cannot tell whether the messages arrived")
    # in the order a message travels: written by ours, acknowledged and read, queued by theirs
    return all(map(asleep_in_epoll, ours)) and queues_empty(port) and all(map(asleep_in_epoll, theirs))
