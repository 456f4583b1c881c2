package org.citylinks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** RFC 7396's own examples (appendix A), through the merge every PATCH uses. */
class JsonMergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"a\":\"b\"}|{\"a\":\"c\"}|{\"a\":\"c\"}",
            "{\"a\":\"b\"}|{\"b\":\"c\"}|{\"a\":\"b\",\"b\":\"c\"}",
            "{\"a\":\"b\"}|{\"a\":null}|{}",
            "{\"a\":\"b\",\"b\":\"c\"}|{\"a\":null}|{\"b\":\"c\"}",
            "{\"a\":[\"b\"]}|{\"a\":\"c\"}|{\"a\":\"c\"}",
            "{\"a\":\"c\"}|{\"a\":[\"b\"]}|{\"a\":[\"b\"]}",
            "{\"a\":{\"b\":\"c\"}}|{\"a\":{\"b\":\"d\",\"c\":null}}|{\"a\":{\"b\":\"d\"}}",
            "{\"a\":[{\"b\":\"c\"}]}|{\"a\":[1]}|{\"a\":[1]}",
            "[\"a\",\"b\"]|[\"c\",\"d\"]|[\"c\",\"d\"]",
            "{\"a\":\"b\"}|[\"c\"]|[\"c\"]",
            "{\"e\":null}|{\"a\":1}|{\"e\":null,\"a\":1}",
            "[1,2]|{\"a\":\"b\",\"c\":null}|{\"a\":\"b\"}",
            "{}|{\"a\":{\"bb\":{\"ccc\":null}}}|{\"a\":{\"bb\":{}}}",
            "{\"region\":\"Maluku\",\"population\":347288}|{\"region\":\"Maluku \\u00e9\"}|{\"region\":\"Maluku \\u00e9\",\"population\":347288}" })
    void mergesAsTheRfcSays(String target, String patch, String result) throws Exception {
        assertEquals(JSON.readTree(result), JsonMergePatch.merge(JSON.readTree(target), JSON.readTree(patch)));
    }
}
