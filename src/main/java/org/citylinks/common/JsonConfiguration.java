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
            if (text != null && hasLoneSurrogate(text)) {
                // "\ud800" is a JSON escape of half a character: no text, and PostgreSQL would store "?".
                throw InvalidFormatException.from(parser, "Lone surrogates are not allowed", text, String.class);
            }
            return text;
        }

        /** Whether {@code text} holds half a surrogate pair (also what the fuzz gate checks against). */
        static boolean hasLoneSurrogate(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return true;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return true;
                }
            }
            return false;
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

    /**
     * A day is a JSON string {@code YYYY-MM-DD} with a four-digit year (RFC 3339 full-date, as the
     * contract's {@code format: date} says): no number of days since 1970, no timestamp cut to its
     * day, no {@code +10000-01-01} (which no calendar feed can write).
     */
    static final class StrictDate extends StdScalarDeserializer<java.time.LocalDate> {

        private static final java.util.regex.Pattern FULL_DATE = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

        StrictDate() {
            super(java.time.LocalDate.class);
        }

        @Override
        public java.time.LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (java.time.LocalDate) context.handleUnexpectedToken(java.time.LocalDate.class, parser);
            }
            String text = parser.getText();
            java.time.LocalDate day;
            try {
                day = java.time.LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw InvalidFormatException.from(parser, "not a date", text, java.time.LocalDate.class);
            }
            if (!FULL_DATE.matcher(text).matches()) {
                throw new DateOutOfRange(parser, text);
            }
            return day;
        }
    }

    /** A well-formed day outside the four-digit years the contract allows: a 422, not a malformed body. */
    public static final class DateOutOfRange extends com.fasterxml.jackson.databind.JsonMappingException {
        DateOutOfRange(JsonParser parser, String text) {
            super(parser, "Date out of range: " + text);
        }
    }

    /**
     * A list the contract says holds unique items ({@code uniqueItems}; a {@code Set} in the
     * generated models) is read as the list it is, and an item given twice is a 422 naming it, where
     * a set would silently keep one (21 copies of a topic passing {@code maxItems: 20}).
     */
    static final class UniqueItems extends com.fasterxml.jackson.databind.JsonDeserializer<Object> {

        private final com.fasterxml.jackson.databind.JavaType setType;

        UniqueItems(com.fasterxml.jackson.databind.JavaType setType) {
            this.setType = setType;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            java.util.List<Object> items = context.readValue(parser, context.getTypeFactory()
                    .constructCollectionType(java.util.ArrayList.class, setType.getContentType()));
            java.util.Map<Object, Integer> firstAt = new java.util.HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Integer first = firstAt.putIfAbsent(items.get(i), i);
                if (first != null) {
                    RepeatedItem repeated = new RepeatedItem(parser, first);
                    repeated.prependPath(items, i);
                    throw repeated;
                }
            }
            return new java.util.LinkedHashSet<>(items);
        }
    }

    /** An item of a unique-items list given a second time; {@code firstIndex} is where it first was. */
    public static final class RepeatedItem extends com.fasterxml.jackson.databind.JsonMappingException {
        private final int firstIndex;

        RepeatedItem(JsonParser parser, int firstIndex) {
            super(parser, "Repeated item");
            this.firstIndex = firstIndex;
        }

        public int firstIndex() {
            return firstIndex;
        }
    }

    /** Applied last, after Quarkus' own customizers, so that these deserializers win over the modules they add. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        refuseWhatWouldBeConverted(mapper);
        limitWhatIsRead(mapper);
        mapper.registerModule(strictText());
        // And what is stored is what is read back: a character beyond the BMP (an emoji) is
        // written as its four UTF-8 bytes, not as an escaped surrogate pair.
        mapper.setConfig(mapper.getSerializationConfig()
                .with(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8));
        mapper.addMixIn(MembershipDto.class, OmitAbsentMembers.class);
        mapper.addMixIn(PersonDto.class, OmitAbsentMembers.class);
        mapper.addMixIn(TimelineEntryDto.class, OmitAbsentMembers.class);
        mapper.addMixIn(SuggestionReasonDto.class, OmitAbsentMembers.class);
    }

    /**
     * What is sent is what is stored, or a 400: a member given twice, anything after the
     * document, and a value of another JSON type (a number for a title or a day, a string for a
     * number, 1.5 for a whole number) are refused instead of being picked or converted; required
     * members are left to validation, so that every missing one is named at once.
     */
    private static void refuseWhatWouldBeConverted(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(com.fasterxml.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (var shape : new com.fasterxml.jackson.databind.cfg.CoercionInputShape[] {
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean }) {
            mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                    .setCoercion(shape, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        }
        mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Integer)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        RequiredLeftToValidation notRequired = new RequiredLeftToValidation();
        mapper.setAnnotationIntrospectors(
                com.fasterxml.jackson.databind.AnnotationIntrospector.pair(notRequired,
                        mapper.getSerializationConfig().getAnnotationIntrospector()),
                com.fasterxml.jackson.databind.AnnotationIntrospector.pair(notRequired,
                        mapper.getDeserializationConfig().getAnnotationIntrospector()));
        // A list in a request is a list: null for it, or for one of its items, is a bad value (400 with
        // the pointer), never a null the code would trip over. (A merge patch's null removes the
        // member before it is read, so a patch can still clear a list.)
        JsonSetter.Value noNulls = JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL);
        mapper.configOverride(java.util.List.class).setSetterInfo(noNulls);
        mapper.configOverride(java.util.Set.class).setSetterInfo(noNulls);
    }

    /**
     * Far above anything the contract allows, far below what would exhaust memory: deeper input is
     * refused while it is read (a 400), not after. A string may be as long as a body may be
     * (OversizedBodies caps that), so that a too-long value reaches validation and is the 422 that
     * names it; a number may have Jackson's default 1,000 digits, so that one out of range is named
     * too (a longer one is a 400 while it is read: parsing it costs more).
     */
    private static void limitWhatIsRead(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxNumberLength(1000)
                .maxStringLength(2_000_000)
                .maxNameLength(200)
                .build());
    }

    /** Text without NUL or lone surrogates, days as the contract writes them, unique lists without repeats. */
    private static SimpleModule strictText() {
        SimpleModule strict = new SimpleModule("citylinks-text").addDeserializer(String.class, new TextWithoutNul())
                .addDeserializer(java.time.LocalDate.class, new StrictDate());
        strict.setDeserializerModifier(new com.fasterxml.jackson.databind.deser.BeanDeserializerModifier() {
            @Override
            public com.fasterxml.jackson.databind.JsonDeserializer<?> modifyCollectionDeserializer(
                    com.fasterxml.jackson.databind.DeserializationConfig config,
                    com.fasterxml.jackson.databind.type.CollectionType type,
                    com.fasterxml.jackson.databind.BeanDescription description,
                    com.fasterxml.jackson.databind.JsonDeserializer<?> deserializer) {
                return java.util.Set.class.isAssignableFrom(type.getRawClass()) ? new UniqueItems(type) : deserializer;
            }
        });
        return strict;
    }
}
