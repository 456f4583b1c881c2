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
        return ifNoneMatch != null && matches(ifNoneMatch, currentVersion, true);
    }

    private static boolean matches(String header, long version, boolean weakAllowed) {
        String current = of(version);
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current)
                        || (weakAllowed && tag.startsWith("W/") && tag.substring(2).equals(current)));
    }
}
