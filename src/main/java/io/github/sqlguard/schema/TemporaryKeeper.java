package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * A copy of every row that went into a temporary table: {@code CREATE TEMP TABLE t_kept (..); INSERT INTO t_kept
 * SELECT * FROM t; DROP TABLE t}, or one its own query makes ({@code CREATE TEMP TABLE t_kept AS SELECT * FROM t},
 * T-SQL's {@code SELECT * INTO #t_kept FROM t}). Its rows last only as long as the session that made them (an Oracle or Db2 global
 * temporary table keeps its definition, but each session sees its own rows), so the copy keeps nothing once the
 * migration's connection closes. It guards the drop of its source only when a later statement of the same run
 * copies every row on to a table that stays, as a rebuild staged in a temporary table does.
 */
public final class TemporaryKeeper {

    /** How many words a CREATE may put before TABLE: {@code CREATE GLOBAL TEMPORARY TABLE}, {@code CREATE LOCAL TEMP}. */
    private static final int HEADER_WORDS = 4;

    private TemporaryKeeper() {
    }

    /**
     * {@code guard}, the guard the copies of the run give {@code models[index]}, when its copy stays; when the copy
     * went into a temporary table that no later statement of the run copies on, a note that lowers nothing instead.
     * {@code before} is the schema just before the statement, which knows the global temporary tables earlier
     * migrations made.
     */
    public static Optional<Guard> checked(Optional<Guard> guard, List<StatementModel> models, int index,
            SchemaView before) {
        if (guard.isEmpty() || guard.get().kind() != Guard.Kind.ROWS_COPIED || guard.get().keeper() == null) {
            return guard;
        }
        String keeper = guard.get().keeper();
        Optional<StatementModel> create = temporaryCreate(models, index, keeper);
        // A temporary table a routine the script calls made (its CREATE is in the routine's body, not the run)
        // is known from the replay.
        if (create.isEmpty() && !before.holdsSessionRowsOnly(keeper) && !ObjectNames.isHashTemporary(keeper)
                && !before.namesLocalTemporary(keeper)) {
            return guard;
        }
        String copiedTo = guard.get().description();
        // Oracle commits before and after every DDL statement, the DROP itself among them: a global temporary table
        // created without ON COMMIT PRESERVE ROWS is empty again before any later statement could copy its rows on.
        boolean emptiedByTheDrop = create.filter(TemporaryKeeper::emptiedAtCommit).isPresent();
        Optional<StatementModel> onward = emptiedByTheDrop ? Optional.empty() : copyOn(models, index, keeper);
        if (onward.isPresent()) {
            DestroyedTables.Copy copy = fullCopyOf(onward.get()).orElseThrow();
            return Optional.of(new Guard(Guard.Kind.ROWS_COPIED, copiedTo + ", a temporary table whose rows line "
                    + onward.get().start().line() + " copies on to " + copy.target(), guard.get().columns(), null));
        }
        return Optional.of(new Guard(Guard.Kind.INCOMPLETE_COPY, copiedTo + ", a temporary table"
                + (emptiedByTheDrop ? " that the commit of this DROP empties before a later statement could copy its"
                        + " rows on" : " whose rows go when the session ends, and no later statement copies them on")));
    }

    /**
     * The statement before {@code index}, in the same run or in the same routine body (which runs in order when the
     * routine is called), that makes {@code table} a temporary table.
     */
    private static Optional<StatementModel> temporaryCreate(List<StatementModel> models, int index, String table) {
        String key = SchemaNames.key(table);
        for (int i = index - 1; i >= 0; i--) {
            StatementModel earlier = models.get(i);
            if (runsAlongside(models.get(index), earlier) && temporaryTableMade(earlier.statement().tokens())
                    .filter(made -> SchemaNames.key(made).equals(key)).isPresent()) {
                return Optional.of(earlier);
            }
        }
        return Optional.empty();
    }

    /**
     * True when {@code other} runs in the same run as {@code model}, or in the same routine body: a body's
     * statements run in order when the routine is called.
     */
    private static boolean runsAlongside(StatementModel model, StatementModel other) {
        StatementContext.Body body = model.statement().context().body();
        StatementContext.Body otherBody = other.statement().context().body();
        return other.runsWithMigrationIn(model.statement().context().runScope())
                || body != null && otherBody != null && body.id().equals(otherBody.id());
    }

    /**
     * The table a {@code CREATE [GLOBAL | LOCAL] TEMP[ORARY] TABLE t} or Db2's {@code DECLARE GLOBAL TEMPORARY TABLE
     * t} makes.
     */
    private static Optional<String> temporaryTableMade(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isAnyWord("CREATE", "DECLARE")) {
            return Optional.empty();
        }
        boolean temporary = false;
        int i = 1;
        while (i < tokens.size() && i <= HEADER_WORDS && !tokens.get(i).isWord("TABLE")) {
            temporary |= tokens.get(i).isAnyWord("TEMP", "TEMPORARY");
            i++;
        }
        if (!temporary || i >= tokens.size() || !tokens.get(i).isWord("TABLE")) {
            return Optional.empty();
        }
        int name = i + 1;
        if (name + 2 < tokens.size() && tokens.get(name).isWord("IF") && tokens.get(name + 1).isWord("NOT")
                && tokens.get(name + 2).isWord("EXISTS")) {
            name += 3;
        }
        SchemaNames.Read read = SchemaNames.name(tokens, name);
        return read == null ? Optional.empty() : Optional.of(read.text());
    }

    /** True for an Oracle global temporary table whose rows go at every commit, as they do by default. */
    private static boolean emptiedAtCommit(StatementModel create) {
        if (create.statement().dialect() != Dialect.ORACLE) {
            return false;
        }
        return create.statement().tokens().stream().noneMatch(token -> token.isWord("PRESERVE"));
    }

    /**
     * The first later statement of the same run (or body) that copies every row of {@code keeper} to a table that
     * stays: one no later statement of the run drops or truncates.
     */
    private static Optional<StatementModel> copyOn(List<StatementModel> models, int index, String keeper) {
        String key = SchemaNames.key(keeper);
        for (int i = index + 1; i < models.size(); i++) {
            StatementModel later = models.get(i);
            if (!runsAlongside(models.get(index), later)) {
                continue;
            }
            Optional<DestroyedTables.Copy> copy = fullCopyOf(later);
            if (copy.isPresent() && SchemaNames.key(copy.get().source()).equals(key)
                    && !ObjectNames.isHashTemporary(SchemaNames.key(copy.get().target()))
                    && temporaryCreate(models, i, copy.get().target()).isEmpty()
                    && !emptiedLater(models, i, copy.get().target())) {
                return Optional.of(later);
            }
        }
        return Optional.empty();
    }

    /**
     * True when a statement of the run after {@code index} drops or truncates {@code table}: a copy on to it keeps
     * the rows no longer than the temporary table did.
     */
    private static boolean emptiedLater(List<StatementModel> models, int index, String table) {
        String key = SchemaNames.key(table);
        for (int i = index + 1; i < models.size(); i++) {
            StatementModel later = models.get(i);
            List<Token> tokens = later.statement().tokens();
            int main = DestroyedTables.mainKeyword(tokens);
            if (runsAlongside(models.get(index), later) && main < tokens.size()
                    && tokens.get(main).isAnyWord("DROP", "TRUNCATE") && DestroyedTables.of(tokens, main).stream()
                            .anyMatch(destroyed -> SchemaNames.key(destroyed).equals(key))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The copy of every row {@code model} makes: of every column ({@code SELECT *}) or by a column list, whose columns
     * cannot be checked against a temporary table's, which the replay does not keep.
     */
    private static Optional<DestroyedTables.Copy> fullCopyOf(StatementModel model) {
        List<Token> tokens = model.statement().tokens();
        int main = DestroyedTables.mainKeyword(tokens);
        boolean selectIntoMakesTable = model.statement().dialect() == Dialect.SQLSERVER
                || model.statement().context().kind() == StatementContext.Kind.SCRIPT;
        return DestroyedTables.fullCopy(tokens, main).or(() -> CopyShape.of(tokens, main, selectIntoMakesTable)
                .map(shape -> new DestroyedTables.Copy(SchemaNames.unquoted(shape.source().text()),
                        SchemaNames.unquoted(shape.target().text()))));
    }
}
