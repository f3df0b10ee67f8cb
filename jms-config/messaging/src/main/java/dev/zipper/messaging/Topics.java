package dev.zipper.messaging;

/**
 * The broker's names of the topics, one per aggregate type. Used by name rather than through JNDI:
 * WildFly and Payara cannot bind one JNDI name alike (Payara refuses ':' in resource names, WildFly
 * requires "java:"), while the broker's address is the same everywhere. The connection factory is
 * the platform's default one, which each server points at its Artemis (see jms-config/wildfly, payara).
 */
public final class Topics {

    public static final String ACCOUNT_EVENTS = "zipper.account.events";

    private Topics() {
    }
}
