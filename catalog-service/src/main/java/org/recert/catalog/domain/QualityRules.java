package org.recert.catalog.domain;

import java.math.BigDecimal;

/**
 * The thresholds of the "reasonable fee" criterion.
 *
 * @param maxFeePerContactHour a per-course fee is reasonable at or under this price per contact hour (50 minutes) of contact time
 * @param maxSubscriptionFee a subscription (unlimited courses) is reasonable at or under this price
 */
public record QualityRules(BigDecimal maxFeePerContactHour, BigDecimal maxSubscriptionFee) {
}
