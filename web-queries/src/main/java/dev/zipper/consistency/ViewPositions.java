package dev.zipper.consistency;

import dev.zipper.readside.ReadRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How far a whole read table has applied the log, for lists: the streams of its type with an event in a
 * range of positions that their rows have not applied yet (one query joining the log to the table).
 */
@ApplicationScoped
public class ViewPositions {

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    /** A stream whose row is behind: the version it needs, and the first position it has not applied. */
    record Behind(int version, long position) {
    }

    /** The rows behind on events of {@code streamType} after position {@code from} up to {@code to}, by stream id. */
    @SuppressWarnings("unchecked") // a native query: rows of three columns
    Map<String, Behind> behind(String streamType, Class<? extends ReadRow<?>> rows, long from, long to) {
        String table = rows.getAnnotation(Table.class).name();
        List<Object[]> found = em.createNativeQuery("SELECT e.stream_id, MAX(e.stream_version), MIN(e.position) FROM events e "
                        + "LEFT JOIN " + table + " v ON v.id = e.stream_id WHERE e.stream_type = ? AND e.position > ? "
                        + "AND e.position <= ? AND (v.version IS NULL OR v.version < e.stream_version) GROUP BY e.stream_id")
                .setParameter(1, streamType)
                .setParameter(2, from)
                .setParameter(3, to)
                .getResultList();
        return found.stream().collect(Collectors.toMap(row -> (String) row[0],
                row -> new Behind(((Number) row[1]).intValue(), ((Number) row[2]).longValue())));
    }
}
