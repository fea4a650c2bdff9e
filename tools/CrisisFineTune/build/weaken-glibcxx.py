"""Marks LibTorchSharp's need for GLIBCXX_3.4.32 as weak (ELF VER_FLG_WEAK) so it loads on Debian 12 (libstdc++ 12).

TorchSharp 0.107.0's libLibTorchSharp.so was built with GCC 13+, whose <iostream> adds an undefined reference to
std::ios_base_library_init() (GLIBCXX_3.4.32) only to force linking; no relocation uses it, so the library works with the
older libstdc++. The loader refuses a missing non-weak version; a weak one is only a warning. Idempotent.
Usage: python3 weaken-glibcxx.py path/to/libLibTorchSharp.so
"""
import struct
import sys

path = sys.argv[1]
b = bytearray(open(path, 'rb').read())
shoff = struct.unpack_from('<Q', b, 0x28)[0]
shentsize, shnum, shstrndx = struct.unpack_from('<HHH', b, 0x3A)
secs = [struct.unpack_from('<IIQQQQIIQQ', b, shoff + i * shentsize) for i in range(shnum)]


def cstr(offset):
    return b[offset:b.index(0, offset)].decode()


names = secs[shstrndx][4]
verneed = [s for s in secs if cstr(names + s[0]) == '.gnu.version_r'][0]
dynstr = secs[verneed[6]][4]
off, patched = verneed[4], 0
while True:
    _, count, _, aux, nxt = struct.unpack_from('<HHIII', b, off)
    a = off + aux
    for _ in range(count):
        _, flags, _, name, anext = struct.unpack_from('<IHHII', b, a)
        if cstr(dynstr + name) == 'GLIBCXX_3.4.32' and not flags & 2:
            struct.pack_into('<H', b, a + 4, flags | 2)
            patched += 1
        a += anext
    if nxt == 0:
        break
    off += nxt
open(path, 'wb').write(b)
print(f'weaken-glibcxx: {patched} version need(s) marked weak in {path}')
