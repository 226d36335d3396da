package org.stepwise.store;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The start of a test's child JVM command line ({@code java}, options, {@code -cp}), made quicker to start.
 * A JVM that opens a store spends about 1.5 s of processor time loading and linking some 1,600 classes of
 * H2 and jOOQ before it does anything; a class-data-sharing archive of them halves that, which counts
 * where a test starts twenty such JVMs one after the other ({@link CrashTest}).
 *
 * <p>Made once per test JVM, in a temporary folder removed at exit: the compiled main and test classes
 * packed into one jar (an archive cannot hold classes read from folders), and the archive written by a
 * training child that creates, fills, closes and reopens a store ({@code StoreChildProcess train}). A
 * child then runs the same classes as it would from the folders. If the archive cannot be made, children
 * start without it: slower, and otherwise the same. The JVM's own messages go to standard error, so a
 * child's standard output holds only what the child prints.
 */
public final class ChildJvm {

    /** The options every store child runs with (the archive is written with the same). */
    private static final List<String> OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-Xlog:disable", "-Xlog:all=warning:stderr");

    private static List<String> prefix;

    private ChildJvm() {
    }

    /** {@code java}, the child options, the archive if there is one, and {@code -cp} with the class path. */
    public static synchronized List<String> command() {
        if (prefix == null) {
            prefix = make();
        }
        return new ArrayList<>(prefix);
    }

    private static List<String> make() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<String> plain = new ArrayList<>(List.of(java));
        plain.addAll(OPTIONS);
        plain.addAll(List.of("-cp", classPath));
        try {
            Path folder = Files.createTempDirectory("stepwise-child-jvm");
            deleteAtExit(folder);
            String packed = packed(classPath, folder.resolve("classes.jar"));
            Path archive = folder.resolve("children.jsa");
            Path store = folder.resolve("training-store");
            List<String> training = new ArrayList<>(List.of(java));
            training.addAll(OPTIONS);
            training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-cp", packed,
                    StoreChildProcess.class.getName(), "train", store.toString()));
            Path log = folder.resolve("training.log");
            Process process = new ProcessBuilder(training).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return without("the training child did not finish in 120 s", plain);
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(archive)) {
                List<String> lines = Files.readAllLines(log);
                return without("the training child ended with status " + process.exitValue() + ": "
                        + lines.subList(Math.max(0, lines.size() - 5), lines.size()), plain);
            }
            List<String> quick = new ArrayList<>(List.of(java));
            quick.addAll(OPTIONS);
            quick.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-cp", packed));
            return quick;
        } catch (IOException e) {
            return without(e.toString(), plain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return without("interrupted", plain);
        }
    }

    private static List<String> without(String reason, List<String> plain) {
        System.err.println("Child JVMs start without a class-data archive: " + reason);
        return plain;
    }

    /** The class path with its folders packed into one jar in their place (first, as the first folder was). */
    private static String packed(String classPath, Path jar) throws IOException {
        List<String> jars = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            if (Files.isDirectory(Path.of(entry))) {
                folders.add(Path.of(entry));
            } else {
                jars.add(entry);
            }
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            Set<String> written = new HashSet<>();
            for (Path folder : folders) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path path : files.filter(path -> !path.equals(folder)).sorted().toList()) {
                        // Folders get their own entries too: Flyway finds its scripts by the folder's name.
                        boolean isFolder = Files.isDirectory(path);
                        String name = folder.relativize(path).toString().replace(File.separatorChar, '/')
                                + (isFolder ? "/" : "");
                        if (!written.add(name)) {
                            continue;
                        }
                        out.putNextEntry(new JarEntry(name));
                        if (!isFolder) {
                            Files.copy(path, out);
                        }
                        out.closeEntry();
                    }
                }
            }
        }
        jars.addFirst(jar.toString());
        return String.join(File.pathSeparator, jars);
    }

    private static void deleteAtExit(Path folder) {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path path : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException ignored) {
                // A temporary folder: the system cleans it up in the end.
            }
        }));
    }
}
