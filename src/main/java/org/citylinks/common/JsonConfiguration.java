package org.citylinks.common;

import java.io.IOException;

import jakarta.inject.Singleton;

import org.citylinks.api.model.MembershipDto;
import org.citylinks.api.model.PersonDto;
import org.citylinks.api.model.SuggestionReasonDto;
import org.citylinks.api.model.TimelineEntryDto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Leaves out the optional members that the contract does not declare nullable (a membership's
 * {@code field} and {@code since}, a person's {@code role} and {@code organization}, a timeline
 * entry's {@code otherCity}, a suggestion reason's {@code cities}), instead of sending them as {@code null}; and bounds what a request
 * body may be made of.
 */
@Singleton
public class JsonConfiguration implements ObjectMapperCustomizer {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private abstract static class OmitAbsentMembers {
    }

    /**
     * PostgreSQL cannot store a NUL character in text; one in a request is refused as a bad value
     * (400 with its pointer) instead of failing in the database.
     */
    static final class TextWithoutNul extends StdScalarDeserializer<String> {

        TextWithoutNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(parser, "NUL characters are not allowed", text, String.class);
            }
            return text;
        }
    }

    /**
     * The generated models mark the contract's required properties as required creator properties,
     * which Jackson enforces itself, one at a time: a body missing three fields would take three
     * round trips. Left to Bean Validation ({@code @NotNull} on the same properties), every missing
     * field is reported at once, with the other violations of the request.
     */
    static final class RequiredLeftToValidation extends com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector {
        @Override
        public Boolean hasRequiredMarker(com.fasterxml.jackson.databind.introspect.AnnotatedMember member) {
            return Boolean.FALSE;
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        RequiredLeftToValidation notRequired = new RequiredLeftToValidation();
        mapper.setAnnotationIntrospectors(
                com.fasterxml.jackson.databind.AnnotationIntrospector.pair(notRequired,
                        mapper.getSerializationConfig().getAnnotationIntrospector()),
                com.fasterxml.jackson.databind.AnnotationIntrospector.pair(notRequired,
                        mapper.getDeserializationConfig().getAnnotationIntrospector()));
        // Far above anything the contract allows, far below what would exhaust memory: deeper,
        // longer or bigger input is refused while it is read (a 400), not after.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxNumberLength(50)
                .maxStringLength(100_000)
                .maxNameLength(200)
                .build());
        // A list in a request is a list: null for it, or for one of its items, is a bad value (400 with
        // the pointer), never a null the code would trip over. (A merge patch's null removes the
        // member before it is read, so a patch can still clear a list.)
        JsonSetter.Value noNulls = JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL);
        mapper.configOverride(java.util.List.class).setSetterInfo(noNulls);
        mapper.configOverride(java.util.Set.class).setSetterInfo(noNulls);
        mapper.registerModule(new SimpleModule("citylinks-text").addDeserializer(String.class, new TextWithoutNul()));
        mapper.addMixIn(MembershipDto.class, OmitAbsentMembers.class);
        mapper.addMixIn(PersonDto.class, OmitAbsentMembers.class);
        mapper.addMixIn(TimelineEntryDto.class, OmitAbsentMembers.class);
        mapper.addMixIn(SuggestionReasonDto.class, OmitAbsentMembers.class);
    }
}
