package dev.zipper.messaging;

/**
 * JNDI names of the messaging resources, one topic per aggregate type. The servers bind them
 * (see src/main/wildfly); the code only looks them up, so it holds nothing server-specific.
 */
public final class Topics {

    /** Transactional (XA) connection factory: a send joins the caller's JTA transaction. */
    public static final String CONNECTION_FACTORY = "java:global/jms/zipper/ConnectionFactory";

    public static final String ACCOUNT_EVENTS = "java:global/jms/zipper.account.events";

    private Topics() {
    }
}
