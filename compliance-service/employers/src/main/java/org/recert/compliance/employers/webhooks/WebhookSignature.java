package org.recert.compliance.employers.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook messages the Standard Webhooks way: {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">}, so that receivers can verify them with that convention's libraries.
 *
 * <p>A secret of the form {@code whsec_<base64>} (as generated here) keys the HMAC with its decoded bytes, as
 * those libraries do; any other secret keys it with its UTF-8 bytes (a receiver using a library then passes
 * {@code "whsec_" + base64(secret)}).
 */
public final class WebhookSignature {

    public static final String PREFIX = "whsec_";
    public static final String HEADER_ID = "webhook-id";
    public static final String HEADER_TIMESTAMP = "webhook-timestamp";
    public static final String HEADER_SIGNATURE = "webhook-signature";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A fresh secret: 32 random bytes, in the Standard Webhooks form. */
    public static String generateSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The bytes that key the HMAC for {@code secret}. */
    public static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException notBase64) {
                return secret.getBytes(StandardCharsets.UTF_8);
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The value of the {@code webhook-signature} header for one message: one {@code v1,<signature>} per secret,
     * space-separated (Standard Webhooks receivers accept the message when any of them verifies).
     */
    public static String sign(List<String> secrets, String messageId, long timestampSeconds, String body) {
        StringJoiner header = new StringJoiner(" ");
        for (String secret : secrets) {
            header.add(sign(secret, messageId, timestampSeconds, body));
        }
        return header.toString();
    }

    /** The {@code v1,<signature>} of one message under one secret. */
    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
