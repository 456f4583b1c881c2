package org.citylinks.search;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.citylinks.api.SearchApi;
import org.citylinks.api.model.SearchHitDto;
import org.citylinks.api.model.SearchPageDto;
import org.citylinks.common.PageLinks;
import org.citylinks.common.ProblemException;
import org.citylinks.common.QueryParameterFormats;

/** The search endpoint of the contract; the work is in {@link GlobalSearch}. */
public class SearchResource implements SearchApi {

    @Inject
    PageLinks links;

    @Inject
    GlobalSearch search;

    @Context
    UriInfo uriInfo;

    @Override
    public Response searchEverything(String q, String type, Integer limit, String cursor) {
        String text = QueryParameterFormats.text(q);
        if (text == null) {
            throw ProblemException.invalidParameter("q", "must contain a word to search for");
        }
        SearchHitDto.TypeEnum kind = QueryParameterFormats.enumValue(SearchHitDto.TypeEnum.class, "type", type);
        SearchPageDto page = search.search(text, kind, limit == null ? 20 : limit, cursor);
        return links.withNext(Response.ok(page), uriInfo, page.getNext()).build();
    }
}
