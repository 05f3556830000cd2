package io.github.sqlguard.suppress;

import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code sqlguard:allow} or {@code sqlguard:allow-file} comment, read from a {@code --}, {@code #} or
 * block comment.
 *
 * @param comment the comment token as written
 * @param fileWide true for {@code sqlguard:allow-file}
 * @param ruleIds the rule ids it names, lower case, in order of appearance
 * @param reason the stated reason with whitespace collapsed, or empty when none was given
 */
public record AllowComment(Token comment, boolean fileWide, List<String> ruleIds, String reason) {

    // Tolerant of spacing ("sqlguard : allow") and case; the directive must open the comment so that prose
    // which merely mentions sqlguard:allow is not taken for one.
    private static final Pattern DIRECTIVE =
            Pattern.compile("(?is)^sqlguard\\s*:\\s*allow(-file)?(?=\\s|,|$)(.*)$");
    private static final Pattern REASON_MARKER = Pattern.compile("(?i)\\breason\\s*:");
    private static final Pattern LEADING_ID_LIST =
            Pattern.compile("^\\s*([A-Za-z0-9_-]+(?:\\s*,\\s*[A-Za-z0-9_-]+)*)");

    public AllowComment {
        ruleIds = List.copyOf(ruleIds);
        reason = reason == null ? "" : reason;
    }

    /** The acknowledgement in {@code comment}, or empty when the comment is not a sqlguard directive. */
    public static Optional<AllowComment> parse(Token comment) {
        if (comment.type() != TokenType.COMMENT) {
            return Optional.empty();
        }
        Matcher directive = DIRECTIVE.matcher(bodyOf(comment.text()));
        if (!directive.matches()) {
            return Optional.empty();
        }
        boolean fileWide = directive.group(1) != null;
        String rest = directive.group(2);
        Matcher marker = REASON_MARKER.matcher(rest);
        List<String> ids = new ArrayList<>();
        String reason = "";
        if (marker.find()) {
            // With an explicit "reason:" everything before it is the id list; a forgotten comma is forgiven.
            addIds(rest.substring(0, marker.start()), "[,\\s]+", ids);
            reason = rest.substring(marker.end()).strip().replaceAll("\\s+", " ");
        } else {
            // Without it, only a leading comma-separated list counts as ids: the prose after it is a reason
            // written without its "reason:" label, not a list of misspelt rule ids.
            Matcher list = LEADING_ID_LIST.matcher(rest);
            if (list.find()) {
                addIds(list.group(1), "\\s*,\\s*", ids);
            }
        }
        return Optional.of(new AllowComment(comment, fileWide, ids, reason));
    }

    /** True when a non-blank reason was given; only then does the comment acknowledge anything. */
    public boolean hasReason() {
        return !reason.isBlank();
    }

    /** Where the comment starts in the file at {@code path}. */
    public Location location(String path) {
        return new Location(path, comment.line(), comment.column());
    }

    /** The first line of the comment, for excerpts. */
    public String firstLine() {
        return comment.text().lines().findFirst().orElse("").strip();
    }

    /** The directive as users write it, for messages. */
    public String directive() {
        return fileWide ? "sqlguard:allow-file" : "sqlguard:allow";
    }

    private static void addIds(String text, String separator, List<String> ids) {
        for (String id : text.strip().split(separator)) {
            if (!id.isBlank()) {
                ids.add(id.strip().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The comment text without its markers, stripped. */
    static String bodyOf(String text) {
        String body;
        if (text.startsWith("/*")) {
            body = text.endsWith("*/") && text.length() >= 4 ? text.substring(2, text.length() - 2) : text.substring(2);
            // "/** sqlguard:allow ..." and " * " continuation prefixes of block comments.
            body = body.strip();
            while (body.startsWith("*")) {
                body = body.substring(1).strip();
            }
        } else if (text.startsWith("--")) {
            body = text.substring(2);
        } else if (text.startsWith("#")) {
            body = text.substring(1);
        } else {
            body = text;
        }
        return body.strip();
    }
}
