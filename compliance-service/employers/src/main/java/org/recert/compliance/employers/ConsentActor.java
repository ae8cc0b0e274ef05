package org.recert.compliance.employers;

import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;

/** Who changed a consent, as the learner's audit shows it: a role ({@code learner}, {@code employer}, {@code admin}) and a subject. */
public record ConsentActor(String role, String id) {

    /** The caller, as the most powerful of its roles that may change a consent. */
    public static ConsentActor of(Caller caller) {
        String role = caller.isAdmin() ? Roles.ADMIN : caller.is(Roles.EMPLOYER) ? Roles.EMPLOYER : Roles.LEARNER;
        return new ConsentActor(role, caller.subject());
    }

    boolean isAdmin() {
        return Roles.ADMIN.equals(role);
    }
}
