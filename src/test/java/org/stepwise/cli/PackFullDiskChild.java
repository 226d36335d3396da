package org.stepwise.cli;

/**
 * For {@link PackCommandTest}: {@code <outcome file> <pdf>} runs {@code stepwise pack} with a file-size
 * limit ({@code ulimit -f}) so that the disk is "full" part way through the pack; prints the exit
 * status and what the command said on standard error.
 */
public final class PackFullDiskChild {

    private PackFullDiskChild() {
    }

    public static void main(String[] args) {
        StoreFreeCommands commands = new StoreFreeCommands();
        int status = commands.run("pack", args[0], "--out", args[1]);
        System.out.println("status " + status);
        System.out.println(commands.err.toString().strip());
    }
}
