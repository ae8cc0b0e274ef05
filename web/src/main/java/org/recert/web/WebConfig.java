package org.recert.web;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the web app can be told, each setting overridable by environment (RECERT_WEB_...). */
@ConfigMapping(prefix = "recert.web")
public interface WebConfig {

    /** The gateway whose public API the pages call, e.g. http://127.0.0.1:8080. */
    URI gatewayUrl();

    /** Longest wait for one API call before its part of the page says it is unavailable. */
    @WithDefault("10s")
    Duration apiTimeout();

    /** How long the credentials' rules (what each unit is worth) are kept before compliance is asked again. */
    @WithDefault("5m")
    Duration ruleSetsTtl();

    /** Seals the sign-in state and session cookies (32 characters or more); used through quarkus.oidc.* settings. */
    String sessionSecret();
}
