package org.recert.notifications;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP and IMAP server (GreenMail) on free loopback ports for the test JVM; the service mails through it and
 * tests read the mail back over IMAP. Tests get the server itself in a {@code GreenMail} field, to stop and start it, and
 * can have it refuse a recipient at RCPT TO with the reply a real relay gives ({@link #refuse}).
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, String> REFUSALS = new ConcurrentHashMap<>();
    private static GreenMail server;

    /** From now on the server answers RCPT TO:&lt;address&gt; with {@code reply} ("550 5.1.1 ..." or "450 4.2.1 ..."). */
    static void refuse(String address, String reply) {
        REFUSALS.put(address, reply);
    }

    /** The server accepts mail for the address again. */
    static void accept(String address) {
        REFUSALS.remove(address);
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new RefusingGreenMail(new ServerSetup[] {
                    new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
            server.start();
        }
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.getSmtp().getPort()),
                "test.imap.port", String.valueOf(server.getImap().getPort()));
    }

    /** Fixed for the JVM, so that a test which stops the server starts it again where the service expects it. */
    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.MatchesType(GreenMail.class));
    }

    /** GreenMail whose SMTP side asks {@link #REFUSALS} about each recipient; its IMAP side reads the same mailboxes. */
    private static final class RefusingGreenMail extends GreenMail {

        RefusingGreenMail(ServerSetup[] setups) {
            super(setups);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
            return super.createServices(setups, new RefusingManagers(managers));
        }
    }

    private static final class RefusingManagers extends Managers {

        private final Managers delivered;
        private final SmtpManager smtp;

        RefusingManagers(Managers delivered) {
            this.delivered = delivered;
            this.smtp = new SmtpManager(delivered.getImapHostManager(), delivered.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress address) {
                    return REFUSALS.get(address.getEmail());
                }
            };
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }

        @Override
        public UserManager getUserManager() {
            return delivered.getUserManager();
        }

        @Override
        public ImapHostManager getImapHostManager() {
            return delivered.getImapHostManager();
        }
    }

    @Override
    public void stop() {
        // the server lives for the JVM, like the rest of the stack
    }
}
