package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.CreatedTableNames;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.StatementContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code DROP TABLE IF EXISTS t} that clears what an earlier run left in the session before the script makes
 * {@code t} a temporary table again ({@code DROP TABLE IF EXISTS id_map; CREATE TEMP TABLE id_map AS SELECT ..}),
 * as scripts and routines that run more than once in one connection do. When the replayed migrations never created
 * a table of that name, the only table the drop can find is such a leftover, whose rows last for the session anyway.
 * A table the replay knows keeps the drop reported: it would be that table's rows that go.
 */
public final class TemporaryTableCleanup {

    private TemporaryTableCleanup() {
    }

    /**
     * The guard of {@code models[index]} when it is a {@code DROP TABLE IF EXISTS} of tables the replay
     * ({@code before}, which saw the statement) knows none of, each of which the next statement of the same run
     * and body that creates a table of its name creates as a temporary one, with no rename to the name before it.
     */
    public static Optional<Guard> guardOf(List<StatementModel> models, int index, SchemaView before) {
        StatementModel drop = models.get(index);
        var tokens = drop.statement().tokens();
        Dialect dialect = drop.statement().dialect();
        boolean sessionFirst = dialect == Dialect.POSTGRESQL || dialect == Dialect.AUTO || dialect.isMySqlFamily();
        if (!sessionFirst || !before.replayed() || tokens.size() < 5 || !tokens.get(0).isWord("DROP")
                || !tokens.get(1).isWord("TABLE") || !tokens.get(2).isWord("IF") || !tokens.get(3).isWord("EXISTS")
                || drop.clauses().isEmpty()
                || drop.clauses().stream().anyMatch(clause -> clause.kind() != ClauseKind.DROPPED_TABLE)) {
            return Optional.empty();
        }
        StringBuilder notes = new StringBuilder();
        for (DestructiveClause clause : drop.clauses()) {
            if (clause.table() == null || before.table(clause.table()).isPresent()) {
                return Optional.empty();
            }
            Optional<StatementModel> create = temporaryCreate(models, index, SchemaNames.key(clause.table()));
            if (create.isEmpty()) {
                return Optional.empty();
            }
            notes.append(notes.isEmpty() ? "" : "; ").append("no scanned migration created a table ")
                    .append(SchemaNames.unquoted(clause.table())).append(", and line ")
                    .append(create.get().statement().start().line()).append(" creates it as a temporary table");
        }
        return Optional.of(new Guard(Guard.Kind.TABLE_GONE, notes + ": the drop clears what an earlier run left in"
                + " the session"));
    }

    /**
     * The next statement after {@code index}, in the same run and body and on one of its databases, that creates
     * table {@code name}, if temporary.
     */
    private static Optional<StatementModel> temporaryCreate(List<StatementModel> models, int index, String name) {
        StatementContext context = models.get(index).statement().context();
        String body = context.body() == null ? null : context.body().id();
        for (int i = index + 1; i < models.size(); i++) {
            StatementModel later = models.get(i);
            StatementContext there = later.statement().context();
            // A change of the same changeset for other databases (<sql dbms="postgresql"> beside the drop's
            // <sql dbms="mysql">) never runs after the drop.
            if (!there.runScope().equals(context.runScope()) || !there.databases().overlaps(context.databases())
                    || !Objects.equals(body, there.body() == null ? null : there.body().id())) {
                continue;
            }
            boolean renamedTo = later.clauses().stream().anyMatch(clause -> clause.kind() == ClauseKind.RENAMED_TABLE
                    && clause.detail() != null && SchemaNames.key(clause.detail()).equals(name));
            if (renamedTo) {
                return Optional.empty();
            }
            if (later.createdTables().stream().anyMatch(created -> SchemaNames.key(created).equals(name))) {
                return CreatedTableNames.createsTemporaryTable(later.statement().tokens()) ? Optional.of(later)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
