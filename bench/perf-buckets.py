#!/usr/bin/env python3
"""Groups perf samples of Rampart into coarse buckets by what their call stack contains.

    perf script -i perf.data -F comm,ip,sym | swift demangle --simplified | bench/perf-buckets.py [-v]

Each sample counts once, for the first rule (in the order below) whose pattern occurs anywhere in
its stack, except the concurrency-runtime rule, which looks at the three innermost frames only.
-v also lists the commonest innermost frames of the samples no rule matched. Used by
bench/profile.sh; the patterns are names seen in Rampart's stacks with swift-nio,
AsyncHTTPClient (streamed answers) and Hummingbird 2.
"""
import collections
import re
import sys

RULES = [
    ("JSON decode: unknown-member handling (Preserving: modelledKeys, decodeExtras)", r"modelledKeys|decodeExtras"),
    ("JSON decode: the rest (Foundation JSONDecoder, Codable inits)", r"JSONDecoder|WireJSON\.decode|firstInvalidUTF8Offset"),
    ("JSON encode (Foundation JSONEncoder)", r"JSONEncoder|JSONWriter|WireJSON\.encode"),
    ("disconnect watcher (task group, Task.sleep)", r"waitForDisconnect|cancellingOnDisconnect|Task<>\._sleep|_sleep<|ClientConnection"),
    ("socket read/write syscalls (kernel TCP loopback)",
     r"\b(__GI___libc_write|__GI___writev|__libc_read|__GI___readv|__libc_recv|__libc_send|sendmsg|recvmsg)\b"
     r"|ksys_write|ksys_read|do_writev|do_readv|sock_write_iter|sock_read_iter|tcp_sendmsg|tcp_recvmsg"),
    ("waiting and waking (epoll_wait, futex, scheduler)", r"epoll_wait|do_epoll|futex|schedule|finish_task_switch|swift_task_switch|pthread_cond"),
    ("AsyncHTTPClient (pool, transaction, tracing, decompression)",
     r"HTTPClient|Transaction\.|HTTP1Connection|HTTPConnectionPool|HTTP1ClientChannelHandler|RequestBag|TracingSupport|Decompress"),
    ("Rampart's upstream HTTP/1.1 path (UpstreamConnections, its handler)", r"UpstreamConnections|UpstreamExchange"),
    ("Hummingbird + NIO HTTP server side (and the NIO HTTP codec of the upstream path)",
     r"Hummingbird|HTTPServer|NIOAsyncChannel|Router|HTTP1Channel|HTTPDecoder|HTTPResponseEncoder|HTTPRequestEncoder"
     r"|ByteToMessage|ChatEndpoint|ErrorMiddleware|RampartRequestContext"),
    ("Swift concurrency runtime, libdispatch (innermost frames)",
     r"LEAF:.*(swift_task|swift_job|_dispatch|dispatch_|swift_continuation|TaskGroup|StackAllocator|AsyncTask|swift_asyncLet)"),
]


def main() -> None:
    samples, frames = [], None
    for line in sys.stdin:
        if not line.strip():
            continue
        if not line.startswith("\t"):
            frames = []
            samples.append(frames)
        elif frames is not None:
            frames.append(line.split(None, 1)[-1].strip())
    counts, other = collections.Counter(), collections.Counter()
    for frames in samples:
        stack = "\n".join(frames) + "\nLEAF:" + " | ".join(frames[:3])
        for name, pattern in RULES:
            if re.search(pattern, stack):
                counts[name] += 1
                break
        else:
            counts["other"] += 1
            other[" < ".join(f[:60] for f in frames[:2])] += 1
    n = max(len(samples), 1)
    print(f"{len(samples)} samples")
    for name in [r[0] for r in RULES] + ["other"]:
        print(f"{100 * counts[name] / n:6.1f}%  {name}")
    if "-v" in sys.argv[1:]:
        print("commonest innermost frames of 'other':")
        for key, count in other.most_common(15):
            print(f"{100 * count / n:6.1f}%  {key}")


if __name__ == "__main__":
    main()
