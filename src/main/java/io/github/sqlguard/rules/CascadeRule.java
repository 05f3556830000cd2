package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.schema.CascadeNote;
import io.github.sqlguard.schema.SchemaFacts;
import io.github.sqlguard.schema.Table;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cascade}: {@code DROP .. CASCADE} of any object (also Oracle {@code CASCADE CONSTRAINTS},
 * {@code DROP USER .. CASCADE} and {@code DROP TYPE .. FORCE}), {@code TRUNCATE .. CASCADE}, an
 * {@code ALTER TABLE .. DROP ..} clause with {@code CASCADE}, and
 * {@code ALTER TYPE .. DROP ATTRIBUTE .. CASCADE}. The same statement usually also yields the drop or
 * truncate rule's finding. A foreign key's {@code ON DELETE CASCADE} is not this rule, except under SQLite's
 * {@code DROP TABLE}: with foreign keys on, SQLite deletes every row of the table before it drops it, which fires
 * the ON DELETE actions of the keys that reference it, so the drop also removes rows of the tables the replay knows
 * hold such keys, even where a copy made just before keeps the dropped table's own rows. MySQL and MariaDB accept
 * {@code CASCADE} after {@code DROP TABLE/VIEW} and ignore it, so it is not reported there; nor is
 * {@code DROP TRIGGER .. CASCADE}, as no object depends on a trigger.
 */
public final class CascadeRule extends ClauseRule {

    public static final String ID = "cascade";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "CASCADE silently extends a DROP or TRUNCATE to dependent objects",
            "With CASCADE the database also drops the views, foreign keys and other objects that depend on the"
                    + " target, or empties every table that references it, without naming any of them. What"
                    + " else goes depends on the production schema, not on what the script shows. SQLite's DROP"
                    + " TABLE does it without the word: with foreign keys on, it deletes every row first, and the"
                    + " ON DELETE CASCADE or SET NULL keys of other tables take their rows or values with them, even"
                    + " when the table is rebuilt from a copy.",
            "Drop or empty the dependent objects explicitly first and leave CASCADE out (for a SQLite table"
                    + " rebuild, run PRAGMA foreign_keys = OFF before it, outside a transaction: diesel runs each"
                    + " migration in one, where the pragma changes nothing), or acknowledge it:"
                    + " -- sqlguard:allow cascade reason: <why>",
            List.of("DROP VIEW order_summary CASCADE;",
                    "ALTER TABLE customers DROP CONSTRAINT customers_pkey CASCADE;"),
            List.of("DROP VIEW order_summary;",
                    "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)"
                            + " REFERENCES customers (id) ON DELETE CASCADE;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.CASCADE, ClauseKind.DROPPED_TABLE);
    }

    /** A dropped table is this rule's only under SQLite, when the replay knows keys its implicit DELETE fires. */
    @Override
    boolean losesNothing(DestructiveClause clause, StatementModel statement, SchemaFacts schema) {
        return clause.kind() == ClauseKind.DROPPED_TABLE && (statement.statement().dialect() != Dialect.SQLITE
                || !clause.words().startsWith("DROP") || clause.name() == null
                || CascadeNote.ofImplicitDelete(List.of(clause.name()), schema).isEmpty());
    }

    @Override
    String message(List<DestructiveClause> group) {
        DestructiveClause first = group.get(0);
        List<String> names = names(group);
        String named = names.isEmpty() ? "" : " " + String.join(", ", names);
        return switch (first.detail()) {
            case "TRUNCATE" -> "TRUNCATE" + named + " CASCADE also empties every table that references "
                    + itOrThem(names);
            case "DROP CONSTRAINTS" -> first.words() + named
                    + " CASCADE CONSTRAINTS also drops the foreign keys that reference " + itOrThem(names);
            case "FORCE" -> first.words() + named + " FORCE also marks every column of " + (names.size() == 1
                    ? "this type" : "these types") + " unused, losing its values, and invalidates the types and code"
                    + " that depend on " + itOrThem(names);
            case "ATTRIBUTE" -> String.join(", ", group.stream().map(DestructiveClause::words).distinct().toList())
                    + " CASCADE also drops " + (group.size() == 1 && !first.words().contains(",")
                            ? "the attribute's values" : "the attributes' values")
                    + " from every table that stores type " + first.name();
            case "ALTER CONSTRAINTS" -> first.words() + named
                    + " CASCADE CONSTRAINTS also drops the constraints that refer to " + itOrThem(names);
            default -> first.words() + named + " CASCADE also drops " + columnsOfDroppedTypes(first, names)
                    + "object that depends on " + itOrThem(names);
        };
    }

    /**
     * PostgreSQL: a type or domain dropped with CASCADE takes every column of it along, values and all, in tables
     * the script need not show; the message says so before the views and functions that go too.
     */
    private static String columnsOfDroppedTypes(DestructiveClause first, List<String> names) {
        if (!first.words().equals("DROP TYPE") && !first.words().equals("DROP DOMAIN")) {
            return "every ";
        }
        return "every column of " + (names.size() == 1 ? "this type" : "these types")
                + " in any table, with its values, and every other ";
    }

    /**
     * The message, naming the tables the replay knows lose rows or foreign keys with it; empty for the drop of
     * constraints the replay knows as foreign keys of the altered table, on which nothing can depend.
     */
    @Override
    Optional<String> message(List<DestructiveClause> group, StatementModel statement, SchemaFacts schema) {
        DestructiveClause first = group.get(0);
        if (first.kind() == ClauseKind.DROPPED_TABLE) {
            List<String> names = names(group);
            return Optional.of(first.words() + " " + String.join(", ", names) + ": where the connection turns"
                    + " foreign keys on, SQLite deletes every row of " + itOrThem(names) + " before the drop, which"
                    + " also removes " + CascadeNote.ofImplicitDelete(names, schema));
        }
        if ("ALTER".equals(first.detail()) && first.table() != null) {
            Optional<Table> altered = schema.before().table(first.table());
            if (altered.isPresent()
                    && group.stream().allMatch(clause -> namesForeignKey(clause.name(), altered.get()))) {
                return Optional.empty();
            }
        }
        List<String> names = names(group);
        String note = switch (first.detail()) {
            case "TRUNCATE" -> CascadeNote.forTruncateCascade(names, schema);
            case "DROP", "DROP CONSTRAINTS" -> first.table() != null ? CascadeNote.forDropCascade(names, schema) : "";
            case "ALTER", "ALTER CONSTRAINTS" -> first.table() != null && group.size() == 1
                    && dropsKey(first.name()) ? CascadeNote.forConstraintCascade(first.table(), schema) : "";
            default -> "";
        };
        return Optional.of(message(group) + note);
    }

    /**
     * True when {@code dropped}, as the clause names it, is a constraint other objects may rely on: one named
     * ({@code CONSTRAINT c}), Oracle's {@code PRIMARY KEY} or {@code UNIQUE (..)}; not a column.
     */
    private static boolean dropsKey(String dropped) {
        String words = dropped == null ? "" : dropped.strip().toUpperCase(java.util.Locale.ROOT);
        return words.startsWith("CONSTRAINT") || words.startsWith("PRIMARY") || words.startsWith("UNIQUE");
    }

    /** True when {@code dropped}, as the clause names it ({@code CONSTRAINT [IF EXISTS] c}), is a foreign key. */
    private static boolean namesForeignKey(String dropped, Table table) {
        String[] words = dropped == null ? new String[0] : dropped.strip().split("\\s+");
        int at = words.length > 1 && words[0].equalsIgnoreCase("CONSTRAINT") ? 1 : words.length;
        if (at + 2 < words.length && words[at].equalsIgnoreCase("IF") && words[at + 1].equalsIgnoreCase("EXISTS")) {
            at += 2;
        }
        return at == words.length - 1 && table.hasForeignKeyNamed(words[at]);
    }
}
