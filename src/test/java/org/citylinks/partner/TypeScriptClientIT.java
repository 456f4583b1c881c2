package org.citylinks.partner;

import java.nio.file.Path;
import java.util.Map;

import org.citylinks.common.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The TypeScript client generated from the contract (typescript-fetch), compiled by the build,
 * used against the packaged service as a web team would: openapi/tests/client-e2e.ts.
 */
@QuarkusIntegrationTest
class TypeScriptClientIT {

    @Test
    void theGeneratedTypeScriptClientWorksEndToEnd() throws Exception {
        NodeScript.run(Path.of("target", "typescript-client-test", "openapi", "tests", "client-e2e.js"),
                Map.of("EDITOR_TOKEN", TestTokens.operator()));
    }
}
