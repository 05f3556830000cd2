package io.github.sqlguard.suppress;

import java.util.Comparator;

/**
 * One line of the baseline file: {@code count} identical statements of {@code file} with a finding of
 * {@code rule} that are accepted as they are.
 *
 * @param file the project-relative path, forward slashes
 * @param rule the rule id
 * @param fingerprint {@link Fingerprint#of} the rule, file and statement text
 * @param count how many findings with this fingerprint the entry accepts, at least 1
 * @param statement the statement's first line, only a hint for the human reading the file (may be empty)
 */
public record BaselineEntry(String file, String rule, String fingerprint, int count, String statement) {

    /** The order of the file: by file, rule, fingerprint, so it diffs well. */
    public static final Comparator<BaselineEntry> FILE_ORDER = Comparator.comparing(BaselineEntry::file)
            .thenComparing(BaselineEntry::rule)
            .thenComparing(BaselineEntry::fingerprint);

    public BaselineEntry {
        if (count < 1) {
            throw new IllegalArgumentException("a baseline entry counts at least 1 finding, not " + count);
        }
        statement = statement == null ? "" : statement;
    }

    /** The key that findings are matched by. */
    String key() {
        return key(file, rule, fingerprint);
    }

    static String key(String file, String rule, String fingerprint) {
        return file + '\u0000' + rule + '\u0000' + fingerprint;
    }

    BaselineEntry withCount(int newCount) {
        return new BaselineEntry(file, rule, fingerprint, newCount, statement);
    }
}
