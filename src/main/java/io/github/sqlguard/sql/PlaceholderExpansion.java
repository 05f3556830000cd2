package io.github.sqlguard.sql;

import io.github.sqlguard.model.LineIndex;
import io.github.sqlguard.model.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A region of a script with every placeholder that has a value replaced by that value, as Flyway and Liquibase
 * replace them in the whole text before the database sees it: a value may hold several tokens ({@code
 * DELETE FROM orders}, {@code WHERE id = 7}), so it has to be split and judged as text, not as one token.
 * Placeholders without a value stay as written. The expanded text is split on its own, and every position is
 * then moved back to the file: text outside a replacement keeps its exact line and column, and everything a
 * replacement produced stands at the placeholder that produced it.
 */
final class PlaceholderExpansion {

    /** {@code [expandedFrom, expandedTo)} of the expanded text replaced {@code [fileFrom, fileTo)} of the file. */
    private record Replacement(int expandedFrom, int expandedTo, int fileFrom, int fileTo) {
    }

    private final String file;
    private final int from;
    private final int to;
    private final int line;
    private final int column;
    private final String expanded;
    private final List<Replacement> replacements;
    private final int[] lineStarts;

    private PlaceholderExpansion(String file, int from, int to, int line, int column, String expanded,
            List<Replacement> replacements) {
        this.file = file;
        this.from = from;
        this.to = to;
        this.line = line;
        this.column = column;
        this.expanded = expanded;
        this.replacements = replacements;
        this.lineStarts = lineStartsOf(file, from, to);
    }

    /** The expansion of {@code text[from, to)}, or empty when no placeholder in it has a value. */
    static Optional<PlaceholderExpansion> of(String text, int from, int to, int line, int column,
            Placeholders placeholders) {
        if (placeholders.values().isEmpty()) {
            return Optional.empty();
        }
        String prefix = placeholders.prefix();
        StringBuilder out = null;
        List<Replacement> replacements = new ArrayList<>();
        int copied = from;
        int at = text.indexOf(prefix, from);
        while (at >= 0 && at < to) {
            int end = LexicalShapes.placeholderEnd(text, at, to, prefix, placeholders.suffix());
            String value = end < 0 ? null : placeholders.values().get(
                    text.substring(at + prefix.length(), end - placeholders.suffix().length()));
            if (value == null) {
                at = text.indexOf(prefix, at + 1);
                continue;
            }
            if (out == null) {
                out = new StringBuilder(to - from + value.length());
            }
            out.append(text, copied, at);
            int expandedFrom = out.length();
            out.append(value);
            replacements.add(new Replacement(expandedFrom, out.length(), at, end));
            copied = end;
            at = text.indexOf(prefix, end);
        }
        if (out == null) {
            return Optional.empty();
        }
        out.append(text, copied, to);
        return Optional.of(new PlaceholderExpansion(text, from, to, line, column, out.toString(), replacements));
    }

    /**
     * The region {@code text[from, to)} with each use of a client tool's variable in {@code uses} (in text order)
     * replaced by its value: SQL*Plus substitution after DEFINE ({@link SqlPlusDefines}), sqlcmd {@code $(name)}
     * after {@code :setvar} ({@link SqlcmdVariables}); empty when there is none.
     */
    static Optional<PlaceholderExpansion> ofToolVariables(String text, int from, int to, int line, int column,
            List<ToolVariableUse> uses) {
        if (uses.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(to - from);
        List<Replacement> replacements = new ArrayList<>();
        int copied = from;
        for (ToolVariableUse use : uses) {
            out.append(text, copied, use.from());
            int expandedFrom = out.length();
            out.append(use.value());
            replacements.add(new Replacement(expandedFrom, out.length(), use.from(), use.to()));
            copied = use.to();
        }
        out.append(text, copied, to);
        return Optional.of(new PlaceholderExpansion(text, from, to, line, column, out.toString(), replacements));
    }

    /** The region's text with the values in, to be split from offset 0 at line 1, column 1. */
    String text() {
        return expanded;
    }

    /** {@code script}, split from the expanded text, with the file's offsets, lines and columns. */
    Script toFile(Script script, Lexer lexer) {
        List<Statement> statements = new ArrayList<>(script.statements().size());
        for (Statement statement : script.statements()) {
            List<Token> tokens = statement.tokens().stream().map(this::token).toList();
            Token first = tokens.get(0);
            statements.add(new Statement(statement.sql(), new Location(
                    statement.start().path(), first.line(), first.column()), tokens, statement.context(),
                    statement.dialect(), statement.container(), writtenText(statement, lexer),
                    statement.runtimeSql(), statement.unvaluedPlaceholders()));
        }
        List<Token> comments = script.comments().stream().map(this::token).toList();
        Optional<LexError> error = script.lexError().map(e -> {
            int offset = fileOffset(expandedOffset(e.line(), e.column()));
            return new LexError(e.what(), lineOf(offset), columnOf(offset));
        });
        return new Script(statements, comments, error);
    }

    /**
     * The statement's tokens as written in the file, placeholders unreplaced, when a replacement touched it;
     * else what the split said of it: null when its tokens are the file's own.
     */
    private String writtenText(Statement statement, Lexer lexer) {
        int start = statement.firstToken().offset();
        int end = statement.tokens().get(statement.tokens().size() - 1).endOffset();
        boolean touched = replacements.stream().anyMatch(r -> r.expandedFrom() < end && start < r.expandedTo());
        if (!touched) {
            return statement.written();
        }
        int fileStart = fileOffset(start);
        int fileEnd = Math.max(fileStart, fileEnd(end));
        StringBuilder written = new StringBuilder();
        for (Token token : lexer.tokenize(file, fileStart, fileEnd, 1, 1).tokens()) {
            if (token.type() != TokenType.COMMENT) {
                written.append(written.length() > 0 ? " " : "").append(token.text());
            }
        }
        return written.toString();
    }

    private Token token(Token token) {
        int offset = fileOffset(token.offset());
        return new Token(token.type(), token.text(), offset, lineOf(offset), columnOf(offset));
    }

    /** The file offset of an expanded offset: inside a replacement, the placeholder's own start. */
    private int fileOffset(int expandedOffset) {
        int shift = from;
        for (Replacement r : replacements) {
            if (expandedOffset < r.expandedFrom()) {
                break;
            }
            if (expandedOffset < r.expandedTo()) {
                return r.fileFrom();
            }
            shift = r.fileTo() - r.expandedTo();
        }
        return Math.min(to, expandedOffset + shift);
    }

    /** The file offset of an expanded end offset: the end of a replacement is the end of its placeholder. */
    private int fileEnd(int expandedEnd) {
        for (Replacement r : replacements) {
            if (r.expandedFrom() < expandedEnd && expandedEnd <= r.expandedTo()) {
                return r.fileTo();
            }
        }
        return fileOffset(expandedEnd);
    }

    private int expandedOffset(int expandedLine, int expandedColumn) {
        int offset = 0;
        for (int l = 1; l < expandedLine && offset < expanded.length(); offset++) {
            if (LineIndex.endsLine(expanded, offset, expanded.length())) {
                l++;
            }
        }
        return Math.min(expanded.length(), offset + Math.max(0, expandedColumn - 1));
    }

    private int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return line + (found >= 0 ? found : -found - 2);
    }

    private int columnOf(int offset) {
        int index = lineOf(offset) - line;
        if (index > 0) {
            return offset - lineStarts[index] + 1;
        }
        // The lexer steps over a byte-order mark at the start of the region without counting a column.
        boolean bom = from < file.length() && file.charAt(from) == '\uFEFF' && offset > from;
        return column + offset - from - (bom ? 1 : 0);
    }

    /** The offsets where the region's lines start: the region's own start, then each line after a break. */
    private static int[] lineStartsOf(String text, int from, int to) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = from;
        for (int i = from; i < to; i++) {
            if (LineIndex.endsLine(text, i, to)) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }
}
