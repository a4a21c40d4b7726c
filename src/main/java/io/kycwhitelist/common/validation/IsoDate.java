package io.kycwhitelist.common.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * An ISO 8601 calendar date (YYYY-MM-DD), optionally bounded by today (UTC). Dates arrive as
 * strings so that every bad date of a request is reported at once. Null is valid.
 */
@Target({FIELD, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = IsoDate.Validator.class)
public @interface IsoDate {
    String message() default "must be a date in the form YYYY-MM-DD";

    /** The date may not lie after today. */
    boolean notFuture() default false;

    /** The date may not lie before today. */
    boolean notPast() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoDate, String> {
        private IsoDate constraint;

        @Override
        public void initialize(IsoDate constraint) {
            this.constraint = constraint;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                return false;
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            String problem = constraint.notFuture() && date.isAfter(today) ? "must not be in the future"
                    : constraint.notPast() && date.isBefore(today) ? "must not be in the past (the document has expired)"
                    : date.getYear() < 1900 ? "must not be before 1900"
                    : null;
            if (problem != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
