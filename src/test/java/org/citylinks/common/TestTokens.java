package org.citylinks.common;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/** Bearer tokens for the tests, signed with the dev and test key (or, on purpose, not). */
public final class TestTokens {

    public static final String ISSUER = "https://citylinks.org/test-issuer";

    /** The audience the service expects (quarkus.oidc.token.audience). */
    public static final String AUDIENCE = "citylinks";

    private TestTokens() {
    }

    static String publicKeyPath() {
        return Path.of("src", "test", "resources", "jwt", "dev-public-key.pem").toAbsolutePath().toString();
    }

    /** The dev and test public key as QUARKUS_OIDC_PUBLIC_KEY takes it: the PEM's base64, on one line. */
    public static String publicKey() {
        try {
            return java.nio.file.Files.readAllLines(Path.of(publicKeyPath())).stream()
                    .filter(line -> !line.startsWith("-----")).map(String::strip).collect(java.util.stream.Collectors.joining());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The static-key settings that make a service trust these tokens. */
    public static java.util.Map<String, String> staticKeyEnvironment() {
        return java.util.Map.of("QUARKUS_OIDC_PUBLIC_KEY", publicKey(), "QUARKUS_OIDC_TOKEN_ISSUER", ISSUER);
    }

    /** Well signed, but meant for another application. */
    public static String otherAudience() {
        return Jwt.issuer(ISSUER).audience("calendar-app").upn("editor@citylinks.test").groups(Set.of(Roles.OPERATOR))
                .expiresIn(600).sign(key("dev-private-key.pem"));
    }

    /** An editor of no organisation: may add cities, may not create visits, conferences or proposals. */
    public static String editor() {
        return token("editor@citylinks.test", Set.of(Roles.EDITOR));
    }

    /** An admin of no organisation. */
    public static String admin() {
        return token("admin@citylinks.test", Set.of(Roles.EDITOR, Roles.ADMIN));
    }

    /**
     * The platform's own staff: sees and may change every record. The tests of the domain's rules
     * (validation, paging, search, state machines) use it, as organisations are not what they test;
     * the access tests use {@link #member}.
     */
    public static String operator() {
        return token("operator@citylinks.test", Set.of(Roles.OPERATOR));
    }

    /** A member of these organisations with these roles ({@code editor}, {@code admin}, none for a reader). */
    public static String member(String user, java.util.Collection<java.util.UUID> organizations, String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn(user).subject(user).groups(Set.of(roles))
                .claim("org", organizations.stream().map(java.util.UUID::toString).toList())
                .expiresIn(600).sign(key("dev-private-key.pem"));
    }

    /** A valid token with no role: may read, may not write. */
    public static String reader() {
        return token("reader@citylinks.test", Set.of());
    }

    public static String token(String user, Set<String> groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn(user).subject(user).groups(groups).expiresIn(600).sign(key("dev-private-key.pem"));
    }

    public static String expired() {
        Instant past = Instant.now().minusSeconds(7200);
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn("editor@citylinks.test").groups(Set.of(Roles.EDITOR))
                .issuedAt(past).expiresAt(past.plusSeconds(60)).sign(key("dev-private-key.pem"));
    }

    /** An editor's token that expired this many seconds ago. */
    public static String expiredSecondsAgo(long seconds) {
        Instant expiry = Instant.now().minusSeconds(seconds);
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn("editor@citylinks.test").subject("editor@citylinks.test")
                .groups(Set.of(Roles.EDITOR)).issuedAt(expiry.minusSeconds(300)).expiresAt(expiry).sign(key("dev-private-key.pem"));
    }

    public static String wrongIssuer() {
        return Jwt.issuer("https://evil.example/issuer").audience(AUDIENCE).upn("editor@citylinks.test").groups(Set.of(Roles.EDITOR))
                .expiresIn(600).sign(key("dev-private-key.pem"));
    }

    /** Signed by a key the service does not trust. */
    public static String wrongSignature() {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn("editor@citylinks.test").groups(Set.of(Roles.EDITOR))
                .expiresIn(600).sign(key("other-private-key.pem"));
    }

    /** An unsigned token ({@code alg: none}) that claims the admin role (and more). */
    public static String unsigned() {
        return ForgedTokens.unsigned(admin());
    }

    private static PrivateKey key(String name) {
        try {
            return KeyUtils.readPrivateKey("/jwt/" + name);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the test key " + name, e);
        }
    }

}
