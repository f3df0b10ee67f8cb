package dev.zipper.readside;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A row of a read table. It follows one stream, whose id is the row's, and records the stream version
 * and log position it reflects, in the same transaction as its content: an event at or below that
 * version has been applied. Facts from other streams reach a row only through a process that copies
 * them into this stream.
 * <p>
 * A read table has these columns besides its own: {@code id}, {@code version}, {@code last_position}
 * (indexed: the projection's lag is read from it) and {@code revision}.
 *
 * @param <E> the events of the stream type the row follows
 */
@MappedSuperclass
public abstract class ReadRow<E> {

    @Id
    private String id;
    private int version;
    @Column(name = "last_position")
    private long lastPosition;
    /**
     * JPA's optimistic lock: should two sessions apply one stream at once (a redelivery racing the first
     * delivery), only one commits; the other is redelivered and finds the event applied.
     */
    @Version
    private long revision;

    protected ReadRow() {
    }

    protected ReadRow(String id) {
        this.id = id;
    }

    /** How one event of the row's stream changes it. */
    protected abstract void apply(E event);

    public String id() {
        return id;
    }

    /** The last stream version applied (0: none). */
    public int version() {
        return version;
    }

    /** The log position of the last event applied (0: none). */
    public long position() {
        return lastPosition;
    }

    void applied(int version, long position) {
        this.version = version;
        this.lastPosition = position;
    }
}
