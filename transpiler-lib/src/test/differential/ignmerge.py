#!/usr/bin/env python3
"""Differential check of snippet composition against Ignition's own merge (ignmerge).

For a pair (A, B) of successful conformance cases of the same variant, the reference is
`ignmerge A.ign B.ign`, where A.ign and B.ign are what the real Butane produced for A and B
(the recorded NAME.stdout). ignmerge translates both configs to Ignition's newest spec before it
merges them, so the two results are compared as documents, modulo that translation:

- `ignition.version` is dropped (Kindling writes the base's version, ignmerge the newest);
- empty objects, empty lists and nulls are dropped (Go's encoder writes the empty structs of the
  newest spec's types, Butane's omits them);
- Kindling's result is first translated the way ignmerge translates its inputs: by ignmerge
  itself, merged onto an empty config (live mode), or (golden test) with Ignition's documented
  translation changes (special mode bits cleared below 3.6.0, a 3.4.0 tang advertisement
  dropped);
- a data URL is compared by the bytes it delivers (after base64 and gzip), and `compression`
  with it, since two encoders may choose different but equivalent encodings.

A pair whose ignmerge result `ignition-validate` rejects, while it accepts the base alone (and the
snippet alone, unless the snippet is older than the base and so is translated up to the base's
version by Kindling too), is expected to fail in Kindling too.

Usage:
  ignmerge.py record [--pairs N] [--seed S]   write golden files for CompositionDifferentialTest
  ignmerge.py live --cmd ./kindling [--pairs N] [--seed S] [--jobs J] [--show K]
                                             compare `kindling --snippet B A` live, report counts
"""
import argparse
import base64
import concurrent.futures as futures
import gzip
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
CASES = os.path.join(LIB, "src", "test", "resources", "conformance", "cases")
GOLDEN = os.path.join(LIB, "src", "test", "resources", "compose-differential")
VARIANT = re.compile(r"^variant:\s*['\"]?([a-z0-9]+)", re.M)


def cases():
    """Successful cases with JSON output, as dicts: name, dir, variant, minor, flags, files."""
    found = []
    for folder, dirs, files in os.walk(CASES):
        dirs[:] = sorted(d for d in dirs if not d.endswith(".d"))
        for f in sorted(files):
            if not f.endswith(".bu"):
                continue
            base = os.path.join(folder, f[:-3])
            try:
                rc = open(base + ".rc").read().strip()
                out = open(base + ".stdout", encoding="utf-8").read()
                doc = json.loads(out)
            except (OSError, ValueError):
                continue
            if rc != "0" or not isinstance(doc, dict):
                continue
            flags = open(base + ".args").read().split() if os.path.exists(base + ".args") else []
            if any(a not in ("--raw", "--pretty", "--strict") for a in flags):
                continue
            m = VARIANT.search(open(base + ".bu", encoding="utf-8", errors="replace").read())
            version = doc.get("ignition", {}).get("version", "")
            vm = re.match(r"3\.(\d+)\.0", version)
            if not m or not vm:
                continue
            found.append({
                "name": os.path.relpath(base, CASES).replace(os.sep, "/"),
                "variant": m.group(1),
                "minor": int(vm.group(1)),
                "raw": "--raw" in flags,
                "files": os.path.isdir(base + ".d"),
            })
    return found


def pairs(all_cases, n, seed):
    """n distinct (base, snippet) pairs: same variant, snippet not newer, at most one files dir."""
    rnd = random.Random(seed)
    by_variant = {}
    for c in all_cases:
        by_variant.setdefault(c["variant"], []).append(c)
    candidates = []
    for group in by_variant.values():
        for a in group:
            for b in group:
                if a is not b and b["minor"] <= a["minor"] and not (a["files"] and b["files"]) \
                        and a["raw"] == b["raw"]:
                    candidates.append((a, b))
    candidates.sort(key=lambda p: (p[0]["name"], p[1]["name"]))
    rnd.shuffle(candidates)
    return candidates[:n]


def ignmerge(a, b):
    """ignmerge's result for the recorded outputs of a and b, and whether a failure is expected.

    The merge is expected to fail when Ignition rejects the merged config although it accepts the
    base on its own (translated to its newest spec), and also the snippet on its own unless the
    snippet is older than the base: Kindling writes the result at the base's version and brings
    only older snippets up to it, so a problem that only a newer spec than both finds is not
    Kindling's to report."""
    ta = open(os.path.join(CASES, a["name"] + ".stdout"), encoding="utf-8").read()
    tb = open(os.path.join(CASES, b["name"] + ".stdout"), encoding="utf-8").read()
    merged, valid = run_ignmerge(ta, tb)
    if valid or not translate_up(ta)[1]:
        return merged, False
    return merged, b["minor"] < a["minor"] or translate_up(tb)[1]


def decode_data_url(url):
    head, _, data = url[5:].partition(",")
    if head.endswith(";base64"):
        return base64.b64decode(data + "=" * (-len(data) % 4))
    return urllib.parse.unquote_to_bytes(data)


def normalize(v):
    """The comparable form of a config (see the module comment)."""
    if isinstance(v, dict):
        out = {}
        src = v.get("source")
        if isinstance(src, str) and src.startswith("data:"):
            try:
                data = decode_data_url(src)
                if v.get("compression") == "gzip":
                    data = gzip.decompress(data)
                v = dict(v)
                v["source"] = "sha256:" + hashlib.sha256(data).hexdigest()
                v.pop("compression", None)
            except (ValueError, OSError, EOFError):
                pass  # not decodable as declared (merging can pair a source with another's compression)
        for k, x in v.items():
            x = normalize(x)
            if x is None or x == {} or x == []:
                continue
            out[k] = x
        ign = out.get("ignition")
        if isinstance(ign, dict) and "version" in ign:
            ign = dict(ign)
            ign.pop("version")
            if ign:
                out["ignition"] = ign
            else:
                out.pop("ignition")
        return out
    if isinstance(v, list):
        return [normalize(x) for x in v]
    return v


EMPTY = '{"ignition":{"version":"3.0.0"}}'


def run_ignmerge(parent_text, child_text):
    """ignmerge on two config texts: (merged document or None, Ignition accepts it)."""
    with tempfile.TemporaryDirectory() as d:
        pa, pb = os.path.join(d, "a.ign"), os.path.join(d, "b.ign")
        open(pa, "w", encoding="utf-8").write(parent_text)
        open(pb, "w", encoding="utf-8").write(child_text)
        r = subprocess.run(["ignmerge", pa, pb], capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            return None, False
        out = os.path.join(d, "out.ign")
        open(out, "w", encoding="utf-8").write(r.stdout)
        v = subprocess.run(["ignition-validate", out], capture_output=True, text=True, timeout=60)
        errors = [l for l in (v.stdout + v.stderr).splitlines() if l.startswith("error")]
        return json.loads(r.stdout), v.returncode == 0 and not errors


def translate_up(text):
    """A config as Ignition reads it: translated by Ignition itself (merged onto an empty 3.0.0)."""
    return run_ignmerge(EMPTY, text)


def record(args):
    chosen = pairs(cases(), args.pairs, args.seed)
    os.makedirs(GOLDEN, exist_ok=True)
    for f in os.listdir(GOLDEN):
        if f.endswith(".json"):
            os.unlink(os.path.join(GOLDEN, f))
    for i, (a, b) in enumerate(chosen):
        merged, fails = ignmerge(a, b)
        doc = {"base": a["name"], "snippet": b["name"], "raw": a["raw"],
               "mergeFails": fails, "ignmerge": merged}
        with open(os.path.join(GOLDEN, "%03d.json" % i), "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1, sort_keys=True, ensure_ascii=False)
            f.write("\n")
    print("recorded %d pairs in %s" % (len(chosen), GOLDEN))


def live_one(cmd, a, b):
    merged, fails = ignmerge(a, b)
    argv = list(cmd)
    if a["raw"]:
        argv.append("--raw")
    for c in (a, b):
        if c["files"]:
            argv += ["--files-dir", os.path.join(CASES, c["name"] + ".d")]
    argv += ["--snippet", os.path.join(CASES, b["name"] + ".bu"), os.path.join(CASES, a["name"] + ".bu")]
    r = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    if fails:
        return r.returncode != 0, "ignition rejects the merge; kindling rc=%d" % r.returncode
    if r.returncode != 0:
        return False, "kindling failed: " + r.stderr.strip()[:300]
    ours = normalize(translate_up(r.stdout)[0])
    theirs = normalize(merged)
    return ours == theirs, "documents differ"


def live(args):
    chosen = pairs(cases(), args.pairs, args.seed)
    cmd = args.cmd.split()
    passed = 0
    shown = 0
    with futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda p: live_one(cmd, *p), chosen))
    for (a, b), (ok, why) in zip(chosen, results):
        if ok:
            passed += 1
        elif shown < args.show:
            shown += 1
            print("FAIL %s + %s: %s" % (a["name"], b["name"], why))
    print("compose differential: %d/%d pairs agree with ignmerge" % (passed, len(chosen)))
    return 0 if passed == len(chosen) else 1


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="mode", required=True)
    r = sub.add_parser("record")
    r.add_argument("--pairs", type=int, default=150)
    r.add_argument("--seed", type=int, default=9)
    lv = sub.add_parser("live")
    lv.add_argument("--cmd", required=True)
    lv.add_argument("--pairs", type=int, default=1000)
    lv.add_argument("--seed", type=int, default=2026)
    lv.add_argument("--jobs", type=int, default=2)
    lv.add_argument("--show", type=int, default=10)
    args = p.parse_args()
    if args.mode == "record":
        record(args)
        return 0
    return live(args)


if __name__ == "__main__":
    sys.exit(main())
