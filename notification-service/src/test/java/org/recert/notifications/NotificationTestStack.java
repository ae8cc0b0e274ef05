package org.recert.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.recert.devstack.test.DevStackResource;

/** Every test of this module runs against the JVM's real PostgreSQL (database "notifications"), Kafka and a real SMTP/IMAP server. */
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(MailServer.class)
public class NotificationTestStack {
}
