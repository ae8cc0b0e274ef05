package org.recert.platform.security;

/** The roles of DESIGN.md, carried in the token's {@code groups} claim. */
public final class Roles {

    public static final String LEARNER = "learner";
    public static final String EMPLOYER = "employer";
    public static final String PROVIDER = "provider";
    public static final String CURATOR = "curator";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
