package org.citylinks.partnership;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.citylinks.api.model.CooperationFieldDto;

/**
 * The fields two cities cooperate in, as proposals and partnerships store them: their contract
 * names in a text array, in the order the contract lists them.
 */
public final class CooperationFields {

    private CooperationFields() {
    }

    public static List<CooperationFieldDto> toDtos(List<String> fields) {
        return fields.stream().map(CooperationFieldDto::valueOf).toList();
    }

    public static List<String> names(Set<CooperationFieldDto> fields) {
        return fields == null ? new ArrayList<>()
                : new ArrayList<>(fields.stream().sorted().map(CooperationFieldDto::name).toList());
    }
}
