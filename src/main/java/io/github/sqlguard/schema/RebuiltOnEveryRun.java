package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A script that runs again (a Flyway repeatable migration, a Liquibase {@code runAlways} or {@code runOnChange}
 * changeset) and rebuilds a table from a query each time: {@code DROP TABLE IF EXISTS order_report; CREATE TABLE
 * order_report AS SELECT ..}, or {@code TRUNCATE daily_totals; INSERT INTO daily_totals SELECT .. FROM orders}.
 * What the drop or the emptying removes, the script's earlier run computed from other tables, and this run computes
 * it again: the finding stays, at INFO, saying so. A refill from {@code VALUES} (reference rows seeded again) is no
 * such rebuild: the application may have changed those rows since.
 */
public final class RebuiltOnEveryRun {

    private static final int HEADER_WORDS = 6;

    private RebuiltOnEveryRun() {
    }

    /**
     * The guard of the statement {@code models[index]} when it drops or empties tables that a later statement of
     * the same run of a script that runs again fills from a query, each of them.
     */
    public static Optional<Guard> guardOf(List<StatementModel> models, int index) {
        StatementModel model = models.get(index);
        StatementContext context = model.statement().context();
        List<Token> tokens = model.statement().tokens();
        if (!context.runsAgain() || !model.placement().runsWithMigration() || tokens.size() < 2) {
            return Optional.empty();
        }
        int main = DestroyedTables.mainKeyword(tokens);
        if (tokens.get(main).isWord("ALTER")) {
            return Optional.empty();
        }
        List<String> targets = DestroyedTables.of(tokens, main);
        List<String> refills = new ArrayList<>();
        for (String target : targets) {
            Optional<StatementModel> refill = refillOf(models, index, SchemaNames.key(target));
            if (refill.isEmpty()) {
                return Optional.empty();
            }
            refills.add(target + " again from a query at line " + refill.get().start().line());
        }
        return refills.isEmpty() ? Optional.empty() : Optional.of(new Guard(Guard.Kind.REBUILT_FROM_QUERY,
                "every run of the script fills " + String.join(" and ", refills)));
    }

    private static Optional<StatementModel> refillOf(List<StatementModel> models, int index, String table) {
        String scope = models.get(index).statement().context().runScope();
        for (int i = index + 1; i < models.size(); i++) {
            StatementModel later = models.get(i);
            if (later.runsWithMigrationIn(scope) && fillsFromQuery(later, table)) {
                return Optional.of(later);
            }
        }
        return Optional.empty();
    }

    /**
     * True for {@code CREATE TABLE t AS SELECT ..} (MySQL also without AS), {@code INSERT INTO t [(..)] SELECT ..}
     * and {@code SELECT .. INTO t FROM ..} (the table the model knows the statement creates), {@code WITH} queries
     * included.
     */
    private static boolean fillsFromQuery(StatementModel model, String table) {
        List<Token> tokens = model.statement().tokens();
        int main = DestroyedTables.mainKeyword(tokens);
        if (main >= tokens.size()) {
            return false;
        }
        Token verb = tokens.get(main);
        if (verb.isWord("CREATE")) {
            int i = main + 1;
            while (i < Math.min(tokens.size(), main + HEADER_WORDS) && !tokens.get(i).isWord("TABLE")) {
                i++;
            }
            return i < tokens.size() && tokens.get(i).isWord("TABLE") && queryFollowsName(tokens, skipIfNotExists(
                    tokens, i + 1), table, true);
        }
        if (verb.isAnyWord("INSERT", "REPLACE")) {
            int i = main + 1;
            while (i < tokens.size() && tokens.get(i).isAnyWord("INTO", "IGNORE", "OVERWRITE", "TABLE")) {
                i++;
            }
            return queryFollowsName(tokens, i, table, false);
        }
        return verb.isWord("SELECT")
                && model.createdTables().stream().anyMatch(created -> SchemaNames.key(created).equals(table));
    }

    private static int skipIfNotExists(List<Token> tokens, int at) {
        int i = at;
        while (i < tokens.size() && tokens.get(i).isAnyWord("IF", "NOT", "EXISTS")) {
            i++;
        }
        return i;
    }

    /** After the name at {@code at}: an optional column list, for CREATE an AS, then SELECT or WITH. */
    private static boolean queryFollowsName(List<Token> tokens, int at, String table, boolean create) {
        SchemaNames.Read name = SchemaNames.name(tokens, at);
        if (name == null || !SchemaNames.key(name.text()).equals(table)) {
            return false;
        }
        int i = name.next();
        if (i < tokens.size() && tokens.get(i).isSymbol("(") && !startsQuery(tokens, i + 1)) {
            i = ObjectNames.skipParentheses(tokens, i);
        }
        if (create && i < tokens.size() && tokens.get(i).isWord("AS")) {
            i++;
        }
        while (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            i++;
        }
        return startsQuery(tokens, i);
    }

    private static boolean startsQuery(List<Token> tokens, int at) {
        return at < tokens.size() && tokens.get(at).isAnyWord("SELECT", "WITH");
    }
}
