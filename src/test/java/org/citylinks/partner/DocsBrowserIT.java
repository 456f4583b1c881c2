package org.citylinks.partner;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * /docs and Swagger UI in headless Chromium (openapi/tests/docs-browser.mjs): every tag and
 * operation listed, and a "Try it out" GET answered by the packaged service.
 */
@QuarkusIntegrationTest
class DocsBrowserIT {

    @Test
    void bothReferencePagesListTheWholeContractAndTryItOutWorks() throws Exception {
        NodeScript.run(Path.of("openapi", "tests", "docs-browser.mjs"), Map.of());
    }
}
