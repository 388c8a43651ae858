package dev.lofi.model.head;

import ai.djl.MalformedModelException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The structural values a head's checkpoint must agree on (class count, widths, layers), by name
 * in a fixed order: written with the parameters and checked on load, so a checkpoint of another
 * structure fails naming what differs instead of loading into the wrong shapes.
 */
public final class HeadStructure {

  private HeadStructure() {}

  /** Throws unless a checkpoint's parameter format {@code found} is the head's {@code version}. */
  public static void checkVersion(byte version, byte found, String head) throws MalformedModelException {
    if (found != version) {
      throw new MalformedModelException(head + " reads parameter format version " + version
          + ", the checkpoint has version " + found);
    }
  }

  /** Writes {@code structure} after the head's version byte. */
  public static void write(DataOutputStream os, Map<String, Integer> structure) throws IOException {
    os.writeInt(structure.size());
    for (Map.Entry<String, Integer> e : structure.entrySet()) {
      os.writeUTF(e.getKey());
      os.writeInt(e.getValue());
    }
  }

  /** Reads a written structure and throws, naming both, unless it is {@code expected}. */
  public static void check(DataInputStream is, Map<String, Integer> expected, String head)
      throws IOException, MalformedModelException {
    int count = is.readInt();
    Map<String, Integer> found = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      found.put(is.readUTF(), is.readInt());
    }
    if (!found.equals(expected)) {
      throw new MalformedModelException("checkpoint of " + head + " has structure " + found + ", this head has "
          + expected);
    }
  }
}
