"""Peer timings for `bench ingest`: pandas.read_csv alone, and read_csv + DataFrame.to_sql into a SQLite file.

Usage: /usr/bin/python3 pandas_ingest.py FILE [REPEATS]
Prints the best of REPEATS (default 3) for each stage, rows/s and the process's peak RSS.
"""
import os
import resource
import sqlite3
import sys
import tempfile
import time

import pandas as pd


def timed(fn):
    """Wall-clock and CPU seconds: on a shared machine CPU time is the steadier figure."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, (time.perf_counter() - start, time.process_time() - cpu)


def say(stage, rows, seconds):
    wall, cpu = seconds
    print(f"{stage}: {rows:,} rows in {wall:.2f} s wall = {rows / wall:,.0f} rows/s; "
          f"{cpu:.2f} s CPU = {rows / cpu:,.0f} rows/CPU-s")


def read_and_store(path):
    frame = pd.read_csv(path)
    fd, db = tempfile.mkstemp(suffix=".db")
    os.close(fd)
    try:
        with sqlite3.connect(db) as connection:
            frame.to_sql("events", connection, index=False, chunksize=None)
    finally:
        os.remove(db)
    return frame


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    print(f"pandas {pd.__version__}, file {path}: {os.path.getsize(path) / 1e6:.1f} MB")
    rows = len(pd.read_csv(path))
    say("read_csv", rows, min(timed(lambda: pd.read_csv(path))[1] for _ in range(repeats)))
    say("read_csv+to_sql", rows, min(timed(lambda: read_and_store(path))[1] for _ in range(repeats)))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
