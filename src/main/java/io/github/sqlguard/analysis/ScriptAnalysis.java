package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analysis of one script: reads every statement once into its {@link StatementModel}, then runs the steps
 * that need the whole script (scratch tables, a session's row cap, routines the script calls), whichever rules
 * are enabled.
 */
public final class ScriptAnalysis {

    private static final Set<Dialect> ERROR_ENDS_BLOCK = Set.of(Dialect.POSTGRESQL, Dialect.ORACLE);

    private final StatementReader reader;

    public ScriptAnalysis(StatementReader reader) {
        this.reader = reader;
    }

    /** The models of {@code script}'s statements, containers included, in source order. */
    public List<StatementModel> models(Script script) {
        return models(script, TableNamespace.Names.DEFAULT);
    }

    /** As {@link #models(Script)}, for a script whose run starts where {@code start} says ({@link TableNamespace}). */
    public List<StatementModel> models(Script script, TableNamespace.Names start) {
        List<StatementModel> models = new ArrayList<>();
        Map<String, Map<DatabaseScope, ScratchTables>> scopes = new HashMap<>();
        Map<String, ScratchTables> bodies = new HashMap<>();
        Map<String, SessionRowCount> sessions = new HashMap<>();
        List<StatementModel> read = script.statements().stream().map(reader::read).toList();
        // Which routine bodies run with the migration is known only once the script's calls are read, after them;
        // most scripts have no body, and need not be read for calls twice.
        boolean anyBody = read.stream().anyMatch(model -> model.placement() == Placement.ROUTINE_BODY);
        List<StatementModel> calledOrNot = anyBody ? CalledRoutines.apply(read) : read;
        for (int index = 0; index < read.size(); index++) {
            StatementModel model = read.get(index);
            Statement statement = model.statement();
            boolean calledLater = model.placement() == Placement.ROUTINE_BODY
                    && calledOrNot.get(index).calledAt().isEmpty();
            String scope = scope(statement.context());
            ScratchTables inScript = scratchTablesOn(scopes.computeIfAbsent(scope, s -> new HashMap<>()), read, index,
                    start);
            StatementContext.Body body = statement.context().body();
            ScratchTables scratch = body == null ? inScript
                    : bodies.computeIfAbsent(scope + "\n" + body.id(), s -> new ScratchTables(inScript));
            // One arm of a branching body runs its statements together or not at all, the earlier first, and in
            // PL/pgSQL and PL/SQL an error ends the arm, as it ends a MySQL routine that declared no handler (a
            // CONTINUE handler, or T-SQL, goes on after a CREATE that found its table there; in auto, a body that
            // branches with IF .. THEN is no T-SQL): what it creates is scratch for the rest of that arm
            // (IF .. THEN CREATE TABLE t_tmp ..; DROP TABLE t_tmp).
            // An IF, loop or block inside the arm does not end it: what the arm created before it still exists in it
            // and after its END (IF .. THEN CREATE TEMP TABLE t_map ..; IF c THEN .. END IF; DROP TABLE t_map).
            boolean inArm = statement.context().branch() != null && errorEndsArm(statement)
                    && !statement.firstToken().isAnyWord("IF", "WHILE", "BEGIN");
            if (inArm) {
                scratch = inStretch(bodies, scope + "\n" + body.id() + '#', body.stretch(), scratch);
            }
            SessionRowCount rowCount = sessions.computeIfAbsent(scope, s -> new SessionRowCount());
            models.add(rowCount.step(scratch.step(model, inArm || surelyRuns(model), calledLater)));
            if (body == null) {
                alsoOnNarrowerDatabases(scopes.get(scope), model);
            }
        }
        return CalledRoutines.apply(models);
    }

    /**
     * The scratch tables of the databases {@code read.get(index)} runs on. A Liquibase changeset may hold changes
     * for some databases only ({@code <sql dbms="mysql">} beside {@code <sql dbms="postgresql">}): what one
     * creates, copies or deletes never happens where the other runs, so each set of databases follows its own
     * tables, starting from what the changeset's statements for every one of them did before it.
     */
    private static ScratchTables scratchTablesOn(Map<DatabaseScope, ScratchTables> perDatabases,
            List<StatementModel> read, int index, TableNamespace.Names start) {
        StatementContext context = read.get(index).statement().context();
        DatabaseScope databases = context.databases();
        ScratchTables found = perDatabases.get(databases);
        if (found == null) {
            found = new ScratchTables(start);
            String scope = scope(context);
            for (int earlier = 0; earlier < index; earlier++) {
                StatementModel model = read.get(earlier);
                StatementContext at = model.statement().context();
                if (at.body() == null && scope(at).equals(scope) && !at.databases().equals(databases)
                        && at.databases().covers(databases)) {
                    found.step(model, surelyRuns(model));
                }
            }
            perDatabases.put(databases, found);
        }
        return found;
    }

    /** A statement that runs on more databases than another set of the changeset's statements runs there too. */
    private static void alsoOnNarrowerDatabases(Map<DatabaseScope, ScratchTables> perDatabases, StatementModel model) {
        DatabaseScope databases = model.statement().context().databases();
        perDatabases.forEach((narrower, scratch) -> {
            if (!narrower.equals(databases) && databases.covers(narrower)) {
                scratch.step(model, surelyRuns(model));
            }
        });
    }

    /**
     * The scratch tables of one stretch of a body: those of the stretch around it, or of the body for the outermost,
     * and what the stretch itself created.
     */
    private static ScratchTables inStretch(Map<String, ScratchTables> stretches, String prefix, String stretch,
            ScratchTables inBody) {
        ScratchTables found = stretches.get(prefix + stretch);
        if (found == null) {
            int outer = stretch.lastIndexOf('/');
            found = new ScratchTables(outer < 0 ? inBody : inStretch(stretches, prefix, stretch.substring(0, outer),
                    inBody));
            stretches.put(prefix + stretch, found);
        }
        return found;
    }

    private static boolean errorEndsArm(Statement statement) {
        Dialect dialect = statement.dialect();
        return ERROR_ENDS_BLOCK.contains(dialect)
                || (dialect.isMySqlFamily() || dialect == Dialect.AUTO) && statement.context().body().errorEndsArm();
    }

    /**
     * Only a statement the script surely runs makes its table scratch: one at the top level without a T-SQL
     * {@code IF} guard. Inside a block it may sit in an {@code IF .. THEN} branch (PL/pgSQL, PL/SQL), and a
     * conditional create may find the table already there, with rows (fail closed). A routine or block body is a
     * scope of its own: what runs whenever the body runs makes its table scratch for the rest of that body only.
     * So is the down section of a goose, sql-migrate or dbmate script, which runs as a script does on rollback.
     */
    private static boolean surelyRuns(StatementModel model) {
        StatementContext.Body body = model.statement().context().body();
        return (model.placement() == Placement.TOP_LEVEL || model.statement().context().isDownSection()
                || body != null && body.straightLine())
                && !model.statement().firstToken().isAnyWord("IF", "WHILE", "BEGIN");
    }

    /**
     * What earlier statements establish (a scratch table created above) holds within one run of the database
     * tool. A Flyway script runs at once; Liquibase runs each changeset on its own, possibly months apart, and
     * rollback code runs long after its changeset created the table, so each gets its own scope.
     */
    private static String scope(StatementContext context) {
        return context.runScope();
    }
}
