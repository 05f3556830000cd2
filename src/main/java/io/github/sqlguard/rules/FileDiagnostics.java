package io.github.sqlguard.rules;

import io.github.sqlguard.model.Diagnostics;
import io.github.sqlguard.model.RuleInfo;
import java.util.List;

/**
 * The file diagnostics under the names the statement checker has always used; their definitions live in the
 * one catalogue, {@link Diagnostics}.
 */
public final class FileDiagnostics {

    public static final RuleInfo UNREADABLE_FILE = Diagnostics.UNREADABLE_FILE;
    public static final RuleInfo INVALID_ENCODING = Diagnostics.INVALID_ENCODING;
    public static final RuleInfo UNTERMINATED_TOKEN = Diagnostics.UNTERMINATED_TOKEN;
    public static final RuleInfo MALFORMED_CHANGELOG = Diagnostics.MALFORMED_CHANGELOG;
    public static final RuleInfo MISSING_INCLUDE = Diagnostics.MISSING_INCLUDE;
    public static final RuleInfo ANALYSIS_FAILED = Diagnostics.ANALYSIS_FAILED;

    private FileDiagnostics() {
    }

    public static List<RuleInfo> all() {
        return Diagnostics.FILE;
    }
}
