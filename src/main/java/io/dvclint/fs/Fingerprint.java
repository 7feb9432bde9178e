package io.dvclint.fs;

import java.util.zip.CRC32;

/** A content fingerprint for the caches: two independent 64-bit hashes, a CRC-32 and the length, in hex. */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(byte[] b) {
        long fnv = 0xcbf29ce484222325L;
        long poly = 0;
        for (byte x : b) {
            fnv ^= x & 0xff;
            fnv *= 0x100000001b3L;
            poly = poly * 0x9E3779B97F4A7C15L + (x & 0xff) + 1;
        }
        CRC32 crc = new CRC32(); // not CRC32C: its class builds a lookup table, about a millisecond per start
        crc.update(b);
        return Long.toHexString(fnv) + Long.toHexString(poly) + "-" + Long.toHexString(crc.getValue()) + "-"
                + b.length;
    }
}
