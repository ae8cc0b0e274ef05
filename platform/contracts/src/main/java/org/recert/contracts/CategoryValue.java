package org.recert.contracts;

import java.math.BigDecimal;

/** The part of a credit's amount that falls into one category, in the credit's unit. */
public record CategoryValue(Category category, BigDecimal value) {
}
