package org.recert.system.api;

import java.net.http.HttpHeaders;

/** What the gateway answered: status, headers and body as text. */
record Answer(int status, HttpHeaders headers, String body) {

    String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    boolean isProblem() {
        return contentType().startsWith("application/problem+json");
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** A short description for assertion messages. */
    String describe() {
        String text = body.length() > 400 ? body.substring(0, 400) + "..." : body;
        return status + " " + contentType() + " " + text;
    }
}
