package org.citylinks.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The {@code Link: <...>; rel="next"} header of a page, made from the request's own URL. */
public final class PageLinks {

    private PageLinks() {
    }

    public static Response.ResponseBuilder withNext(Response.ResponseBuilder response, UriInfo uri, String next) {
        if (next == null) {
            return response;
        }
        String url = uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build().toString();
        return response.header("Link", "<" + url + ">; rel=\"next\"");
    }
}
