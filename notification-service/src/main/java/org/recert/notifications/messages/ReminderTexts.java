package org.recert.notifications.messages;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.i18n.Localized;
import org.recert.notifications.domain.Languages;
import org.recert.notifications.domain.Missing;
import org.recert.notifications.domain.Reminder;
import org.recert.notifications.domain.ReminderRules;
import org.recert.notifications.store.MissingColumn;
import org.recert.notifications.store.NotificationEntity;

/** Words reminders and calendar events in one of the {@link Languages#SUPPORTED} languages, from their message bundles. */
@ApplicationScoped
public class ReminderTexts {

    /** A reminder in words: its subject, its body (what is missing included) and each missing requirement on its own. */
    public record Wording(String subject, String body, List<String> missing) {
    }

    private final Map<String, ReminderMessages> bundles;

    public ReminderTexts(ReminderMessages english, @Localized("es") ReminderMessages spanish) {
        this.bundles = Map.of(Languages.ENGLISH, english, "es", spanish);
        if (!bundles.keySet().containsAll(Languages.SUPPORTED)) {
            throw new IllegalStateException("a supported language has no message bundle: " + Languages.SUPPORTED);
        }
    }

    /** A reminder in words as read on {@code today}: the days left to its act-by date are counted from that day. */
    public Wording word(Reminder reminder, String language, LocalDate today) {
        ReminderMessages words = bundle(language);
        String name = reminder.name();
        List<String> missing = reminder.missing().stream().map(item -> missing(words, item, language)).toList();
        String subject;
        String body;
        if (ReminderRules.isScheduled(reminder.kind())) {
            long daysLeft = reminder.daysLeft(today);
            // read after its act-by date (the feed, later on): say the date passed, never a negative count
            subject = daysLeft < 0 ? words.duePassedSubject(name, date(reminder.actBy())) : words.dueSubject(name, Math.toIntExact(daysLeft));
            body = words.dueBody(name, date(reminder.actBy()));
        } else {
            switch (reminder.kind()) {
                case "AT_RISK" -> {
                    subject = words.atRiskSubject(name);
                    body = words.atRiskBody(name, date(reminder.dueDate()));
                }
                case "GRACE" -> {
                    subject = words.graceSubject(name, date(reminder.graceEnd()));
                    body = words.graceBody(name, date(reminder.dueDate()), date(reminder.graceEnd()));
                }
                case "LAPSED" -> {
                    // what is missing no longer matters: the way back is the exam
                    return new Wording(words.lapsedSubject(name), words.lapsedBody(name, date(reminder.graceEnd())), List.of());
                }
                case "COMPLIANT" -> {
                    subject = words.compliantSubject(name);
                    body = words.compliantBody(name, date(reminder.actBy()));
                }
                default -> throw new IllegalArgumentException("no words for reminder kind " + reminder.kind());
            }
        }
        return new Wording(subject, missing.isEmpty() ? body : words.bodyWithMissing(body, String.join("; ", missing)), missing);
    }

    /**
     * A decided reminder in words, with what is missing as {@code standingNow} says when the learner's standing in the
     * reminder's cycle is known (see {@link Reminder#standingNow}). One decided before reminders kept their codes (no
     * {@code decided_on}) has only the English words it was decided with, and is shown in them.
     */
    public Wording word(NotificationEntity notification, Optional<List<Missing>> standingNow, String language, LocalDate today) {
        if (notification.decidedOn == null) {
            return new Wording(notification.subject, notification.body,
                    notification.missing.isEmpty() ? List.of() : List.of(notification.missing.split("\n")));
        }
        Reminder decided = new Reminder(notification.kind, notification.credential, notification.credentialName, notification.actBy,
                notification.dueDate, notification.graceEnd, notification.decidedOn, MissingColumn.read(notification.missingCodes));
        return word(standingNow.map(decided::standingNow).orElse(decided), language, today);
    }

    /** The summary of a calendar event: "due", "apply-by" or "grace-end" of a credential. */
    public String calendarSummary(String what, String credential, String language) {
        ReminderMessages words = bundle(language);
        return switch (what) {
            case "due" -> words.calendarDue(credential);
            case "apply-by" -> words.calendarApplyBy(credential);
            case "grace-end" -> words.calendarGraceEnd(credential);
            default -> throw new IllegalArgumentException("no calendar event " + what);
        };
    }

    private ReminderMessages bundle(String language) {
        ReminderMessages words = bundles.get(language);
        if (words == null) {
            throw new IllegalArgumentException("no messages in language " + language);
        }
        return words;
    }

    private static String missing(ReminderMessages words, Missing item, String language) {
        String shortfall = number(item.shortfall(), language);
        String earned = number(item.earned(), language);
        String required = number(item.required(), language);
        if (item.kind() == null) {
            return words.missingUnits(item.code(), shortfall, earned, required);
        }
        return switch (item.kind()) {
            case TOTAL -> words.missingTotal(shortfall, earned, required);
            case CATEGORY_MINIMUM -> words.missingCategory(shortfall, switch (item.category()) {
                case ADMINISTRATIVE -> words.categoryAdministrative();
                case CLINICAL -> words.categoryClinical();
                case GENERAL -> words.categoryGeneral();
            }, earned, required);
            case APPROVED_MINIMUM -> words.missingApproved(shortfall, item.approvingBody().name(), earned, required);
            case UNIT_MINIMUM -> words.missingUnits(switch (item.unit()) {
                case AAMA_CEU -> words.unitAamaCeu();
                case CONTACT_HOUR -> words.unitContactHour();
                case IACET_CEU -> words.unitIacetCeu();
                case CME_CREDIT -> words.unitCmeCredit();
                case COLLEGE_CREDIT -> words.unitCollegeCredit();
                case CPR_CARD -> words.unitCprCard();
            }, shortfall, earned, required);
        };
    }

    /** A number of points as the language writes it: 7.5 in English, 7,5 in Spanish; no needless zeros. */
    private static String number(BigDecimal value, String language) {
        DecimalFormat format = new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.forLanguageTag(language)));
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    /** Dates stay ISO-8601 in every language: unambiguous, and the same as the app and the calendar show. */
    private static String date(LocalDate day) {
        return String.valueOf(day);
    }
}
