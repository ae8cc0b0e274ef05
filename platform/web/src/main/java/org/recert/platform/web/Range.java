package org.recert.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The bounds of a whole-number or decimal request parameter, checked by {@link RequestParameters} as it converts the
 * text: {@code @QueryParam("minQuality") @Range(min = 0, max = 100) Integer minQuality}. A value outside answers 400
 * naming the parameter before the resource runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.PARAMETER, ElementType.FIELD })
public @interface Range {

    /** The least value accepted. */
    long min() default Long.MIN_VALUE;

    /** The greatest value accepted. */
    long max() default Long.MAX_VALUE;

    /** Decimal places at most (of a decimal, trailing zeros aside); whole numbers have none. */
    int maxScale() default NumberBounds.MAX_DECIMAL_PLACES;
}
