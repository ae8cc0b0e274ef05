package org.recert.notifications.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.i18n.Localized;
import org.recert.notifications.domain.Languages;
import org.recert.notifications.domain.Reminder;
import org.recert.notifications.messages.ReminderTexts;

/** Words an employer digest in one of the {@link Languages#SUPPORTED} languages; what is missing in the reminders' own words. */
@ApplicationScoped
public class DigestTexts {

    /** A digest in words: its subject, its opening line, and one entry per member and credential. */
    @TemplateData
    public record Letter(String subject, String intro, List<Entry> entries) {
    }

    /** A member's standing in a credential: who, the credential, the status with its date, and what is missing. */
    @TemplateData
    public record Entry(String member, String credential, String standing, List<String> missing) {
    }

    private final Map<String, DigestMessages> bundles;
    private final ReminderTexts reminders;

    public DigestTexts(DigestMessages english, @Localized("es") DigestMessages spanish, ReminderTexts reminders) {
        this.bundles = Map.of(Languages.ENGLISH, english, "es", spanish);
        this.reminders = reminders;
    }

    public Letter write(String organizationName, IsoWeek week, LocalDate today, List<FlaggedMembers.Line> lines, String language) {
        DigestMessages words = bundles.get(language);
        if (words == null) {
            throw new IllegalArgumentException("no digest messages in language " + language);
        }
        String organization = organizationName == null ? words.unnamedOrganization() : organizationName;
        List<Entry> entries = lines.stream().map(line -> entry(words, line, today, language)).toList();
        return new Letter(words.subject(organization, week.toString(), lines.size()), words.intro(organization, today.toString()), entries);
    }

    private Entry entry(DigestMessages words, FlaggedMembers.Line line, LocalDate today, String language) {
        String member = line.staffRef() == null ? line.learnerId() : words.member(line.staffRef(), line.learnerId());
        String credential = line.credentialName() == null ? line.credential() : line.credentialName();
        String dueDate = String.valueOf(line.dueDate());
        String graceEnd = String.valueOf(line.graceEnd());
        return switch (line.status()) {
            case "AT_RISK" -> new Entry(member, credential, words.atRisk(dueDate), missing(line, today, language));
            case "GRACE" -> new Entry(member, credential, words.grace(dueDate, graceEnd), missing(line, today, language));
            // what is missing no longer matters after a lapse: the way back is the exam
            case "LAPSED" -> new Entry(member, credential, words.lapsed(graceEnd), List.of());
            default -> throw new IllegalArgumentException("a digest does not report status " + line.status());
        };
    }

    /** The unmet requirements worded as the learner's own at-risk reminder words them. */
    private List<String> missing(FlaggedMembers.Line line, LocalDate today, String language) {
        Reminder asReminded = new Reminder("AT_RISK", line.credential(), line.credentialName(), line.applyBy(), line.dueDate(),
                line.graceEnd(), today, line.missing());
        return reminders.word(asReminded, language, today).missing();
    }
}
