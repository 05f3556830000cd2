package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A T-SQL {@code IF COL_LENGTH('t', 'c') IS NULL} (or {@code IS NOT NULL}) without an {@code ELSE}, whose whole
 * condition asks whether a table has a column: where the replay knows every column of the table, it knows whether the
 * branch runs. Idempotent T-SQL migrations guard each {@code ADD} and {@code DROP COLUMN} so; deciding the branch keeps
 * the table known after it, where an undecided one would leave a later {@code ALTER COLUMN} of the column without a
 * type.
 *
 * @param id the body id of the branch's statements (where the IF starts, {@code "line:column"})
 * @param runs true when the branch surely runs, false when it surely does not
 */
record ColumnTestedIf(String id, boolean runs) {

    /**
     * The decision on {@code statement}, a container of the IF and its branch, against {@code tables} (a table by its
     * name as written, as the replay has it before the IF); empty when it is not such an IF, tests more than the
     * column, branches further inside, or names a table whose columns the replay does not all know.
     */
    static Optional<ColumnTestedIf> of(Statement statement, Function<String, Optional<Table>> tables) {
        List<Token> tokens = statement.tokens();
        if (!statement.container() || tokens.isEmpty() || !tokens.get(0).isWord("IF")) {
            return Optional.empty();
        }
        int i = 1;
        int open = 0;
        while (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            open++;
            i++;
        }
        if (i + 8 > tokens.size() || !tokens.get(i).isWord("COL_LENGTH") || !tokens.get(i + 1).isSymbol("(")
                || tokens.get(i + 2).type() != TokenType.STRING || !tokens.get(i + 3).isSymbol(",")
                || tokens.get(i + 4).type() != TokenType.STRING || !tokens.get(i + 5).isSymbol(")")
                || !tokens.get(i + 6).isWord("IS")) {
            return Optional.empty();
        }
        String table = tokens.get(i + 2).stringValue();
        String column = tokens.get(i + 4).stringValue();
        i += 7;
        boolean present = i < tokens.size() && tokens.get(i).isWord("NOT");
        i += present ? 1 : 0;
        if (i >= tokens.size() || !tokens.get(i).isWord("NULL")) {
            return Optional.empty();
        }
        i++;
        for (; open > 0; open--, i++) {
            if (i >= tokens.size() || !tokens.get(i).isSymbol(")")) {
                return Optional.empty();
            }
        }
        if (i >= tokens.size() || !straightBranch(tokens, i)) {
            return Optional.empty();
        }
        Optional<Table> known = tables.apply(table).filter(Table::complete);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        boolean has = known.get().column(column).isPresent();
        Token first = tokens.get(0);
        return Optional.of(new ColumnTestedIf(first.line() + ":" + first.column(), has == present));
    }

    /**
     * True when the branch from {@code start} is one statement or one BEGIN .. END of statements that run in straight
     * line: a condition that goes on ({@code AND}, {@code OR}) tests more, and an ELSE, an inner IF or a loop makes
     * arms whose runs this does not decide.
     */
    private static boolean straightBranch(List<Token> tokens, int start) {
        if (tokens.get(start).type() != TokenType.WORD || tokens.get(start).isAnyWord("AND", "OR")) {
            return false;
        }
        return tokens.subList(start, tokens.size()).stream()
                .noneMatch(token -> token.isAnyWord("ELSE", "IF", "WHILE", "GOTO", "RETURN", "BREAK", "CONTINUE"));
    }
}
