package org.recert.catalog.config;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the catalog; each can be set by environment variable (RECERT_CATALOG_QUALITY_MAX_FEE_PER_CONTACT_HOUR, ...). */
@ConfigMapping(prefix = "recert.catalog")
public interface CatalogConfig {

    /** The one currency fees are given in (ISO 4217); maxFee and hours per dollar compare amounts in it. */
    @WithDefault("USD")
    String currency();

    Quality quality();

    Search search();

    interface Quality {
        /** A per-course fee is "reasonable" at or under this price per contact hour (a 50-minute session) of the course's contact time. */
        @WithDefault("30.00")
        BigDecimal maxFeePerContactHour();

        /** A subscription (unlimited courses) is "reasonable" at or under this price. */
        @WithDefault("250.00")
        BigDecimal maxSubscriptionFee();
    }

    interface Search {
        /** Page size when the client gives no limit. */
        @WithDefault("20")
        int defaultLimit();
    }
}
