package io.github.sqlguard.rules;

import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;

/**
 * Diagnostics about files rather than statements: what could not be read or understood is reported, never
 * passed (fail closed). Their documentation lives here so the README and SARIF list them like rules.
 */
public final class FileDiagnostics {

    public static final RuleInfo UNREADABLE_FILE = new RuleInfo("unreadable-file", Severity.ERROR,
            "A file that should be checked cannot be read as text",
            "A migration that sqlguard cannot read is a migration nobody checked. Binary files, I/O errors, "
                    + "files over the size limit and symbolic-link loops inside the scanned folders are reported "
                    + "instead of being skipped.",
            "Fix or remove the file, exclude it with <excludes>, or raise sqlguard.maxFileSizeMb.",
            List.of(), List.of());

    public static final RuleInfo INVALID_ENCODING = new RuleInfo("invalid-encoding", Severity.WARNING,
            "A file has bytes that are invalid in the configured encoding",
            "The file was read as ISO-8859-1 instead and analysed anyway, but names and strings may be "
                    + "garbled and the database may read the script differently from what reviewers saw.",
            "Save the file in the configured encoding (sqlguard.encoding, default the project's source "
                    + "encoding) or configure the encoding it is written in.",
            List.of(), List.of());

    public static final RuleInfo UNTERMINATED_TOKEN = new RuleInfo("unterminated-token", Severity.ERROR,
            "A string, quoted name, comment or dollar quote is never closed",
            "Everything after the opening quote or comment is swallowed by it, so the statements that follow "
                    + "cannot be checked; the database would reject or misread the script as well.",
            "Close the quote or comment that starts at the reported position.",
            List.of("DELETE FROM customers WHERE name = 'acme;"), List.of("DELETE FROM customers WHERE name = 'acme';"));

    public static final RuleInfo MALFORMED_CHANGELOG = new RuleInfo("malformed-changelog", Severity.ERROR,
            "A Liquibase changelog is not well-formed XML, YAML or JSON",
            "Liquibase would refuse the changelog, and sqlguard cannot see the changes it holds; XML with "
                    + "DTDs or external entities is refused as well because reading it could leak files.",
            "Fix the syntax error at the reported line.",
            List.of(), List.of());

    public static final RuleInfo MISSING_INCLUDE = new RuleInfo("missing-include", Severity.ERROR,
            "A Liquibase include or sqlFile names a file that does not exist",
            "The included changes cannot be checked, and Liquibase would fail on the same reference.",
            "Correct the path (mind relativeToChangelogFile) or add the file.",
            List.of(), List.of());

    public static final RuleInfo ANALYSIS_FAILED = new RuleInfo("analysis-failed", Severity.ERROR,
            "sqlguard could not finish analysing a file",
            "Something in the file (a statement nested thousands of levels deep, say) made the analysis give up. "
                    + "Nothing in that file was checked, so it is reported instead of passed.",
            "Simplify the statement at fault, or exclude the file with <excludes> after checking it by hand; "
                    + "please report the message to the sqlguard project.",
            List.of(), List.of());

    private FileDiagnostics() {
    }

    public static List<RuleInfo> all() {
        return List.of(UNREADABLE_FILE, INVALID_ENCODING, UNTERMINATED_TOKEN, MALFORMED_CHANGELOG, MISSING_INCLUDE,
                ANALYSIS_FAILED);
    }
}
