package org.citylinks.common;

import java.util.regex.Pattern;

/**
 * A position in PostgreSQL's write-ahead log (an LSN), in the form PostgreSQL writes it
 * ({@code 16/B374D848}): two hexadecimal halves of a 64-bit number. Positions only grow, so a
 * replica that has replayed to a position holds every transaction committed before it.
 */
public record WalPosition(long value) implements Comparable<WalPosition> {

    private static final Pattern FORM = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");

    /** The position written as {@code text}, or {@code null} when it is not one. */
    public static WalPosition parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            return null;
        }
        int slash = text.indexOf('/');
        long high = Long.parseLong(text.substring(0, slash), 16);
        long low = Long.parseLong(text.substring(slash + 1), 16);
        return new WalPosition(high << 32 | low);
    }

    public boolean reaches(WalPosition other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(WalPosition other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFF_FFFFL).toUpperCase();
    }
}
