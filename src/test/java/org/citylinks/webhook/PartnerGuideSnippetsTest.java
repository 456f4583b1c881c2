package org.citylinks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The partner guide's signature checks, run as a partner would paste them: the JavaScript one with
 * Node.js and the Java one with the JDK's source launcher, each on a delivery the service signs.
 * Each must accept it, and refuse it once the body or the secret is another.
 */
class PartnerGuideSnippetsTest {

    private static final Path GUIDE = Path.of("docs", "partner-guide.md");
    private static final String BODY = "{\"type\":\"proposal.signed\",\"timestamp\":\"2023-04-20T10:15:30Z\",\"data\":{}}";

    private static String snippet(String language) throws Exception {
        String guide = Files.readString(GUIDE);
        String section = guide.substring(guide.indexOf("## Webhooks"));
        Matcher block = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(block.find(), "the partner guide's Webhooks section has a " + language + " block");
        return block.group(1);
    }

    private static String run(Path dir, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "timed out");
        assertEquals(0, process.exitValue(), output);
        return output.strip();
    }

    @Test
    void theJavaScriptCheckAcceptsWhatTheServiceSigns() throws Exception {
        String secret = WebhookSignatures.newSecret();
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignatures.sign(secret, "msg_1", timestamp, BODY);
        Path dir = Files.createTempDirectory("guide-js");
        Files.writeString(dir.resolve("verify.mjs"), snippet("js") + """
                const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': '%d', 'webhook-signature': 'v1,bm9uZQ== %s' };
                const body = %s;
                console.log(verify('%s', headers, body), verify('%s', headers, body + ' '),
                    verify('%s', headers, body));
                """.formatted(timestamp, signature, quoted(BODY), secret, secret, WebhookSignatures.newSecret()));
        assertEquals("true false false", run(dir, List.of("node", "verify.mjs")));
    }

    @Test
    void theJavaCheckAcceptsWhatTheServiceSigns() throws Exception {
        String secret = WebhookSignatures.newSecret();
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignatures.sign(secret, "msg_1", timestamp, BODY);
        Path dir = Files.createTempDirectory("guide-java");
        Files.writeString(dir.resolve("Verify.java"), """
                import java.nio.charset.StandardCharsets;
                import java.security.MessageDigest;
                import java.time.Instant;
                import java.util.Base64;
                import javax.crypto.Mac;
                import javax.crypto.spec.SecretKeySpec;

                public class Verify {
                %s
                    public static void main(String[] args) throws Exception {
                        String body = %s;
                        System.out.println(verify("%s", "msg_1", "%d", "%s", body) + " "
                                + verify("%s", "msg_1", "%d", "%s", body + " ") + " "
                                + verify("%s", "msg_1", "%d", "%s", body));
                    }
                }
                """.formatted(snippet("java"), quoted(BODY), secret, timestamp, signature, secret, timestamp, signature,
                WebhookSignatures.newSecret(), timestamp, signature));
        String java = ProcessHandle.current().info().command().orElse("java");
        assertEquals("true false false", run(dir, List.of(java, "Verify.java")));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
