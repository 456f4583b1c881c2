package org.citylinks.common;

import java.util.List;

/**
 * A feature's rules for one input model, beyond what the contract's schema says (a visit's two
 * cities differ, a UCCN membership has a field, a city id names a city). Each feature's service
 * checks them before a write; {@link ProblemMapper} also asks them when the schema already failed,
 * so that one answer names every violation of a request, the schema's and the rules'.
 */
public interface InputRules<T> {

    Class<T> inputType();

    /** Throws a 422 {@link ProblemException} naming every rule {@code input} breaks. */
    void check(T input);

    /**
     * The rules' violations of an input that may break the schema too: a rule that cannot judge such
     * an input (a field it compares is missing) says nothing, and the schema's violation stands.
     */
    default List<Problem.FieldError> violationsOf(Object input) {
        try {
            check(inputType().cast(input));
            return List.of();
        } catch (ProblemException e) {
            return e.type() == ProblemType.VALIDATION_FAILED ? e.errors() : List.of();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
