package io.github.sqlguard.rehearse;

import io.github.sqlguard.FlywayConfig;
import io.github.sqlguard.LintConfig;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.source.FlywayNaming;
import io.github.sqlguard.source.FlywayScriptName;
import io.github.sqlguard.source.FlywayVersion;
import io.github.sqlguard.source.ReadResult;
import io.github.sqlguard.source.ScanResult;
import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.source.SourceClassifier;
import io.github.sqlguard.source.SourceKind;
import io.github.sqlguard.source.SourcePath;
import io.github.sqlguard.source.SourceReader;
import io.github.sqlguard.source.SourceScanner;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The project's Flyway migrations in the order Flyway applies them: versioned scripts by version, then
 * repeatable scripts by description; found, read, named and split exactly as {@code check} does.
 */
public final class FlywayMigrations {

    private FlywayMigrations() {
    }

    /**
     * What to rehearse, and notes on what is left out.
     *
     * @param migrations the migrations in order
     * @param notes files that are not rehearsed, and why
     */
    public record Found(List<RehearsalMigration> migrations, List<String> notes) {

        public Found {
            migrations = List.copyOf(migrations);
            notes = List.copyOf(notes);
        }
    }

    /** @throws IllegalArgumentException when {@code sinceVersion} is not a Flyway version */
    public static Found of(LintConfig config) {
        FlywayConfig flyway = config.flyway();
        FlywayVersion since = flyway.sinceVersion() == null ? null : FlywayVersion.parse(flyway.sinceVersion());
        SourceClassifier classifier = new SourceClassifier(new FlywayNaming(flyway.versionedPrefix(),
                flyway.undoPrefix(), flyway.repeatablePrefix(), flyway.separator(), flyway.suffixes()));
        StatementSplitter splitter = new StatementSplitter(Dialect.POSTGRESQL, new Placeholders(
                flyway.placeholderPrefix(), flyway.placeholderSuffix(), flyway.placeholders()));
        ScanResult scan = new SourceScanner(config.includes(), config.excludes(), flyway.naming()).scan(config.directories(),
                config.baseDir());
        List<String> notes = new ArrayList<>();
        List<Ordered> ordered = new ArrayList<>();
        int liquibase = 0;
        for (SourcePath file : scan.files()) {
            ReadResult read = SourceReader.read(file.file(), config.encoding(), config.maxFileBytes());
            if (read instanceof ReadResult.Unreadable unreadable) {
                notes.add(file.relativePath() + " was not rehearsed: " + unreadable.reason());
                continue;
            }
            String text = ((ReadResult.Text) read).text();
            SourceClassification classification = classifier.classify(file, text);
            SourceKind kind = classification.kind();
            if (kind == SourceKind.FLYWAY_VERSIONED || kind == SourceKind.FLYWAY_REPEATABLE) {
                FlywayScriptName name = classification.flywayName().orElseThrow();
                boolean applied = since != null && name.version().map(v -> v.compareTo(since) <= 0).orElse(false);
                ordered.add(new Ordered(name, new RehearsalMigration(file.relativePath(),
                        splitter.split(file.relativePath(), text), applied)));
            } else if (kind == SourceKind.LIQUIBASE_FORMATTED_SQL || kind.isStructuredChangelog()) {
                liquibase++;
            }
        }
        if (liquibase > 0) {
            notes.add(liquibase + " Liquibase changelog(s) were not rehearsed: the rehearsal runs Flyway migrations only");
        }
        ordered.sort(Comparator.comparing((Ordered o) -> o.name().kind() == SourceKind.FLYWAY_REPEATABLE)
                .thenComparing(o -> o.name().version().orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(o -> o.name().description()));
        return new Found(ordered.stream().map(Ordered::migration).toList(), notes);
    }

    private record Ordered(FlywayScriptName name, RehearsalMigration migration) {
    }
}
