package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The clauses of an ALTER TABLE that follow one another without a comma between them. */
public final class UnlistedClauses {

    private UnlistedClauses() {
    }

    /**
     * Oracle and Db2 list column clauses without commas: {@code ALTER TABLE t MODIFY (a VARCHAR2(50)) DROP COLUMN b}
     * runs two clauses, and read as one the DROP would go unseen; so does Db2's {@code ALTER COLUMN a SET DATA TYPE
     * VARCHAR(20) ALTER COLUMN b SET DATA TYPE SMALLINT}, whose second type change would read as part of the first
     * type. Each comma-separated part is cut again where such a clause begins at its top level. So is a part whose
     * removal follows stray words no dialect accepts ({@code ALTER TABLE t "t_pkey" DROP COLUMN pk}): fixed by
     * deleting the word, the script still drops it.
     */
    public static List<List<Token>> of(List<Token> tokens, int from, int to) {
        // The readers of one ALTER TABLE (added, dropped, renamed columns; copies; guards) each ask for its clauses,
        // one after the other on the same thread: the last answer is kept for the next.
        Reading last = LAST_READING.get();
        if (last != null && last.tokens() == tokens && last.size() == tokens.size() && last.from() == from
                && last.to() == to) {
            return last.clauses();
        }
        List<List<Token>> clauses = Collections.unmodifiableList(split(ObjectNames.splitAtCommas(tokens, from, to)));
        LAST_READING.set(new Reading(tokens, tokens.size(), from, to, clauses));
        return clauses;
    }

    /** The clauses last read on a thread, and what they were read from (compared by identity). */
    private record Reading(List<Token> tokens, int size, int from, int to, List<List<Token>> clauses) {
    }

    private static final ThreadLocal<Reading> LAST_READING = new ThreadLocal<>();

    private static List<List<Token>> split(List<List<Token>> parts) {
        List<List<Token>> clauses = new ArrayList<>();
        for (List<Token> part : parts) {
            int depth = 0;
            int start = 0;
            for (int i = 0; i < part.size(); i++) {
                Token token = part.get(i);
                if (token.isSymbol("(")) {
                    depth++;
                } else if (token.isSymbol(")")) {
                    depth--;
                } else if (depth == 0 && i > start
                        && (startsUnlistedClause(part, i) || startsColumnClauseAfter(part.get(start), part, i))) {
                    clauses.add(part.subList(start, i));
                    start = i;
                }
            }
            clauses.add(part.subList(start, part.size()));
        }
        return clauses;
    }

    /**
     * True for Db2's {@code ADD c ..} or {@code DROP c} after a clause that adds or drops something ({@code ADD a
     * VARCHAR(20) NOT NULL ADD b INT DROP CONSTRAINT k DROP c}): a column's or constraint's definition holds no ADD
     * or DROP of its own, so the verb begins the next clause even without COLUMN after it. After ALTER COLUMN or
     * MODIFY it may be that clause's own action ({@code ALTER COLUMN c ADD GENERATED ..}, {@code MODIFY PARTITION p
     * ADD VALUES ..}), which the other verbs decide.
     */
    private static boolean startsColumnClauseAfter(Token clauseVerb, List<Token> part, int i) {
        if (!clauseVerb.isAnyWord("ADD", "DROP") || !part.get(i).isAnyWord("ADD", "DROP") || i + 1 >= part.size()
                || part.get(i - 1).isSymbol(".")) {
            return false;
        }
        Token next = part.get(i + 1);
        return ObjectNames.isNamePart(next) && !next.isAnyWord(CLAUSE_OWN_ACTIONS);
    }

    /**
     * What may follow ADD or DROP inside the clause before: Oracle's {@code DROP PRIMARY KEY DROP INDEX}, an
     * identity's or default's {@code DROP DEFAULT}, {@code DROP NOT NULL}, SQL Server's column options.
     */
    private static final String[] CLAUSE_OWN_ACTIONS = {"INDEX", "KEY", "NOT", "DEFAULT", "IDENTITY", "EXPRESSION",
        "GENERATED", "VALUES", "ROWGUIDCOL", "PERSISTED", "MASKED", "SPARSE", "HIDDEN", "STORAGE"};

    /**
     * True for a verb inside a clause that can only begin another one. DROP NOT NULL, DROP DEFAULT (an ALTER
     * COLUMN's own actions), Oracle's DROP INDEX after a dropped key, ADD VALUES of a list partition and
     * ClickHouse's MODIFY SETTING of a column stay in their clause.
     */
    private static boolean startsUnlistedClause(List<Token> part, int i) {
        Token verb = part.get(i);
        Token next = i + 1 < part.size() ? part.get(i + 1) : null;
        if (next == null || verb.type() != TokenType.WORD || part.get(i - 1).isSymbol(".")) {
            return false;
        }
        if (verb.isWord("DROP")) {
            return next.isSymbol("(") || next.isAnyWord("COLUMN", "UNUSED", "PARTITION", "SUBPARTITION",
                    "CONSTRAINT", "PRIMARY", "UNIQUE");
        }
        if (verb.isWord("ALTER")) {
            // Db2: ALTER [COLUMN] b SET DATA TYPE ..; no clause holds an ALTER COLUMN of its own.
            return next.isWord("COLUMN") || ObjectNames.isNamePart(next) && i + 2 < part.size()
                    && part.get(i + 2).isAnyWord("SET", "DROP");
        }
        if (verb.isWord("TRUNCATE")) {
            return next.isAnyWord("PARTITION", "SUBPARTITION");
        }
        if (verb.isWord("ADD")) {
            return next.isSymbol("(") || next.isAnyWord("COLUMN", "CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE",
                    "CHECK");
        }
        if (verb.isWord("MODIFY")) {
            return next.isSymbol("(") || (next.type() == TokenType.WORD || next.type() == TokenType.QUOTED_NAME)
                    && !next.isAnyWord("SETTING", "SETTINGS");
        }
        return verb.isWord("SET") && next.isWord("UNUSED");
    }
}
