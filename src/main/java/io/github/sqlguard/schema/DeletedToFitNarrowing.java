package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A DELETE whose WHERE selects rows by the length of a column ({@code DELETE FROM requests WHERE LENGTH(request_id)
 * > 40}) that a later statement of the same script narrows ({@code ALTER TABLE requests MODIFY request_id
 * VARCHAR(40)}): the rows the narrowing would refuse or cut are deleted instead, so the script loses them whole
 * while the narrowing itself looks safe. A length in bytes ({@code OCTET_LENGTH}, MySQL's {@code LENGTH}) is never
 * shorter than the one in characters, so it selects those rows as well.
 *
 * <p>Only a narrowing in the same script counts: the script is read as a whole, and its DELETE's findings may not
 * depend on files that come later, which a project may add without touching it.
 *
 * @param table the target as written
 * @param column the column whose length selects the rows, as written
 * @param longerThan the rows go when the column's length exceeds this ({@code > 40} is 40, {@code >= 41} is 40)
 * @param narrowedTo the type the later statement gives the column, as written
 * @param narrowedAt where that statement starts
 */
public record DeletedToFitNarrowing(String table, String column, long longerThan, String narrowedTo,
        Location narrowedAt) {

    /** Functions of one argument that give its length, in characters or in bytes, in the dialects sqlguard reads. */
    private static final Set<String> LENGTH_FUNCTIONS = Set.of("LENGTH", "CHAR_LENGTH", "CHARACTER_LENGTH", "LEN",
            "OCTET_LENGTH", "DATALENGTH", "LENGTHB", "LENGTHC", "BYTE_LENGTH");

    /** The DELETE {@code statement} (judged with the schema {@code before} it), when it is one. */
    public static Optional<DeletedToFitNarrowing> of(Statement statement, SchemaView before) {
        return statement.start() == null ? Optional.empty() : selectionOf(statement)
                .flatMap(selection -> narrowedLater(selection, statement, before));
    }

    /**
     * What a DELETE selects by the length of a column of its target: rows longer than some length.
     *
     * @param table the target as written
     * @param column the column as written, without qualifier
     * @param longerThan the rows whose length (in characters or bytes) exceeds this go
     */
    record Selection(String table, String column, long longerThan) {
    }

    /** The rows {@code statement} deletes by the length of a column, when it is such a DELETE. */
    static Optional<Selection> selectionOf(Statement statement) {
        Optional<WhereTokens> where = WhereTokens.of(statement.tokens()).filter(read -> read.verb().equals("DELETE"));
        if (where.isEmpty() || statement.container()) {
            return Optional.empty();
        }
        for (List<Token> term : WhereJudgement.split(where.get().condition(), "AND")) {
            Optional<Selection> found = lengthSelection(term, where.get());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** {@code LENGTH(c) > n}, {@code LENGTH(c) >= n}, {@code n < LENGTH(c)} or {@code n <= LENGTH(c)}. */
    private static Optional<Selection> lengthSelection(List<Token> term, WhereTokens where) {
        if (term.size() < 6) {
            return Optional.empty();
        }
        boolean lengthFirst = term.get(0).type() == TokenType.WORD;
        int call = lengthFirst ? 0 : 2;
        Token comparison = term.get(lengthFirst ? term.size() - 2 : 1);
        Token number = term.get(lengthFirst ? term.size() - 1 : 0);
        if (number.type() != TokenType.NUMBER || !number.text().matches("\\d{1,9}")
                || !LENGTH_FUNCTIONS.contains(term.get(call).upper()) || !term.get(call + 1).isSymbol("(")) {
            return Optional.empty();
        }
        SchemaNames.Read column = SchemaNames.name(term, call + 2);
        int close = column == null ? -1 : column.next();
        int end = lengthFirst ? term.size() - 2 : term.size();
        if (close < 0 || close + 1 != end || !term.get(close).isSymbol(")") || !ofTarget(column.text(), where)) {
            return Optional.empty();
        }
        long value = Long.parseLong(number.text());
        String operator = comparison.text();
        if (operator.equals(lengthFirst ? ">" : "<")) {
            return Optional.of(new Selection(where.table(), ObjectNames.lastPart(column.text()), value));
        }
        if (operator.equals(lengthFirst ? ">=" : "<=") && value > 0) {
            return Optional.of(new Selection(where.table(), ObjectNames.lastPart(column.text()), value - 1));
        }
        return Optional.empty();
    }

    private static boolean ofTarget(String column, WhereTokens where) {
        int dot = column.lastIndexOf('.');
        if (dot < 0) {
            return true;
        }
        String qualifier = SchemaNames.key(column.substring(0, dot));
        return qualifier.equals(SchemaNames.key(where.alias())) || qualifier.equals(SchemaNames.key(where.table()));
    }

    private static Optional<DeletedToFitNarrowing> narrowedLater(Selection selection, Statement statement,
            SchemaView before) {
        Optional<Column> now = before.column(selection.table(), selection.column());
        if (now.isEmpty() || now.get().type().isEmpty()) {
            return Optional.empty();
        }
        Dialect dialect = statement.dialect();
        long width = TypeFamily.length(now.get().type().get(), dialect);
        return before.laterRetypeInScript(selection.table(), selection.column(), statement.start().path())
                .filter(later -> later.retype().to().filter(to -> narrows(to, width, dialect)).isPresent())
                .map(later -> new DeletedToFitNarrowing(selection.table(), selection.column(), selection.longerThan(),
                        later.retype().to().get().written(), later.at()));
    }

    /** True when {@code to} is a text type of a known length shorter than {@code width} (-1 when not known). */
    private static boolean narrows(SqlType to, long width, Dialect dialect) {
        long narrowed = TypeFamily.of(to) == TypeFamily.TEXT ? TypeFamily.length(to, dialect) : -1;
        return narrowed >= 0 && narrowed != SqlType.MAX && (width < 0 || narrowed < width);
    }

    /**
     * True when an earlier DELETE of the script at {@code path}, replayed before {@code position}, removed every row
     * whose {@code column} of {@code table} is longer than {@code to} holds: a narrowing to {@code to} then keeps
     * every value left, and the rows that would not fit are reported at that DELETE.
     */
    static boolean cleared(SchemaHistory history, int position, String path, ColumnRetype retype, Dialect dialect) {
        if (retype.to().isEmpty() || TypeFamily.of(retype.to().get()) != TypeFamily.TEXT) {
            return false;
        }
        long narrowed = TypeFamily.length(retype.to().get(), dialect);
        return narrowed >= 0 && narrowed != SqlType.MAX && history.log().earlierLengthDeletesInFile(path, position)
                .stream().anyMatch(selection -> SchemaNames.key(selection.table()).equals(SchemaNames.key(retype.table()))
                        && SchemaNames.key(selection.column()).equals(SchemaNames.key(retype.column()))
                        && selection.longerThan() <= narrowed);
    }
}
