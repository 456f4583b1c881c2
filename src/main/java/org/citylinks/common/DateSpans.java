package org.citylinks.common;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The rules of a span of days, shared by visits and conferences: it ends on or after the day it
 * starts, and a one-day span that a patch moves to another day, without naming its end, stays a
 * one-day span (the end moves with the start instead of leaving the span ending before it starts).
 */
public final class DateSpans {

    private DateSpans() {
    }

    /** The violation of a span ending before it starts, at {@code /endDate}; none when either day is missing. */
    public static Optional<Problem.FieldError> endBeforeStart(LocalDate start, LocalDate end) {
        return start != null && end != null && end.isBefore(start)
                ? Optional.of(Problem.FieldError.atPointer("/endDate", "must not be before startDate"))
                : Optional.empty();
    }

    /**
     * The end day a patched span keeps: {@code mergedEnd} (what the merge patch left), except that a
     * one-day span ({@code storedStart} equal to {@code storedEnd}) whose start the patch moves and
     * whose end it leaves out has no end of its own (null: one day, on the new start).
     */
    public static LocalDate endAfterPatch(boolean patchMovesStart, boolean patchNamesEnd, LocalDate storedStart,
            LocalDate storedEnd, LocalDate mergedEnd) {
        boolean oneDay = storedEnd != null && storedEnd.equals(storedStart);
        return patchMovesStart && !patchNamesEnd && oneDay ? null : mergedEnd;
    }
}
