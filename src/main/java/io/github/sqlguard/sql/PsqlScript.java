package io.github.sqlguard.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What psql reads in a PostgreSQL script besides SQL: backslash meta-commands ({@code \connect db},
 * {@code \set x 1}, {@code \gexec}), which end at their line's end without a {@code ;}, and the rows that
 * {@code COPY .. FROM STDIN} and {@code \copy .. from stdin} read from the script itself, up to a line holding
 * only {@code \.} (pg_dump writes table data this way; Flyway reads it the same).
 */
final class PsqlScript {

    /** The meta-commands that send the query typed before them, so they belong to that statement. */
    private static final Set<String> SENDING_COMMANDS = Set.of("g", "gx", "gexec", "gset", "gdesc",
            "crosstabview", "watch");

    private PsqlScript() {
    }

    /** True when a meta-command, a {@code \} glued to a word, starts at {@code code[i]}. */
    static boolean isMetaCommand(List<Token> code, int i, int size) {
        return i + 1 < size && code.get(i).isSymbol("\\") && code.get(i + 1).type() == TokenType.WORD
                && code.get(i + 1).offset() == code.get(i).endOffset();
    }

    /** True for {@code \g}, {@code \gexec} and the others that run the query before them on its line. */
    static boolean sendsQueryBuffer(List<Token> code, int i) {
        return SENDING_COMMANDS.contains(code.get(i + 1).text().toLowerCase(Locale.ROOT));
    }

    /**
     * The index of the first token after the meta-command at {@code code[i]}: on the next line, or after a
     * {@code \\} on the same line, which psql reads as the end of the meta-commands before it.
     */
    static int afterCommandLine(List<Token> code, int i, int size) {
        int line = code.get(i).line();
        int next = i + 1;
        while (next < size && code.get(next).line() == line) {
            Token token = code.get(next);
            next++;
            if (token.isSymbol("\\") && next < size && code.get(next).isSymbol("\\")
                    && code.get(next).offset() == token.endOffset()) {
                return next + 1;
            }
        }
        return next;
    }

    /**
     * True when {@code tokens[from..]} is a {@code COPY .. FROM STDIN} statement or a {@code \copy .. from stdin}
     * meta-command, whose rows follow in the script.
     */
    static boolean readsRowsFromScript(List<Token> tokens, int from) {
        int first = nextCode(tokens, from);
        if (first >= tokens.size()) {
            return false;
        }
        boolean copy = tokens.get(first).isWord("COPY") || isMetaCommand(tokens, first, tokens.size())
                && tokens.get(first + 1).isWord("copy");
        if (!copy) {
            return false;
        }
        for (int i = nextCode(tokens, first + 1); i < tokens.size(); i = nextCode(tokens, i + 1)) {
            int after = nextCode(tokens, i + 1);
            if (tokens.get(i).isWord("FROM") && after < tokens.size() && tokens.get(after).isWord("STDIN")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the statement that the {@code ;} last in {@code tokens} ends is a {@code COPY .. FROM STDIN};
     * it starts after the separator before it, and not before {@code notBefore}.
     */
    static boolean endsCopyFromStdin(List<Token> tokens, int notBefore) {
        int start = tokens.size() - 1;
        while (start > notBefore && !StatementEnd.isSeparator(tokens.get(start - 1))) {
            start--;
        }
        return readsRowsFromScript(tokens, start);
    }

    /** True for a line (without its line break) that ends COPY data: {@code \.} alone, trailing blanks allowed. */
    static boolean isEndOfData(String text, int lineStart, int lineEnd) {
        return lineEnd - lineStart >= 2 && text.startsWith("\\.", lineStart)
                && text.substring(lineStart + 2, lineEnd).isBlank();
    }

    private static int nextCode(List<Token> tokens, int from) {
        int i = from;
        while (i < tokens.size() && tokens.get(i).type() == TokenType.COMMENT) {
            i++;
        }
        return i;
    }
}
