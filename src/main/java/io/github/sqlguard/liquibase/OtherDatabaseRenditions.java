package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schema a change without {@code dbms} shapes, as Liquibase writes it on each database the changelog names.
 * Read in a configured dialect (or the project's), a {@code createTable} states its column types as Liquibase
 * creates them on that database ({@code timestamp(3)} is {@code DATETIME2(3)} on SQL Server), but a changeset for
 * MySQL only meets the column as MySQL has it: judged against SQL Server's type, its {@code modifyDataType} to
 * {@code timestamp(3)} would be a change of type. Once the whole changelog is read, such a statement therefore
 * runs on the configured database and on those no changeset names, beside one rendition for each other dialect
 * the changelog names, which runs on that dialect's databases.
 */
final class OtherDatabaseRenditions {

    /** The schema-only statement of a change for another dialect, run on {@code databases}. */
    interface Rendering {
        Optional<Statement> of(Dialect dialect, DatabaseScope databases);
    }

    /** A statement read in {@code dialect} that {@code rendering} writes again for other dialects. */
    record Pending(Statement statement, Dialect dialect, Rendering rendering) {
    }

    private OtherDatabaseRenditions() {
    }

    /** Gives every pending statement of {@code collectors} its renditions for the databases {@code runOrder} names. */
    static void apply(Collection<ScriptCollector> collectors, List<Statement> runOrder) {
        Set<String> named = new TreeSet<>();
        runOrder.forEach(statement -> named.addAll(statement.context().databases().named()));
        named.remove("");
        if (named.isEmpty()) {
            return;
        }
        for (ScriptCollector collector : collectors) {
            for (Pending pending : collector.pendingRenditions()) {
                List<Statement> renditions = renditions(pending, named);
                if (renditions.size() > 1) {
                    collector.replace(pending.statement(), renditions);
                }
            }
        }
    }

    /** The statement limited to the databases of its own dialect, then one rendition per other dialect. */
    private static List<Statement> renditions(Pending pending, Set<String> named) {
        Statement statement = pending.statement();
        DatabaseScope runs = statement.context().databases();
        Map<Dialect, Set<String>> byDialect = new LinkedHashMap<>();
        for (String database : named) {
            Dialect dialect = DbmsDialect.named(database);
            Dialect writes = dialect == null ? Dialect.AUTO : dialect;
            if (runs.includes(database) && !writes.isSameFamily(pending.dialect())) {
                byDialect.computeIfAbsent(writes, d -> new TreeSet<>()).add(database);
            }
        }
        List<Statement> others = new ArrayList<>();
        Set<String> elsewhere = new HashSet<>();
        byDialect.forEach((dialect, databases) -> pending.rendering()
                .of(dialect, runs.and(new DatabaseScope(databases, Set.of())))
                .filter(rendition -> !rendition.sql().equals(statement.sql()))
                .ifPresent(rendition -> {
                    others.add(namingItsDatabases(rendition, databases));
                    elsewhere.addAll(databases);
                }));
        if (others.isEmpty()) {
            return List.of(statement);
        }
        StatementContext context = statement.context();
        Statement here = new Statement(statement.sql(), statement.start(), statement.tokens(),
                new StatementContext(context.kind(), context.label(), runs.and(new DatabaseScope(Set.of(), elsewhere)),
                        context.body()), statement.dialect(), statement.container(), statement.written(),
                statement.runtimeSql(), statement.unvaluedPlaceholders());
        List<Statement> all = new ArrayList<>(List.of(here));
        all.addAll(others);
        return all;
    }

    /**
     * {@code rendition} labelled with the databases that run it, so a finding only it has says whose statement it is:
     * {@code (changeset a:3, as mysql runs it)}.
     */
    private static Statement namingItsDatabases(Statement rendition, Set<String> databases) {
        List<String> names = List.copyOf(databases);
        String who = names.size() == 1 ? names.get(0) + " runs"
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1)
                        + " run";
        StatementContext context = rendition.context();
        String label = context.label().isEmpty() ? "as " + who + " it"
                : context.label() + StatementContext.RUN_BY + who + " it";
        return new Statement(rendition.sql(), rendition.start(), rendition.tokens(), context.withLabel(label),
                rendition.dialect(), rendition.container(), rendition.written(), rendition.runtimeSql(),
                rendition.unvaluedPlaceholders());
    }
}
