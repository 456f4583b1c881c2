package org.citylinks.common;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an attacker makes of a genuine token: the same claims (issuer, audience, expiry) under a
 * header that asks for no signature, or for an HMAC keyed with the issuer's public key (the
 * algorithm confusion attack), or with its claims raised to the operator role.
 */
public final class ForgedTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private ForgedTokens() {
    }

    /** The genuine claims with {@code alg: none} and no signature. */
    public static String unsigned(String genuine) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + raisedClaims(genuine) + ".";
    }

    /** The genuine claims, raised to operator, signed HS256 with this secret. */
    public static String hmac(String genuine, byte[] secret) {
        String signed = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + header(genuine).path("kid").asText() + "\"}")
                + "." + raisedClaims(genuine);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signed + "." + URL.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The genuine token with one byte of its signature changed. */
    public static String alteredSignature(String genuine) {
        String[] parts = genuine.split("\\.");
        byte[] signature = URL_DECODER.decode(parts[2]);
        signature[signature.length / 2] ^= 0x5a;
        return parts[0] + "." + parts[1] + "." + URL.encodeToString(signature);
    }

    /** The genuine header and signature over claims raised to operator. */
    public static String alteredClaims(String genuine) {
        String[] parts = genuine.split("\\.");
        return parts[0] + "." + raisedClaims(genuine) + "." + parts[2];
    }

    /**
     * The issuer's RSA public keys as the secrets an attacker would try: the PEM text, and the DER
     * bytes, of each key in its JWKS.
     */
    public static Map<String, byte[]> publicKeySecrets(JsonNode jwks) {
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        for (JsonNode key : jwks.path("keys")) {
            if (!"RSA".equals(key.path("kty").asText())) {
                continue;
            }
            try {
                RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, URL_DECODER.decode(key.path("n").asText())),
                        new BigInteger(1, URL_DECODER.decode(key.path("e").asText())));
                byte[] der = KeyFactory.getInstance("RSA").generatePublic(spec).getEncoded();
                String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
                secrets.put("PEM of " + key.path("kid").asText(), pem.getBytes(StandardCharsets.US_ASCII));
                secrets.put("DER of " + key.path("kid").asText(), der);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return secrets;
    }

    private static JsonNode header(String token) {
        return read(token.substring(0, token.indexOf('.')));
    }

    private static String raisedClaims(String genuine) {
        com.fasterxml.jackson.databind.node.ObjectNode claims = (com.fasterxml.jackson.databind.node.ObjectNode) read(genuine.split("\\.")[1]);
        claims.putArray("groups").add(Roles.OPERATOR).add(Roles.ADMIN).add(Roles.EDITOR);
        return encode(claims.toString());
    }

    private static JsonNode read(String part) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(URL_DECODER.decode(part));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
