#!/usr/bin/env python3
"""Draws time per PBKDF2-HMAC-SHA256 hash against the iteration count from a JMH JSON result.

Usage: plot.py RESULTS.json OUT.svg

Reads the Pbkdf2ScalingBenchmark entries (ours, jdk, openssl) and writes a plain SVG line chart.
Standard library only, so it runs wherever Python 3 does.
"""
import json
import sys

COLOURS = {"ours": "#1b7837", "jdk": "#b2182b", "openssl": "#2166ac"}
LABELS = {"ours": "pbkdf2-dpapi engine", "jdk": "JDK SecretKeyFactory", "openssl": "OpenSSL PKCS5_PBKDF2_HMAC"}


def series(results):
    data = {}
    for entry in results:
        name = entry["benchmark"]
        if ".Pbkdf2ScalingBenchmark." not in name:
            continue
        impl = name.rsplit(".", 1)[1]
        iterations = int(entry["params"]["iterations"])
        data.setdefault(impl, []).append((iterations, entry["primaryMetric"]["score"]))
    return {impl: sorted(points) for impl, points in data.items()}


def svg(data, width=720, height=440, margin=70):
    xs = [x for points in data.values() for x, _ in points]
    ys = [y for points in data.values() for _, y in points]
    x_max, y_max = max(xs), max(ys) * 1.1

    def px(x):
        return margin + (width - 2 * margin) * x / x_max

    def py(y):
        return height - margin - (height - 2 * margin) * y / y_max

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{width / 2}" y="24" text-anchor="middle" font-size="15">PBKDF2-HMAC-SHA256: time per hash</text>',
           f'<line x1="{margin}" y1="{height - margin}" x2="{width - margin}" y2="{height - margin}" stroke="black"/>',
           f'<line x1="{margin}" y1="{margin}" x2="{margin}" y2="{height - margin}" stroke="black"/>',
           f'<text x="{width / 2}" y="{height - 25}" text-anchor="middle">iterations</text>',
           f'<text x="20" y="{height / 2}" text-anchor="middle" transform="rotate(-90 20 {height / 2})">ms per hash</text>']
    for x in sorted(set(xs)):
        out.append(f'<line x1="{px(x):.1f}" y1="{height - margin}" x2="{px(x):.1f}" y2="{height - margin + 5}" stroke="black"/>')
        out.append(f'<text x="{px(x):.1f}" y="{height - margin + 18}" text-anchor="middle">{x:,}</text>')
    step = 50 if y_max > 200 else 25
    for y in range(0, int(y_max) + 1, step):
        out.append(f'<line x1="{margin - 5}" y1="{py(y):.1f}" x2="{width - margin}" y2="{py(y):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{margin - 8}" y="{py(y) + 4:.1f}" text-anchor="end">{y}</text>')
    for row, impl in enumerate(["ours", "jdk", "openssl"]):
        points = data.get(impl)
        if not points:
            continue
        path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{COLOURS[impl]}" stroke-width="2"/>')
        for x, y in points:
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{COLOURS[impl]}"/>')
        ly = margin + 10 + 18 * row
        out.append(f'<line x1="{margin + 15}" y1="{ly}" x2="{margin + 40}" y2="{ly}" stroke="{COLOURS[impl]}" stroke-width="2"/>')
        out.append(f'<text x="{margin + 46}" y="{ly + 4}">{LABELS[impl]}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        data = series(json.load(f))
    if not data:
        sys.exit("no Pbkdf2ScalingBenchmark results in " + sys.argv[1])
    with open(sys.argv[2], "w") as f:
        f.write(svg(data))


if __name__ == "__main__":
    main()
