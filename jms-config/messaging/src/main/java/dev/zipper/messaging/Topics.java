package dev.zipper.messaging;

/**
 * The broker's name of the one topic every event goes to. Consumers pick the stream types they follow
 * by the message's streamType property, so a new aggregate needs no topic, broker script or relay
 * change, and an event nobody follows is still published.
 * <p>
 * Used by name rather than through JNDI: WildFly and Payara cannot bind one JNDI name alike (Payara
 * refuses ':' in resource names, WildFly requires "java:"), while the broker's address is the same
 * everywhere. The connection factory is the platform's default one, which each server points at its
 * Artemis (see jms-config/wildfly, payara).
 */
public final class Topics {

    public static final String EVENTS = "zipper.events";

    private Topics() {
    }
}
