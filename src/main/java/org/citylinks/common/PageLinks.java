package org.citylinks.common;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;


/**
 * The links the service hands out: {@code Location} of what a POST created, the {@code Link:
 * <...>; rel="next"} of a page, and the URLs in calendar feeds. They never come from the request's
 * {@code Host} header, which a client may leave out (HTTP/1.0) or forge ({@code Host: evil.example}):
 * they are absolute URLs under {@code citylinks.http.public-base-url}, the service's public address
 * as its operator configures it (by default {@code http://localhost:} and the HTTP port). With no
 * address at all they would be relative references.
 */
@Singleton
public class PageLinks {

    @Inject
    HttpSettings settings;

    private Optional<String> base = Optional.empty();

    @PostConstruct
    void checkBase() {
        base = settings.publicBaseUrl().filter(url -> !url.isBlank()).map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        base.ifPresent(url -> {
            URI parsed = URI.create(url);
            if (!parsed.isAbsolute() || !(url.startsWith("https://") || url.startsWith("http://"))
                    || parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
                throw new IllegalStateException("citylinks.http.public-base-url must be an absolute http(s) URL without"
                        + " query or fragment, such as https://api.citylinks.org; not " + url);
            }
        });
    }

    /** {@code path} (absolute-path, such as {@code /v1/cities/...}) as the service hands it out. */
    public String href(String path) {
        return base.map(url -> url + path).orElse(path);
    }

    /** {@code path} as an absolute URL, where the operator configured the public address. */
    public Optional<String> absolute(String path) {
        return base.map(url -> url + path);
    }

    /** A 201 whose {@code Location} is the request's path and {@code id}. */
    public Response.ResponseBuilder created(UriInfo uri, Object id) {
        String path = encodedPath(uri);
        return Response.status(Response.Status.CREATED)
                .header("Location", href((path.endsWith("/") ? path : path + "/") + id));
    }

    /** Adds the {@code Link} to the next page: the request's path and query, with {@code cursor} replaced. */
    public Response.ResponseBuilder withNext(Response.ResponseBuilder response, UriInfo uri, String next) {
        if (next == null) {
            return response;
        }
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            if (!parameter.getKey().equals("cursor")) {
                parameter.getValue().forEach(value -> query.add(encode(parameter.getKey()) + "=" + encode(value)));
            }
        }
        query.add("cursor=" + encode(next));
        return response.header("Link", "<" + href(encodedPath(uri) + "?" + query) + ">; rel=\"next\"");
    }

    private static String encodedPath(UriInfo uri) {
        try {
            return new URI(null, null, uri.getPath(), null).getRawPath();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("Not a path: " + uri.getPath(), e);
        }
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
