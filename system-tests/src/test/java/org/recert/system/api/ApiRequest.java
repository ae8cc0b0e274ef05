package org.recert.system.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP request to the gateway: method, path with its query, headers, and an optional raw body. */
record ApiRequest(String method, String pathAndQuery, Map<String, String> headers, byte[] body, String contentType) {

    ApiRequest {
        headers = Map.copyOf(headers);
    }

    static ApiRequest of(String method, String pathAndQuery) {
        return new ApiRequest(method, pathAndQuery, Map.of(), null, null);
    }

    ApiRequest header(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiRequest(method, pathAndQuery, copy, body, contentType);
    }

    /** The same request sent to another spelling of its path. */
    ApiRequest at(String otherPathAndQuery) {
        return new ApiRequest(method, otherPathAndQuery, headers, body, contentType);
    }

    ApiRequest json(String json) {
        return new ApiRequest(method, pathAndQuery, headers, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    ApiRequest body(byte[] raw, String type) {
        return new ApiRequest(method, pathAndQuery, headers, raw, type);
    }

    @Override
    public String toString() {
        return method + " " + pathAndQuery;
    }
}
