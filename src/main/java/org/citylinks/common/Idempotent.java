package org.citylinks.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a POST whose {@code Idempotency-Key} header {@link IdempotentRequests} honours. (The
 * generated interfaces pass the header to the method too; the interceptor reads it, the method
 * need not.)
 */
@InterceptorBinding
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
