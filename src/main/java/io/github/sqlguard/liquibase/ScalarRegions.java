package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.LineIndex;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Where the characters of a YAML changelog's scalars stand in the file, so that the SQL in them is split, and its
 * findings placed, as Liquibase sends it: block scalars start on the line after their indicator, folding joins lines
 * with spaces, and a quoted value with escapes is decoded.
 */
final class ScalarRegions {

    private final String text;
    private final LineIndex lines;

    ScalarRegions(String text, LineIndex lines) {
        this.text = text;
        this.lines = lines;
    }

    /**
     * Where a scalar's characters sit in the file. Block scalars start on the line after their indicator;
     * their indentation is whitespace to the splitter. A quoted value with escapes does not sit verbatim in
     * the file: it is split as decoded text, each character placed where it stands in the file.
     */
    TextRegion of(ScalarNode scalar) {
        String value = scalar.getValue();
        if (value == null || value.isBlank() || scalar.getTag().equals(Tag.NULL)) {
            return null;
        }
        Mark startMark = scalar.getStartMark();
        Mark endMark = scalar.getEndMark();
        int start = lines.offsetOfCodePointColumn(startMark.getLine() + 1, startMark.getColumn() + 1);
        int end = lines.offsetOfCodePointColumn(endMark.getLine() + 1, endMark.getColumn() + 1);
        ScalarStyle style = scalar.getScalarStyle();
        int from = start;
        int to = end;
        if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
            from = lines.lineStart(startMark.getLine() + 2);
        } else if (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED) {
            from = start + 1;
            to = end - 1;
        }
        int at = Math.min(from, text.length());
        if (style != ScalarStyle.LITERAL && from <= to && to <= text.length() && mayCommentOutFoldedLines(value)
                && text.substring(from, to).indexOf('\n') >= 0) {
            // Folding (sql: >, and a plain or quoted scalar over several lines) joins the lines with spaces, so a
            // line comment runs on over the lines after it: the SQL is split as Liquibase sends it, each character
            // placed where it stands in the file.
            int[] offsets = foldedOffsets(value, from, to);
            if (offsets != null) {
                return new TextRegion(value, 0, value.length(), lines.lineOf(at), lines.columnOf(at),
                        new DecodedPositions(offsets, lines));
            }
            if (style == ScalarStyle.FOLDED || style == ScalarStyle.PLAIN) {
                return new TextRegion(value, 0, value.length(), lines.lineOf(at), lines.columnOf(at));
            }
            // A quoted value with escapes is decoded below, which places each character too.
        }
        if (from <= to && to <= text.length() && collapse(text.substring(from, to)).equals(collapse(value))) {
            return new TextRegion(text, from, to, lines.lineOf(from), lines.columnOf(from));
        }
        if (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED) {
            Optional<QuotedScalar.Decoded> decoded = QuotedScalar.decode(text, from, to,
                    style == ScalarStyle.DOUBLE_QUOTED);
            if (decoded.isPresent() && decoded.get().text().equals(value)) {
                return new TextRegion(value, 0, value.length(), lines.lineOf(at), lines.columnOf(at),
                        new DecodedPositions(decoded.get().offsets(), lines));
            }
        }
        return new TextRegion(value, 0, value.length(), lines.lineOf(at), lines.columnOf(at));
    }

    /** True when a folded value holds a line comment (SQL's {@code --}, MySQL's {@code #}) that a join may extend. */
    private static boolean mayCommentOutFoldedLines(String value) {
        return value.contains("--") || value.contains("#");
    }

    /**
     * The file offset of each character of a folded value read from {@code text[from, to)}: its other characters
     * stand in the file in the same order, and a space that folding made stands where the line break was.
     * Null when the two do not line up.
     */
    private int[] foldedOffsets(String value, int from, int to) {
        int[] offsets = new int[value.length() + 1];
        int at = from;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                offsets[i] = Math.min(at, to);
                if (at < to && Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
                continue;
            }
            while (at < to && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at >= to || text.charAt(at) != c) {
                return null;
            }
            offsets[i] = at++;
        }
        offsets[value.length()] = Math.min(at, to);
        return offsets;
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
