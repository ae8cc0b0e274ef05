package org.recert.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** An org or provider claim is an id only in its canonical form; anything else names no tenant. */
class CallerClaimIdsTest {

    @Test
    void shouldReadOnlyACanonicalUuidAsATenantId() {
        assertThat(Caller.uuid("22222222-2222-4222-8222-222222222222"))
                .contains(UUID.fromString("22222222-2222-4222-8222-222222222222"));
        assertThat(Caller.uuid("1-2-3-4-5")).isEmpty();
        assertThat(Caller.uuid("care-clinic")).isEmpty();
        assertThat(Caller.uuid("zzzzzzzz-2222-4222-8222-222222222222")).isEmpty();
    }
}
