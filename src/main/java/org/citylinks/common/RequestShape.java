package org.citylinks.common;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What a request to the API must look like before any resource reads it, refused with a problem
 * that names the part: one {@code Authorization} header (two are ambiguous credentials, and
 * whichever one won would be a guess), no query parameter given empty ({@code q=} is not "no
 * q"), numbers written as the contract writes them ({@code limit=+5} is not a number of the
 * contract), a body only with the media type its operation takes (a body without a
 * {@code Content-Type}, with an empty one or with a wildcard is not read as JSON), and an
 * {@code Accept} that takes what the operation answers with ({@code application/problem+json} is no
 * answer to a successful GET, and {@code q=0} refuses a type).
 */
@Singleton
public class RequestShape {

    /** The query parameters the contract declares as numbers, and the form it writes them in. */
    private static final Map<String, Pattern> NUMBERS = Map.of(
            "limit", Pattern.compile("-?[0-9]{1,10}"),
            "radiusKm", Pattern.compile("-?[0-9]{1,10}(\\.[0-9]{1,10})?"),
            "maxDistanceKm", Pattern.compile("-?[0-9]{1,10}(\\.[0-9]{1,10})?"));

    void register(@Observes Router router) {
        router.route("/v1/*").order(Integer.MIN_VALUE + 3).handler(this::check);
    }

    private void check(RoutingContext context) {
        var request = context.request();
        if (request.headers().getAll(HttpHeaders.AUTHORIZATION).size() > 1) {
            refuse(context, 400, ProblemType.INVALID_REQUEST, "Send one Authorization header: two are ambiguous.",
                    Problem.FieldError.atParameter("Authorization", "is given more than once"));
            return;
        }
        for (Map.Entry<String, String> parameter : context.queryParams()) {
            String name = parameter.getKey();
            String value = parameter.getValue();
            if (value.isEmpty()) {
                refuse(context, 400, ProblemType.INVALID_REQUEST, name + " is empty; leave it out instead.",
                        Problem.FieldError.atParameter(name, "must not be empty (leave the parameter out instead)"));
                return;
            }
            Pattern number = NUMBERS.get(name);
            if (number != null && !number.matcher(value).matches()) {
                String form = name.equals("limit") ? "a whole number, such as 20" : "a number, such as 100 or 2.5";
                refuse(context, 400, ProblemType.INVALID_REQUEST, name + " must be " + form + ".",
                        Problem.FieldError.atParameter(name, "must be " + form));
                return;
            }
        }
        if (request.method() == HttpMethod.DELETE) {
            // A 204 has no body to negotiate; only a problem could be sent, and that in its own type.
            request.headers().remove(HttpHeaders.ACCEPT);
        } else if (request.method() != HttpMethod.OPTIONS && request.method() != HttpMethod.HEAD) {
            List<String> answers = ApiRoutes.produces(request.path(), request.method().name()).stream()
                    .filter(type -> !type.equals(ProblemMapper.PROBLEM_JSON.toString())).toList();
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            if (accept != null && !accept.isBlank() && !answers.isEmpty()
                    && answers.stream().noneMatch(type -> acceptable(accept, type))) {
                refuse(context, 406, ProblemType.NOT_ACCEPTABLE, "This operation answers with "
                        + String.join(" or ", answers) + "; send an Accept header that takes it (or none).", null);
                return;
            }
        }
        if (request.method() == HttpMethod.POST || request.method() == HttpMethod.PUT || request.method() == HttpMethod.PATCH) {
            List<String> takes = ApiRoutes.consumes(request.path(), request.method().name());
            String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
            boolean hasBody = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                    || !"0".equals(String.valueOf(request.getHeader(HttpHeaders.CONTENT_LENGTH)).trim())
                            && request.getHeader(HttpHeaders.CONTENT_LENGTH) != null;
            if (!takes.isEmpty() && hasBody && (type == null || type.isBlank() || type.trim().startsWith("*/*"))) {
                refuse(context, 415, ProblemType.UNSUPPORTED_MEDIA_TYPE, "This operation takes a body of media type "
                        + String.join(" or ", takes) + "; send it with that Content-Type.", null);
                return;
            }
        }
        context.next();
    }

    /**
     * Whether {@code accept} takes {@code type}: the most specific media range that matches it
     * ({@code type/subtype}, then {@code type/*}, then {@code * /*}) decides, and {@code q=0} refuses
     * (RFC 9110 12.5.1). A problem type is never what a success is sent as.
     */
    static boolean acceptable(String accept, String type) {
        String[] wanted = type.toLowerCase(java.util.Locale.ROOT).split("/", 2);
        int bestSpecificity = -1;
        double bestQuality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.trim().toLowerCase(java.util.Locale.ROOT).split(";");
            String[] media = parts[0].trim().split("/", 2);
            if (media.length != 2) {
                continue;
            }
            int specificity = media[0].equals("*") && media[1].equals("*") ? 0
                    : media[0].equals(wanted[0]) && media[1].equals("*") ? 1
                            : media[0].equals(wanted[0]) && media[1].equals(wanted[1]) ? 2 : -1;
            if (specificity < 0 || specificity < bestSpecificity) {
                continue;
            }
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2).trim());
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            if (specificity > bestSpecificity || quality > bestQuality) {
                bestSpecificity = specificity;
                bestQuality = quality;
            }
        }
        return bestSpecificity >= 0 && bestQuality > 0;
    }

    private static void refuse(RoutingContext context, int status, ProblemType type, String detail, Problem.FieldError error) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON.toString())
                .end(ProblemMapper.json(type, detail, context.request().path(), error == null ? List.of() : List.of(error)));
    }
}
