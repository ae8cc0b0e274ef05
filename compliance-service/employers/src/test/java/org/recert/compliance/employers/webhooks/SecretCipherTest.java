package org.recert.compliance.employers.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String OLD = "k2025:" + key("an-older-key-of-thirty-two-bytes");
    private static final String NEW = "k2026:" + key("the-newer-key-of-thirty-two-byte");
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final UUID SUBSCRIPTION = UUID.fromString("5b0f8a7e-3c1d-4f0e-9a51-2f7d9c3e8b10");

    @Test
    void shouldSealWithTheFirstKeyAndOpenWithAnyListedOne() {
        SecretCipher.Sealed sealed = new SecretCipher(List.of(OLD)).seal(SUBSCRIPTION, SECRET);
        SecretCipher rotated = new SecretCipher(List.of(NEW, OLD));

        assertThat(sealed.keyId()).isEqualTo("k2025");
        assertThat(sealed.ciphertext()).doesNotContain(SECRET);
        assertThat(rotated.open(SUBSCRIPTION, sealed)).isEqualTo(SECRET);
        assertThat(rotated.seal(SUBSCRIPTION, SECRET).keyId()).isEqualTo("k2026");
    }

    @Test
    void shouldSealTheSameSecretDifferentlyEachTime() {
        SecretCipher cipher = new SecretCipher(List.of(NEW));
        assertThat(cipher.seal(SUBSCRIPTION, SECRET).ciphertext()).isNotEqualTo(cipher.seal(SUBSCRIPTION, SECRET).ciphertext());
    }

    @Test
    void shouldNotOpenACiphertextMovedToAnotherSubscriptionOrAlteredOrUnderAnUnknownKey() {
        SecretCipher cipher = new SecretCipher(List.of(NEW));
        SecretCipher.Sealed sealed = cipher.seal(SUBSCRIPTION, SECRET);
        byte[] altered = Base64.getDecoder().decode(sealed.ciphertext());
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(UUID.randomUUID(), sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(SUBSCRIPTION, new SecretCipher.Sealed("k2026", Base64.getEncoder().encodeToString(altered))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretCipher(List.of(OLD)).open(SUBSCRIPTION, sealed)).hasMessageContaining("k2026");
    }

    @Test
    void shouldRefuseKeysThatAreNotThirtyTwoBytesOfBase64WithAnId() {
        assertThatThrownBy(() -> new SecretCipher(List.of("k:" + key("short")))).hasMessageContaining("32");
        assertThatThrownBy(() -> new SecretCipher(List.of(key("an-older-key-of-thirty-two-bytes")))).hasMessageContaining("id");
        assertThatThrownBy(() -> new SecretCipher(List.of("k:not base64!"))).hasMessageContaining("base64");
        assertThatThrownBy(() -> new SecretCipher(List.of(NEW, NEW))).hasMessageContaining("twice");
        assertThatThrownBy(() -> new SecretCipher(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNameTheMissingSettingWhenNoKeyIsConfigured() {
        assertThatThrownBy(() -> WebhookSecrets.required(Optional.empty())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RECERT_WEBHOOKS_SECRET_KEYS");
        assertThatThrownBy(() -> WebhookSecrets.required(Optional.of(List.of(" ")))).isInstanceOf(IllegalStateException.class);
        assertThat(WebhookSecrets.required(Optional.of(List.of(NEW))).activeKeyId()).isEqualTo("k2026");
    }

    private static String key(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
