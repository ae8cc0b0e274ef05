package org.recert.compliance.employers.webhooks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook signing secrets at rest: AES-256-GCM, a fresh 12-byte nonce per secret, the subscription id as
 * associated data (a ciphertext copied to another subscription does not open). Each ciphertext is stored with the id
 * of its key, so keys rotate: the first key seals, every listed key opens.
 */
public final class SecretCipher {

    /** A secret as stored: the id of the key that sealed it, and base64 of nonce then ciphertext with its tag. */
    public record Sealed(String keyId, String ciphertext) {
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String activeKeyId;

    /** {@code keys}: {@code id:base64} of 32 bytes each, the first one sealing. */
    public SecretCipher(List<String> keys) {
        for (String entry : keys) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("a webhook secret key is id:base64-of-32-bytes; got one without an id");
            }
            String id = entry.substring(0, colon).strip();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("webhook secret key " + id + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("webhook secret key " + id + " has " + key.length + " bytes; AES-256 needs 32");
            }
            if (this.keys.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("webhook secret key id " + id + " is listed twice");
            }
        }
        if (this.keys.isEmpty()) {
            throw new IllegalArgumentException("no webhook secret key given");
        }
        this.activeKeyId = this.keys.keySet().iterator().next();
    }

    /** The id of the key that seals new secrets. */
    public String activeKeyId() {
        return activeKeyId;
    }

    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    public Sealed seal(UUID subscriptionId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, subscriptionId, secret.getBytes(StandardCharsets.UTF_8));
        return new Sealed(activeKeyId, Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce).put(sealed).array()));
    }

    /** The secret; fails when the key is unknown or the ciphertext was altered or belongs to another subscription. */
    public String open(UUID subscriptionId, Sealed sealed) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("webhook secret sealed with key " + sealed.keyId() + ", which is not configured");
        }
        byte[] all = Base64.getDecoder().decode(sealed.ciphertext());
        byte[] nonce = java.util.Arrays.copyOfRange(all, 0, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(run(Cipher.DECRYPT_MODE, key, nonce, subscriptionId, body), StandardCharsets.UTF_8);
    }

    private static byte[] run(int mode, SecretKeySpec key, byte[] nonce, UUID subscriptionId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("webhook secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened")
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
