package org.example;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A fixture for ConfigMappingScannerTest: the shapes SmallRye Config mappings take. */
@ConfigMapping(prefix = "shop")
public interface ShopConfig {

    @WithDefault("10")
    int maxBasketSize();

    Map<String, Warehouse> warehouses();

    Optional<Payment> payment();

    @WithName("tax-rate")
    double vat();

    @WithParentName
    Limits limits();

    List<String> currencies();

    default String describe() {
        return "shop";
    }

    interface Warehouse extends Located {
        Duration leadTime();
    }

    interface Located {
        String url();
    }

    interface Payment {
        Map<String, String> providers();
    }

    interface Limits {
        int perDay();
    }

    final class Injected {
        Injected(@ConfigProperty(name = "shop.banner-text") String banner) {
        }
    }
}
