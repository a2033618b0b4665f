"""
The site's web fonts, derived from the upstream files in assets/fonts/ (Source Serif 4, latin
subset, variable weight 200-900, as Google Fonts serves it):

    python3 scripts/derive-fonts.py      (Debian: apt-get install fonttools python3-brotli)

The site sets text at weights 400 to 700 only (normal, semibold, bold), so each file keeps just that
stretch of the weight axis (a <strong> inside bold text, which browsers ask at 900, draws at 700): the outlines at those weights are unchanged, and the variation data
for 200-399 and 701-900 goes (about 51 kB to 35 kB per file, one third less on the path of every
first page view). Source is a Reserved Font Name under the SIL Open Font License, so the modified
files are renamed "Ledger Serif"; the copyright and licence records stay. Run it again only when
the upstream files or the weight range change, and commit its output (app/fonts/).
"""

from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

ROOT = Path(__file__).resolve().parent.parent
UPSTREAM = ROOT / "assets" / "fonts"
OUT = ROOT / "app" / "fonts"
WEIGHTS = (400, 700)
RENAMES = [("Source Serif 4", "Ledger Serif"), ("SourceSerif4", "LedgerSerif")]
KEEP_AS_IS = {0, 13, 14}  # copyright (names the reserved name), licence text, licence URL

for style in ("normal", "italic"):
    font = TTFont(UPSTREAM / f"source-serif-4-latin-wght-{style}.woff2")
    font = instancer.instantiateVariableFont(font, {"wght": WEIGHTS})
    for record in font["name"].names:
        if record.nameID in KEEP_AS_IS:
            continue
        text = record.toUnicode()
        for old, new in RENAMES:
            text = text.replace(old, new)
        record.string = text
    leftover = [r.nameID for r in font["name"].names if r.nameID not in KEEP_AS_IS and "Source" in r.toUnicode()]
    assert not leftover, f"name records still carry the reserved name: {leftover}"
    font.flavor = "woff2"
    target = OUT / f"ledger-serif-latin-wght-{WEIGHTS[0]}-{WEIGHTS[1]}-{style}.woff2"
    font.save(target)
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")
