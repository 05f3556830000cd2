package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.StatementKind;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements a script runs inside a transaction it then rolls back, as a dry run or a demonstration does:
 * {@code BEGIN TRAN; DELETE FROM customers; SELECT COUNT(*) FROM customers; ROLLBACK;}. Nothing they change stays,
 * so what they would destroy is reported at INFO, naming the ROLLBACK.
 *
 * <p>Only an explicit transaction counts, opened and rolled back by top-level statements of one run: a ROLLBACK in
 * a branch ({@code IF @@ERROR <> 0 ROLLBACK}) or a handler may never run, one to a savepoint undoes only part, and
 * MySQL, MariaDB, Oracle and H2 commit the open transaction before any schema change, so such a change ends the
 * stretch there (read in no dialect, it does too). Text handed to another connection ({@code dblink_exec}) is not
 * undone by this one's rollback.
 */
public final class RolledBackTransactions {

    private final Map<Integer, Integer> rollbackLines;

    private RolledBackTransactions(Map<Integer, Integer> rollbackLines) {
        this.rollbackLines = rollbackLines;
    }

    /** The rolled-back stretches of the script {@code models} make up. */
    public static RolledBackTransactions of(List<StatementModel> models) {
        Map<Integer, Integer> lines = new HashMap<>();
        int begin = -1;
        String name = "";
        for (int index = 0; index < models.size(); index++) {
            StatementModel model = models.get(index);
            if (!topLevel(model)) {
                continue;
            }
            List<Token> tokens = model.statement().tokens();
            if (beginsTransaction(tokens)) {
                begin = index; // MySQL commits an open transaction here; elsewhere the outer BEGIN would count
                name = transactionName(tokens);
            } else if (begin >= 0 && !model.statement().context().runScope()
                    .equals(models.get(begin).statement().context().runScope())) {
                begin = -1;
            } else if (begin >= 0 && rollsBackAll(tokens, name)) {
                for (int undone = begin + 1; undone < index; undone++) {
                    lines.put(undone, model.start().line());
                }
                begin = -1;
            } else if (endsTransaction(tokens) || commitsImplicitly(model)) {
                begin = -1;
            }
        }
        return new RolledBackTransactions(lines);
    }

    /**
     * True when a later ROLLBACK undoes the statement at {@code index}: what it did, a copy it made included, does
     * not stay.
     */
    public boolean undoes(List<StatementModel> models, int index) {
        return rollbackLines.containsKey(index) && !models.get(index).statement().context().handedToRoutine();
    }

    /** The guard of the statement at {@code index}, when a later ROLLBACK undoes it. */
    public Optional<Guard> guardOf(List<StatementModel> models, int index) {
        Integer line = rollbackLines.get(index);
        if (line == null || models.get(index).statement().context().handedToRoutine()) {
            return Optional.empty();
        }
        return Optional.of(new Guard(Guard.Kind.ROLLED_BACK, "undone by the ROLLBACK at line " + line));
    }

    private static boolean topLevel(StatementModel model) {
        return model.statement().context().kind() == StatementContext.Kind.SCRIPT;
    }

    /**
     * {@code BEGIN}, {@code BEGIN WORK}, {@code BEGIN TRAN[SACTION] [name]}, SQLite's {@code BEGIN IMMEDIATE},
     * PostgreSQL's {@code BEGIN ISOLATION LEVEL ..}, {@code START TRANSACTION ..}; not a block's {@code BEGIN ..}.
     */
    private static boolean beginsTransaction(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        if (tokens.get(0).isWord("START")) {
            return tokens.size() > 1 && tokens.get(1).isWord("TRANSACTION");
        }
        if (!tokens.get(0).isWord("BEGIN")) {
            return false;
        }
        if (tokens.size() == 1) {
            return true;
        }
        Token second = tokens.get(1);
        return second.isAnyWord("TRAN", "TRANSACTION", "WORK", "DEFERRED", "IMMEDIATE", "EXCLUSIVE", "ISOLATION",
                "READ") || second.isWord("DISTRIBUTED") && tokens.size() > 2
                && tokens.get(2).isAnyWord("TRAN", "TRANSACTION");
    }

    /** The name T-SQL's {@code BEGIN TRAN name} gives its transaction; empty when it gives none. */
    private static String transactionName(List<Token> tokens) {
        int at = tokens.size() > 1 && tokens.get(1).isWord("DISTRIBUTED") ? 3 : 2;
        return tokens.size() > at && tokens.get(at - 1).isAnyWord("TRAN", "TRANSACTION")
                && !tokens.get(at).isWord("WITH") ? tokens.get(at).upper() : "";
    }

    /**
     * {@code ROLLBACK [WORK | TRAN[SACTION]] [AND [NO] CHAIN]}, PostgreSQL's {@code ABORT} and T-SQL's {@code
     * ROLLBACK TRAN name} of the transaction {@code name} begun; not {@code ROLLBACK TO [SAVEPOINT] x}, nor a
     * ROLLBACK naming something else, which may be a savepoint.
     */
    private static boolean rollsBackAll(List<Token> tokens, String name) {
        if (tokens.isEmpty() || !tokens.get(0).isAnyWord("ROLLBACK", "ABORT")) {
            return false;
        }
        int next = 1;
        if (next < tokens.size() && tokens.get(next).isAnyWord("WORK", "TRAN", "TRANSACTION")) {
            next++;
        }
        return next == tokens.size() || tokens.get(next).isWord("AND")
                || next == tokens.size() - 1 && next > 1 && !name.isEmpty() && tokens.get(next).upper().equals(name);
    }

    /** {@code COMMIT ..}, {@code END [TRANSACTION | WORK]} (PostgreSQL, SQLite), or a rollback of a savepoint. */
    private static boolean endsTransaction(List<Token> tokens) {
        return !tokens.isEmpty() && (tokens.get(0).isWord("COMMIT")
                || tokens.get(0).isWord("END") && (tokens.size() == 1 || tokens.get(1).isAnyWord("TRANSACTION",
                        "WORK")));
    }

    /** A schema change in a database that commits the open transaction before it, or in one not known. */
    private static boolean commitsImplicitly(StatementModel model) {
        Dialect dialect = model.statement().dialect();
        boolean transactionalSchema = dialect == Dialect.POSTGRESQL || dialect == Dialect.SQLSERVER
                || dialect == Dialect.SQLITE;
        StatementKind kind = model.kind();
        return !transactionalSchema && (kind == StatementKind.DDL || kind == StatementKind.ACCESS_CONTROL
                || kind == StatementKind.ROUTINE);
    }
}
