package io.github.sqlguard.suppress;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A stable identity of a finding that survives reformatting: the rule id, the file path and the statement
 * text normalised so that whitespace, comments and the case of keywords and identifiers do not matter,
 * while string literals, quoted names and dollar-quoted bodies count exactly as written. Line numbers
 * never enter, so inserting lines above a statement keeps its fingerprint.
 */
public final class Fingerprint {

    /** Hex digits kept from the SHA-256: 64 bits, ample for the findings of one project. */
    private static final int LENGTH = 16;

    /** Never used itself, only copied: a digest keeps state while it hashes. */
    private static final MessageDigest SHA_256 = newSha256();

    private Fingerprint() {
    }

    /**
     * The fingerprint of a {@code ruleId} diagnostic saying that {@code uncheckedText} of the file {@code path}
     * could not be checked (an unterminated comment or string and what it swallowed, a changelog that cannot be
     * parsed). It covers that text as written, comments included, since a comment left open may hide
     * statements; only runs of whitespace are folded, so line ends do not matter. An edit there changes it,
     * so a baseline entry accepted for the old text no longer covers what the edit added.
     */
    public static String ofUncheckedText(String ruleId, String path, String uncheckedText) {
        String folded = uncheckedText.strip().replaceAll("\\s+", " ");
        return of(ruleId, path, "unchecked text " + sha256(folded));
    }

    /** Each finding with its fingerprint, made from the text of the statement it stands on. */
    public static List<Finding> attach(List<Finding> findings, Map<Location, String> statementSql) {
        return findings.stream().map(f -> f.withFingerprint(of(f.ruleId(), f.location().path(),
                statementSql.getOrDefault(f.location(), "")))).toList();
    }

    /** The fingerprint of a {@code ruleId} finding on {@code statementSql} in the file {@code path}. */
    public static String of(String ruleId, String path, String statementSql) {
        String identity = ruleId + '\u0000' + path.replace('\\', '/') + '\u0000' + normalize(statementSql);
        return sha256(identity).substring(0, LENGTH);
    }

    private static String sha256(String text) {
        try {
            // A copy of one looked-up digest: finding the provider anew for each of thousands of findings costs
            // more than hashing their statements.
            MessageDigest digest = (MessageDigest) SHA_256.clone();
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            return HexFormat.of().formatHex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The statement text as the fingerprint sees it: comments dropped, text outside literals lower-cased,
     * whitespace kept only where it separates two words or two operator characters, trailing
     * {@code ;} removed.
     */
    public static String normalize(String sql) {
        String text = sql == null ? "" : sql;
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int literalEnd = literalEnd(text, i);
            if (Character.isWhitespace(c)) {
                pendingSpace = true;
                i++;
            } else if (text.startsWith("--", i)) {
                pendingSpace = true;
                i = lineEnd(text, i);
            } else if (text.startsWith("/*", i)) {
                pendingSpace = true;
                i = blockCommentEnd(text, i);
            } else if (literalEnd > i) {
                appendSeparated(out, pendingSpace, text.charAt(i));
                out.append(text, i, literalEnd);
                pendingSpace = false;
                i = literalEnd;
            } else {
                appendSeparated(out, pendingSpace, c);
                // Folding through upper case maps every spelling of a letter (Greek final sigma included)
                // to one lower-case form.
                int codePoint = text.codePointAt(i);
                out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(codePoint)));
                pendingSpace = false;
                i += Character.charCount(codePoint);
            }
        }
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == ';' || out.charAt(end - 1) == ' ')) {
            end--;
        }
        return out.substring(0, end);
    }

    private static void appendSeparated(StringBuilder out, boolean pendingSpace, char next) {
        if (pendingSpace && !out.isEmpty()) {
            char last = out.charAt(out.length() - 1);
            // Only where removing the space would glue two words, or two operators ("- -" is not "--").
            if (isWordChar(last) && isWordChar(next) || isOperatorChar(last) && isOperatorChar(next)) {
                out.append(' ');
            }
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c == '#' || c == '\''
                || c == '"' || c == '`';
    }

    private static boolean isOperatorChar(char c) {
        return "<>=!-+*/|&%^~:?".indexOf(c) >= 0;
    }

    /** The index after the literal starting at {@code i}, or {@code i} when none starts there. */
    private static int literalEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            // PostgreSQL E'..' strings escape with a backslash: E'it\'s'.
            boolean backslashEscapes = c == '\'' && i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                    && (i == 1 || !isWordChar(text.charAt(i - 2)));
            int j = i + 1;
            while (j < text.length()) {
                if (backslashEscapes && text.charAt(j) == '\\') {
                    j += 2;
                    continue;
                }
                if (text.charAt(j) == c) {
                    // A doubled quote is an escaped quote inside the literal.
                    if (j + 1 < text.length() && text.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return text.length();
        }
        // A $ inside a word (Oracle's v$session) does not open a PostgreSQL dollar quote.
        if (c == '$' && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
            int j = i + 1;
            while (j < text.length() && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '_'
                    || (j > i + 1 && Character.isDigit(text.charAt(j))))) {
                j++;
            }
            if (j < text.length() && text.charAt(j) == '$') {
                String tag = text.substring(i, j + 1);
                int close = text.indexOf(tag, j + 1);
                return close < 0 ? text.length() : close + tag.length();
            }
        }
        return i;
    }

    /** The index after the block comment at {@code i}; nested comments nest, as in PostgreSQL and T-SQL. */
    private static int blockCommentEnd(String text, int i) {
        int depth = 0;
        int j = i;
        while (j < text.length()) {
            if (text.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (text.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return text.length();
    }

    private static int lineEnd(String text, int i) {
        int j = i;
        while (j < text.length() && text.charAt(j) != '\n' && text.charAt(j) != '\r') {
            j++;
        }
        return j;
    }
}
