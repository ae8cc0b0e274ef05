package org.recert.notifications.digest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the employer digest, in English; each other language is a file {@code messages/digest_<language>.properties}
 * with the same keys (Quarkus refuses to build when one is missing). Templates reach them as {@code {digest:key}}.
 */
@MessageBundle(value = "digest", locale = "en")
public interface DigestMessages {

    @Message("{organization}, week {week}: {count} on your roster at risk or worse")
    String subject(String organization, String week, int count);

    @Message("Members of {organization} who share their certification status with you and are at risk, in their grace period or "
            + "lapsed, as of {today}:")
    String intro(String organization, String today);

    @Message("your organization")
    String unnamedOrganization();

    @Message("AT RISK: due {dueDate}, requirements not met yet")
    String atRisk(String dueDate);

    @Message("GRACE: was due {dueDate}; may still recertify by continuing education until {graceEnd}")
    String grace(String dueDate, String graceEnd);

    @Message("LAPSED: the grace period ended {graceEnd}; the exam must be retaken")
    String lapsed(String graceEnd);

    @Message("{staffRef} ({learnerId})")
    String member(String staffRef, String learnerId);

    @Message("Missing:")
    String whatIsMissing();

    @Message("Open the roster")
    String openRoster();

    @Message("Your organization chose to receive this digest every week; an employer admin can turn it off. It lists only members "
            + "who share their status with your organization.")
    String whyYouGetThis();
}
