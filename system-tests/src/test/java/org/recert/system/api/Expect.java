package org.recert.system.api;

/** The class of answer a caller must get. */
enum Expect {
    ALLOWED("2xx"),
    UNAUTHORIZED("401"),
    BAD_REQUEST("400"),
    FORBIDDEN("403"),
    NOT_FOUND("404");

    private final String label;

    Expect(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean matches(int status) {
        return switch (this) {
            case ALLOWED -> status >= 200 && status < 300;
            case UNAUTHORIZED -> status == 401;
            case BAD_REQUEST -> status == 400;
            case FORBIDDEN -> status == 403;
            case NOT_FOUND -> status == 404;
        };
    }
}
