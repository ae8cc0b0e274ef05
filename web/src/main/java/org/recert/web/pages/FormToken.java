package org.recert.web.pages;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.ForbiddenException;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.recert.web.WebConfig;

/**
 * The CSRF token of every form: an HMAC of the sign-in session (issuer, subject, session id and sign-in time of the ID
 * token) with the session secret. Another site can make the browser post a form, but cannot read the page, so cannot
 * know the token; no cookie beyond the session's is needed, and a new session gets a new token. Templates read it
 * as {@code {inject:csrf.field}} and {@code {inject:csrf.value}}.
 */
@RequestScoped
@Named("csrf")
public class FormToken {

    /** The form field that carries it. */
    public static final String FIELD = "csrf";

    private final SecurityIdentity identity;
    private final byte[] secret;

    public FormToken(SecurityIdentity identity, WebConfig config) {
        this.identity = identity;
        this.secret = config.sessionSecret().getBytes(StandardCharsets.UTF_8);
    }

    public String field() {
        return FIELD;
    }

    /** This session's token. */
    public String value() {
        JsonWebToken idToken = (JsonWebToken) identity.getPrincipal();
        Object sid = idToken.getClaim("sid");
        String session = idToken.getIssuer() + "\n" + idToken.getSubject() + "\n" + (sid == null ? "" : sid) + "\n"
                + idToken.getIssuedAtTime();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Refuses (403) a form whose token is missing or is not this session's. */
    public void verify(String sent) {
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), value().getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("the form's token does not belong to this session: reload the page and try again");
        }
    }
}
