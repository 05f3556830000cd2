package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * An upsert whose rows come from a SELECT of its own target: {@code INSERT OR REPLACE INTO t (..) SELECT .. FROM t}
 * and MySQL's {@code REPLACE INTO t SELECT .. FROM t}, {@code INSERT INTO t SELECT .. FROM t WHERE true ON CONFLICT
 * (id) DO UPDATE SET ..}, {@code .. ON DUPLICATE KEY UPDATE ..}, H2's {@code MERGE INTO t KEY (id) SELECT .. FROM
 * t} and CockroachDB's {@code UPSERT INTO t SELECT .. FROM t}. Every row the SELECT returns collides with the row it was read from, so an unfiltered SELECT rewrites every
 * row of the table, like an UPDATE without WHERE: REPLACE even deletes each row and inserts it again, leaving the
 * columns it does not fill at their defaults. Upserts of VALUES or of another table's rows change only the rows
 * that collide, and are not read here.
 */
final class UpsertChanges {

    private UpsertChanges() {
    }

    /** The change of the upsert {@code statement} when it rewrites every row of its target, else none. */
    static List<RowChange> in(Statement statement, StatementTokens tokens) {
        int start = tokens.bodyStart();
        if (start >= tokens.size()) {
            return List.of();
        }
        boolean replace;
        int i;
        if (tokens.isWord(start, "REPLACE")) {
            replace = true;
            i = start + 1;
        } else if (tokens.isWord(start, "INSERT")) {
            i = tokens.skipWords(start + 1, "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE");
            boolean conflictClause = tokens.isWord(i, "OR");
            replace = conflictClause && tokens.isWord(i + 1, "REPLACE");
            i += conflictClause ? 2 : 0;
        } else if (tokens.isWord(start, "MERGE") && tokens.indexOfTopLevelWord(start, tokens.size(), "USING") < 0
                || tokens.isWord(start, "UPSERT")) {
            // H2: MERGE INTO t [(..)] [KEY (..)] SELECT ..; CockroachDB: UPSERT INTO t [(..)] SELECT .. updates the
            // listed columns of every row whose key it meets.
            replace = false;
            i = start + 1;
        } else {
            return List.of();
        }
        ObjectNames.NameAt target = tokens.nameAt(tokens.skipWords(i, "LOW_PRIORITY", "DELAYED", "INTO"));
        if (target == null) {
            return List.of();
        }
        // PostgreSQL: INSERT INTO t AS alias (..)
        int afterTarget = tokens.isWord(target.next(), "AS") ? target.next() + 2 : target.next();
        int select = skipList(tokens, afterTarget);
        if (tokens.isWord(select, "KEY")) {
            select = skipList(tokens, select + 1);
        }
        if (!tokens.isWord(select, "SELECT")) {
            return List.of();
        }
        int conflict = conflictClause(tokens, select);
        boolean update = tokens.isWord(start, "MERGE") || tokens.isWord(start, "UPSERT") || conflict >= 0 && updatesOnConflict(tokens, conflict);
        int selectEnd = conflict < 0 ? tokens.size() : conflict;
        if (!replace && !update || !readsEveryRowOf(tokens, target.text(), select, selectEnd, 0)) {
            return List.of();
        }
        Token verb = tokens.tokens().get(start);
        return List.of(new RowChange("UPDATE", List.of(target.text()),
                new Location(statement.start().path(), verb.line(), verb.column()), false, JoinReach.LIMITING,
                WhereFact.ABSENT,
                false, List.of(), replace ? RowSelection.UPSERT_REPLACING_ITSELF : RowSelection.UPSERT_UPDATING_ITSELF));
    }

    /** The index after a parenthesized list at {@code at} (a column list, H2's KEY list), or {@code at}. */
    private static int skipList(StatementTokens tokens, int at) {
        return tokens.isSymbol(at, "(") ? tokens.closingParen(at) + 1 : at;
    }

    /** The top-level {@code ON} of {@code ON CONFLICT} or {@code ON DUPLICATE KEY UPDATE}, or -1. */
    private static int conflictClause(StatementTokens tokens, int from) {
        for (int on = tokens.indexOfTopLevelWord(from, tokens.size(), "ON"); on >= 0;
                on = tokens.indexOfTopLevelWord(on + 1, tokens.size(), "ON")) {
            if (tokens.isWord(on + 1, "CONFLICT", "DUPLICATE")) {
                return on;
            }
        }
        return -1;
    }

    /** {@code ON DUPLICATE KEY UPDATE}, or {@code ON CONFLICT .. DO UPDATE} without a WHERE of its own. */
    private static boolean updatesOnConflict(StatementTokens tokens, int on) {
        if (tokens.isWord(on + 1, "DUPLICATE")) {
            return true;
        }
        int doUpdate = tokens.indexOfTopLevelWord(on, tokens.size(), "UPDATE");
        return doUpdate > 0 && tokens.isWord(doUpdate - 1, "DO")
                && tokens.indexOfTopLevelWord(doUpdate, tokens.size(), "WHERE") < 0;
    }

    /**
     * True when the SELECT in {@code [select, end)} reads {@code target} alone, without a join and with no WHERE
     * or one that holds for every row (SQLite wants {@code WHERE true} before {@code ON CONFLICT}).
     */
    private static boolean readsEveryRowOf(StatementTokens tokens, String target, int select, int end, int depth) {
        int from = tokens.indexOfTopLevelWord(select, end, "FROM");
        ObjectNames.NameAt source = from < 0 ? null : tokens.nameAt(from + 1);
        if (source == null) {
            return false;
        }
        if (!sameName(source.text(), target)) {
            // WITH src AS (SELECT .. FROM t) INSERT INTO t SELECT .. FROM src ON CONFLICT DO UPDATE: t's own rows.
            int[] cte = depth < 3 ? cteNamed(tokens, source.text()) : null;
            if (cte == null || !tokens.isWord(cte[0], "SELECT")
                    || !readsEveryRowOf(tokens, target, cte[0], cte[1], depth + 1)) {
                return false;
            }
        }
        if (tokens.indexOfTopLevelWord(from, end, "JOIN", "STRAIGHT_JOIN", "UNION", "EXCEPT", "INTERSECT",
                "MINUS") >= 0 || tokens.firstTopLevelComma(from, end) < end) {
            return false;
        }
        int where = tokens.indexOfTopLevelWord(from, end, "WHERE");
        return where < 0 || TokenConditionTruth.of(tokens, where + 1,
                TokenDataChanges.conditionEnd(tokens, where, end)) == Truth.ALWAYS_TRUE;
    }

    private static boolean sameName(String a, String b) {
        return ObjectNames.normalize(ObjectNames.lastPart(a)).equals(ObjectNames.normalize(ObjectNames.lastPart(b)));
    }

    /**
     * The body {@code {from, to}} of the CTE of the leading WITH named {@code name}
     * ({@code name [(columns)] AS [NOT] [MATERIALIZED] (body)}), or null.
     */
    private static int[] cteNamed(StatementTokens tokens, String name) {
        if (name.contains(".")) {
            return null;
        }
        for (int[] body : tokens.cteBodies()) {
            int i = body[0] - 2;
            while (i > 0 && tokens.isWord(i, "AS", "NOT", "MATERIALIZED")) {
                i--;
            }
            if (i > 0 && tokens.isSymbol(i, ")")) {
                int depth = 0;
                while (i > 0 && !(tokens.isSymbol(i, "(") && depth == 1)) {
                    depth += tokens.isSymbol(i, ")") ? 1 : tokens.isSymbol(i, "(") ? -1 : 0;
                    i--;
                }
                i--;
            }
            ObjectNames.NameAt cte = i > 0 ? tokens.nameAt(i) : null;
            if (cte != null && sameName(cte.text(), name)) {
                return body;
            }
        }
        return null;
    }

}
