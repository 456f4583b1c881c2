package org.citylinks.common;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Sends {@code Deprecation} (RFC 9745) and {@code Sunset} (RFC 8594) with every answer of an
 * operation marked {@link Sunset}, errors included, so that a client sees them whatever happens.
 * Bound only to those methods: the others pay nothing.
 */
@Provider
public class DeprecationHeaders implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Sunset sunset = resource.getResourceMethod().getAnnotation(Sunset.class);
        if (sunset != null) {
            context.register(new Filter(sunset));
        }
    }

    private static final class Filter implements ContainerResponseFilter {

        private final String deprecation;
        private final String sunset;

        Filter(Sunset dates) {
            this.deprecation = "@" + LocalDate.parse(dates.deprecatedOn()).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            this.sunset = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    LocalDate.parse(dates.sunsetOn()).atTime(LocalTime.of(23, 59, 59)).atZone(ZoneOffset.UTC));
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            response.getHeaders().putSingle("Deprecation", deprecation);
            response.getHeaders().putSingle("Sunset", sunset);
        }
    }
}
