import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table of a side-by-side run: java bench/Medians.java RESULTS BASELINE. RESULTS holds lines
 * "SYSTEM-CLIENTS METRIC VALUE", one per burst; the table has a row per metric and client count, a
 * column per system with the median (min-max) of its rounds, and the first system's ratio to BASELINE.
 */
public class Medians {

    public static void main(String[] args) throws Exception {
        String baseline = args[1];
        Map<String, Map<String, List<Double>>> byRow = new LinkedHashMap<>(); // "METRIC, N clients" -> system -> values
        Set<String> systems = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] parts = line.trim().split(" ");
            if (parts.length != 3) {
                continue;
            }
            String system = parts[0].substring(0, parts[0].lastIndexOf('-'));
            String clients = parts[0].substring(parts[0].lastIndexOf('-') + 1);
            systems.add(system);
            byRow.computeIfAbsent(parts[1] + ", " + clients + (clients.equals("1") ? " client" : " clients"),
                    r -> new LinkedHashMap<>()).computeIfAbsent(system, s -> new ArrayList<>()).add(Double.parseDouble(parts[2]));
        }
        String first = systems.iterator().next();
        StringBuilder table = new StringBuilder("| |");
        systems.forEach(s -> table.append(' ').append(s).append(" |"));
        table.append(' ').append(first).append(" / ").append(baseline).append(" |\n| --- |");
        systems.forEach(s -> table.append(" ---: |"));
        table.append(" ---: |\n");
        byRow.forEach((row, values) -> {
            table.append("| ").append(row).append(" |");
            systems.forEach(s -> table.append(' ').append(summary(values.get(s))).append(" |"));
            Double mine = median(values.get(first));
            Double theirs = median(values.get(baseline));
            table.append(' ').append(mine == null || theirs == null || theirs == 0 ? "" : String.format("%.2fx", mine / theirs))
                    .append(" |\n");
        });
        System.out.print(table);
    }

    private static String summary(List<Double> values) {
        if (values == null) {
            return "";
        }
        List<Double> sorted = values.stream().sorted().toList();
        return values.size() == 1 ? format(sorted.get(0))
                : format(median(values)) + " (" + format(sorted.get(0)) + "-" + format(sorted.get(sorted.size() - 1)) + ")";
    }

    private static Double median(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(double value) {
        return value >= 100 ? String.format("%.0f", value) : value >= 10 ? String.format("%.1f", value) : String.format("%.2f", value);
    }
}
