package org.citylinks.common;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a client reads when a value breaks one of the contract's constraints: the allowed form in
 * words, with an example, never the regular expression or Bean Validation's own text ("size must
 * be between 0 and 2"). A constraint that carries a message of its own keeps it.
 */
public final class ConstraintMessages {

    /** The contract's patterns, in words. */
    private static final Map<String, String> PATTERNS = Map.ofEntries(
            Map.entry("^[a-z0-9]+(-[a-z0-9]+)*$",
                    "must be lowercase letters and digits, in words joined by hyphens, such as music-education"),
            Map.entry("^[A-Z]{2}$", "must be a two-letter ISO 3166-1 country code in capitals, such as FR"),
            Map.entry("^[A-Za-z]{2}$", "must be a two-letter ISO 3166-1 country code, such as FR"),
            Map.entry("^[0-9]{1,12}$", "must be 1 to 12 digits, such as 1360756802"),
            Map.entry("^Q[0-9]{1,12}$", "must be a Wikidata id: Q and 1 to 12 digits, such as Q1490"),
            Map.entry("^[\\x21-\\x7E]+$", "must be visible ASCII characters, without spaces"),
            Map.entry("^-?\\d{1,2}(\\.\\d{1,10})?,-?\\d{1,3}(\\.\\d{1,10})?$",
                    "must be a latitude and a longitude in degrees, separated by a comma, such as -3.70,128.17"),
            Map.entry("^[A-Za-z0-9_-]+$", "must be the opaque value the API gave, such as the next of a page"),
            Map.entry("^(1[89][0-9]{2}|20[0-9]{2}|2100)(-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))?$",
                    "must be a year from 1800 to 2100, or a date in it, such as 2014 or 2014-12-01"));

    private ConstraintMessages() {
    }

    public static String of(ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        String template = violation.getMessageTemplate();
        if (template == null || !template.startsWith("{jakarta.validation.constraints.")) {
            return violation.getMessage(); // a message written for this constraint
        }
        Object value = violation.getInvalidValue();
        if (constraint instanceof NotNull) {
            return "is required";
        }
        if (constraint instanceof Size size) {
            String unit = value instanceof Collection<?> || value instanceof Map<?, ?> || (value != null && value.getClass().isArray())
                    ? "items" : "characters";
            if (size.min() <= 0) {
                return (unit.equals("items") ? "must have at most " : "must be at most ") + size.max() + " " + unit
                        + (unit.equals("characters") ? " long" : "");
            }
            if (size.max() == Integer.MAX_VALUE) {
                return (unit.equals("items") ? "must have at least " : "must be at least ") + size.min() + " " + unit
                        + (unit.equals("characters") ? " long" : "");
            }
            return (unit.equals("items") ? "must have " : "must be ") + size.min() + " to " + size.max() + " " + unit
                    + (unit.equals("characters") ? " long" : "");
        }
        if (constraint instanceof Pattern pattern) {
            return PATTERNS.getOrDefault(pattern.regexp(), "is not in the form the contract describes for it");
        }
        if (constraint instanceof Min min) {
            return "must be at least " + min.value();
        }
        if (constraint instanceof Max max) {
            return "must be at most " + max.value();
        }
        if (constraint instanceof DecimalMin min) {
            return (min.inclusive() ? "must be at least " : "must be more than ") + min.value();
        }
        if (constraint instanceof DecimalMax max) {
            return (max.inclusive() ? "must be at most " : "must be less than ") + max.value();
        }
        return violation.getMessage();
    }
}
