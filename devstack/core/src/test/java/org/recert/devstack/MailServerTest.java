package org.recert.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/** The local suite's mail server: what is sent over SMTP is read over IMAP, with the demo users' password. */
class MailServerTest {

    @Test
    void shouldDeliverToTheDemoMailboxReadWithTheDemoPassword() throws Exception {
        try (MailServer mail = MailServer.start(0, 0)) {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", MailServer.HOST);
            smtp.put("mail.smtp.port", Integer.toString(mail.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(smtp));
            message.setFrom(new InternetAddress("reminders@recert.example"));
            message.setRecipients(Message.RecipientType.TO, MailServer.DEMO_ADDRESSES.get(0));
            message.setSubject("CMA (AAMA): 180 days left to recertify");
            message.setText("You must act by 2031-01-31.");
            Transport.send(message);

            Session imap = Session.getInstance(new Properties());
            try (Store store = imap.getStore("imap")) {
                store.connect(MailServer.HOST, mail.imapPort(), MailServer.DEMO_ADDRESSES.get(0), MailServer.DEMO_PASSWORD);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertEquals(1, inbox.getMessageCount());
                assertEquals("CMA (AAMA): 180 days left to recertify", inbox.getMessage(1).getSubject());
            }
            try (Store store = imap.getStore("imap")) {
                assertThrows(AuthenticationFailedException.class,
                        () -> store.connect(MailServer.HOST, mail.imapPort(), MailServer.DEMO_ADDRESSES.get(0), "wrong"));
            }
        }
    }
}
