package dev.zipper.readside;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * A projection's tables and their next generation in schema {@value #SCHEMA}, read from its row's
 * mapping: the row's {@code @Table} and the {@code @CollectionTable}s of its fields (an order's lines).
 * The statements that make the next generation empty, like the live tables (columns in the same order;
 * a primary key on the row's id, an index on each collection's join column), and that put its rows in
 * place of the live ones.
 *
 * @param main     the row's table
 * @param children its collection tables, each with the column that joins it to the row
 */
public record NextGeneration(String main, List<Child> children) {

    /** Where the next generation is built: the same table names, in this schema (META-INF/next-generation.xml). */
    public static final String SCHEMA = "zipper_next";

    public record Child(String table, String joinColumn) {
    }

    public NextGeneration {
        children = List.copyOf(children);
    }

    public static NextGeneration of(Class<? extends ReadRow<?>> rows) {
        Table table = rows.getAnnotation(Table.class);
        if (table == null || table.name().isEmpty()) {
            throw new IllegalArgumentException(rows.getName() + " must name its table (@Table) to be rebuilt");
        }
        List<Child> children = new ArrayList<>();
        for (Field field : rows.getDeclaredFields()) {
            CollectionTable collection = field.getAnnotation(CollectionTable.class);
            if (collection != null) {
                children.add(new Child(collection.name(), collection.joinColumns()[0].name()));
            }
        }
        return new NextGeneration(table.name(), children);
    }

    /** Drops what a rebuild left in the schema and makes the next generation's tables, empty. */
    public List<String> prepare() {
        List<String> statements = new ArrayList<>(drop());
        statements.add(copyOf(main));
        statements.add("ALTER TABLE " + SCHEMA + "." + main + " ALTER COLUMN id SET NOT NULL"); // a copy keeps no constraint
        statements.add("ALTER TABLE " + SCHEMA + "." + main + " ADD PRIMARY KEY (id)");
        for (Child child : children) {
            statements.add(copyOf(child.table()));
            statements.add("CREATE INDEX " + child.table() + "_" + child.joinColumn() + " ON " + SCHEMA + "." + child.table()
                    + " (" + child.joinColumn() + ")");
        }
        return statements;
    }

    /** Empties the live tables and fills them with the next generation's rows: one transaction's work. */
    public List<String> swap() {
        List<String> statements = new ArrayList<>();
        children.forEach(child -> statements.add("DELETE FROM " + child.table()));
        statements.add("DELETE FROM " + main);
        statements.add("INSERT INTO " + main + " SELECT * FROM " + SCHEMA + "." + main);
        children.forEach(child -> statements.add("INSERT INTO " + child.table() + " SELECT * FROM " + SCHEMA + "." + child.table()));
        return statements;
    }

    /** Drops the next generation's tables, if they are there. */
    public List<String> drop() {
        List<String> statements = new ArrayList<>();
        children.forEach(child -> statements.add("DROP TABLE IF EXISTS " + SCHEMA + "." + child.table()));
        statements.add("DROP TABLE IF EXISTS " + SCHEMA + "." + main);
        return statements;
    }

    private static String copyOf(String table) {
        return "CREATE TABLE " + SCHEMA + "." + table + " AS SELECT * FROM " + table + " WITH NO DATA";
    }
}
