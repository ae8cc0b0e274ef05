package org.recert.web.pages;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.qute.TemplateData;
import org.recert.web.api.Answer;

/**
 * Readable names for the ids and codes other answers carry: a credential's name for its code, a credit's title for
 * its id. Whatever is unknown (its service did not answer) reads as the code in words, never as an error.
 */
@TemplateData
public record Names(Map<String, String> credentials, Map<String, String> credits) {

    /** From the credentials' list and a page of the learner's credits. */
    static Names of(Answer credentialList, Answer creditList) {
        Map<String, String> credentials = new HashMap<>();
        credentialList.items().forEach(item -> {
            if (item instanceof Map<?, ?> credential && credential.get("code") != null && credential.get("name") != null) {
                credentials.put(credential.get("code").toString(), credential.get("name").toString());
            }
        });
        Map<String, String> credits = new HashMap<>();
        creditList.items().forEach(item -> {
            if (item instanceof Map<?, ?> credit && credit.get("id") != null && credit.get("title") != null) {
                credits.put(credit.get("id").toString(), credit.get("title").toString());
            }
        });
        return new Names(credentials, credits);
    }

    /** The credential's name, e.g. "Certified Medical Assistant (AAMA)" for CMA_AAMA. */
    public String credential(Object code) {
        return code == null ? "" : credentials.getOrDefault(code.toString(), Words.label(code));
    }

    /** The credit's title, or "a credit" when it is not known. */
    public String credit(Object id) {
        return id == null ? "a credit" : credits.getOrDefault(id.toString(), "a credit");
    }
}
