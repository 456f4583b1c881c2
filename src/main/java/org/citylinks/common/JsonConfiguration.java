package org.citylinks.common;

import jakarta.inject.Singleton;

import org.citylinks.api.model.MembershipDto;
import org.citylinks.api.model.PersonDto;
import org.citylinks.api.model.TimelineEntryDto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Leaves out the optional members that the contract does not declare nullable (a membership's
 * {@code field} and {@code since}, a person's {@code role} and {@code organization}, a timeline
 * entry's {@code otherCity}), instead of sending them as {@code null}.
 */
@Singleton
public class JsonConfiguration implements ObjectMapperCustomizer {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private abstract static class OmitAbsentMembers {
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(MembershipDto.class, OmitAbsentMembers.class);
        mapper.addMixIn(PersonDto.class, OmitAbsentMembers.class);
        mapper.addMixIn(TimelineEntryDto.class, OmitAbsentMembers.class);
    }
}
