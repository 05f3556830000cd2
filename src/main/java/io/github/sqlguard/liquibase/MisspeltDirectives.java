package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Diagnostics;
import io.github.sqlguard.model.EditDistance;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the comment lines of a formatted-SQL changelog that misspell a directive: {@code --preconditions-sql-check},
 * {@code --precondition sql-check}, {@code --precondtions onFail:MARK_RAN}, {@code --rolback DROP TABLE t}.
 * Liquibase takes a line it does not know for a comment of the changeset's SQL (one that begins with
 * {@code --preconditions} for a {@code --preconditions} line, whatever follows), without a word, so the guard,
 * rollback or property the author wrote does not exist. Each is reported at {@code WARNING} with the spelling
 * meant. A line counts when it is written like a directive: {@code --} right before the word, or a setting
 * ({@code onFail:MARK_RAN}) after it, so prose ({@code -- comments below}) is left alone. The changeset headers
 * and {@code --precondition-x} lines Liquibase refuses are {@link MisspeltChangesetHeaders}' and
 * {@link RefusedPreconditionLines}'.
 */
final class MisspeltDirectives {

    private static final Pattern COMMENT_WORD = Pattern.compile("^\\s*--(\\s*)([A-Za-z][A-Za-z0-9-]*)(.*)$");
    private static final Pattern SETTING = Pattern.compile("\\b\\w+:\\S");
    private static final Pattern NEXT_WORD = Pattern.compile("^\\s+([A-Za-z][A-Za-z0-9-]*)");
    private static final List<String> DIRECTIVES = List.of("liquibase", "rollback", "preconditions",
            "precondition-sql-check", "precondition-table-exists", "precondition-view-exists", "comment",
            "validCheckSum", "ignoreLines", "property", "include", "includeAll");

    private MisspeltDirectives() {
    }

    /** One finding per such line of {@code text}, in line order. */
    static List<Finding> in(String relativePath, String text) {
        List<Finding> found = new ArrayList<>();
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher line = COMMENT_WORD.matcher(lines[i]);
            if (!line.matches()) {
                continue;
            }
            String word = line.group(2);
            String lower = word.toLowerCase(Locale.ROOT);
            if (isKnown(lower) || lower.startsWith("changeset") || lower.startsWith("precondition-")
                    || lower.equals("comments")) {
                continue; // known, or reported by the readers of headers and preconditions (Liquibase refuses them)
            }
            Matcher next = NEXT_WORD.matcher(line.group(3));
            Optional<String> joined = next.find() ? exactly(lower + "-" + next.group(1).toLowerCase(Locale.ROOT))
                    : Optional.empty();
            boolean directiveLike = line.group(1).isEmpty() || SETTING.matcher(word + line.group(3)).find();
            Optional<String> meant = joined.or(() -> directiveLike ? closest(lower) : Optional.empty());
            if (meant.isPresent()) {
                found.add(misspelt(relativePath, i + 1, lines[i].indexOf('-') + 1, lines[i].strip(), meant.get(),
                        lower.startsWith("preconditions")));
            }
        }
        return found;
    }

    private static boolean isKnown(String word) {
        return DIRECTIVES.stream().anyMatch(known -> known.equalsIgnoreCase(word));
    }

    private static Optional<String> exactly(String word) {
        return DIRECTIVES.stream().filter(known -> known.equalsIgnoreCase(word)).findFirst();
    }

    /** The directive one slip away (two in a long name), with or without its hyphens. */
    private static Optional<String> closest(String word) {
        return DIRECTIVES.stream()
                .filter(known -> distance(word, known) <= (known.length() < 8 ? 1 : 2))
                .min(Comparator.comparingInt(known -> distance(word, known)));
    }

    private static int distance(String word, String known) {
        String lowerKnown = known.toLowerCase(Locale.ROOT);
        return Math.min(EditDistance.between(word, lowerKnown, true),
                EditDistance.between(word.replace("-", ""), lowerKnown.replace("-", ""), true));
    }

    private static Finding misspelt(String path, int line, int column, String text, String meant,
            boolean readAsPreconditions) {
        return Finding.of(Diagnostics.MALFORMED_CHANGELOG.id(), Severity.WARNING, new Location(path, line, column),
                "'" + text + "' is no directive Liquibase knows (did you mean --" + meant + "?): Liquibase "
                        + (readAsPreconditions ? "reads it as a --preconditions line and drops the rest of it"
                                : "passes it over as a comment")
                        + " without a word, so what it states never takes effect",
                "Write it as --" + meant + ", the spelling Liquibase reads.", "");
    }
}
