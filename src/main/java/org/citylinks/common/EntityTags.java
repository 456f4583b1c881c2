package org.citylinks.common;

import java.util.Arrays;

/**
 * Strong entity tags made from a row's version column, and the RFC 9110 checks against
 * {@code If-Match} and {@code If-None-Match}.
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The ETag header value of a row at {@code version}. */
    public static jakarta.ws.rs.core.EntityTag tag(long version) {
        return jakarta.ws.rs.core.EntityTag.valueOf(of(version));
    }

    /**
     * Checks a write's {@code If-Match} against the current version: 428 when absent, 412 when no
     * listed tag is current. Weak tags never match (strong comparison, RFC 9110 13.1.1).
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        requireWellFormed("If-Match", ifMatch);
        if (!matches(ifMatch, currentVersion, false)) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "The ETag in If-Match is not current. Read the resource again and retry.");
        }
    }

    /** Checks {@code If-Match} where it is optional: when sent, it must name the current version (412). */
    public static void requireMatchIfPresent(String ifMatch, long currentVersion) {
        if (ifMatch != null) {
            requireMatch(ifMatch, currentVersion);
        }
    }

    /** Whether {@code If-None-Match} names the current version (weak comparison, as for GET). */
    public static boolean noneMatchHits(String ifNoneMatch, long currentVersion) {
        if (ifNoneMatch != null) {
            requireWellFormed("If-None-Match", ifNoneMatch);
        }
        return ifNoneMatch != null && matches(ifNoneMatch, currentVersion, true);
    }

    /** One entity tag, quoted, optionally weak (RFC 9110 8.8.3): {@code "0"} or {@code W/"0"}. */
    private static final java.util.regex.Pattern ENTITY_TAG =
            java.util.regex.Pattern.compile("(W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\"");

    /**
     * A validator that is not {@code *} or a list of entity tags is a malformed header (400), not a
     * stale one: {@code If-Match: 0} would otherwise be told to read again a resource it has read.
     */
    private static void requireWellFormed(String header, String value) {
        String trimmed = value.trim();
        boolean wellFormed = trimmed.equals("*") || Arrays.stream(trimmed.split(",", -1)).map(String::trim)
                .allMatch(tag -> ENTITY_TAG.matcher(tag).matches());
        if (!wellFormed) {
            throw ProblemException.invalidParameter(header, "must be the ETag as the API sent it, in double quotes,"
                    + " such as \"0\" (or a comma-separated list of them, or *)");
        }
    }

    private static boolean matches(String header, long version, boolean weakAllowed) {
        String current = of(version);
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current)
                        || (weakAllowed && tag.startsWith("W/") && tag.substring(2).equals(current)));
    }
}
