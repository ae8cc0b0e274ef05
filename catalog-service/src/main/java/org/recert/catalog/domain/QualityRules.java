package org.recert.catalog.domain;

import java.math.BigDecimal;

/**
 * The thresholds of the "reasonable fee" criterion.
 *
 * @param maxFeePerPoint a per-course fee is reasonable at or under this price per CMA point
 * @param maxSubscriptionFee a subscription (unlimited courses) is reasonable at or under this price
 */
public record QualityRules(BigDecimal maxFeePerPoint, BigDecimal maxSubscriptionFee) {
}
