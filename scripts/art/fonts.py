#!/usr/bin/env python3
"""Builds assets/fonts/AtkinsonHyperlegible-{Regular,Bold}.ttf.

From the @fontsource/atkinson-hyperlegible woff2 files (SIL OFL 1.1): the "latin" and
"latin-ext" subsets of each weight are decompressed and merged back into one TrueType font,
and a few symbols the game writes and the font lacks are drawn here as plain outlines
(stars, check and cross marks, play/pause, arrows), so they match the text's size and weight.
The result is a Modified Version under the OFL (which declares no Reserved Font Name).

Usage: fonts.py NODE_MODULES OUT_DIR
"""

import math
import os
import sys

from fontTools.merge import Merger, Options
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

FAMILY = "atkinson-hyperlegible"
# Stroke of the font's own minus sign, regular and bold (units per em: 1000).
STROKE = {"400": 79, "700": 128}
AXIS = 248  # the height of the minus sign's middle: where symbols are centred
NOTE = "Symbols (stars, marks, arrows, play/pause) added for Parts Unlimited"


def area(pts):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1])) / 2


def oriented(pts, outer=True):
    """TrueType fills clockwise outer contours; holes run the other way."""
    clockwise = area(pts) < 0
    return pts if clockwise == outer else pts[::-1]


def star(cx, cy, r_out, r_in):
    pts = []
    for i in range(10):
        r = r_out if i % 2 == 0 else r_in
        a = math.pi / 2 + i * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def thick(points, w):
    """The outline of a polyline of width w, with mitred joins and butt ends, as one contour."""
    h = w / 2

    def normal(p, q):
        dx, dy = q[0] - p[0], q[1] - p[1]
        n = math.hypot(dx, dy)
        return (-dy / n, dx / n)

    def side(sign):
        out = []
        for i, p in enumerate(points):
            if i == 0:
                n = normal(points[0], points[1])
                out.append((p[0] + sign * h * n[0], p[1] + sign * h * n[1]))
            elif i == len(points) - 1:
                n = normal(points[-2], points[-1])
                out.append((p[0] + sign * h * n[0], p[1] + sign * h * n[1]))
            else:
                n1, n2 = normal(points[i - 1], p), normal(p, points[i + 1])
                m = (n1[0] + n2[0], n1[1] + n2[1])
                ml = math.hypot(*m)
                m = (m[0] / ml, m[1] / ml)
                k = h / (m[0] * n1[0] + m[1] * n1[1])
                out.append((p[0] + sign * k * m[0], p[1] + sign * k * m[1]))
        return out

    return side(1) + side(-1)[::-1]


def rotate(pts, cx, cy, deg):
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in pts]


def cross(cx, cy, half, w):
    """A plus sign of arm width w and half-length half, as one 12-point contour."""
    a, b = w / 2, half
    return [(cx - a, cy + b), (cx + a, cy + b), (cx + a, cy + a), (cx + b, cy + a),
            (cx + b, cy - a), (cx + a, cy - a), (cx + a, cy - b), (cx - a, cy - b),
            (cx - a, cy - a), (cx - b, cy - a), (cx - b, cy + a), (cx - a, cy + a)]


def arrow(length, w, head_w, head_l, cx, cy, deg):
    """A horizontal arrow pointing right (then rotated), shaft width w, filled head."""
    x0, x1 = cx - length / 2, cx + length / 2
    xh = x1 - head_l
    pts = [(x0, cy - w / 2), (xh, cy - w / 2), (xh, cy - head_w / 2), (x1, cy),
           (xh, cy + head_w / 2), (xh, cy + w / 2), (x0, cy + w / 2)]
    return rotate(pts, cx, cy, deg)


def symbols(weight):
    """(codepoint, glyph name, advance width, contours as (points, is_outer))."""
    s = STROKE[weight]
    bold = weight == "700"
    adv = 820
    cx, cy = adv / 2, AXIS + 60  # a little above the minus: these sit among capitals
    r = 400
    # A star's points reach r up and 0.81 r down; centre it on the capitals' middle.
    scy = 668 / 2 + 0.095 * r
    out = []
    out.append((0x2605, "uni2605", adv, [(star(cx, scy, r, r * 0.42), True)]))
    ring = min(s * 0.7, 75)
    # The hole: the same star scaled about its centre. Every edge is as far (h) from the
    # centre, so scaling by (h - ring) / h moves each edge exactly `ring` inwards.
    ri = r * 0.42
    p1 = (0, r)
    p2 = (ri * math.cos(math.radians(126)) , ri * math.sin(math.radians(126)))
    h = abs(p1[0] * p2[1] - p2[0] * p1[1]) / math.hypot(p2[0] - p1[0], p2[1] - p1[1])
    k = (h - ring) / h
    out.append((0x2606, "uni2606", adv, [(star(cx, scy, r, r * 0.42), True),
                                         (star(cx, scy, r * k, r * 0.42 * k), False)]))
    heavy = s * (1.55 if bold else 1.7)
    light = s * 1.1
    check = [(110, 330), (320, 100), (720, 620)]
    out.append((0x2714, "uni2714", adv, [(thick(check, heavy), True)]))
    out.append((0x2713, "uni2713", adv, [(thick(check, light), True)]))
    out.append((0x2718, "uni2718", adv,
                [(rotate(cross(cx, cy, 330, heavy), cx, cy, 45), True)]))
    out.append((0x2717, "uni2717", adv,
                [(rotate(cross(cx, cy, 320, light), cx, cy, 45), True)]))
    tri = [(170, cy - 330), (170, cy + 330), (700, cy)]
    out.append((0x25B6, "uni25B6", adv, [(tri, True)]))
    out.append((0x25C0, "uni25C0", adv, [([(adv - x, y) for x, y in tri], True)]))
    bar = 150 if bold else 135
    gap = 130
    y0, y1 = cy - 320, cy + 320
    bars = []
    for x in (cx - gap / 2 - bar, cx + gap / 2):
        bars.append(([(x, y0), (x, y1), (x + bar, y1), (x + bar, y0)], True))
    out.append((0x23F8, "uni23F8", adv, bars))
    aw = 900
    head_w, head_l = max(s * 4.2, 380), max(s * 3.6, 300)
    for cp, name, deg in ((0x2192, "arrowright", 0), (0x2190, "arrowleft", 180)):
        out.append((cp, name, aw, [(arrow(760, s, head_w, head_l, aw / 2, AXIS, deg), True)]))
    for cp, name, deg in ((0x2191, "arrowup", 90), (0x2193, "arrowdown", -90)):
        out.append((cp, name, 600, [(arrow(700, s, head_w, head_l, 300, 668 / 2 - 20, deg), True)]))
    return out


def glyph(contours):
    pen = TTGlyphPen(None)
    for pts, outer in contours:
        pts = oriented([(round(x), round(y)) for x, y in pts], outer)
        pen.moveTo(pts[0])
        for p in pts[1:]:
            pen.lineTo(p)
        pen.closePath()
    return pen.glyph()


def add_symbols(font, weight):
    order = font.getGlyphOrder()
    glyf, hmtx = font["glyf"], font["hmtx"]
    cmap = font.getBestCmap()
    added = []
    for cp, name, adv, contours in symbols(weight):
        if cp in cmap:
            continue
        g = glyph(contours)
        g.recalcBounds(glyf)
        if name in glyf:
            name = name + ".pu"
        order.append(name)
        glyf[name] = g
        hmtx[name] = (adv, g.xMin)
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[cp] = name
        added.append(chr(cp))
    font.setGlyphOrder(order)
    return added


def build(modules, out_dir, weight, style):
    files = os.path.join(modules, "@fontsource", FAMILY, "files")
    parts = []
    for subset in ("latin", "latin-ext"):
        f = TTFont(os.path.join(files, f"{FAMILY}-{subset}-{weight}-normal.woff2"))
        f.flavor = None
        f.recalcTimestamp = False
        tmp = os.path.join(out_dir, f".{subset}-{weight}.tmp.ttf")
        f.save(tmp)
        parts.append(tmp)
    font = Merger(Options(drop_tables=[])).merge(parts)
    # Keep the source's dates, so every build writes the same bytes.
    font.recalcTimestamp = False
    head = TTFont(parts[0])["head"]
    font["head"].created, font["head"].modified = head.created, head.modified
    for p in parts:
        os.remove(p)
    added = add_symbols(font, weight)
    name = font["name"]
    for rec in name.names:
        if rec.nameID == 5:
            rec.string = f"{rec.toUnicode()}; {NOTE}"
    font.flavor = None
    path = os.path.join(out_dir, f"AtkinsonHyperlegible-{style}.ttf")
    font.save(path)
    check = TTFont(path).getBestCmap()
    print(f"  {os.path.basename(path)}: {len(check)} characters, added {''.join(added)}, "
          f"{os.path.getsize(path)} bytes")


def main():
    modules, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    build(modules, out_dir, "400", "Regular")
    build(modules, out_dir, "700", "Bold")


if __name__ == "__main__":
    main()
