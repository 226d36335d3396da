package org.stepwise.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer whose {@code java} is older than 25 (JDK 17 is the default on many Linux machines), with no
 * {@code JAVA_HOME}: Maven itself starts in this project (so {@code .mvn/jvm.config} holds nothing an
 * older JVM refuses), and {@code mvn verify} stops at once, before anything is compiled, with the
 * enforcer's message naming JDK 25.
 *
 * <p>It runs the project's own {@code pom.xml} and {@code .mvn/}, copied into a scratch folder (so a
 * build that wrongly went on could not touch this one), with the Maven that runs this build and its
 * local repository, offline. The older JDK is the one named by the system property
 * {@code stepwise.olderJdk}, else the first JDK older than 25 under {@code /usr/lib/jvm}; with none,
 * or no Maven, the test is skipped and says why.
 */
class OlderJdkTest {

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)[^\"]*\"", Pattern.MULTILINE);
    /** "Within seconds": Maven's start and the enforcer take one to three seconds on an idle machine. */
    private static final long LIMIT_SECONDS = 60;

    private static Path olderJdk;
    private static Path mvn;

    @TempDir
    Path scratch;

    @BeforeAll
    static void findAnOlderJdkAndMaven() throws IOException {
        Optional<Path> jdk = olderJdk();
        assumeTrue(jdk.isPresent(), "no JDK older than 25 here (set -Dstepwise.olderJdk=DIR to name one)");
        olderJdk = jdk.get();
        Optional<Path> maven = maven();
        assumeTrue(maven.isPresent(), "no mvn found (neither maven.home nor PATH)");
        mvn = maven.get();
    }

    @Test
    void mavenStartsInTheProjectOnTheOlderJdk() throws Exception {
        Result version = runMaven("-version");

        assertEquals(0, version.status(), version.output());
        assertTrue(version.output().contains("Java version: " + feature(olderJdk)), version.output());
    }

    @Test
    void verifyStopsAtOnceNamingJdk25() throws Exception {
        long started = System.nanoTime();
        Result verify = runMaven("verify");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        assertNotEquals(0, verify.status(), verify.output());
        assertTrue(verify.output().contains("Stepwise needs JDK 25: set JAVA_HOME to a JDK 25"), verify.output());
        assertFalse(verify.output().contains("jooq-codegen"), "it stops before the code generation: " + verify.output());
        assertFalse(verify.output().contains("maven-compiler-plugin"), "and before compiling: " + verify.output());
        assertFalse(verify.output().contains("Unrecognized option"), verify.output());
        assertTrue(seconds < LIMIT_SECONDS, "stopped after " + seconds + " s");
    }

    private record Result(int status, String output) {
    }

    /** Runs {@code mvn -o ARG} in a copy of the project's build files, with the older JDK as {@code java}. */
    private Result runMaven(String goal) throws IOException, InterruptedException {
        Path project = Path.of("").toAbsolutePath();
        Files.copy(project.resolve("pom.xml"), scratch.resolve("pom.xml"));
        Files.createDirectories(scratch.resolve(".mvn"));
        try (Stream<Path> files = Files.list(project.resolve(".mvn"))) {
            for (Path file : files.toList()) {
                Files.copy(file, scratch.resolve(".mvn").resolve(file.getFileName()));
            }
        }
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-o"));
        String repository = System.getProperty("maven.repo.local", "");
        if (!repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.add(goal);
        Path log = scratch.resolve("maven.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("JAVA_HOME");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("MAVEN_SKIP_RC", "true");
        env.put("PATH", olderJdk.resolve("bin") + File.pathSeparator + env.getOrDefault("PATH", ""));
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(2 * LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Optional<Path> olderJdk() throws IOException {
        String named = System.getProperty("stepwise.olderJdk", "");
        if (!named.isBlank()) {
            return Optional.of(Path.of(named));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
                    .filter(home -> feature(home) > 0 && feature(home) < 25)
                    .min(Comparator.comparing(Path::toString));
        }
    }

    /** The JDK's feature release from its {@code release} file (17 for 17.0.15), or 0 if unreadable. */
    private static int feature(Path home) {
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Optional<Path> maven() {
        String home = System.getProperty("maven.home", "");
        if (!home.isBlank() && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Optional.of(Path.of(home, "bin", "mvn"));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "mvn"))) {
                return Optional.of(Path.of(dir, "mvn"));
            }
        }
        return Optional.empty();
    }
}
