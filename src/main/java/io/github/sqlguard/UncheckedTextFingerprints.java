package io.github.sqlguard;

import io.github.sqlguard.model.ContentHash;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.LineIndex;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.rules.FileDiagnostics;
import io.github.sqlguard.suppress.Fingerprint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints the diagnostics that say part of a file was not checked over that part's text. Their finding
 * stands on no statement, so the usual fingerprint (rule, file, statement) would stay the same whatever the
 * unchecked text becomes: a baseline entry accepted for an old script with a comment left open would then
 * also accept a {@code DROP TABLE} added after it.
 */
final class UncheckedTextFingerprints {

    private static final int SAMPLE_BYTES = 64 * 1024;

    private UncheckedTextFingerprints() {
    }

    /**
     * The findings, those that left text unchecked fingerprinted over it; the first line of that text goes into
     * {@code statementSql}, where the baseline shows it beside the entry.
     *
     * @param texts the text of each file the findings may stand in, by relative path; unknown or empty texts
     *     leave their findings as they are
     */
    static List<Finding> apply(List<Finding> findings, Map<String, String> texts, Map<Location, String> statementSql) {
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            String text = texts.get(finding.location().path());
            String unchecked = text == null || text.isBlank() ? null : uncheckedPart(finding, text);
            if (unchecked == null) {
                result.add(finding);
                continue;
            }
            result.add(finding.withFingerprint(Fingerprint.ofUncheckedText(finding.ruleId(),
                    finding.location().path(), unchecked)));
            statementSql.putIfAbsent(finding.location(), unchecked.strip().lines().findFirst().orElse(""));
        }
        return result;
    }

    /**
     * An unreadable file's finding, fingerprinted over what can be told of its bytes without holding them: its
     * size and its first and last 64 KiB. A baseline entry for a binary or oversized file then stops matching once
     * the file is edited (a statement appended changes its size and its end), so the edit is reported again.
     */
    static Finding ofUnreadableFile(Finding finding, Path file) {
        return finding.withFingerprint(Fingerprint.ofUncheckedText(finding.ruleId(), finding.location().path(),
                "unreadable file " + sampleOf(file)));
    }

    private static String sampleOf(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ContentHash hash = new ContentHash();
            ByteBuffer buffer = ByteBuffer.allocate(SAMPLE_BYTES);
            // A file no larger than one sample is read once, whole.
            long[] positions = size > SAMPLE_BYTES ? new long[] {0, size - SAMPLE_BYTES} : new long[] {0};
            for (long position : positions) {
                buffer.clear();
                int read = channel.read(buffer, position);
                hash.add(buffer.array(), 0, Math.max(0, read));
            }
            return size + " bytes, sampled " + hash.hex();
        } catch (IOException | RuntimeException e) {
            return "that cannot be opened";
        }
    }

    /** What the finding left unchecked: the rest of the file from an unterminated token's line, or all of it. */
    private static String uncheckedPart(Finding finding, String text) {
        String rule = finding.ruleId();
        if (rule.equals(FileDiagnostics.UNTERMINATED_TOKEN.id())) {
            return text.substring(new LineIndex(text).lineStart(finding.location().line()));
        }
        if (rule.equals(FileDiagnostics.MALFORMED_CHANGELOG.id()) || rule.equals(FileDiagnostics.ANALYSIS_FAILED.id())) {
            return text;
        }
        return null;
    }
}
