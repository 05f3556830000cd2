package io.github.sqlguard;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A run of the linter over a project's {@code db} folder with every default but the dialect. */
final class ProjectLint {

    private ProjectLint() {
    }

    /**
     * The places and guards ({@link #placeAndGuard}) of the findings of {@code sql}, written as
     * {@code db/V1__change.sql} with a line break after each {@code "; "}.
     */
    static List<String> placesAndGuardsOfOneScript(Path project, Dialect dialect, String sql) throws IOException {
        Path file = project.resolve("db/V1__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql.strip().replace("; ", ";\n") + "\n", StandardCharsets.UTF_8);
        return findings(project, dialect).stream().map(ProjectLint::placeAndGuard).toList();
    }

    /** The findings of {@code sql} written as {@code db/V1__change.sql}, beside whatever else the folder holds. */
    static List<Finding> findingsOfScript(Path project, Dialect dialect, String sql) throws IOException {
        Path file = project.resolve("db/V1__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
        return findings(project, dialect);
    }

    /**
     * The findings of {@code sql}, written as {@code db/V2__change.sql} after {@code schema} as {@code
     * db/V1__schema.sql}: the tables come from an earlier migration, as tables the same script creates are scratch
     * tables.
     */
    static List<Finding> findingsAfterSchema(Path project, Dialect dialect, String schema, String sql)
            throws IOException {
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(project.resolve("db/V1__schema.sql"), schema, StandardCharsets.UTF_8);
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        return findings(project, dialect).stream().filter(f -> f.location().path().contains("V2")).toList();
    }

    /** {@code "line:column rule message"}. */
    static String placeAndMessage(Finding finding) {
        return finding.location().line() + ":" + finding.location().column() + " " + finding.ruleId() + " "
                + finding.message();
    }

    static List<Finding> findings(Path project, Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 1)).findings();
    }

    /** {@code "line:column rule SEVERITY"}, followed by what guards it when something does. */
    static String placeAndGuard(Finding finding) {
        String message = finding.message();
        int guarded = message.indexOf("(guarded: ");
        return finding.location().line() + ":" + finding.location().column() + " " + finding.ruleId() + " "
                + finding.severity() + (guarded < 0 ? "" : " " + message.substring(guarded + 10,
                        closingParenthesis(message, guarded)));
    }

    /** Where the parenthesis opened at {@code open} closes: a note on what guards may itself hold parentheses. */
    private static int closingParenthesis(String message, int open) {
        int depth = 0;
        for (int i = open; i < message.length(); i++) {
            depth += message.charAt(i) == '(' ? 1 : message.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return message.length();
    }
}
