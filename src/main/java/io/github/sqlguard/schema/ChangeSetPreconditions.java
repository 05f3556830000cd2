package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The changesets whose Liquibase {@code preConditions} the replay knows to fail, so that Liquibase does not run their
 * changes: {@code <not><tableExists tableName="t"/></not>} once the changesets before created {@code t}, or
 * {@code <columnExists tableName="t" columnName="c"/>} once the replay knows every column of {@code t} and none is
 * {@code c}. Such a changeset's changes are not replayed (its {@code createTable} does not define the table a second
 * time), and what rules find in them is lowered to INFO with the reason.
 *
 * <p>The changelog reader writes the conditions as one statement before the changes ({@link #MARK}, then the
 * {@code onFail}, then the conditions in prefix form: {@code TABLE t}, {@code COLUMN t c}, {@code NOT x},
 * {@code AND ( x y )}, {@code OR ( x y )}, {@code UNKNOWN} for any condition the replay cannot decide). A table the
 * replay does not know is undecided, never absent: the changeset is then replayed as before.
 */
final class ChangeSetPreconditions {

    /** The first word of a statement that carries a changeset's preconditions. */
    static final String MARK = "SQLGUARD_PRECONDITIONS";

    private final Map<StatementKey, Guard> notRun = new HashMap<>();
    /** The run scope of the changeset being skipped; null while none is. */
    private String skippedScope;
    private Guard skippedBecause;

    /**
     * True when {@code statement} is not to be replayed: it carries preconditions (decided here against
     * {@code tables}, the schema as the replay has it now), or it belongs to a changeset whose preconditions fail.
     */
    boolean skips(Statement statement, StatementKey key, Function<String, Optional<Table>> tables) {
        String scope = statement.context().runScope();
        if (isPreconditions(statement)) {
            if (!scope.equals(skippedScope)) {
                skippedScope = null;
            }
            if (skippedScope == null) {
                decided(statement, tables).ifPresent(guard -> {
                    skippedScope = scope;
                    skippedBecause = guard;
                });
            }
            return true;
        }
        if (skippedScope == null || scope.isEmpty() || !scope.equals(skippedScope)) {
            skippedScope = null;
            return false;
        }
        notRun.put(key, skippedBecause);
        return true;
    }

    /** Why the statement of {@code key} does not run, when its changeset's preconditions fail. */
    Optional<Guard> notRun(StatementKey key) {
        return Optional.ofNullable(notRun.get(key));
    }

    static boolean isPreconditions(Statement statement) {
        return statement.container() && !statement.tokens().isEmpty() && statement.tokens().get(0).isWord(MARK);
    }

    /** The guard of a changeset whose preconditions surely fail, empty when they hold or are undecided. */
    private static Optional<Guard> decided(Statement statement, Function<String, Optional<Table>> tables) {
        List<Token> tokens = statement.tokens();
        if (tokens.size() < 3) {
            return Optional.empty();
        }
        String onFail = tokens.get(1).text().toUpperCase(Locale.ROOT);
        Reader reader = new Reader(tokens, tables);
        Boolean holds;
        try {
            holds = reader.condition();
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty(); // written by the reader, so never cut short; undecided if it were
        }
        if (holds == null || holds || onFail.equals("WARN")) {
            return Optional.empty();
        }
        String outcome = switch (onFail) {
            case "MARK_RAN" -> "Liquibase marks the changeset ran without running it";
            case "CONTINUE" -> "Liquibase skips the changeset";
            default -> "Liquibase halts the update before the changeset runs";
        };
        return Optional.of(new Guard(Guard.Kind.NOT_RUN, "its preConditions fail on the schema the changesets before it"
                + " built (" + String.join(", ", reader.facts) + "), so " + outcome));
    }

    /** Reads and decides the prefix form: true, false, or null when undecided. */
    private static final class Reader {

        private final List<Token> tokens;
        private final Function<String, Optional<Table>> tables;
        private final List<String> facts = new ArrayList<>();
        private int at = 2;

        Reader(List<Token> tokens, Function<String, Optional<Table>> tables) {
            this.tokens = tokens;
            this.tables = tables;
        }

        Boolean condition() {
            Token word = tokens.get(at++);
            if (word.isWord("NOT")) {
                Boolean inner = condition();
                return inner == null ? null : !inner;
            }
            if (word.isWord("AND") || word.isWord("OR")) {
                return group(word.isWord("AND"));
            }
            if (word.isWord("TABLE")) {
                String table = name();
                Optional<Table> known = tables.apply(table);
                if (known.isEmpty()) {
                    return null;
                }
                facts.add("table " + table + " exists");
                return true;
            }
            if (word.isWord("COLUMN")) {
                String table = name();
                String column = name();
                Optional<Table> known = tables.apply(table);
                if (known.isPresent() && known.get().column(column).isPresent()) {
                    facts.add("table " + table + " has column " + column);
                    return true;
                }
                if (known.isPresent() && known.get().complete()) {
                    facts.add("table " + table + " has no column " + column);
                    return false;
                }
                return null;
            }
            return null; // UNKNOWN
        }

        /** An AND or OR of the conditions in parentheses: decided as soon as one decides it, else by all. */
        private Boolean group(boolean and) {
            at++; // (
            boolean undecided = false;
            Boolean result = and;
            while (!tokens.get(at).isSymbol(")")) {
                Boolean one = condition();
                if (one == null) {
                    undecided = true;
                } else if (one != and) {
                    result = one;
                }
            }
            at++;
            return result != and ? result : undecided ? null : result;
        }

        /** A name as written, qualified or not: {@code app.person}. */
        private String name() {
            StringBuilder name = new StringBuilder(tokens.get(at++).text());
            while (at + 1 < tokens.size() && tokens.get(at).isSymbol(".")) {
                name.append('.').append(tokens.get(at + 1).text());
                at += 2;
            }
            return name.toString();
        }
    }
}
