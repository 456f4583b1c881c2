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
 * contract), and a body only with the media type its operation takes (a body without a
 * {@code Content-Type}, with an empty one or with a wildcard is not read as JSON).
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

    private static void refuse(RoutingContext context, int status, ProblemType type, String detail, Problem.FieldError error) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON.toString())
                .end(ProblemMapper.json(type, detail, context.request().path(), error == null ? List.of() : List.of(error)));
    }
}
