package org.citylinks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.cornutum.tcases.SystemTestDef;
import org.cornutum.tcases.openapi.io.TcasesOpenApiIO;
import org.cornutum.tcases.openapi.resolver.MessageData;
import org.cornutum.tcases.openapi.resolver.ParamData;
import org.cornutum.tcases.openapi.resolver.ParamDef;
import org.cornutum.tcases.openapi.resolver.RequestCase;
import org.cornutum.tcases.openapi.resolver.RequestCases;
import org.cornutum.tcases.openapi.resolver.RequestTestDef;
import org.cornutum.tcases.openapi.testwriter.RequestCaseUtils;
import org.cornutum.tcases.openapi.testwriter.encoder.DataValueJson;
import org.cornutum.tcases.resolve.DataValue;
import org.cornutum.tcases.resolve.ResolverContext;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Requests generated from the contract by Tcases for OpenAPI, valid and invalid, for every
 * operation, sent with an admin token (or without one, for the cases that test authentication).
 * Whatever they hold, the service must answer each within the contract and never with a 5xx.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class GeneratedRequestsTest {

    /** A fixed seed: the same requests on every run, so a failure can be replayed. */
    private static final long SEED = 20261122L;

    @Test
    void noGeneratedRequestGetsA5xxOrAnAnswerOutsideTheContract() throws Exception {
        SystemTestDef tests = TcasesOpenApiIO.getRequestTests(new File("openapi/citylinks.yaml"));
        ResolverContext context = new ResolverContext(String.valueOf(SEED));
        context.setRandom(new Random(SEED));
        RequestTestDef generated = RequestCases.getRequestCases(tests, context);

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> outsideContract = new ArrayList<>();
        int valid = 0;
        String admin = TestTokens.operator();
        for (RequestCase request : generated.getRequestCases()) {
            valid += request.isFailure() ? 0 : 1;
            String described = request.getOperation().toUpperCase() + " " + request.getPath() + " (" + request.getName() + ")";
            try {
                Response response = send(request, admin);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 500) {
                    serverErrors.add(described + " -> " + response.statusCode() + " " + response.asString());
                }
            } catch (OpenApiValidationFilter.OpenApiValidationException e) {
                if (e.getMessage().contains("validation.response.status.unknown")
                        && e.getMessage().contains("Response status 5")) {
                    serverErrors.add(described + " -> " + e.getMessage());
                } else if (!leavesOutAPathSegment(request)) {
                    outsideContract.add(described + " -> " + e.getMessage());
                }
            }
        }
        int total = generated.getRequestCases().size();
        System.out.printf("Tcases generated %d requests (%d valid, %d invalid) over %d paths; statuses %s;"
                + " 5xx: %d; answers outside the contract: %d%n", total, valid, total - valid,
                generated.getPaths().size(), statuses, serverErrors.size(), outsideContract.size());
        assertTrue(total > 500, "too few generated requests: " + total);
        assertEquals(List.of(), serverErrors);
        assertEquals(List.of(), outsideContract);
    }

    /**
     * A case whose path parameter is missing (or serialises to nothing) asks for another URL altogether ({@code
     * /v1/conferences//participants}), which may be another resource's path with another method
     * set (a 405); its answer is checked for 5xx only.
     */
    private static boolean leavesOutAPathSegment(RequestCase request) {
        for (ParamData param : request.getParams()) {
            if (param.getLocation() == ParamDef.Location.PATH
                    && (param.getValue() == null || param.getValue().getType() == DataValue.Type.NULL
                            || RequestCaseUtils.getPathParameterValue(param).isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static Response send(RequestCase request, String token) {
        RequestSpecification spec = Api.invalidRequest().urlEncodingEnabled(false);
        if (!request.isAuthFailure()) {
            spec.header("Authorization", "Bearer " + token);
        }
        String path = request.getPath();
        StringBuilder query = new StringBuilder();
        for (ParamData param : request.getParams()) {
            if (param.getLocation() == ParamDef.Location.PATH) {
                path = path.replace("{" + param.getName() + "}", encode(RequestCaseUtils.getPathParameterValue(param)));
            } else if (param.getLocation() == ParamDef.Location.QUERY) {
                for (Map.Entry<String, String> entry : RequestCaseUtils.getQueryParameters(param)) {
                    query.append(query.length() == 0 ? '?' : '&').append(encode(entry.getKey())).append('=')
                            .append(entry.getValue() == null ? "" : encode(entry.getValue()));
                }
            } else if (param.getLocation() == ParamDef.Location.HEADER) {
                Optional<String> value = RequestCaseUtils.getHeaderParameterValue(param);
                value.filter(v -> v.chars().allMatch(c -> c >= 0x20 && c < 0x7F))
                        .ifPresent(v -> spec.header(param.getName(), v));
            }
        }
        MessageData body = request.getBody();
        if (body != null) {
            if (body.getMediaType() != null) {
                spec.contentType(body.getMediaType());
            }
            if (body.getValue() != null) {
                spec.body(DataValueJson.toJson(body.getValue()));
            }
        }
        return spec.request(request.getOperation().toUpperCase(), path + query);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
