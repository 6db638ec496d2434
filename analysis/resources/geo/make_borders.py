"""Write ``borders.json``, the country borders under the attack map, from Natural Earth 1:50m.

Run once, by hand, when the borders should change; the report never runs it
and nothing is downloaded at run time. Its input is the npm package
``world-atlas@2.0.2``, which ships Natural Earth's "Admin 0 - Countries"
(version 4.1.0, public domain; the packaging is ISC-licensed) as TopoJSON,
``package/countries-50m.json``; it is read straight from the tarball with the
standard library::

    npm pack world-atlas@2.0.2 --pack-destination /tmp
    python analysis/resources/geo/make_borders.py /tmp/world-atlas-2.0.2.tgz

It keeps the countries that reach into :data:`BOX`, clips their rings to it
(the map never shows more), rounds coordinates to :data:`DIGITS` decimals and
gives each country a label point: the point of its largest clipped piece
farthest from that piece's border, so that a name sits well inside its
country. The JSON records where every byte came from.

Why 1:50m: at the map's usual extent (Iraq and Syria, about 1,300 km
across) Natural Earth's 1:110m borders, which the ``geopandas==0.14.4`` wheel
ships, are long straight segments (Iraq has 29 points, the Iran-Iraq border
six) and Bahrain is missing; 1:50m draws the rivers' and coasts' borders
and every state of the Gulf for 89 KB.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import tarfile
from io import BytesIO
from pathlib import Path

BOX = (25.0, 10.0, 65.0, 45.0)  # lon min, lat min, lon max, lat max: the Levant, Arabia, Turkey, Iran
DIGITS = 2  # 0.01 degree is about 1 km, finer than a 1:110m line
MEMBER = "package/countries-50m.json"
OUT = Path(__file__).resolve().parent / "borders.json"


def clip(ring: list[tuple[float, float]], box=BOX) -> list[tuple[float, float]]:
    """``ring`` clipped to the rectangle ``box`` (Sutherland-Hodgman: exact for a convex clip window)."""
    x0, y0, x1, y1 = box
    edges = [(lambda p: p[0] >= x0, lambda a, b: _at_x(a, b, x0)),
             (lambda p: p[0] <= x1, lambda a, b: _at_x(a, b, x1)),
             (lambda p: p[1] >= y0, lambda a, b: _at_y(a, b, y0)),
             (lambda p: p[1] <= y1, lambda a, b: _at_y(a, b, y1))]
    points = list(ring)
    for inside, cross in edges:
        if not points:
            break
        out = []
        for i, b in enumerate(points):
            a = points[i - 1]
            if inside(b):
                if not inside(a):
                    out.append(cross(a, b))
                out.append(b)
            elif inside(a):
                out.append(cross(a, b))
        points = out
    return points


def _at_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def rounded(ring) -> list[list[float]]:
    """The ring's points rounded, repeated points dropped, not closed (the first point is not repeated)."""
    out = []
    for x, y in ring:
        p = [round(x, DIGITS), round(y, DIGITS)]
        if not out or p != out[-1]:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def area(ring) -> float:
    """Unsigned area in square degrees, longitudes shrunk by the cosine of the latitude."""
    k = math.cos(math.radians(sum(y for _, y in ring) / len(ring)))
    return abs(sum(k * (ring[i - 1][0] * y - x * ring[i - 1][1]) for i, (x, y) in enumerate(ring))) / 2


def inside(point, ring) -> bool:
    """Even-odd rule."""
    x, y = point
    result = False
    for i, (bx, by) in enumerate(ring):
        ax, ay = ring[i - 1]
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            result = not result
    return result


def _distance(point, ring, k) -> float:
    """Distance from ``point`` to the ring's border, longitudes shrunk by ``k``."""
    px, py = point[0] * k, point[1]
    best = math.inf
    for i, (bx, by) in enumerate(ring):
        ax, ay = ring[i - 1]
        ax, bx = ax * k, bx * k
        dx, dy = bx - ax, by - ay
        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(px - ax - t * dx, py - ay - t * dy))
    return best


def label_point(ring, steps: int = 40) -> list[float]:
    """The point of a grid over the ring's bounding box that lies inside it farthest from its border."""
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    k = math.cos(math.radians((min(ys) + max(ys)) / 2))
    best, where = -1.0, [sum(xs) / len(xs), sum(ys) / len(ys)]
    for i in range(steps + 1):
        for j in range(steps + 1):
            p = (min(xs) + (max(xs) - min(xs)) * i / steps, min(ys) + (max(ys) - min(ys)) * j / steps)
            if inside(p, ring):
                d = _distance(p, ring, k)
                if d > best:
                    best, where = d, [round(p[0], DIGITS), round(p[1], DIGITS)]
    return where


def decoded(topology: dict) -> list[tuple[dict, list[list[tuple[float, float]]]]]:
    """Each country of a TopoJSON topology as (properties with ``id``, rings in degrees)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:  # quantized, delta-encoded
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices):
        out = []
        for i in indices:  # ~i: the arc reversed; consecutive arcs share their end point
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out += points if not out else points[1:]
        return out

    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs")], "MultiPolygon": geometry.get("arcs")}.get(geometry["type"], [])
        out.append(({**geometry.get("properties", {}), "id": geometry.get("id")},
                    [ring(r) for polygon in polygons for r in polygon]))
    return out


def countries(topology: dict) -> list[dict]:
    """The countries reaching into :data:`BOX`, clipped, sorted by name."""
    out = []
    for properties, rings in decoded(topology):
        points = [p for r in rings for p in r]
        if not points or max(x for x, _ in points) < BOX[0] or min(x for x, _ in points) > BOX[2] \
                or max(y for _, y in points) < BOX[1] or min(y for _, y in points) > BOX[3]:
            continue
        rings = [rounded(clip(r)) for r in rings]
        rings = [r for r in rings if len(r) >= 3 and area(r) > 1e-4]
        if rings:
            out.append({"name": properties["name"], "iso_n3": properties["id"],
                        "label": label_point(max(rings, key=area)), "rings": rings})
    return sorted(out, key=lambda c: c["name"])


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", type=Path, help="world-atlas-2.0.2.tgz, from npm pack world-atlas@2.0.2")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    tarball = args.tarball.read_bytes()
    with tarfile.open(fileobj=BytesIO(tarball)) as tar:
        member = tar.extractfile(MEMBER).read()
    sha = lambda b: hashlib.sha256(b).hexdigest()  # noqa: E731
    data = {
        "source": {
            "dataset": "Natural Earth 1:50m Cultural Vectors, Admin 0 - Countries",
            "scale": "1:50m",
            "version": "4.1.0",
            "license": "public domain (Natural Earth terms of use: no permission needed, no attribution required); "
                       "the world-atlas packaging is under the ISC license",
            "package": f"world-atlas@2.0.2 on the npm registry, {args.tarball.name} (sha256 {sha(tarball)})",
            "file": f"{MEMBER} (sha256 {sha(member)}), TopoJSON",
            "changes": f"the countries reaching into lon {BOX[0]:g}..{BOX[2]:g} E, lat {BOX[1]:g}..{BOX[3]:g} N, "
                       f"their rings clipped to that box, coordinates rounded to {DIGITS} decimals; iso_n3 is the "
                       "ISO 3166-1 numeric code world-atlas gives as the country's id",
            "script": "analysis/resources/geo/make_borders.py",
        },
        "box": list(BOX),
        "countries": countries(json.loads(member)),
    }
    # One country a line: a change of the borders reads as a diff of the countries it touched.
    compact = lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    text = (json.dumps({k: v for k, v in data.items() if k != "countries"}, ensure_ascii=False, indent=1)[:-2]
            + ',\n "countries": [\n' + ",\n".join(compact(c) for c in data["countries"]) + "\n ]\n}\n")
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(data['countries'])} countries, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
