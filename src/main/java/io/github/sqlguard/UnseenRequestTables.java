package io.github.sqlguard;

import static io.github.sqlguard.StatementPlacement.contextNote;
import static io.github.sqlguard.StatementPlacement.lowered;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Diagnostics;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.schema.SchemaView;
import io.github.sqlguard.sql.DestroyingNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An INSERT into a table that no scanned script creates, whose name says that writing a row into it alters or drops
 * columns or tables: some products change their schema through such a table, whose rule or trigger (kept in a base
 * schema the migrations never create) runs the ALTER the row describes ({@code INSERT INTO t_alter_column VALUES
 * ('orders', 'note', 'VARCHAR(20)', ..)}). What it changes cannot be followed, so the row is an
 * {@code unchecked-change}, as a call of an unseen helper named that way is ({@link UnseenRoutineCalls}).
 */
final class UnseenRequestTables {

    private static final String HINT = "Add the script that creates the table and its rule or trigger to the scanned "
            + "directories, or review the change the row asks for and acknowledge it: "
            + "-- sqlguard:allow unchecked-change reason: <why>";

    private static final Set<String> ALTERING_VERBS = Set.of("alter", "alters", "modify", "change", "changes",
            "retype", "rename");
    private static final Set<String> DROPPING_VERBS = Set.of("drop", "drops");
    private static final Set<String> COLUMNS = Set.of("column", "columns", "col", "cols");
    private static final Set<String> TABLES = Set.of("table", "tables");

    /** Words that name a table which records changes made elsewhere rather than asking for them. */
    private static final Set<String> RECORDS = Set.of("log", "logs", "audit", "history", "journal", "archive",
            "index", "idx", "constraint", "trigger", "view", "sequence", "temp", "tmp");

    private final Function<RuleInfo, Optional<Severity>> configuredSeverity;

    UnseenRequestTables(Function<RuleInfo, Optional<Severity>> configuredSeverity) {
        this.configuredSeverity = configuredSeverity;
    }

    /**
     * The {@code unchecked-change} at the table name of {@code insert} when it writes into a table that
     * {@code before} does not know and whose name says a row there alters or drops columns or tables; empty
     * otherwise.
     */
    Optional<Finding> of(StatementModel insert, Supplier<SchemaView> before, Severity ceiling,
            ScriptMode rollbacks) {
        Optional<Token> name = insertedTable(insert.statement().tokens());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String says = whatTheNameSays(DestroyingNames.words(name.get().text()));
        if (says.isEmpty() || before.get().table(ObjectNames.normalize(name.get().text())).isPresent()) {
            return Optional.empty();
        }
        RuleInfo info = Diagnostics.UNCHECKED_CHANGE;
        String table = name.get().text();
        return configuredSeverity.apply(info).map(severity -> Finding.of(info.id(),
                lowered(severity, insert, ceiling, rollbacks),
                new Location(insert.statement().start().path(), name.get().line(), name.get().column()),
                "INSERT INTO " + table + " writes a row into a table that no scanned script creates, and its name"
                        + " says a rule or trigger on it " + says + ": what that changes was not checked"
                        + contextNote(insert),
                HINT, insert.statement().firstLine()));
    }

    /** What a table's name says a row written into it does, or "" when it says nothing of the kind. */
    static String whatTheNameSays(List<String> words) {
        if (words.stream().anyMatch(RECORDS::contains)) {
            return "";
        }
        boolean drops = words.stream().anyMatch(DROPPING_VERBS::contains);
        boolean alters = words.stream().anyMatch(ALTERING_VERBS::contains);
        if (!drops && !alters) {
            return "";
        }
        String verb = drops ? "drops" : "alters";
        if (words.stream().anyMatch(COLUMNS::contains)) {
            return verb + " columns";
        }
        return words.stream().anyMatch(TABLES::contains) ? verb + " tables" : "";
    }

    /**
     * The last part of the table name of {@code INSERT [INTO] [schema.]table}, when the statement starts so; a
     * multi-table or conditional insert (Oracle's {@code INSERT ALL}, {@code INSERT FIRST}) names no one table.
     */
    private static Optional<Token> insertedTable(List<Token> tokens) {
        int at = 0;
        if (tokens.isEmpty() || !tokens.get(at).isWord("INSERT")) {
            return Optional.empty();
        }
        at++;
        if (at < tokens.size() && tokens.get(at).isWord("INTO")) {
            at++;
        }
        if (at >= tokens.size() || tokens.get(at).isAnyWord("ALL", "FIRST")
                || tokens.get(at).type() == TokenType.STRING || tokens.get(at).type() == TokenType.SYMBOL) {
            return Optional.empty();
        }
        while (at + 2 < tokens.size() && tokens.get(at + 1).isSymbol(".")) {
            at += 2;
        }
        return Optional.of(tokens.get(at));
    }
}
