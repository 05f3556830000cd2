package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.SpRenameCall;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * Applies the DDL of one statement to a schema history: the tables, columns, views, enums and sequences it
 * creates, alters, renames or drops. A statement it does not understand changes nothing; one whose readers fail
 * part way makes the table it alters unknown.
 */
final class DdlReplay {

    private DdlReplay() {
    }

    static void replayInto(SchemaHistory history, Statement statement) {
        List<Token> tokens = statement.tokens();
        int start = mainKeyword(tokens);
        if (start >= tokens.size()) {
            return;
        }
        RowHoldingTables.replay(tokens, start, surelyRuns(statement, start), history);
        if (tokens.get(start).isAnyWord("CALL", "EXEC", "EXECUTE")) {
            // A routine or dynamic SQL may insert rows the replay does not follow (a called body is replayed after).
            history.forgetFilledForRun(false);
        }
        try {
            replay(tokens, start, statement, history);
        } catch (RuntimeException e) {
            // A statement the readers could not follow: what it touched is no longer known.
            forgetAlteredTable(tokens, start, history);
            history.replayFailed();
            return;
        }
        if (surelyRuns(statement, start)) {
            history.removalsSurelyRan();
        }
    }

    /**
     * True for a statement of a migration script's top level that nothing can skip: not in a block or a routine, not
     * behind a T-SQL {@code IF}, and not in a Liquibase changeset, whose precondition may mark it ran without running.
     */
    private static boolean surelyRuns(Statement statement, int start) {
        StatementContext context = statement.context();
        return start == 0 && context.kind() == StatementContext.Kind.SCRIPT && context.body() == null
                && (context.runScope().isEmpty() || context.inVersionBlock()) && context.databases().equals(DatabaseScope.ANY);
    }

    private static void replay(List<Token> tokens, int start, Statement statement, SchemaHistory history) {
        Token first = tokens.get(start);
        if (PostgresEnums.replay(tokens, start, history) || PostgresDomains.replay(tokens, start, history)
                || SequenceDefinitions.replay(tokens, start, history)) {
            return;
        }
        if (statement.dialect() == Dialect.SQLSERVER) {
            ConstraintNames.replay(tokens, start, history);
        }
        if (first.isWord("CREATE")) {
            UniqueKeys.created(tokens, start + 1, history, history.position());
            if (!TriggeredTables.replay(tokens, start, history) && !ViewDefinitions.create(tokens, start + 1, history)) {
                TableDefinitions.create(tokens, start + 1, history, statement.dialect() == Dialect.SQLITE);
            }
        } else if (first.isWord("DROP") && afterDropView(tokens, start) > 0) {
            ViewDefinitions.drop(tokens, afterDropView(tokens, start), history);
        } else if (afterAlterTable(tokens, start) > 0) {
            TableAlterations.alter(tokens, afterAlterTable(tokens, start), statement.dialect(), history);
        } else if (first.isWord("DROP") && isWordAt(tokens, start + 1, "INDEX")) {
            UniqueKeys.droppedIndexes(tokens, start + 2, history);
        } else if (first.isWord("ALTER") && isWordAt(tokens, start + 1, "INDEX")) {
            UniqueKeys.alteredIndex(tokens, start + 2, history, history.position());
        } else if (first.isWord("DROP") && start + 1 < tokens.size() && tokens.get(start + 1).isWord("TABLE")) {
            TableDefinitions.drop(tokens, start + 2, history, statement.dialect() == Dialect.SQLITE);
        } else if (first.isWord("SELECT") && makesTableBySelectInto(statement)) {
            SelectedColumns.replaySelectInto(tokens, start + 1, statement.dialect() == Dialect.SQLSERVER, history);
        } else if (first.isWord("RENAME")) {
            TableDefinitions.renameStatement(tokens, start + 1, history);
        } else if (first.isWord("DELETE")) {
            NullFills.delete(tokens, start, statement.context(), history);
        } else if (first.isWord("UPDATE")) {
            NullFills.update(tokens, start, statement.context(), statement.dialect(), history);
        } else if (first.isAnyWord("INSERT", "REPLACE") && intoAt(tokens, start) < tokens.size()) {
            NullFills.insert(tokens, intoAt(tokens, start), history);
            NumberedKeyInserts.insert(tokens, intoAt(tokens, start), history);
        } else if (first.isWord("LOAD") && loadedTableAt(tokens, start) < tokens.size()) {
            NullFills.insert(tokens, loadedTableAt(tokens, start), history);
            NumberedKeyInserts.insert(tokens, loadedTableAt(tokens, start), history);
        } else {
            SpRenameCall.of(tokens.subList(start, tokens.size()))
                    .ifPresent(call -> TableDefinitions.spRename(call, history));
        }
    }

    /** The index of the table of {@code INSERT [LOW_PRIORITY | IGNORE ..] [INTO] t}. */
    private static int intoAt(List<Token> tokens, int start) {
        int i = start + 1;
        while (i < tokens.size() && tokens.get(i).isAnyWord("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE",
                "INTO")) {
            i++;
        }
        return i;
    }

    /**
     * The index of the table of MySQL's {@code LOAD DATA|XML .. INTO TABLE t}, which writes rows as an INSERT does,
     * or the end of the statement.
     */
    private static int loadedTableAt(List<Token> tokens, int start) {
        for (int i = start + 1; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).isWord("INTO") && tokens.get(i + 1).isWord("TABLE")) {
                return i + 2;
            }
        }
        return tokens.size();
    }

    private static boolean isWordAt(List<Token> tokens, int at, String word) {
        return at < tokens.size() && tokens.get(at).isWord(word);
    }

    /**
     * True where {@code SELECT .. INTO x} makes table x: in T-SQL, and in PostgreSQL and H2 at a script's top level;
     * in a routine it fills variables, and MySQL's top-level form fills {@code @variables} or writes a file.
     */
    private static boolean makesTableBySelectInto(Statement statement) {
        Dialect dialect = statement.dialect();
        return dialect == Dialect.SQLSERVER || (dialect == Dialect.POSTGRESQL || dialect == Dialect.H2)
                && statement.context().kind() == StatementContext.Kind.SCRIPT;
    }

    /**
     * The index after the TABLE of {@code ALTER [ONLINE | OFFLINE | IGNORE] TABLE} at {@code start} (MySQL and
     * MariaDB allow those words between), or -1 when the statement is no ALTER TABLE.
     */
    private static int afterAlterTable(List<Token> tokens, int start) {
        if (!tokens.get(start).isWord("ALTER")) {
            return -1;
        }
        int i = start + 1;
        while (i < tokens.size() && tokens.get(i).isAnyWord("ONLINE", "OFFLINE", "IGNORE")) {
            i++;
        }
        return i < tokens.size() && tokens.get(i).isWord("TABLE") ? i + 1 : -1;
    }

    /** The index after the VIEW of {@code DROP [MATERIALIZED] VIEW} at {@code start}, or -1 for another DROP. */
    private static int afterDropView(List<Token> tokens, int start) {
        int i = start + 1;
        i += i < tokens.size() && tokens.get(i).isWord("MATERIALIZED") ? 1 : 0;
        return i < tokens.size() && tokens.get(i).isWord("VIEW") ? i + 1 : -1;
    }

    private static void forgetAlteredTable(List<Token> tokens, int start, SchemaHistory history) {
        int table = afterAlterTable(tokens, start);
        if (table > 0 && table < tokens.size()) {
            SchemaNames.Read name = SchemaNames.name(tokens, table);
            if (name != null) {
                history.remove(name.text());
            }
        }
    }

    /** Past a T-SQL {@code IF <condition>} guard and a {@code BEGIN}: where the DDL itself starts. */
    static int mainKeyword(List<Token> tokens) {
        int i = 0;
        while (i < tokens.size() && tokens.get(i).isWord("IF")) {
            int depth = 0;
            i++;
            while (i < tokens.size() && !(depth == 0 && tokens.get(i).isAnyWord("CREATE", "ALTER", "DROP",
                    "RENAME", "EXEC", "EXECUTE", "SP_RENAME", "BEGIN"))) {
                depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
                i++;
            }
        }
        if (i + 1 < tokens.size() && tokens.get(i).isWord("BEGIN")) {
            i++;
        }
        return i;
    }
}
