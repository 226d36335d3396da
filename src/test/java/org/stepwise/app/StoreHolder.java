package org.stepwise.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.stepwise.store.ChildJvm;

/** A second Stepwise process holding a data folder's store open (the store tests' child process, mode "hold"). */
final class StoreHolder implements AutoCloseable {

    private final Process process;

    private StoreHolder(Process process) {
        this.process = process;
    }

    /** Starts the holder and returns once it says the store is open. */
    static StoreHolder open(Path dataFolder) throws IOException {
        List<String> command = ChildJvm.command();
        command.addAll(List.of("org.stepwise.store.StoreChildProcess", "hold", dataFolder.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.startsWith("holding")) {
            process.destroyForcibly();
            throw new IllegalStateException("the holding process did not open the store: " + line);
        }
        return new StoreHolder(process);
    }

    /** Lets the holder close the store and end, and waits for it. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the holding process failed");
        }
    }
}
