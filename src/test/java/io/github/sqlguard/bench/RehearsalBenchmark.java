package io.github.sqlguard.bench;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.rehearse.EmbeddedRehearsal;
import io.github.sqlguard.rehearse.RehearsalMigration;
import io.github.sqlguard.rehearse.RehearsalSettings;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Rehearses a folder of diesel-style migrations ({@code <name>/up.sql}, applied in name order), treating
 * the last ones as new, and prints what it cost and found. Run:
 * {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.sqlguard.bench.RehearsalBenchmark
 * -Dexec.args="../shared/corpus/real/LemmyNet-lemmy/migrations <binaries jar> --new 10"}.
 */
public final class RehearsalBenchmark {

    private RehearsalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Path binaries = Path.of(args[1]);
        int newOnes = args.length > 3 && args[2].equals("--new") ? Integer.parseInt(args[3]) : 10;
        List<Path> ups;
        try (Stream<Path> entries = Files.list(folder)) {
            ups = entries.map(dir -> dir.resolve("up.sql")).filter(Files::isRegularFile).sorted().toList();
        }
        StatementSplitter splitter = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT);
        List<RehearsalMigration> migrations = new ArrayList<>();
        // diesel keeps its bookkeeping table beside the schema, and a migration may refer to it.
        migrations.add(new RehearsalMigration("diesel", splitter.split("diesel", "CREATE TABLE __diesel_schema_migrations"
                + " (version varchar(50) PRIMARY KEY, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)"), true));
        for (int i = 0; i < ups.size(); i++) {
            Path up = ups.get(i);
            String path = folder.relativize(up).toString();
            migrations.add(new RehearsalMigration(path, splitter.split(path, Files.readString(up, StandardCharsets.UTF_8)),
                    i < ups.size() - newOnes));
        }
        EmbeddedRehearsal.Result result = EmbeddedRehearsal.run(binaries, migrations,
                new RehearsalSettings(RehearsalSettings.DEFAULT_ROWS, RehearsalSettings.DEFAULT_MAX_ROW_SHARE));
        System.out.printf(Locale.ROOT, "%d migrations (%d new): %d applied, %d failed, %d statements; "
                + "%.1f s in all, database start %.1f s%n", migrations.size(), newOnes, result.outcome().applied(),
                result.outcome().failed(), result.outcome().statements(), result.total().toMillis() / 1000.0,
                result.startup().toMillis() / 1000.0);
        for (Finding finding : result.outcome().findings()) {
            System.out.println(finding.location() + " [" + finding.ruleId() + "] " + finding.message());
        }
        result.outcome().notes().forEach(note -> System.out.println("note: " + note));
    }
}
