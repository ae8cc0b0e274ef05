package org.recert.compliance.employers.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

/** Our signatures checked by the Standard Webhooks reference library, as a receiver would. */
class WebhookSignatureTest {

    private static final String BODY = "{\"type\":\"compliance.status.changed\",\"data\":{\"learnerId\":\"maria\"}}";

    @Test
    void shouldBeVerifiedByTheStandardWebhooksLibraryWithAGeneratedSecret() throws Exception {
        String secret = WebhookSignature.generateSecret();
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(secret, "msg_1", now, BODY);

        assertThat(secret).startsWith("whsec_");
        assertThat(signature).startsWith("v1,");
        new Webhook(secret).verify(BODY, headers("msg_1", now, signature));
    }

    @Test
    void shouldKeyAPlainSecretWithItsBytes() throws Exception {
        String secret = "a-plain-secret-of-thirty-chars";
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(secret, "msg_2", now, BODY);

        String asLibrarySecret = "whsec_" + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        new Webhook(asLibrarySecret).verify(BODY, headers("msg_2", now, signature));
    }

    @Test
    void shouldFailVerificationWhenTheBodyWasTamperedWith() {
        String secret = WebhookSignature.generateSecret();
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(secret, "msg_3", now, BODY);

        assertThatThrownBy(() -> new Webhook(secret).verify(BODY.replace("maria", "james"), headers("msg_3", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
