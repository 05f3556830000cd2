package io.github.sqlguard.source;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells what a scanned file is from its name and text: Liquibase changelogs by their content, Flyway
 * scripts by their name, everything else of a SQL-like name as plain SQL.
 *
 * <p>Files ending in {@code .xml}, {@code .yaml}, {@code .yml} or {@code .json} are Liquibase changelogs
 * when their root is {@code databaseChangeLog}, and so are files ending in {@code .groovy} that assign or call
 * {@code databaseChangeLog} at the start of a line, else {@link SourceKind#OTHER}. Any other file is a
 * formatted-SQL changelog when its first non-blank line says so (this wins over a Flyway-like name), a
 * Flyway script when its name follows {@link FlywayNaming}, and plain SQL otherwise.
 */
public final class SourceClassifier {

    private final FlywayNaming naming;

    /** A classifier with Flyway's default naming. */
    public SourceClassifier() {
        this(FlywayNaming.DEFAULT);
    }

    public SourceClassifier(FlywayNaming naming) {
        this.naming = Objects.requireNonNull(naming, "naming");
    }

    /** Classifies a scanned file from its text as returned by {@link SourceReader}. */
    public SourceClassification classify(SourcePath file, String text) {
        return classify(file.fileName(), text);
    }

    /**
     * Classifies a file.
     *
     * @param fileName the file name, with or without directories ('/' or '\' separated)
     * @param text the file's text (a leading byte order mark is ignored)
     */
    public SourceClassification classify(String fileName, String text) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        switch (extension) {
            case "xml":
                return structured(ChangelogSignature.isXmlChangelog(text), SourceKind.LIQUIBASE_XML);
            case "yaml":
            case "yml":
                return structured(ChangelogSignature.isYamlChangelog(text), SourceKind.LIQUIBASE_YAML);
            case "json":
                return structured(ChangelogSignature.isJsonChangelog(text), SourceKind.LIQUIBASE_JSON);
            case "groovy":
                return structured(ChangelogSignature.groovyChangelogLine(text) > 0, SourceKind.LIQUIBASE_GROOVY);
            default:
                break;
        }
        if (ChangelogSignature.isFormattedSql(text)) {
            return SourceClassification.of(SourceKind.LIQUIBASE_FORMATTED_SQL);
        }
        Optional<FlywayScriptName> flyway = naming.parse(name);
        return flyway.map(parsed -> new SourceClassification(parsed.kind(), flyway))
                .orElseGet(() -> SourceClassification.of(SourceKind.PLAIN_SQL));
    }

    /**
     * The line (from 1) on which a Groovy changelog's databaseChangeLog closure begins, where a finding about the
     * whole changelog belongs; 0 when the text is no Groovy changelog.
     */
    public static int groovyChangelogLine(String text) {
        return ChangelogSignature.groovyChangelogLine(text);
    }

    private static SourceClassification structured(boolean isChangelog, SourceKind kind) {
        return SourceClassification.of(isChangelog ? kind : SourceKind.OTHER);
    }
}
