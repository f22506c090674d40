package dev.opendesk.core.auth;

import java.util.Arrays;
import java.util.HexFormat;

/** Test helpers for hex and repeated-byte keys. */
final class Bytes {
    private Bytes() {}

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] repeat(int value, int count) {
        byte[] out = new byte[count];
        Arrays.fill(out, (byte) value);
        return out;
    }
}
