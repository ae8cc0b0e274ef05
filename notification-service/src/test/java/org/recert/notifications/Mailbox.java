package org.recert.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.eclipse.microprofile.config.ConfigProvider;

/** Reads a learner's mail back over IMAP, as a mail client would (GreenMail's users log in with their address). */
final class Mailbox {

    /** A received mail: its subject, the two unsubscribe headers, its plain-text and HTML parts and its Message-ID. */
    record Received(String subject, String listUnsubscribe, String listUnsubscribePost, String text, String html, String messageId) {
    }

    private Mailbox() {
    }

    static List<Received> of(String address) {
        int port = ConfigProvider.getConfig().getValue("test.imap.port", Integer.class);
        // a server stopped or restarting in a test answers slowly or not at all: fail, and let the await try again
        Properties timeouts = new Properties();
        timeouts.put("mail.imap.connectiontimeout", "5000");
        timeouts.put("mail.imap.timeout", "5000");
        Session session = Session.getInstance(timeouts);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", port, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Received> received = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                StringBuilder text = new StringBuilder();
                StringBuilder html = new StringBuilder();
                collect(message, text, html);
                received.add(new Received(message.getSubject(), header(message, "List-Unsubscribe"),
                        header(message, "List-Unsubscribe-Post"), text.toString(), html.toString(), header(message, "Message-ID")));
            }
            inbox.close(false);
            return received;
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return List.of(); // no mail yet: GreenMail creates the user with its first mail
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the mailbox of " + address, e);
        }
    }

    private static String header(Message message, String name) throws jakarta.mail.MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? null : String.join(",", values);
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws Exception {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text, html);
            }
        }
    }
}
