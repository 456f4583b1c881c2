package org.citylinks.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resource method of an operation the contract deprecates ({@code deprecated: true},
 * with {@code x-deprecated-on} and {@code x-sunset}): {@link DeprecationHeaders} then sends
 * {@code Deprecation} and {@code Sunset} with every answer. Dates are ISO days, in UTC.
 * {@code ContractCompatibilityTest} checks that the two places agree.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Sunset {

    /** The day the operation was deprecated. */
    String deprecatedOn();

    /** The last day it is served; it may be removed (in the next major version) after that. */
    String sunsetOn();
}
