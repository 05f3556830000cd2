package io.github.sqlguard.schema;

/**
 * Prisma Migrate keeps each migration in a folder of its own, {@code migrations/20230102120000_init/migration.sql}
 * ({@code 01_init}, {@code 0_init} when written by hand), and applies them in the order of the folders' names as text
 * (JavaScript's {@code localeCompare}), not by the numbers in them: {@code 10_x} runs before {@code 9_y}, and
 * {@code 1_init} before {@code 10_x}. Generated timestamps all have 14 digits, so only hand-numbered folders differ
 * from {@link NumberedPathOrder}'s reading.
 */
final class PrismaMigrationFolders {

    private static final String SCRIPT = "/migration.sql";
    /** Above every ASCII punctuation mark, which the locale's order puts before digits. */
    private static final char DIGITS = '\u0100';
    /** Above the digits: the locale's order puts letters after digits, and a before B. */
    private static final char LETTERS = '\u0200';

    private PrismaMigrationFolders() {
    }

    /**
     * The path to order {@code relativePath} by among files in path order: for the script of a Prisma migration
     * folder, named {@code {number}_{name}}, its folder's name rewritten so that comparing it character by
     * character (no run of digits is left to count by value) follows the locale's order; any other path as it is.
     */
    static String orderKey(String relativePath) {
        if (!relativePath.endsWith(SCRIPT)) {
            return relativePath;
        }
        int end = relativePath.length() - SCRIPT.length();
        int start = relativePath.lastIndexOf('/', end - 1) + 1;
        int digits = start;
        while (digits < end && Character.isDigit(relativePath.charAt(digits))) {
            digits++;
        }
        if (digits == start || digits == end || relativePath.charAt(digits) != '_') {
            return relativePath; // not {number}_{name}: upgrade/9/migration.sql counts by value
        }
        StringBuilder key = new StringBuilder(relativePath.length()).append(relativePath, 0, start);
        for (int i = start; i < end; i++) {
            char c = relativePath.charAt(i);
            if (c >= '0' && c <= '9') {
                key.append((char) (DIGITS + c - '0'));
            } else if (c < 128 && Character.isLetter(c)) {
                key.append((char) (LETTERS + Character.toLowerCase(c) - 'a'));
            } else {
                key.append(c);
            }
        }
        return key.append(SCRIPT).toString();
    }
}
