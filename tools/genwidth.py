# Generates the width tables for DisplayWidth.swift from Python's unicodedata
# (Unicode 14) plus EastAsianWidth.txt's default-wide CJK blocks.
import unicodedata, re, sys

def ranges(pred):
    out=[]; start=None
    for cp in range(0x110000):
        if pred(cp):
            if start is None: start=cp
        elif start is not None:
            out.append((start,cp-1)); start=None
    if start is not None: out.append((start,0x10FFFF))
    return out

PREPENDED = {0x0600,0x0601,0x0602,0x0603,0x0604,0x0605,0x06DD,0x070F,0x0890,0x0891,0x08E2,0x110BD,0x110CD}
def zero(cp):
    if cp < 0x300: return False
    if 0xD800 <= cp <= 0xDFFF: return False
    c = chr(cp); cat = unicodedata.category(c)
    if cp in PREPENDED: return False
    if cat in ('Mn','Me','Cf'): return True
    if 0x1160 <= cp <= 0x11FF or 0xD7B0 <= cp <= 0xD7FF: return True   # Hangul medial vowels / final consonants combine with the initial
    return False

# Default-wide blocks (EastAsianWidth.txt) plus glibc's and Unicode 16's choices
# for the circled numbers on black squares and the Yijing hexagrams.
DEFAULT_WIDE = [(0x3248,0x324F),(0x3400,0x4DBF),(0x4DC0,0x4DFF),(0x4E00,0x9FFF),(0xF900,0xFAFF),(0x20000,0x2FFFD),(0x30000,0x3FFFD),(0x1FA70,0x1FAFF)]
def wide(cp):
    if zero(cp): return False
    if 0xD800 <= cp <= 0xDFFF: return False
    if any(a<=cp<=b for a,b in DEFAULT_WIDE): return True
    # Python reports unassigned code points as 'F'; only trust assigned ones.
    if unicodedata.category(chr(cp)) == 'Cn': return False
    return unicodedata.east_asian_width(chr(cp)) in ('W','F')

z=ranges(zero); w=ranges(wide)
if sys.argv[1:]==['check']:
    g={}
    for line in open('/tmp/glibc_width.txt'):
        m=re.match(r'<U([0-9A-F]+)>(?:\.\.\.<U([0-9A-F]+)>)?\t(\d)',line)
        if not m: continue
        a=int(m.group(1),16); b=int(m.group(2) or m.group(1),16)
        for cp in range(a,b+1): g[cp]=int(m.group(3))
    zs=set(cp for a,b in z for cp in range(a,b+1)); ws=set(cp for a,b in w for cp in range(a,b+1))
    diffs=[]
    for cp in range(0x300,0x110000):
        if 0xD800<=cp<=0xDFFF: continue
        if unicodedata.category(chr(cp)) in ('Cn','Co','Cs'): continue
        mine = 0 if cp in zs else 2 if cp in ws else 1
        theirs = g.get(cp,1)
        if mine!=theirs: diffs.append((cp,mine,theirs,unicodedata.name(chr(cp),'?')))
    print(len(diffs)); [print(hex(d[0]),d[1:]) for d in diffs[:80]]
else:
    def fmt(rs, name):
        lines=[]; row=[]
        for a,b in rs:
            row.append(f"(0x{a:X}, 0x{b:X})")
            if len(row)==4: lines.append("        "+", ".join(row)+","); row=[]
        if row: lines.append("        "+", ".join(row)+",")
        return f"    static let {name}: [(UInt32, UInt32)] = [\n"+"\n".join(lines)+"\n    ]\n"
    print(len(z), len(w), file=sys.stderr)
    print(fmt(z,"zeroWidth")); print(fmt(w,"wide"))
