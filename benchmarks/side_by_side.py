#!/usr/bin/env python3
"""Side-by-side whole-process benchmark: Kindling (./kindling) against the real Butane.

Generates the workloads into a scratch folder, runs each command the same way on the same
inputs, and prints the median wall time and the peak resident memory of each, with the ratios.
It is a benchmark to run by hand, not a test:

    python3 benchmarks/side_by_side.py [--butane butane] [--kindling ./kindling] [--runs 5]
                                       [--only tree,units,bigfiles,batch,cold]

Workloads (the ones the project's speed targets name):
  tree      a storage.trees entry with 3,000 files in 60 folders
  units     2,000 systemd units and 1,000 users, inline
  bigfiles  two local files, 32 MiB and 8 MiB, of mixed text (gzip is tried and chosen)
  batch     300 small configs: one `kindling -o OUT/ FILE...` call against 300 butane processes
  cold      one small config, a fresh process each time

Peak memory comes from GNU time (/usr/bin/time -f %M); without it only times are shown.
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GNU_TIME = "/usr/bin/time"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def words(rng, n):
    vocab = ["alpha", "beta", "gamma", "delta", "server", "config", "value", "enable", "path",
             "=", "#", "\n", "  ", "1024", "true", "false", "/var/lib", "--flag", "x86_64"]
    return " ".join(rng.choice(vocab) for _ in range(n))


def line(rng, n):
    """Words on one line (no line breaks), for YAML lines."""
    return " ".join(w for w in words(rng, n).split(" ") if "\n" not in w)


def make_tree(base):
    rng = random.Random(1)
    d = os.path.join(base, "tree.d", "root")
    for i in range(3000):
        write(os.path.join(d, "etc", f"dir{i % 60:02d}", f"file{i:04d}.conf"), words(rng, 40 + i % 80) + "\n")
    write(os.path.join(base, "tree.bu"), "variant: fcos\nversion: 1.5.0\nstorage:\n  trees:\n"
          "    - local: root\n      path: /\n")
    return ["-d", os.path.join(base, "tree.d"), os.path.join(base, "tree.bu")]


def make_units(base):
    rng = random.Random(2)
    out = ["variant: fcos", "version: 1.5.0", "passwd:", "  users:"]
    for i in range(1000):
        out += [f"    - name: user{i:04d}", "      groups: [wheel]",
                f"      ssh_authorized_keys: [\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA{i:08d} user{i}\"]"]
    out += ["systemd:", "  units:"]
    for i in range(2000):
        out += [f"    - name: app{i:04d}.service", "      enabled: true", "      contents: |",
                "        [Unit]", f"        Description=App {i} {line(rng, 6)}", "        [Service]",
                f"        ExecStart=/usr/bin/app --id {i}", "        [Install]",
                "        WantedBy=multi-user.target"]
    write(os.path.join(base, "units.bu"), "\n".join(out) + "\n")
    return [os.path.join(base, "units.bu")]


def make_bigfiles(base):
    rng = random.Random(3)
    d = os.path.join(base, "big.d")
    os.makedirs(d, exist_ok=True)
    for name, size in (("big.bin", 32 << 20), ("medium.txt", 8 << 20)):
        chunk = (words(rng, 4000) + "\n").encode()
        noise = bytes(rng.getrandbits(8) for _ in range(64 << 10))
        with open(os.path.join(d, name), "wb") as fh:
            written = 0
            while written < size:
                part = (chunk if written % (3 << 20) else noise)[: size - written]
                fh.write(part)
                written += len(part)
    write(os.path.join(base, "big.bu"), "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n"
          "    - path: /opt/big.bin\n      contents:\n        local: big.bin\n"
          "    - path: /opt/medium.txt\n      contents:\n        local: medium.txt\n")
    return ["-d", d, os.path.join(base, "big.bu")]


def make_batch(base):
    rng = random.Random(4)
    d = os.path.join(base, "batch")
    files = []
    for i in range(300):
        p = os.path.join(d, f"host{i:03d}.bu")
        write(p, "variant: fcos\nversion: 1.5.0\npasswd:\n  users:\n    - name: core\n"
              f"      ssh_authorized_keys: [\"ssh-ed25519 AAAA{i:06d}\"]\nstorage:\n  files:\n"
              f"    - path: /etc/hostname\n      mode: 0644\n      contents:\n        inline: host{i:03d}\n"
              f"    - path: /etc/motd\n      contents:\n        inline: |\n          {line(rng, 20)}\n"
              "systemd:\n  units:\n    - name: hello.service\n      enabled: true\n      contents: |\n"
              "        [Service]\n        ExecStart=/usr/bin/echo hello\n        [Install]\n"
              "        WantedBy=multi-user.target\n")
        files.append(p)
    return files


def make_cold(base):
    write(os.path.join(base, "cold.bu"), "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n"
          "    - path: /etc/hostname\n      contents:\n        inline: web1\n")
    return [os.path.join(base, "cold.bu")]


def measure(argv, runs, out_dir=None):
    """Median wall seconds and max peak RSS (MiB, or None) of `runs` runs of argv."""
    times, peaks = [], []
    use_time = os.access(GNU_TIME, os.X_OK)
    for _ in range(runs):
        if out_dir:
            shutil.rmtree(out_dir, ignore_errors=True)
            os.makedirs(out_dir)
        cmd = ([GNU_TIME, "-f", "%M"] if use_time else []) + argv
        start = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if p.returncode != 0:
            raise SystemExit(f"failed ({p.returncode}): {' '.join(argv)}\n{p.stderr.decode()[-2000:]}")
        if use_time:
            peaks.append(int(p.stderr.decode().strip().splitlines()[-1]) / 1024)
    return statistics.median(times), (max(peaks) if peaks else None)


def measure_many(commands, runs):
    """Median wall seconds of running every command of the list in turn (one 'run')."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for argv in commands:
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times), None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--butane", default="butane")
    ap.add_argument("--kindling", default=os.path.join(ROOT, "kindling"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", default="tree,units,bigfiles,batch,cold")
    a = ap.parse_args()
    if shutil.which(a.butane) is None:
        raise SystemExit(f"no {a.butane} on PATH: build it with ../shared/reference-tools or pass --butane")
    subprocess.run([a.kindling, "--version"], stdout=subprocess.DEVNULL, check=True)  # builds the jar once
    base = tempfile.mkdtemp(prefix="kindling-bench-")
    try:
        print(f"{'workload':10} {'butane s':>9} {'MiB':>7} {'kindling s':>11} {'MiB':>7} {'speed-up':>9} {'memory':>7}")
        for name in a.only.split(","):
            if name == "batch":
                files = make_batch(base)
                out = os.path.join(base, "out")
                bt, bm = measure_many([[a.butane, "-o", os.path.join(base, "b.ign"), f] for f in files], a.runs)
                kt, km = measure([a.kindling, "-o", out + "/"] + files, a.runs, out_dir=out)
            else:
                args = {"tree": make_tree, "units": make_units, "bigfiles": make_bigfiles, "cold": make_cold}[name](base)
                bt, bm = measure([a.butane] + args, a.runs)
                kt, km = measure([a.kindling] + args, a.runs)
            mem = f"{km / bm:6.2f}x" if bm and km else "     -"
            fmt = lambda v: f"{v:7.0f}" if v else "      -"
            print(f"{name:10} {bt:9.3f} {fmt(bm)} {kt:11.3f} {fmt(km)} {bt / kt:8.2f}x {mem}")
            sys.stdout.flush()
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
