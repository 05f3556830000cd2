package io.github.sqlguard.report;

import io.github.sqlguard.model.Finding;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands ({@code ::error file=..,line=..,col=..,title=..::message}) that make
 * open findings appear as annotations on the pull request diff. Acknowledged findings are not annotated.
 *
 * <p>The runner recognises a command only at the start of a line, so print these lines to standard output
 * as they are, not through the Maven logger (which prefixes {@code [INFO] }).
 */
public final class GitHubWorkflowCommands {

    /** True when the environment says the build runs on GitHub Actions. */
    public static boolean isGitHubActions(Map<String, String> environment) {
        return "true".equalsIgnoreCase(environment.getOrDefault("GITHUB_ACTIONS", ""));
    }

    /** One command line per open finding, in location order. */
    public List<String> commands(ReportData data) {
        return data.findings().stream().filter(finding -> !finding.isAcknowledged()).map(this::command).toList();
    }

    private String command(Finding finding) {
        String name = switch (finding.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
        String message = finding.hint().isBlank() ? finding.message() : finding.message() + "\n" + finding.hint();
        return "::" + name
                + " file=" + escapeProperty(finding.location().path())
                + ",line=" + finding.location().line()
                + ",col=" + finding.location().column()
                + ",title=" + escapeProperty(ReportData.TOOL_NAME + " " + finding.ruleId())
                + "::" + escapeData(message);
    }

    /** GitHub's escaping of a command's message: percent, carriage return and line feed. */
    static String escapeData(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** GitHub's escaping of a command property: as for data, plus the separators colon and comma. */
    static String escapeProperty(String value) {
        return escapeData(value).replace(":", "%3A").replace(",", "%2C");
    }
}
