package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.LineIndex;
import io.github.sqlguard.sql.Lexer;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.StatementSplitter;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Splits the SQL of a changeset, an {@code <sql>} element or an {@code sqlFile} as Liquibase would, with
 * the positions of the changelog file.
 *
 * <ul>
 *   <li>{@code splitStatements=false}: Liquibase sends the text as one statement, but most drivers then
 *       run every statement in it, so the text is still split by the SQL splitter: every statement that
 *       can run is checked.</li>
 *   <li>{@code endDelimiter} {@code ;}, {@code GO} or {@code /}, also as the usual regexes such as
 *       {@code \nGO} or {@code \n/\s*\n|\n/\s*$}, and no {@code endDelimiter}: the SQL splitter already ends
 *       statements there. Liquibase ends one at a {@code GO} or {@code /} line on every database, so where the
 *       dialect knows no such line (GO outside SQL Server, {@code /} outside Oracle) the text is cut there first:
 *       read as one statement, the {@code DROP TABLE} after the {@code GO} line went unseen.</li>
 *   <li>any other {@code endDelimiter} (e.g. {@code $$}, {@code @@}): the text is cut where the delimiter
 *       stands outside strings and comments (matched literally when it occurs literally, else as a regular
 *       expression, as Liquibase does), and every piece goes through the SQL splitter.</li>
 * </ul>
 */
final class SqlRegionSplitter {

    private static final Pattern GO_LINE = Pattern.compile("^[ \\t]*go[ \\t]*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern SLASH_LINE = Pattern.compile("^[ \\t]*/[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern GO_OR_SLASH_LINE = Pattern.compile("^[ \\t]*(?:go|/)[ \\t]*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private final StatementSplitter splitter;
    private final Lexer lexer;
    /** The separator lines Liquibase cuts at that the dialect's splitter would read as SQL; null when none. */
    private final Pattern unknownSeparatorLines;

    SqlRegionSplitter(Dialect dialect, Placeholders placeholders) {
        this.splitter = new StatementSplitter(dialect, placeholders);
        this.lexer = new Lexer(dialect, placeholders.prefix(), placeholders.suffix());
        boolean knowsGo = dialect == Dialect.AUTO || dialect == Dialect.SQLSERVER;
        boolean knowsSlash = dialect == Dialect.AUTO || dialect == Dialect.ORACLE;
        this.unknownSeparatorLines = knowsGo ? (knowsSlash ? null : SLASH_LINE)
                : knowsSlash ? GO_LINE : GO_OR_SLASH_LINE;
    }

    Script split(String path, TextRegion region, String endDelimiter, StatementContext context) {
        if (region.positions() != null) {
            // Decoded text (a quoted YAML or JSON value with escapes): split it on its own lines, then place
            // every token where its characters stand in the file.
            TextRegion decoded = new TextRegion(region.text(), region.from(), region.to(), 1, 1);
            return region.positions().toFile(split(path, decoded, endDelimiter, context), region.text());
        }
        if (splitterKnows(endDelimiter)) {
            if (unknownSeparatorLines == null || !unknownSeparatorLines.matcher(region.content()).find()) {
                return splitter.split(path, region.text(), region.from(), region.to(), region.line(),
                        region.column(), context);
            }
            return cutAt(path, region, unknownSeparatorLines, false, context);
        }
        return cutAt(path, region, patternOf(region, endDelimiter), true, context);
    }

    /**
     * Splits every piece between two matches of {@code delimiter} that stand outside strings and comments.
     *
     * @param delimiterMayOpenString true for a delimiter such as {@code $$} that the lexer also reads as the start of
     *     a string or comment: such a "string" is no protection, the delimiter wins as it does in Liquibase
     */
    private Script cutAt(String path, TextRegion region, Pattern delimiter, boolean delimiterMayOpenString,
            StatementContext context) {
        List<Statement> statements = new ArrayList<>();
        List<Token> comments = new ArrayList<>();
        Script last = null;
        int pieceStart = region.from();
        for (int[] cut : delimiterMatches(region, delimiter, delimiterMayOpenString)) {
            last = splitPiece(path, region, pieceStart, cut[0], context, statements, comments, last);
            pieceStart = cut[1];
        }
        last = splitPiece(path, region, pieceStart, region.to(), context, statements, comments, last);
        return new Script(statements, comments, last == null ? Optional.empty() : last.lexError());
    }

    private Script splitPiece(String path, TextRegion region, int from, int to, StatementContext context,
            List<Statement> statements, List<Token> comments, Script previous) {
        int[] position = positionAt(region, from);
        Script piece = splitter.split(path, region.text(), from, to, position[0], position[1], context);
        statements.addAll(piece.statements());
        comments.addAll(piece.comments());
        return previous != null && previous.lexError().isPresent() ? previous : piece;
    }

    /** Line and column of {@code offset} inside the region, counting from the region's start. */
    static int[] positionAt(TextRegion region, int offset) {
        LineIndex.Position at = LineIndex.advance(region.line(), region.column(), region.text(), region.from(), offset);
        return new int[] {at.line(), at.column()};
    }

    static boolean splitterKnows(String endDelimiter) {
        if (endDelimiter == null || endDelimiter.isBlank()) {
            return true;
        }
        String normalized = endDelimiter.toLowerCase(Locale.ROOT)
                .replace("(?i)", "").replace("(?m)", "").replace("\\n", "").replace("\\r", "")
                .replace("\\s*", "").replace("\\s+", "").replace("\\s", "").replace("^", "").replace("$", "")
                .replace("(", "").replace(")", "").replace("\\/", "/").replace("\\;", ";");
        boolean namesSeparator = false;
        for (String alternative : normalized.split("\\|", -1)) {
            String piece = alternative.strip();
            if (!piece.equals("go") && !piece.equals("/") && !piece.equals(";") && !piece.isEmpty()) {
                return false;
            }
            namesSeparator |= !piece.isEmpty();
        }
        // "$$" normalises to nothing: it is a delimiter of its own, not an anchored GO or slash.
        return namesSeparator;
    }

    /** Where the delimiter stands outside strings, quoted names and comments: {start, end} pairs. */
    private List<int[]> delimiterMatches(TextRegion region, Pattern pattern, boolean delimiterMayOpenString) {
        List<Token> protectedTokens = lexer.tokenize(region.text(), region.from(), region.to(), region.line(),
                region.column()).tokens().stream()
                .filter(t -> t.type() == TokenType.STRING || t.type() == TokenType.COMMENT
                        || t.type() == TokenType.QUOTED_NAME)
                .toList();
        Matcher matcher = pattern.matcher(region.text()).region(region.from(), region.to());
        List<int[]> cuts = new ArrayList<>();
        while (matcher.find()) {
            if (matcher.end() == matcher.start()) {
                continue;
            }
            int start = matcher.start();
            String delimiter = matcher.group();
            boolean inside = protectedTokens.stream().anyMatch(t -> t.offset() < start && start < t.endOffset()
                    && !(delimiterMayOpenString && t.text().startsWith(delimiter)));
            if (!inside) {
                cuts.add(new int[] {matcher.start(), matcher.end()});
            }
        }
        return cuts;
    }

    private static Pattern patternOf(TextRegion region, String endDelimiter) {
        if (region.content().contains(endDelimiter)) {
            return Pattern.compile(Pattern.quote(endDelimiter));
        }
        try {
            return Pattern.compile(endDelimiter, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(endDelimiter));
        }
    }
}
