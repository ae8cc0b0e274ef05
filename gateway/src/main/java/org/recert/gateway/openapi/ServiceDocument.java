package org.recert.gateway.openapi;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One service's OpenAPI document as last fetched. {@code document} is null when the service has never answered;
 * {@code failure} says why the latest fetch failed (null when it succeeded).
 */
public record ServiceDocument(String service, String prefix, ObjectNode document, Instant fetchedAt, String failure) {

    public boolean available() {
        return document != null;
    }
}
