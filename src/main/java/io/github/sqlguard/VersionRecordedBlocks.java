package io.github.sqlguard;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.schema.Guard;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A script that records each release's version in a table as it goes ({@code INSERT INTO schema_version
 * (version_number, comment) VALUES (16, '..')}, two or more of them, or the same one-row update of a version column,
 * {@code UPDATE info SET DB_SCHEMA_VERSION = '2.1.0'}): the application that owns it runs only the
 * blocks after the version a database last recorded, one release at a time, so every block is a migration of its
 * own. A table an earlier block created has held the application's rows for releases when a later block drops or
 * empties it, and a column an earlier block added has been written since. Each block's statements are labelled
 * with the version it records ({@link StatementContext#VERSION_BLOCK}), which makes it a run of its own.
 */
final class VersionRecordedBlocks {

    private VersionRecordedBlocks() {
    }

    /**
     * {@code script} with each statement labelled with its block, when it records two or more versions at its top
     * level and is a plain migration (its statements carry no label of their own at the top level); else as it is.
     */
    static Script labelled(Script script) {
        List<Statement> statements = script.statements();
        List<Integer> records = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        Map<String, List<Integer>> updatesByColumn = new LinkedHashMap<>();
        Map<Integer, String> updatedVersions = new HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            StatementContext context = statement.context();
            if (context.kind() != StatementContext.Kind.SCRIPT || context.body() != null) {
                continue;
            }
            if (!context.label().isEmpty()) {
                return script; // a repeatable migration, a callback, a changeset: runs as its own kind says
            }
            Optional<String> version = recordedVersion(statement.tokens());
            if (version.isPresent()) {
                records.add(i);
                versions.add(version.get());
            } else {
                int index = i;
                assignedVersions(statement.tokens()).filter(update -> update.columns().size() == 1)
                        .ifPresent(update -> {
                            updatesByColumn.computeIfAbsent(update.table() + "." + update.columns().get(0),
                                    k -> new ArrayList<>()).add(index);
                            updatedVersions.put(index, update.versions().get(0));
                        });
            }
        }
        if (records.size() < 2) {
            // A script that keeps its version in one row updates it as it goes: the column updated most often
            // records the releases (cBioPortal-style MySQL upgrade scripts keep other versions beside it).
            records = updatesByColumn.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
            versions = records.stream().map(updatedVersions::get).toList();
        }
        if (records.size() < 2) {
            return script;
        }
        List<Statement> labelled = new ArrayList<>(statements.size());
        int block = 0;
        for (int i = 0; i < statements.size(); i++) {
            while (block < records.size() && records.get(block) < i) {
                block++;
            }
            String label = block < records.size() ? StatementContext.VERSION_BLOCK + versions.get(block)
                    : StatementContext.VERSION_BLOCK_AFTER + versions.get(versions.size() - 1);
            Statement statement = statements.get(i);
            String own = statement.context().label();
            StatementContext context = statement.context().withLabel(own.isEmpty() ? label : label + ", " + own);
            labelled.add(new Statement(statement.sql(), statement.start(), statement.tokens(), context,
                    statement.dialect(), statement.container(), statement.written(), statement.runtimeSql(),
                    statement.unvaluedPlaceholders()));
        }
        return new Script(labelled, script.comments(), script.lexError());
    }

    /**
     * The version an {@code INSERT INTO <..version(s)> [(columns)] VALUES (..)} of one row records: the value of the
     * first column whose name holds {@code version}, or the first value when no column list is written; a number or
     * a string literal.
     */
    static Optional<String> recordedVersion(List<Token> tokens) {
        if (tokens.size() < 6 || !tokens.get(0).isWord("INSERT") || !tokens.get(1).isWord("INTO")) {
            return Optional.empty();
        }
        int at = 2;
        String table = name(tokens.get(at));
        while (at + 2 < tokens.size() && tokens.get(at + 1).isSymbol(".")) {
            at += 2;
            table = name(tokens.get(at));
        }
        if (!table.endsWith("version") && !table.endsWith("versions")) {
            return Optional.empty();
        }
        at++;
        int position = 0;
        if (tokens.get(at).isSymbol("(")) {
            position = -1;
            int column = 0;
            for (at++; at < tokens.size() && !tokens.get(at).isSymbol(")"); at++) {
                if (tokens.get(at).isSymbol(",")) {
                    column++;
                } else if (position < 0 && name(tokens.get(at)).contains("version")) {
                    position = column;
                }
            }
            at++;
            if (position < 0) {
                return Optional.empty();
            }
        }
        if (at + 1 >= tokens.size() || !tokens.get(at).isWord("VALUES") || !tokens.get(at + 1).isSymbol("(")) {
            return Optional.empty();
        }
        int value = 0;
        for (at += 2; at < tokens.size() && value <= position; at++) {
            Token token = tokens.get(at);
            if (token.isSymbol(",")) {
                value++;
            } else if (value == position) {
                boolean alone = at + 1 < tokens.size()
                        && (tokens.get(at + 1).isSymbol(",") || tokens.get(at + 1).isSymbol(")"));
                return alone ? literalVersion(token) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The guard of an UPDATE, in a script that records its versions as it goes, that sets only columns whose names
     * hold {@code version} to literals in the table the script records them in ({@code models}' statements): it
     * writes the tool's row, whatever WHERE it has or lacks. A version column of another table is the application's.
     */
    static Optional<Guard> versionRecordGuardOf(Statement statement, List<StatementModel> models) {
        if (!statement.context().inVersionBlock()) {
            return Optional.empty();
        }
        return assignedVersions(statement.tokens()).filter(update -> models.stream()
                .map(model -> recordTable(model.statement().tokens())).filter(Optional::isPresent)
                .filter(table -> table.get().equals(update.table())).count() >= 2)
                .map(update -> new Guard(Guard.Kind.VERSION_RECORDED,
                "it sets " + String.join(", ", update.written()) + " to the version"
                        + (update.columns().size() == 1 ? "" : "s") + " the script records as it goes"));
    }

    /** The table, normalized, that {@code tokens} record a version in, by an INSERT or an UPDATE; else empty. */
    private static Optional<String> recordTable(List<Token> tokens) {
        if (recordedVersion(tokens).isPresent()) {
            int at = 2;
            while (at + 2 < tokens.size() && tokens.get(at + 1).isSymbol(".")) {
                at += 2;
            }
            return Optional.of(name(tokens.get(at)));
        }
        return assignedVersions(tokens).filter(update -> update.columns().size() == 1).map(AssignedVersions::table);
    }

    /**
     * An UPDATE that sets only columns whose names hold {@code version}, each to a literal.
     *
     * @param table the table's name, normalized
     * @param columns the columns' names, normalized
     * @param written the columns as the statement writes them
     * @param versions the values, in the columns' order
     */
    private record AssignedVersions(String table, List<String> columns, List<String> written, List<String> versions) {
    }

    /** {@code UPDATE [s.]t SET a_version = 'x'[, b_version = 'y'] [WHERE ..]}, else empty. */
    private static Optional<AssignedVersions> assignedVersions(List<Token> tokens) {
        if (tokens.size() < 6 || !tokens.get(0).isWord("UPDATE")) {
            return Optional.empty();
        }
        int at = 1;
        String table = name(tokens.get(at));
        while (at + 2 < tokens.size() && tokens.get(at + 1).isSymbol(".")) {
            at += 2;
            table = name(tokens.get(at));
        }
        at++;
        if (at >= tokens.size() || !tokens.get(at).isWord("SET")) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        List<String> written = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        do {
            at++;
            if (at + 2 >= tokens.size() || !tokens.get(at + 1).isSymbol("=")) {
                return Optional.empty();
            }
            String column = name(tokens.get(at));
            Optional<String> version = literalVersion(tokens.get(at + 2));
            if (!column.contains("version") || version.isEmpty()) {
                return Optional.empty();
            }
            columns.add(column);
            written.add(tokens.get(at).text());
            versions.add(version.get());
            at += 3;
        } while (at < tokens.size() && tokens.get(at).isSymbol(","));
        boolean ends = at >= tokens.size() || tokens.get(at).isSymbol(";") || tokens.get(at).isWord("WHERE");
        return ends ? Optional.of(new AssignedVersions(table, columns, written, versions)) : Optional.empty();
    }

    /**
     * The version {@code token} writes: a string or a number; read by the forms every dialect shares, a
     * double-quoted {@code "2.1.0"} as well, which MySQL reads as the string it is and no column is named like.
     */
    private static Optional<String> literalVersion(Token token) {
        String text = token.text();
        boolean doubleQuoted = text.length() > 2 && text.startsWith("\"") && text.endsWith("\"");
        // MySQL's "2.1.0" is a string, which stringValue leaves between its quotes
        String version = token.type() == TokenType.STRING ? doubleQuoted ? text.substring(1, text.length() - 1)
                : token.stringValue()
                : token.type() == TokenType.NUMBER ? text
                : token.type() == TokenType.QUOTED_NAME && doubleQuoted
                        && text.substring(1, text.length() - 1).matches("\\d[\\w.-]*")
                        ? text.substring(1, text.length() - 1) : "";
        // A label's clauses are joined by ", ": a version holding a comma would cut its block's label short.
        return version.isBlank() || version.contains(",") ? Optional.empty() : Optional.of(version);
    }

    private static String name(Token token) {
        return ObjectNames.normalize(token.text());
    }
}
