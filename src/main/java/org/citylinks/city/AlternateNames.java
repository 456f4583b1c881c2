package org.citylinks.city;

import java.util.ArrayList;
import java.util.List;

import org.citylinks.api.model.AlternateNameDto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** A city's alternate names between the contract's model and the JSON array of its row. */
final class AlternateNames {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlternateNames() {
    }

    static List<AlternateNameDto> read(String json) {
        List<AlternateNameDto> names = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return names;
        }
        try {
            for (JsonNode element : JSON.readTree(json)) {
                JsonNode language = element.get("language");
                names.add(new AlternateNameDto().name(element.path("name").asText())
                        .language(language == null || language.isNull() ? null : language.asText()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A city's alternate names are not a JSON array", e);
        }
        return names;
    }

    static String write(List<AlternateNameDto> names) {
        ArrayNode array = JSON.createArrayNode();
        if (names != null) {
            for (AlternateNameDto name : names) {
                array.addObject().put("name", name.getName()).put("language", name.getLanguage());
            }
        }
        return array.toString();
    }
}
