package io.github.sqlguard.report;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.ContentHash;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Remembers what the report files were written from, so that a run with nothing new to report leaves them as
 * they are instead of writing megabytes of identical text. The stamp holds a hash of the report data (every
 * component but the elapsed time and the source-line lookup), the formats, the directory and the writing code,
 * then each written file's size and modification time: a report file that was deleted or edited since is
 * written again. The reports keep the elapsed time of the run that wrote them.
 */
public final class ReportStamp {

    /** Not part of any file's content, or not comparable: the timing of the run and a function. */
    private static final Set<String> IGNORED = Set.of("elapsed", "sourceLine");

    private ReportStamp() {
    }

    /**
     * Writes the reports as {@link ReportFiles#writeAll} does, unless {@code stamp} shows that the same data
     * was already written to the same, untouched files.
     *
     * @param codeIdentity identifies the code writing the reports; a rebuilt plugin may write them differently
     * @return true when the reports were written, false when they were left as they were
     * @throws IOException naming the report that could not be written
     */
    public static boolean writeChanged(ReportData data, Path directory, Set<ReportFormat> formats, Path stamp,
            String codeIdentity) throws IOException {
        String key = key(data, directory, formats, codeIdentity);
        List<Path> files = new ArrayList<>();
        for (ReportFormat format : new TreeSet<>(formats)) {
            files.add(directory.resolve(format.fileName()));
        }
        if (key.equals(read(stamp)) && stampedFilesUntouched(stamp, files)) {
            return false;
        }
        Files.deleteIfExists(stamp);
        List<Path> written = ReportFiles.writeAll(data, directory, formats);
        StringBuilder text = new StringBuilder(key).append('\n');
        for (Path file : written) {
            text.append(describe(file)).append('\n');
        }
        Files.createDirectories(stamp.toAbsolutePath().getParent());
        Files.writeString(stamp, text, StandardCharsets.UTF_8);
        return true;
    }

    private static String key(ReportData data, Path directory, Set<ReportFormat> formats, String codeIdentity) {
        StampDigest digest = new StampDigest();
        update(digest, codeIdentity);
        update(digest, directory.toAbsolutePath().normalize().toString());
        update(digest, new TreeSet<>(formats).toString());
        for (RecordComponent component : ReportData.class.getRecordComponents()) {
            if (!IGNORED.contains(component.getName())) {
                update(digest, component.getName());
                // Records print every component. A list goes element by element: no string of megabytes.
                Object value = valueOf(component, data);
                if (value instanceof List<?> list) {
                    update(digest, "list " + list.size());
                    for (Object element : list) {
                        if (element instanceof Finding finding) {
                            updateFinding(digest, finding);
                        } else if (element instanceof RuleDescription rule) {
                            updateRule(digest, rule);
                        } else {
                            update(digest, String.valueOf(element));
                        }
                    }
                } else {
                    update(digest, String.valueOf(value));
                }
            }
        }
        return digest.hex();
    }

    private static boolean stampedFilesUntouched(Path stamp, List<Path> files) {
        try {
            List<String> lines = Files.readAllLines(stamp, StandardCharsets.UTF_8);
            if (lines.size() != files.size() + 1) {
                return false;
            }
            for (int i = 0; i < files.size(); i++) {
                if (!Files.isRegularFile(files.get(i)) || !lines.get(i + 1).equals(describe(files.get(i)))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String describe(Path file) throws IOException {
        return file.getFileName() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
    }

    /** The stamp's key, or an empty string when there is no readable stamp. */
    private static String read(Path stamp) {
        try {
            if (!Files.isRegularFile(stamp)) {
                return "";
            }
            List<String> lines = Files.readAllLines(stamp, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Object valueOf(RecordComponent component, ReportData data) {
        try {
            return component.getAccessor().invoke(data);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read report data " + component.getName(), e);
        }
    }

    /**
     * Every component of a finding, field by field: a record's generated {@code toString} runs through method
     * handles, which costs a fresh JVM a good share of a run that has nothing new to report.
     */
    static void updateFinding(StampDigest digest, Finding finding) {
        update(digest, "finding");
        update(digest, finding.ruleId());
        update(digest, finding.severity().name());
        digest.addRepeated(finding.location().path());
        update(digest, Integer.toString(finding.location().line()));
        update(digest, Integer.toString(finding.location().column()));
        update(digest, finding.message());
        digest.addRepeated(finding.hint());
        update(digest, finding.excerpt());
        Acknowledgement acknowledgement = finding.acknowledgement();
        update(digest, acknowledgement == null ? "open" : acknowledgement.source().name());
        if (acknowledgement != null) {
            update(digest, acknowledgement.reason());
            update(digest, acknowledgement.where());
        }
        update(digest, finding.fingerprint());
    }

    /** Every component of a rule's description, for the same reason as {@link #updateFinding}. */
    static void updateRule(StampDigest digest, RuleDescription rule) {
        update(digest, "rule");
        update(digest, rule.id());
        update(digest, rule.defaultSeverity().name());
        update(digest, rule.title());
        update(digest, rule.rationale());
        update(digest, rule.hint());
    }

    private static void update(StampDigest digest, String text) {
        digest.add(String.valueOf(text));
    }

    /** A hash of length-prefixed texts: each text is told apart from the next. */
    static final class StampDigest {

        private final ContentHash hash = new ContentHash();
        private final Map<String, String> repeated = new IdentityHashMap<>();

        void add(String text) {
            hash.add(Integer.toString(text.length())).add(":").add(text);
        }

        /**
         * Adds a text that many findings share (a file's path, a rule's hint) by its own hash, taken once per
         * string: findings read from the analysis cache share one string for each repeated text.
         */
        void addRepeated(String text) {
            String value = String.valueOf(text);
            String digest = repeated.get(value);
            if (digest == null) {
                digest = ContentHash.of(value);
                repeated.put(value, digest);
            }
            add(digest);
        }

        String hex() {
            return hash.hex();
        }
    }
}
