package org.recert.compliance.employers.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetPolicyTest {

    /** Resolves names written as addresses, and "public.example" to a public address; nothing else. */
    private static final TargetPolicy.Resolver RESOLVER = host -> {
        if (host.equals("public.example")) {
            return new InetAddress[] { InetAddress.getByName("93.184.216.34") };
        }
        if (host.equals("sneaky.example")) {
            return new InetAddress[] { InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7") };
        }
        if (host.matches("[0-9.]+|[0-9a-fA-F:.]+")) {
            return new InetAddress[] { InetAddress.getByName(host) };
        }
        throw new UnknownHostException(host);
    };

    private final TargetPolicy production = new TargetPolicy(false, RESOLVER);

    @Test
    void shouldAcceptAPublicHttpsReceiver() {
        assertThat(production.refusal("https://public.example/hooks")).isEmpty();
        assertThat(production.refusal("http://public.example:8080/hooks?x=1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://public.example/x", "file:///etc/passwd", "javascript:alert(1)", "public.example/hooks", "gopher://public.example" })
    void shouldRefuseAnythingButHttpAndHttps(String url) {
        assertThat(production.refusal(url)).contains("must be an http or https URL");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1/x", "http://localhost/x", "http://10.1.2.3/x", "http://172.16.0.1/x", "http://192.168.1.1/x",
            "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/x", "http://100.64.0.1/x", "http://[::1]/x", "http://[fd00::1]/x",
            "http://[fe80::1]/x", "http://[::ffff:127.0.0.1]/x", "http://224.0.0.1/x", "https://sneaky.example/x" })
    void shouldRefuseInternalAddressesInProduction(String url) {
        TargetPolicy withLocalhost = new TargetPolicy(false, host -> host.equals("localhost")
                ? new InetAddress[] { InetAddress.getLoopbackAddress() } : RESOLVER.resolve(host));
        assertThat(withLocalhost.refusal(url)).contains("must not point to a private, loopback or link-local address");
    }

    @Test
    void shouldAllowPrivateReceiversWhenConfiguredForLocalUse() {
        TargetPolicy local = new TargetPolicy(true, RESOLVER);
        assertThat(local.refusal("http://127.0.0.1:8089/hooks")).isEmpty();
        assertThat(local.refusal("ftp://127.0.0.1/hooks")).isPresent();
    }

    @Test
    void shouldRefuseAHostThatDoesNotResolveOrCarriesCredentials() {
        assertThat(production.refusal("https://nowhere.invalid/x")).get().asString().contains("cannot be resolved");
        assertThat(production.refusal("https://user:pw@public.example/x")).contains("must not carry credentials");
        assertThat(production.refusal("https:///x")).isPresent();
    }
}
