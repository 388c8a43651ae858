package dev.lofi.cli;

import picocli.CommandLine.IVersionProvider;

/** The version line of {@code lofi --version}, read from the jar's manifest. */
public final class LofiVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Lofi.class.getPackage().getImplementationVersion();
    return new String[] {"lofi " + (version == null ? "(development build)" : version),
        "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name")
            + " " + System.getProperty("os.arch")};
  }
}
