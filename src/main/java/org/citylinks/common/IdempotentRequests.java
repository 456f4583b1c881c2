package org.citylinks.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Honours {@code Idempotency-Key} on a POST. The key is claimed by inserting its row in the very
 * transaction that does the work, and the answer is stored in that row before it commits: so the
 * key and what the request created commit together or not at all. A concurrent request with the
 * same key waits on the row's primary key until the first commits, then replays its answer; if the
 * first fails, its row is gone and the second does the work. Keys are scoped to the caller (the
 * token's user) and kept 24 hours ({@link IdempotencyKeyPurge} deletes them after).
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    CurrentUser user;

    @Inject
    CurrentVertxRequest request;

    @AroundInvoke
    Object honour(InvocationContext invocation) throws Exception {
        String key = request.getCurrent().request().getHeader(HEADER);
        String caller = user.name();
        if (key == null || caller == null) {
            return invocation.proceed();
        }
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw ProblemException.invalidParameter(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        String hash = hash(invocation);
        return QuarkusTransaction.joiningExisting().call(() -> {
            int claimed = entityManager.createNativeQuery("""
                    INSERT INTO idempotency_key (caller, key, request_hash, created_at) VALUES (?1, ?2, ?3, now())
                    ON CONFLICT (caller, key) DO UPDATE
                       SET request_hash = EXCLUDED.request_hash, status = NULL, location = NULL, etag = NULL,
                           body = NULL, created_at = EXCLUDED.created_at
                     WHERE idempotency_key.created_at < now() - interval '24 hours'
                    """).setParameter(1, caller).setParameter(2, key).setParameter(3, hash).executeUpdate();
            if (claimed == 0) {
                return replay(caller, key, hash);
            }
            Response response = (Response) invocation.proceed();
            if (response.getStatus() >= 300) {
                // Only a success is worth replaying; anything else leaves the key unused.
                QuarkusTransaction.setRollbackOnly();
                return response;
            }
            entityManager.createNativeQuery(
                    "UPDATE idempotency_key SET status = ?3, location = ?4, etag = ?5, body = ?6 WHERE caller = ?1 AND key = ?2")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, response.getStatus())
                    .setParameter(4, response.getHeaderString("Location"))
                    .setParameter(5, response.getHeaderString("ETag"))
                    .setParameter(6, mapper.writeValueAsString(response.getEntity()))
                    .executeUpdate();
            return response;
        });
    }

    private Response replay(String caller, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<jakarta.persistence.Tuple> rows = entityManager.createNativeQuery(
                "SELECT request_hash, status, location, etag, body FROM idempotency_key WHERE caller = ?1 AND key = ?2",
                jakarta.persistence.Tuple.class).setParameter(1, caller).setParameter(2, key).getResultList();
        jakarta.persistence.Tuple row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    "This Idempotency-Key was used for another request in the last 24 hours; use a new key.",
                    List.of(Problem.FieldError.atParameter(HEADER, "was used for another request")));
        }
        Response.ResponseBuilder replayed = Response.status(row.get("status", Number.class).intValue())
                .entity(row.get("body")).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Replayed", "true");
        if (row.get("location") != null) {
            replayed.header("Location", row.get("location"));
        }
        if (row.get("etag") != null) {
            replayed.header("ETag", row.get("etag"));
        }
        return replayed.build();
    }

    /** The request as the service understood it: method, path and the body as parsed. */
    private String hash(InvocationContext invocation) throws JsonProcessingException {
        StringBuilder described = new StringBuilder(request.getCurrent().request().method().name())
                .append(' ').append(request.getCurrent().request().path());
        for (Object argument : invocation.getParameters()) {
            if (argument != null && !(argument instanceof String) && !(argument instanceof UUID)
                    && !(argument instanceof Number)) {
                described.append(' ').append(mapper.writeValueAsString(argument));
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(described.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
