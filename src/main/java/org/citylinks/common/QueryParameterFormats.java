package org.citylinks.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the typed query parameters before JAX-RS converts them: JAX-RS answers a query value that
 * does not convert with a bare 404, where the client needs a 400 that names the parameter.
 */
public class QueryParameterFormats {

    private record Format(Predicate<String> parses, String message) {
    }

    private static final Format WHOLE_NUMBER = new Format(QueryParameterFormats::isInt, "must be a whole number");
    private static final Format NUMBER = new Format(QueryParameterFormats::isNumber, "must be a number");
    private static final Format ID = new Format(QueryParameterFormats::isUuid, "must be a UUID");
    private static final Format DAY = new Format(QueryParameterFormats::isDate, "must be a date as YYYY-MM-DD");

    /** The typed query parameters of the contract, by name. */
    private static final Map<String, Format> FORMATS = Map.ofEntries(
            Map.entry("limit", WHOLE_NUMBER), Map.entry("radiusKm", NUMBER),
            Map.entry("cityId", ID), Map.entry("fromCityId", ID), Map.entry("toCityId", ID),
            Map.entry("hostCityId", ID), Map.entry("participantCityId", ID),
            Map.entry("from", DAY), Map.entry("to", DAY), Map.entry("expiresBefore", DAY));

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        Map<String, List<String>> query = request.getUriInfo().getQueryParameters();
        // No text PostgreSQL is given may hold a NUL or other control character.
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                    throw ProblemException.invalidParameter(parameter.getKey(), "must not contain control characters");
                }
            }
        }
        for (Map.Entry<String, Format> parameter : FORMATS.entrySet()) {
            List<String> values = query.get(parameter.getKey());
            if (values == null) {
                continue;
            }
            for (String value : values) {
                if (!parameter.getValue().parses().test(value)) {
                    throw ProblemException.invalidParameter(parameter.getKey(), parameter.getValue().message());
                }
            }
        }
    }

    /** The value of an enumerated query parameter, or a 400 that lists the values allowed. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter(parameter,
                    "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A blank {@code q} is no search at all. */
    public static String text(String q) {
        return q == null || q.isBlank() ? null : q.strip();
    }

    private static boolean isInt(String value) {
        try {
            Integer.parseInt(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isNumber(String value) {
        try {
            return Double.isFinite(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isUuid(String value) {
        try {
            return value.length() == 36 && UUID.fromString(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
