package org.citylinks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.citylinks.api.model.CityInputDto;
import org.citylinks.api.model.VisitInputDto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

/**
 * The fuzz gate over the request-reading layer every operation shares, without Quarkus: the JSON
 * mapper as {@link JsonConfiguration} sets it up and the UTF-8 check of {@link StrictJsonText}. With
 * a fixed seed and a bounded number of tries, any input is either refused as bad input (a
 * {@link JsonProcessingException} or a named problem, which the API answers with a 4xx) or read as
 * exactly what was sent; nothing else may be thrown (that would be a 500).
 */
class RequestReadingProperties {

    private static final ObjectMapper STRICT = strictMapper();
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new JsonConfiguration().customize(mapper);
        return mapper;
    }

    @Property(seed = "20261201", tries = 3000)
    void anyBytesAreRefusedOrReadNeverAFailure(@ForAll("bodies") byte[] body) {
        String problem = StrictJsonText.problem(body);
        if (problem != null) {
            return; // a 400 naming the body
        }
        for (Class<?> model : new Class<?>[] { CityInputDto.class, VisitInputDto.class }) {
            try {
                STRICT.readValue(body, model);
            } catch (JsonProcessingException refused) {
                // a 400 or 422 with a pointer
            } catch (java.io.IOException e) {
                throw new AssertionError("an I/O failure reading an in-memory body", e);
            }
        }
    }

    @Property(seed = "20261201", tries = 2000)
    void aCityThatIsReadIsExactlyTheCitySent(@ForAll("cities") Map<String, Object> city) throws Exception {
        byte[] sent = PLAIN.writeValueAsBytes(city);
        if (StrictJsonText.problem(sent) != null) {
            assertTrue(String.valueOf(city).indexOf('\0') >= 0 || hasLoneSurrogate(String.valueOf(city)),
                    "only text that is not whole Unicode is refused by its bytes: " + city);
            return;
        }
        CityInputDto read;
        try {
            read = STRICT.readValue(sent, CityInputDto.class);
        } catch (JsonProcessingException refused) {
            assertTrue(hasLoneSurrogate(String.valueOf(city)) || String.valueOf(city).indexOf('\0') >= 0,
                    "a well-typed city was refused: " + city + " (" + refused.getOriginalMessage() + ")");
            return;
        }
        assertEquals(city.get("name"), read.getName());
        assertEquals(city.get("countryCode"), read.getCountryCode());
        assertEquals(city.get("region"), read.getRegion());
        Object population = city.get("population");
        assertEquals(population == null ? null : ((Number) population).longValue(), read.getPopulation());
    }

    @Property(seed = "20261201", tries = 1000)
    void aValueOfAnotherJsonTypeIsRefusedNeverConverted(@ForAll("wrongTypes") String json) {
        try {
            CityInputDto read = STRICT.readValue(json, CityInputDto.class);
            throw new AssertionError("read " + json + " as " + read.getName() + "/" + read.getPopulation());
        } catch (JsonProcessingException refused) {
            // a 400 naming the member
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.-+eE \\ntrufalsnamecoyC\u00e9\ud83c\udfb5")
                .ofMaxLength(200).map(text -> text.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> mutated = cities().map(city -> {
            try {
                return PLAIN.writeValueAsBytes(city);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).flatMap(bytes -> Arbitraries.integers().between(0, Math.max(0, bytes.length - 1))
                .flatMap(at -> Arbitraries.bytes().map(b -> {
                    byte[] copy = bytes.clone();
                    if (copy.length > 0) {
                        copy[at] = b;
                    }
                    return copy;
                })));
        return Arbitraries.oneOf(random, jsonish, mutated);
    }

    @Provide
    Arbitrary<Map<String, Object>> cities() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60);
        Arbitrary<String> country = Arbitraries.of("ID", "FR", "XX", "fr", "France", "");
        Arbitrary<Long> population = Arbitraries.longs().between(-5, 100_000_005L);
        return Combinators.combine(text, country, text.injectNull(0.3), population.injectNull(0.3))
                .as((name, code, region, people) -> {
                    Map<String, Object> city = new LinkedHashMap<>();
                    city.put("name", name);
                    city.put("countryCode", code);
                    if (region != null) {
                        city.put("region", region);
                    }
                    if (people != null) {
                        city.put("population", people);
                    }
                    return city;
                });
    }

    @Provide
    Arbitrary<String> wrongTypes() {
        return Arbitraries.of(
                "{\"name\":true,\"countryCode\":\"FR\"}",
                "{\"name\":12,\"countryCode\":\"FR\"}",
                "{\"name\":\"Metz\",\"countryCode\":\"FR\",\"population\":1.5}",
                "{\"name\":\"Metz\",\"countryCode\":\"FR\",\"population\":\"45\"}",
                "{\"name\":\"Metz\",\"countryCode\":\"FR\",\"population\":true}",
                "{\"name\":\"Metz\",\"countryCode\":\"FR\",\"location\":{\"lat\":\"45\",\"lon\":6}}",
                "{\"name\":\"Metz\",\"countryCode\":\"FR\",\"countryCode\":\"DE\"}",
                "{\"name\":\"Metz\",\"countryCode\":\"FR\"} {}",
                "{\"name\":[\"Metz\"],\"countryCode\":\"FR\"}",
                "{\"name\":\"Metz\",\"countryCode\":\"FR\",\"memberships\":[{\"network\":\"UCCN\",\"field\":\"MUSIC\",\"since\":2019.5}]}");
    }

    private static boolean hasLoneSurrogate(String text) {
        return JsonConfiguration.TextWithoutNul.hasLoneSurrogate(text);
    }
}
