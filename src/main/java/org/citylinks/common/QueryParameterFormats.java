package org.citylinks.common;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the numeric query parameters before JAX-RS converts them: JAX-RS answers a query value
 * that does not convert with a bare 404, where the client needs a 400 that names the parameter.
 */
public class NumericQueryParameters {

    /** The numeric query parameters of the contract, and whether each takes a fraction. */
    private static final Map<String, Boolean> FRACTIONAL = Map.of("limit", false, "radiusKm", true);

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        Map<String, List<String>> query = request.getUriInfo().getQueryParameters();
        for (Map.Entry<String, Boolean> parameter : FRACTIONAL.entrySet()) {
            List<String> values = query.get(parameter.getKey());
            if (values == null) {
                continue;
            }
            for (String value : values) {
                if (!parses(value, parameter.getValue())) {
                    throw ProblemException.invalidParameter(parameter.getKey(),
                            parameter.getValue() ? "must be a number" : "must be a whole number");
                }
            }
        }
    }

    private static boolean parses(String value, boolean fractional) {
        try {
            if (fractional) {
                return Double.isFinite(Double.parseDouble(value));
            }
            Integer.parseInt(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
