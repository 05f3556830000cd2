package io.github.sqlguard;

import io.github.sqlguard.rules.FileDiagnostics;
import io.github.sqlguard.source.ScanProblem;
import io.github.sqlguard.source.ScanResult;
import io.github.sqlguard.source.SourcePath;
import io.github.sqlguard.source.SourceScanner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The library entry point: finds the migration files, analyses each one independently (in parallel), then
 * applies the project-wide acknowledgements. Knows nothing of Maven.
 */
public final class Linter {

    private static final long WORKER_STACK_BYTES = 64L * 1024 * 1024;

    /**
     * Runs the analysis.
     *
     * @throws IllegalArgumentException when the configuration names an unknown rule, severity or glob, or the
     *     baseline file is malformed; the message says what to fix
     */
    public LintResult run(LintConfig config) {
        long started = System.nanoTime();
        LintSession session = new LintSession(config);
        ScanResult scan = new SourceScanner(config.includes(), config.excludes())
                .scan(config.directories(), config.baseDir());

        List<FileOutcome> outcomes = analyseAll(scan.files(), session, config.threads());

        List<Finding> findings = new ArrayList<>();
        List<String> scannedFiles = new ArrayList<>();
        int statements = 0;
        int alreadyApplied = 0;
        for (FileOutcome outcome : outcomes) {
            findings.addAll(outcome.findings());
            statements += outcome.statements();
            if (outcome.alreadyApplied()) {
                alreadyApplied++;
            } else if (outcome.scanned()) {
                scannedFiles.add(outcome.path());
            }
        }
        for (ScanProblem problem : scan.problems()) {
            findings.add(session.fileProblem(FileDiagnostics.UNREADABLE_FILE, problem.relativePath(), 1, problem.message()));
        }
        List<String> notes = new ArrayList<>();
        for (Path missing : scan.missingDirectories()) {
            notes.add("directory " + missing + " does not exist; nothing checked there");
        }
        List<Finding> acknowledged = session.applyProjectAcknowledgements(withoutDuplicates(findings), outcomes);
        Collections.sort(acknowledged);
        Map<Location, String> statementSql = new HashMap<>();
        outcomes.forEach(outcome -> statementSql.putAll(outcome.statementSql()));
        return new LintResult(acknowledged, scannedFiles, statements, alreadyApplied, notes, session.ruleInfos(),
                Duration.ofNanos(System.nanoTime() - started), statementSql);
    }

    private static List<FileOutcome> analyseAll(List<SourcePath> files, LintSession session, int threads) {
        // Workers get a large stack: SQL nests, and the parser and the token rules recurse with it.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, files.size())), runnable -> {
            Thread thread = new Thread(null, runnable, "sqlguard-worker", WORKER_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<FileOutcome>> futures = new ArrayList<>();
            for (SourcePath file : files) {
                futures.add(pool.submit(() -> session.analyse(file)));
            }
            List<FileOutcome> outcomes = new ArrayList<>();
            for (Future<FileOutcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing migrations", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A Liquibase file included by several changelogs is analysed each time; report each finding once. */
    private static List<Finding> withoutDuplicates(List<Finding> findings) {
        Set<String> seen = new LinkedHashSet<>();
        List<Finding> unique = new ArrayList<>();
        for (Finding finding : findings) {
            if (seen.add(finding.location() + "|" + finding.ruleId() + "|" + finding.message())) {
                unique.add(finding);
            }
        }
        return unique;
    }
}
