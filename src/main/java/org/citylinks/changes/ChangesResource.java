package org.citylinks.changes;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.citylinks.api.ChangesApi;

/** The change feed of the contract; the reading is in {@link ChangeFeed}. */
public class ChangesResource implements ChangesApi {

    @Inject
    ChangeFeed feed;

    @Override
    public Response listChanges(String since, Integer limit) {
        return Response.ok(feed.after(since, limit == null ? 100 : limit)).build();
    }
}
