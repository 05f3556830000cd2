package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.LineIndex;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.LexError;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * Where the characters of a decoded scalar stand in the file. A region carrying this is split as decoded
 * text from line 1, column 1, and every position the splitter produced is then moved to the file.
 *
 * @param fileOffsets the file offset of each decoded character, plus one entry for the end
 * @param fileLines the line index of the whole file
 */
record DecodedPositions(int[] fileOffsets, LineIndex fileLines) {

    /** {@code script}, split from the decoded text, with the file's offsets, lines and columns. */
    Script toFile(Script script, String decoded) {
        LineIndex decodedLines = new LineIndex(decoded);
        List<Statement> statements = script.statements().stream().map(s -> new Statement(s.sql(),
                location(s.start().path(), decodedLines, s.start().line(), s.start().column()),
                s.tokens().stream().map(this::token).toList(), s.context(), s.dialect(), s.container(),
                s.written(), s.runtimeSql(), s.unvaluedPlaceholders())).toList();
        List<Token> comments = script.comments().stream().map(this::token).toList();
        Optional<LexError> error = script.lexError().map(e -> {
            int offset = fileOffset(decodedOffset(decodedLines, e.line(), e.column()));
            return new LexError(e.what(), fileLines.lineOf(offset), fileLines.columnOf(offset));
        });
        return new Script(statements, comments, error);
    }

    private Token token(Token token) {
        int offset = fileOffset(token.offset());
        return new Token(token.type(), token.text(), offset, fileLines.lineOf(offset), fileLines.columnOf(offset));
    }

    private Location location(String path, LineIndex decodedLines, int line, int column) {
        int offset = fileOffset(decodedOffset(decodedLines, line, column));
        return new Location(path, fileLines.lineOf(offset), fileLines.columnOf(offset));
    }

    private static int decodedOffset(LineIndex decodedLines, int line, int column) {
        return decodedLines.lineStart(line) + Math.max(0, column - 1);
    }

    private int fileOffset(int decodedOffset) {
        return fileOffsets[Math.max(0, Math.min(decodedOffset, fileOffsets.length - 1))];
    }
}
