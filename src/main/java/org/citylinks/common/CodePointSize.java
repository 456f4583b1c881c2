package org.citylinks.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;

/**
 * The contract's {@code maxLength} and {@code minLength} count characters, as JSON Schema does
 * (code points), and so does PostgreSQL; Bean Validation's {@code @Size} counts UTF-16 units, which
 * refused 200 emoji in a 200-character name. For text, {@code @Size} is checked here instead (a
 * validator for {@code String} is more specific than the built-in one for {@code CharSequence});
 * lists and maps keep theirs.
 * <p>
 * Text with a {@code minLength} of 1 or more is content (a name, a title): text of white space
 * only is refused like empty text, since it would show as nothing. Text is stored as it was sent,
 * never trimmed, so what a client reads back is what it wrote.
 */
public class CodePointSize implements ConstraintValidator<Size, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        min = size.min();
        max = size.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int characters = value.codePointCount(0, value.length());
        if (characters < min || characters > max) {
            return false;
        }
        if (min >= 1 && isBlank(value)) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must contain a character other than white space")
                    .addConstraintViolation();
            return false;
        }
        return true;
    }

    /** White space in Unicode's sense: spaces and separators (U+00A0, U+3000) as well as ASCII's. */
    public static boolean isBlank(String value) {
        return value.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /** Registers the validator with Hibernate Validator. */
    @ApplicationScoped
    public static class Registration implements ValidatorFactoryCustomizer {
        @Override
        public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
            ConstraintMapping mapping = configuration.createConstraintMapping();
            mapping.constraintDefinition(Size.class).includeExistingValidators(true).validatedBy(CodePointSize.class);
            configuration.addMapping(mapping);
        }
    }
}
