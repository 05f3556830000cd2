package io.github.sqlguard.schema;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL extension update script that goes down a version: {@code ext--2.15.0--2.14.2.sql} (or, in a source
 * tree that adds the prefix at build time, {@code 2.15.0--2.14.2.sql}). {@code ALTER EXTENSION .. UPDATE} runs
 * such a script only to leave the version the script of the opposite direction installed, so on the way up it is
 * no step of the history: it reverses {@code ext--2.14.2--2.15.0.sql}, as a down script reverses its up script.
 */
final class ExtensionDowngrade {

    /** {@code [name--]from--to.sql}, each version made of numbers and dots. */
    private static final Pattern UPDATE_SCRIPT = Pattern.compile(
            "(?i)((?:[^/\\\\]*--)?)(\\d+(?:\\.\\d+)*)--(\\d+(?:\\.\\d+)*)(\\.sql)$");

    private ExtensionDowngrade() {
    }

    /** The path of the update script that {@code relativePath} reverses, when it is a downgrade. */
    static Optional<String> upScript(String relativePath) {
        int nameStart = Math.max(relativePath.lastIndexOf('/'), relativePath.lastIndexOf('\\')) + 1;
        Matcher name = UPDATE_SCRIPT.matcher(relativePath.substring(nameStart));
        if (!name.matches() || compare(name.group(2), name.group(3)) <= 0) {
            return Optional.empty();
        }
        return Optional.of(relativePath.substring(0, nameStart) + name.group(1) + name.group(3) + "--"
                + name.group(2) + name.group(4));
    }

    /** Compares dotted versions number by number, a missing number counting as 0 ({@code 2.1} is {@code 2.1.0}). */
    private static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int byNumber = new java.math.BigInteger(i < left.length ? left[i] : "0")
                    .compareTo(new java.math.BigInteger(i < right.length ? right[i] : "0"));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return 0;
    }
}
