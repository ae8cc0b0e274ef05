package org.recert.devstack;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP and IMAP server (GreenMail) on 127.0.0.1, in the launcher's JVM: notification-service mails through its
 * SMTP port, people and tests read the mail over IMAP. Plain text, no TLS: loopback only, local suites only.
 *
 * <p>The demo learners have mailboxes from the start (login: their address, password {@link #DEMO_PASSWORD}); any
 * other address gets one with its first mail (login and password: the address), as GreenMail does.
 */
public final class MailServer implements AutoCloseable {

    /** The demo learners' addresses (the realm's {@code email} of maria and james, docs/contracts.md). */
    public static final List<String> DEMO_ADDRESSES = List.of("maria@example.org", "james@example.org");
    /** The password of the demo mailboxes, the demo users' password everywhere. */
    public static final String DEMO_PASSWORD = KeycloakServer.DEMO_PASSWORD;
    /** The host both ports listen on. */
    public static final String HOST = "127.0.0.1";

    private final GreenMail server;

    private MailServer(GreenMail server) {
        this.server = server;
    }

    /** Starts SMTP on {@code smtpPort} and IMAP on {@code imapPort} (0: a free one each) with the demo mailboxes. */
    public static MailServer start(int smtpPort, int imapPort) {
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort == 0 ? FreePort.pick() : smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort == 0 ? FreePort.pick() : imapPort, HOST, ServerSetup.PROTOCOL_IMAP) });
        server.start();
        MailServer started = new MailServer(server);
        DEMO_ADDRESSES.forEach(address -> started.addMailbox(address, DEMO_PASSWORD));
        return started;
    }

    /** A mailbox for {@code address}, read over IMAP with the address as login and {@code password}. */
    public void addMailbox(String address, String password) {
        server.setUser(address, address, password);
    }

    public int smtpPort() {
        return server.getSmtp().getPort();
    }

    public int imapPort() {
        return server.getImap().getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
