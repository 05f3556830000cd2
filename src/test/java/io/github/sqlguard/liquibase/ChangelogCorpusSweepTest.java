package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.CorpusFiles;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.source.SourceClassifier;
import io.github.sqlguard.source.SourceKind;
import io.github.sqlguard.sql.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads every changelog of real projects: nothing may throw, and every problem must be a finding. */
class ChangelogCorpusSweepTest {

    @ParameterizedTest
    @ValueSource(strings = {"apache-fineract", "liquibase-liquibase"})
    void everyChangelogIsReadWithoutException(String project) throws IOException {
        Path corpus = CorpusFiles.folder("real", project);
        List<Path> files = CorpusFiles.files(corpus, "");
        // Liquibase resolves non-relative paths on the classpath: every module's resources folder.
        List<Path> searchRoots = files.stream().map(Path::getParent).distinct()
                .flatMap(ChangelogCorpusSweepTest::resourcesFolderOf).distinct().toList();
        Set<Path> processed = new HashSet<>();
        int changelogs = 0;
        int changesets = 0;
        int statements = 0;
        int misplaced = 0;
        TreeMap<String, Integer> problemsByRule = new TreeMap<>();
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (processed.contains(file.toAbsolutePath().normalize())
                    || !isChangelog(file.getFileName().toString(), text)) {
                continue;
            }
            changelogs++;
            String relative = corpus.relativize(file).toString().replace('\\', '/');
            Changelog changelog = ChangelogReader.read(file, relative, text,
                    new LiquibaseOptions(ScriptMode.CHECK, null, null, searchRoots));
            processed.addAll(changelog.processedFiles());
            misplaced += misplacedStatements(corpus, changelog);
            changesets += changelog.changesets();
            statements += changelog.statementCount();
            for (Finding problem : changelog.problems()) {
                problemsByRule.merge(problem.ruleId(), 1, Integer::sum);
                if (Boolean.getBoolean("sqlguard.sweep.verbose")) {
                    System.out.println("  " + problem.location() + " " + problem.ruleId() + " " + problem.message());
                }
                assertTrue(problem.location().line() >= 1);
            }
        }
        System.out.printf(Locale.ROOT, "%s: files=%d changelogs=%d (+%d included) changesets=%d statements=%d "
                + "problems=%s%n", project, files.size(), changelogs, processed.size() - changelogs, changesets,
                statements, problemsByRule);
        assertTrue(changelogs > 0, "no changelog recognised under " + corpus);
        assertEquals(0, misplaced, "statements whose position does not show their first token or element");
    }

    /** A changelog as the scan recognises one: a structured changelog or formatted SQL. */
    private static boolean isChangelog(String name, String text) {
        SourceKind kind = new SourceClassifier().classify(name, text).kind();
        return kind.isStructuredChangelog() || kind == SourceKind.LIQUIBASE_FORMATTED_SQL;
    }

    /** Statements whose file position shows neither their first token nor the start of a change element. */
    private static int misplacedStatements(Path corpus, Changelog changelog) throws IOException {
        int misplaced = 0;
        for (ChangelogScript script : changelog.scripts()) {
            List<String> lines = Files.readAllLines(corpus.resolve(script.relativePath()), StandardCharsets.UTF_8);
            for (Statement statement : script.script().statements()) {
                String line = lines.get(statement.start().line() - 1).replace("\uFEFF", "");
                String at = line.substring(Math.min(line.length(), statement.start().column() - 1));
                String first = statement.firstToken().text();
                boolean element = at.startsWith("<") || at.matches("^\"?[a-zA-Z]+\"?:.*");
                if (!at.startsWith(first) && !element) {
                    misplaced++;
                    System.out.println("  misplaced " + statement.start() + " '" + first + "' but line has: " + at);
                }
            }
        }
        return misplaced;
    }

    private static Stream<Path> resourcesFolderOf(Path folder) {
        for (Path p = folder; p != null && p.getParent() != null && p.getParent().getParent() != null;
                p = p.getParent()) {
            if (p.getFileName().toString().equals("resources") && p.getParent().getParent().getFileName().toString()
                    .equals("src")) {
                return Stream.of(p);
            }
        }
        return Stream.empty();
    }
}
