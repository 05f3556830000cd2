package io.github.sqlguard.schema;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Scripts named for the step from one version to another ({@code 3.4.0_to_4.1.0_schema.mysql.sql},
 * {@code upgrade-2.3.0-to-3.0.0.sql}) run in the order of the version each one reaches. Comparing their names from
 * the start goes wrong where a word or a wildcard opens a name: {@code dnssec-3.x_to_3.4.0_schema.mysql.sql}, the
 * step up to 3.4.0 from any 3 release, would sort after every numbered step, as a letter sorts after a digit, and
 * {@code 3.x_to_3.4.0} after {@code 3.4.0_to_4.1.0}, as {@code x} sorts after {@code 4}. The version reached orders
 * such a folder as its upgrade guide does; steps that reach the same version keep the order of their names.
 */
final class UpgradeStepNames {

    /** A release: numbers, a wildcard {@code x}, or a pre-release word with its number, joined by separators. */
    private static final String VERSION = "\\d+(?:[._-](?:\\d+|[xX]|(?i:alpha|beta|pre|rc)[._-]?\\d+))*";

    /**
     * Words before the first version, the version the step starts from, {@code to}, and the version it reaches; a
     * {@code +} after a version means that release or a later one ({@code 1.4.1+_to_1.5.0}), and may stand for the
     * separator too ({@code 1.5.0+_to+1.6.0}).
     */
    private static final Pattern STEP = Pattern.compile("(?<words>(?:[A-Za-z][A-Za-z0-9]*[-_])*)(?<from>" + VERSION
            + ")\\+?[-_+]to[-_+](?<reached>" + VERSION + ")\\+?(?![0-9A-Za-z]).*");

    private UpgradeStepNames() {
    }

    /**
     * {@code path} with the version its file's step reaches set before the file name as a folder of its own
     * ({@code m/3.4.0/dnssec-3.x_to_3.4.0.sql}), and likewise the version a folder named for a step reaches before
     * that folder ({@code up/2.2/1.6_to_2.2/mysql5.sql}), as projects keep a step's script per database in a folder
     * of its own; {@code path} itself when neither is a step.
     */
    static String orderPath(String path) {
        StringBuilder ordered = new StringBuilder(path.length() + 16);
        int start = 0;
        for (int end = nextSeparator(path, 0); end >= 0; end = nextSeparator(path, start)) {
            withReached(ordered, path.substring(start, end));
            ordered.append(path.charAt(end));
            start = end + 1;
        }
        withReached(ordered, path.substring(start));
        return ordered.toString();
    }

    private static int nextSeparator(String path, int from) {
        int slash = path.indexOf('/', from);
        int backslash = path.indexOf('\\', from);
        return slash < 0 ? backslash : backslash < 0 ? slash : Math.min(slash, backslash);
    }

    /** Appends {@code part}, a folder or file name, after the version it reaches when it names a step. */
    private static void withReached(StringBuilder ordered, String part) {
        // most parts hold no "to" at all, and need no regular expression
        if (part.contains("to")) {
            var step = STEP.matcher(part);
            if (step.matches()) {
                ordered.append(step.group("reached")).append('/');
            }
        }
        ordered.append(part);
    }

    /**
     * The words, with the separator after each, that open the name of a step script before its first version
     * ({@code core-} for {@code core-6.0-to-6.1.sql}); empty when the file is no such step or its name opens with
     * the version.
     */
    static Optional<String> leadingWords(String fileName) {
        var step = STEP.matcher(fileName);
        return step.matches() && !step.group("words").isEmpty() ? Optional.of(step.group("words"))
                : Optional.empty();
    }

    /**
     * The version a step script starts from and the one it reaches ({@code 6.0} and {@code 6.1} for {@code
     * core-6.0-to-6.1.sql}); empty when the file is no such step.
     */
    static Optional<Range> range(String fileName) {
        var step = STEP.matcher(fileName);
        return step.matches() ? Optional.of(new Range(step.group("from"), step.group("reached"))) : Optional.empty();
    }

    /** The versions one step goes from and to, compared as {@link NumberedPathOrder} orders the steps. */
    record Range(String from, String reached) {
    }
}
