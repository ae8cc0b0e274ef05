package org.recert.notifications.messages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of every reminder, in English; each other language is a file {@code messages/reminder_<language>.properties}
 * with the same keys (Quarkus refuses to build when one is missing). Templates reach them as {@code {reminder:key}}.
 * Numbers and dates arrive already written for the language.
 */
@MessageBundle(value = "reminder", locale = "en")
public interface ReminderMessages {

    @Message("{name}: {#if days == 0}today is the last day{#else if days == 1}1 day left{#else}{days} days left{/if} to recertify")
    String dueSubject(String name, int days);

    @Message("{name}: the date to act by, {actBy}, has passed")
    String duePassedSubject(String name, String actBy);

    @Message("You must act by {actBy} to keep your {name}.")
    String dueBody(String name, String actBy);

    @Message("{name}: your certification is at risk")
    String atRiskSubject(String name);

    @Message("Your {name} is due on {dueDate} and its requirements are not met yet.")
    String atRiskBody(String name, String dueDate);

    @Message("{name} is past due: last day {graceEnd}")
    String graceSubject(String name, String graceEnd);

    @Message("Your {name} was due on {dueDate}. You may still recertify by continuing education until {graceEnd}, your last day.")
    String graceBody(String name, String dueDate, String graceEnd);

    @Message("{name} has lapsed")
    String lapsedSubject(String name);

    @Message("Your {name} lapsed after its grace period ended on {graceEnd}. To be certified again you must retake the exam.")
    String lapsedBody(String name, String graceEnd);

    @Message("{name}: congratulations, you meet the requirements")
    String compliantSubject(String name);

    @Message("You meet every requirement of your {name}. Apply for recertification by {actBy}.")
    String compliantBody(String name, String actBy);

    @Message("{body} Still missing: {missing}.")
    String bodyWithMissing(String body, String missing);

    @Message("{shortfall} more points in all ({earned} of {required})")
    String missingTotal(String shortfall, String earned, String required);

    @Message("{shortfall} more {category} points ({earned} of {required})")
    String missingCategory(String shortfall, String category, String earned, String required);

    @Message("{shortfall} more {body}-approved points ({earned} of {required})")
    String missingApproved(String shortfall, String body, String earned, String required);

    @Message("{unit}: {shortfall} more ({earned} of {required})")
    String missingUnits(String unit, String shortfall, String earned, String required);

    @Message("administrative")
    String categoryAdministrative();

    @Message("clinical")
    String categoryClinical();

    @Message("general")
    String categoryGeneral();

    @Message("AAMA CEUs")
    String unitAamaCeu();

    @Message("contact hours")
    String unitContactHour();

    @Message("IACET CEUs")
    String unitIacetCeu();

    @Message("CME credits")
    String unitCmeCredit();

    @Message("college credits")
    String unitCollegeCredit();

    @Message("CPR cards")
    String unitCprCard();

    @Message("What is missing:")
    String whatIsMissing();

    @Message("See your plan: the cheapest way to close the gap")
    String seePlan();

    @Message("See your plan")
    String seePlanShort();

    @Message("You get this because you have a certification tracked by Recert.")
    String whyYouGetThis();

    @Message("Unsubscribe from these emails")
    String unsubscribeLink();

    @Message("Unsubscribe")
    String unsubscribeShort();

    @Message("{credential}: certification due")
    String calendarDue(String credential);

    @Message("{credential}: last day to apply for recertification")
    String calendarApplyBy(String credential);

    @Message("{credential}: last day to recertify by continuing education")
    String calendarGraceEnd(String credential);
}
