package org.recert.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.recert.devstack.MailServer;
import org.recert.devstack.Suite;

/** A mail as a mail client shows it, read over IMAP from the suite's mail server. */
record Mail(String subject, String listUnsubscribe, String listUnsubscribePost, String text, String html) {

    /** The mailbox's mails, oldest first. */
    static List<Mail> inbox(Suite suite, String address, String password) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect(MailServer.HOST, suite.mail().imapPort(), address, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                StringBuilder text = new StringBuilder();
                StringBuilder html = new StringBuilder();
                readParts(message, text, html);
                mails.add(new Mail(message.getSubject(), first(message, "List-Unsubscribe"), first(message, "List-Unsubscribe-Post"),
                        text.toString(), html.toString()));
            }
            inbox.close(false);
            return mails;
        }
    }

    private static String first(Message message, String header) throws Exception {
        String[] values = message.getHeader(header);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static void readParts(Part part, StringBuilder text, StringBuilder html) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                readParts(parts.getBodyPart(i), text, html);
            }
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        }
    }
}
