package dev.zipper.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static dev.zipper.e2e.ZipperServer.PROJECT;

/**
 * One line per fault run, printed as it finishes and written to docs/fault-runs.md at the end (the
 * latest results are kept in the repository).
 */
final class FaultSummary {

    static final Path FILE = PROJECT.resolve("docs/fault-runs.md");

    private final List<String> rows = new ArrayList<>();
    private long headBefore;

    /** Adds a run; the runs share one database, so "this run" is what the log grew by since the last one. */
    void add(String run, CommandLoad load, LogAudit audit, long duplicatesDropped, long catchUpMillis, String notes) {
        String row = String.format("| %s | %d | %d | %d | %d | %d / %d | %d | %.1f s | %s |", run, load.sent(),
                load.acknowledged().size(), load.failed().size(), audit.head - headBefore, audit.log.size(),
                audit.projectedEvents(), duplicatesDropped, catchUpMillis / 1000.0, notes);
        headBefore = audit.head;
        System.out.println("[fault run] " + row);
        rows.add(row);
    }

    void write() throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>(List.of(
                "# Fault runs: the latest results",
                "",
                "Written by `ear/src/test/java/dev/zipper/faults/LogGuaranteesUnderFaultsIT.java` (run by `mvn verify`",
                "when `ZIPPER_DB_*` point at PostgreSQL, as CI does) on " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                        + ", " + Runtime.getRuntime().availableProcessors() + " cores.",
                "zipper.ear on WildFly 39, PostgreSQL, standalone Artemis 2.44 on 127.0.0.1:61616; four HTTP clients",
                "sending account commands. Every run checks: each acknowledged command's event is in the log; the",
                "log's positions run 1..head without a gap; the relay has published up to the head; and account_view",
                "equals, row for row, what a replay of the whole log produces (each row's version is its stream's",
                "length, so no event was applied twice or skipped).",
                "",
                "| Run | Commands sent | Acknowledged (2xx) | Failed | Events stored in the run "
                        + "| Events in the log / projected (all runs) | Duplicates dropped | Catch-up | Notes |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"));
        lines.addAll(rows);
        lines.add("");
        lines.add("Catch-up: from the end of the fault (server deployed again, broker back, database back) until the");
        lines.add("read table equals the replay. Duplicates dropped: counted by the projection since the server last");
        lines.add("started. Failed: commands that got no 2xx (refused connections while the server was down, 503 while");
        lines.add("the database was away); none of them left anything behind.");
        lines.add("");
        lines.add("The cluster's fault runs (three instances behind the balancer: an instance, the leader, the primary");
        lines.add("broker killed, the leader paused, PostgreSQL restarted) are in [cluster-fault-runs.md](cluster-fault-runs.md).");
        Files.createDirectories(FILE.getParent());
        Files.write(FILE, lines);
    }
}
