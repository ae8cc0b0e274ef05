package org.recert.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress untrusting = new ClientAddress(List.of());
    private final ClientAddress behindIngress = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8", "192.0.2.1"));

    @Test
    void shouldCountTheDirectPeerWhenNoProxyIsTrusted() {
        assertThat(untrusting.of("10.1.2.3", "for=198.51.100.7", "198.51.100.8")).isEqualTo("10.1.2.3");
    }

    @Test
    void shouldIgnoreForwardingHeadersFromAnUntrustedPeer() {
        assertThat(behindIngress.of("198.51.100.9", null, "203.0.113.5")).isEqualTo("198.51.100.9");
    }

    @Test
    void shouldTakeTheRightmostAddressThatIsNotATrustedProxy() {
        assertThat(behindIngress.of("10.0.0.7", null, "6.6.6.6, 203.0.113.5, 10.0.0.9")).isEqualTo("203.0.113.5");
        assertThat(behindIngress.of("192.0.2.1", null, "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(behindIngress.of("fd00::1", null, "2001:db8::7")).isEqualTo("2001:db8::7");
    }

    @Test
    void shouldReadTheStandardForwardedHeaderFirst() {
        assertThat(behindIngress.of("10.0.0.7", "for=203.0.113.5;proto=https, for=\"[fd00::3]:4711\"", "6.6.6.6"))
                .isEqualTo("203.0.113.5");
        assertThat(behindIngress.of("10.0.0.7", "for=198.51.100.4:8080", null)).isEqualTo("198.51.100.4");
    }

    @Test
    void shouldFallBackToThePeerWithoutAForwardingHeader() {
        assertThat(behindIngress.of("10.0.0.7", null, null)).isEqualTo("10.0.0.7");
        assertThat(behindIngress.of("10.0.0.7", null, "10.0.0.8")).isEqualTo("10.0.0.8");
    }
}
